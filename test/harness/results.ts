// The one result shape every suite reports (unit, in-host, e2e), summed by scripts/test-all.js.
import * as fs from 'fs';

export interface SuiteResult {
  suite: string;
  passed: number;
  failed: number;
  pending: number;
  /** Full titles of failed tests, or of what failed around them (a crash, a timeout, a log error). */
  failures: string[];
}

export function writeResult(file: string | undefined, result: SuiteResult): void {
  if (!file) {
    return;
  }
  fs.writeFileSync(file, JSON.stringify(result, null, 2));
}

export function readResult(file: string): Omit<SuiteResult, 'suite'> | undefined {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as SuiteResult;
  } catch {
    return undefined;
  }
}
