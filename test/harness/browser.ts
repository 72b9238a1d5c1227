// Debian's Chromium driven by playwright-core (no browser download). The flags keep it off the network this
// machine does not have (without them Chromium's background connections are refused, many at a time).
import { Browser, chromium } from 'playwright-core';
import { ensureProvisioned } from './paths';
import { onCleanup } from './processes';

export async function launchChromium(): Promise<Browser> {
  const browser = await chromium.launch({
    executablePath: ensureProvisioned().chromium,
    headless: process.env.HEADED !== '1',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
    ],
  });
  const unregister = onCleanup(() => browser.close());
  browser.once('disconnected', unregister);
  return browser;
}
