// Reads the extension host's logs after a run and reports unhandled promise rejections and uncaught errors
// that come from our code (their stack points into this repository or our installed extension folder), and a
// failed activation of our extension. Such errors never fail a test by themselves, so the run fails on them.
import * as fs from 'fs';

export interface LogProblem {
  file: string;
  excerpt: string;
}

const EXTENSION_ID = 'hubspot-tasks-community.hubspot-tasks';
/** Lines that start a report of an error nobody handled. */
const UNHANDLED = /rejected promise not handled|unhandled(?:\s*promise)?\s*rejection|uncaught (?:exception|error)|onUnexpectedError|\[error\].*(?:unexpected|uncaught|unhandled)/i;
const ACTIVATION_FAILED = new RegExp(`Activating extension '?${EXTENSION_ID.replace('.', '\\.')}'? failed`, 'i');

/**
 * @param files log files to scan (extension host logs, the browser console capture)
 * @param ourPaths path fragments that identify our code in a stack (repo root, installed extension folder)
 */
export function findExtensionErrors(files: string[], ourPaths: string[]): LogProblem[] {
  const problems: LogProblem[] = [];
  for (const file of files) {
    const lines = fs.readFileSync(file, 'utf8').split('\n');
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i];
      if (ACTIVATION_FAILED.test(line)) {
        problems.push({ file, excerpt: lines.slice(i, i + 8).join('\n') });
        continue;
      }
      if (!UNHANDLED.test(line)) continue;
      // The report and its stack: up to the next log record (a line starting with a timestamp).
      const block = [line];
      for (let j = i + 1; j < lines.length && j < i + 40 && !/^\d{4}-\d\d-\d\d[ T]/.test(lines[j]); j++) block.push(lines[j]);
      const text = block.join('\n');
      if (ourPaths.some((fragment) => text.includes(fragment)) || text.includes(EXTENSION_ID)) {
        problems.push({ file, excerpt: text });
      }
      i += block.length - 1;
    }
  }
  return problems;
}
