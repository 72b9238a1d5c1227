// Reads the logs of a run and reports errors nobody handled that come from our code: unhandled promise
// rejections and uncaught errors (VS Code logs them as `[error]` records of the extension host log, with a stack
// that points into this repository or our installed extension folder; the workbench also attributes them as
// `[<extension id>]message`), and a failed activation. They never fail a test by themselves, so the run fails.
import * as fs from 'fs';
import * as path from 'path';

export interface LogProblem {
  file: string;
  excerpt: string;
}

export const EXTENSION_ID = 'hubspot-tasks-community.hubspot-tasks';
const TIMESTAMP = /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d+ \[(\w+)\]/;
const ACTIVATION_FAILED = `Activating extension '${EXTENSION_ID}' failed`;
const ATTRIBUTED = `[${EXTENSION_ID}]`;
const MAX_EXCERPT_LINES = 12;

/**
 * @param files the run's log files: VS Code's (any `*exthost*.log` is parsed as such) and the captured browser console
 * @param ourPaths path fragments that identify our code in a stack (repo root, installed extension folder)
 */
export function findExtensionErrors(files: string[], ourPaths: string[]): LogProblem[] {
  return dedupe(scan(files, ourPaths));
}

/** The same error shows in the extension host log and in the workbench console: report it once, with a count. */
function dedupe(problems: LogProblem[]): LogProblem[] {
  const byMessage = new Map<string, LogProblem & { count: number }>();
  for (const problem of problems) {
    const key = (/Error: .*/.exec(problem.excerpt)?.[0] ?? problem.excerpt).trim();
    const seen = byMessage.get(key);
    if (seen) {
      seen.count++;
    } else {
      byMessage.set(key, { ...problem, count: 1 });
    }
  }
  return [...byMessage.values()].map(({ count, ...problem }) => (count > 1 ? { ...problem, excerpt: `${problem.excerpt}\n(seen ${count}× in the logs)` } : problem));
}

function scan(files: string[], ourPaths: string[]): LogProblem[] {
  const problems: LogProblem[] = [];
  for (const file of files) {
    const text = fs.readFileSync(file, 'utf8');
    if (/exthost.*\.log$/i.test(path.basename(file))) {
      for (const record of records(text)) {
        const ours = ourPaths.some((fragment) => record.text.includes(fragment));
        if ((record.level === 'error' && ours) || record.text.includes(ACTIVATION_FAILED)) {
          problems.push({ file, excerpt: excerpt(record.text) });
        }
      }
    } else {
      const lines = text.split('\n');
      lines.forEach((line, i) => {
        if (line.includes(ATTRIBUTED) && /^\[error\]/.test(line)) {
          problems.push({ file, excerpt: excerpt(lines.slice(i, i + 6).join('\n')) });
        }
      });
    }
  }
  return problems;
}

/** Splits a VS Code log into records: a timestamped line and its continuation lines (a stack). */
function records(text: string): Array<{ level: string; text: string }> {
  const result: Array<{ level: string; text: string }> = [];
  for (const line of text.split('\n')) {
    const match = TIMESTAMP.exec(line);
    if (match) {
      result.push({ level: match[1], text: line });
    } else if (result.length > 0) {
      result[result.length - 1].text += `\n${line}`;
    }
  }
  return result;
}

function excerpt(text: string): string {
  return text.split('\n').slice(0, MAX_EXCERPT_LINES).join('\n').trimEnd();
}
