// The run fails on an unhandled rejection or uncaught error from our code: the harness reads the
// extension host log (test/harness/extHostLog.ts). These synthetic logs, in VS Code's format, show it
// finds ours and ignores other extensions' and ordinary lines.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { EXTENSION_ID, findExtensionErrors } from '../../harness/extHostLog';

describe('Reliability: the harness fails a run on our unhandled errors', () => {
  let dir: string;
  before(() => { dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hs-exthostlog-')); });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  function log(name: string, text: string): string {
    const file = path.join(dir, name);
    fs.writeFileSync(file, text);
    return file;
  }

  it('finds an unhandled rejection whose stack is ours, not one from another extension', () => {
    const ours = '/root/.vscode-test/extensions/hubspot-tasks-community.hubspot-tasks-0.1.0/dist/extension.js';
    const file = log('remoteexthost.log', [
      '2026-11-29 23:00:00.000 [info] Extension host started',
      '2026-11-29 23:00:01.000 [error] TypeError: Cannot read properties of undefined (reading \'trim\')',
      `    at AuthService.me (${ours}:1:2345)`,
      '    at process.processTicksAndRejections (node:internal/process/task_queues:95:5)',
      '2026-11-29 23:00:02.000 [error] Error: git failed',
      '    at Git.exec (/opt/code-server/lib/vscode/extensions/git/dist/main.js:2:100)',
      '2026-11-29 23:00:03.000 [warning] something harmless',
    ].join('\n'));
    const problems = findExtensionErrors([file], ['hubspot-tasks-community.hubspot-tasks']);
    assert.strictEqual(problems.length, 1);
    assert.match(problems[0].excerpt, /AuthService\.me/);
  });

  it('finds a failed activation and errors the workbench attributes to us', () => {
    const host = log('exthost.log', `2026-11-29 23:00:00.000 [error] Activating extension '${EXTENSION_ID}' failed: boom\n`);
    const console = log('browser-console.log', `[error] [${EXTENSION_ID}]rejected promise not handled within 1 second: Error: x\n[error] [other.ext]y\n`);
    assert.strictEqual(findExtensionErrors([host, console], ['nothing-matches']).length, 2);
  });

  it('a clean log has no problem', () => {
    const file = log('exthost2.log', '2026-11-29 23:00:00.000 [info] ok\n2026-11-29 23:00:00.000 [error] from elsewhere\n    at x (/other/path.js:1:1)\n');
    assert.deepStrictEqual(findExtensionErrors([file], ['hubspot-tasks-community.hubspot-tasks']), []);
  });
});
