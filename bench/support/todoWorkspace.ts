// Generated workspaces of N TODO comments (P1, P7, M, soak): TypeScript and Python files of 50 TODOs
// each amid ordinary code, every TODO with a contact (and some a company / deal) hint by id, so each
// becomes a task WITH associations. Deterministic: the same N gives the same files.
import * as fs from 'fs';
import * as path from 'path';
import { CACHE } from './paths';

export const TODOS_PER_FILE = 50;
/** The sandbox's CRM records (every seed has them): contacts 51000001…, companies 52000001…, deals 53000001…. */
const CONTACTS = 50;

export function todoWorkspace(n: number): string {
  const root = path.join(CACHE, `todos-${n}`);
  const stamp = path.join(root, '.complete-v1');
  if (fs.existsSync(stamp)) {
    return root;
  }
  fs.rmSync(root, { recursive: true, force: true });
  fs.mkdirSync(path.join(root, 'src'), { recursive: true });
  for (let file = 0, i = 0; i < n; file++) {
    const python = file % 3 === 2;
    const lines: string[] = [python ? 'import os' : "import * as path from 'path';", ''];
    for (let k = 0; k < TODOS_PER_FILE && i < n; k++, i++) {
      const contact = 51000001 + (i % CONTACTS);
      const extra = i % 4 === 0 ? ` @company:${52000001 + (i % CONTACTS)}` : i % 4 === 1 ? ` @deal:${53000001 + (i % CONTACTS)}` : '';
      const priority = ['!high', '!medium', '!low', ''][i % 4];
      const comment = python ? '#' : '//';
      lines.push(`${comment} TODO: handle case ${i} of the import @contact:${contact}${extra} ${priority} due:+${1 + (i % 20)}d`.trimEnd());
      lines.push(python ? `def step_${i}(x):\n    return x + ${i}\n` : `export function step${i}(x: number): number {\n  return x + ${i};\n}\n`);
    }
    fs.writeFileSync(path.join(root, 'src', `module${file}.${python ? 'py' : 'ts'}`), lines.join('\n'));
  }
  fs.writeFileSync(stamp, '');
  return root;
}
