// Globs and .gitignore patterns come from the repository (settings, ignore files): matching them must
// not backtrack (issue 13.4). `*a*a*a*a*a*a*a*ab` against a 60-character name took 26 s per file with
// the regular expressions this matcher replaced.
import * as assert from 'assert';
import { assertLinearTime, plainPass } from '../../support/linearTime';
import { ExcludeMatcher } from '../../../src/todo/core/glob';
import { GitignoreFile } from '../../../src/todo/core/gitignore';

const PATHOLOGICAL = ['*a*a*a*a*a*a*a*ab', '*?*?*?*?*?*?*?*?b', 'a*a*a*a*a*a*a*a*a*a*a*a*c', '**/**/**/**/**/**/**/**/b', '**/a*a*a*a*a*/**/a*a*a*a*a*b'];

/**
 * Names of `length` characters that almost match every pathological pattern (the worst case for
 * backtracking), repeated to 32 KB in all so that reading them takes a measurable time.
 */
function names(length: number): string[] {
  const a = 'a'.repeat(length);
  const segments = Array.from({ length: Math.max(1, Math.floor(length / 2)) }, () => 'a').join('/');
  const one = [a, `${a.slice(1)}c`, segments, `${segments}/c`, `x/${a}`];
  const list: string[] = [];
  for (let total = 0; total < 32 * 1024; total += one.join('').length) {
    list.push(...one);
  }
  return list;
}

/** Matching may cost this many plain reads of the names: ten patterns, a few steps per character each. */
const FACTOR = 2_000;

describe('glob and .gitignore matching stays linear on hostile patterns (issue 13.4)', function () {
  this.timeout(60_000);

  it('keeps the meaning of the pathological patterns', () => {
    const exclude = new ExcludeMatcher(['*a*a*a*a*a*a*a*ab']);
    assert.strictEqual(exclude.matches('a'.repeat(60)), false);
    assert.strictEqual(exclude.matches(`${'a'.repeat(59)}b`), true);
    assert.strictEqual(exclude.matches(`${'a'.repeat(7)}b`), false, 'needs eight a');
    assert.strictEqual(exclude.matches(`x${'a'.repeat(7)}yab`), true);
    assert.strictEqual(exclude.matches(`aaaa/aaaab`), false, 'a star does not cross a slash');
    const ignore = new GitignoreFile('', '*a*a*a*a*a*a*a*ab\n**/**/**/x/**/y\n');
    assert.strictEqual(ignore.match(`deep/dir/${'a'.repeat(59)}b`, false), 'ignored', 'unanchored: any depth');
    assert.strictEqual(ignore.match(`deep/dir/${'a'.repeat(60)}`, false), undefined);
    assert.strictEqual(ignore.match('x/y', false), 'ignored');
    assert.strictEqual(ignore.match('a/b/x/c/d/y', true), 'ignored');
    assert.strictEqual(ignore.match('a/b/x/c/d/z', true), undefined);
  });

  it('matches in time proportional to the names, for every pathological pattern (26 s per name before)', () => {
    const exclude = new ExcludeMatcher(PATHOLOGICAL);
    const ignore = new GitignoreFile('', PATHOLOGICAL.join('\n'));
    // Warm up (compile) both matchers and the scan, so that the first measurement is not the JIT's.
    for (const name of names(8).slice(0, 50)) {
      exclude.matches(name);
      ignore.match(name, false);
      plainPass([name]);
    }
    // Growing names: a backtracking matcher is already far over the bound at 24 characters (and would
    // take hours at 60), a linear one stays within a constant factor of reading the names.
    for (const length of [16, 24, 32, 60, 1000, 10_000]) {
      const list = names(length);
      const match = () => {
        for (const name of list) {
          exclude.matches(name);
          ignore.match(name, false);
        }
      };
      const { took, ratio } = assertLinearTime({ label: `${length}-character names`, input: list, run: match, factor: FACTOR });
      if (process.env.PATHOLOGICAL_REPORT) {
        console.log(`${length}: ${took.toFixed(2)} ms, ${ratio.toFixed(0)}×`);
      }
    }
  });
});
