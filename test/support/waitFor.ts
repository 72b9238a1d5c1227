// The one polling helper of every suite (unit, in-host, e2e): tests wait on state, never on fixed sleeps.
// No dependency beyond timers, so it runs in plain node, in the extension host and beside Playwright.

export interface WaitForOptions {
  /** Fails after this long (default 10 s). */
  timeoutMs?: number;
  /** Between probes (default 50 ms). */
  intervalMs?: number;
  /** Names the condition in the timeout error; a function is read at the deadline (it may report state). */
  what?: string | (() => string);
}

/**
 * Calls `probe` until it returns something other than `undefined` or `false`, and returns that. A probe that
 * throws counts as "not yet" (a UI element not rendered, a request refused); its last error is in the
 * timeout's message.
 */
export async function waitFor<T>(
  probe: () => T | undefined | false | Promise<T | undefined | false>,
  options: WaitForOptions = {},
): Promise<T> {
  const deadline = Date.now() + (options.timeoutMs ?? 10_000);
  let lastError: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined && value !== false) {
        return value;
      }
    } catch (error) {
      lastError = error;
    }
    if (Date.now() > deadline) {
      const what = typeof options.what === 'function' ? options.what() : (options.what ?? 'condition');
      const reason = lastError instanceof Error ? `: ${lastError.message}` : '';
      throw new Error(`timed out waiting for ${what}${reason}`);
    }
    await new Promise((resolve) => setTimeout(resolve, options.intervalMs ?? 50));
  }
}
