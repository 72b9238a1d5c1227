// Child process of P5: require(dist/extension.js) + activate() over a fake `vscode` (signed out, a
// fresh profile), in a fresh process so `require` is not cached. Prints JSON {requireMs, activateMs}.
import * as path from 'path';
import { performance } from 'perf_hooks';
import { createFakeContext, createFakeVscode, installFakeVscode } from '../support/fakeVscode';
import { ROOT } from '../support/paths';

installFakeVscode(createFakeVscode());
const started = performance.now();
// eslint-disable-next-line @typescript-eslint/no-require-imports
const extension = require(path.join(ROOT, 'dist', 'extension.js')) as { activate(context: unknown): void; deactivate(): void };
const loaded = performance.now();
// activate() returns nothing (issue 12.1: other extensions must not reach the Container); deactivate()
// disposes what it built.
extension.activate(createFakeContext(ROOT));
const activated = performance.now();
extension.deactivate();
process.stdout.write(`${JSON.stringify({ requireMs: loaded - started, activateMs: activated - loaded })}\n`);
// Timers a signed-out extension may have started (auto refresh, reminders) must not keep us alive.
process.exit(0);
