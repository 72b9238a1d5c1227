// Starts the local HubSpot (sandbox/server.ts) in this process for a run, closed with the harness on Ctrl-C.
import { Sandbox, SandboxOptions, startSandbox as start } from '../../sandbox/server';
import { onCleanup } from './processes';

/** The running sandbox: its URL, request log, knobs and reset (see sandbox/types.ts). */
export type RunningSandbox = Sandbox;

export async function startSandbox(options: SandboxOptions = {}): Promise<RunningSandbox> {
  const sandbox = await start({ seed: 'demo', ...options });
  const unregister = onCleanup(() => sandbox.close());
  const close = sandbox.close.bind(sandbox);
  sandbox.close = async () => {
    unregister();
    await close();
  };
  return sandbox;
}
