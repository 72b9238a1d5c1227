// Glob → RegExp for the two dialects the scan honours: VS Code's `files.exclude` / `search.exclude`
// globs (`**/node_modules`, `{a,b}`) and .gitignore patterns. Paths are relative, `/`-separated.

/** Converts the body of a glob (no anchoring) to a RegExp source. */
export function globBody(glob: string, braces: boolean): string {
  let out = '';
  let i = 0;
  let braceDepth = 0;
  while (i < glob.length) {
    const c = glob[i];
    if (c === '*') {
      if (glob[i + 1] === '*') {
        const atSegmentStart = i === 0 || glob[i - 1] === '/';
        let j = i + 2;
        while (glob[j] === '*') j++;
        if (atSegmentStart && glob[j] === '/') {
          out += '(?:[^/]*/)*'; // `**/`: zero or more whole segments
          i = j + 1;
          continue;
        }
        if (atSegmentStart && j === glob.length) {
          out += '.*'; // trailing `**`: everything below
          i = j;
          continue;
        }
        out += '[^/]*';
        i = j;
        continue;
      }
      out += '[^/]*';
      i++;
    } else if (c === '?') {
      out += '[^/]';
      i++;
    } else if (c === '[') {
      const close = glob.indexOf(']', i + 2);
      if (close < 0) {
        out += '\\[';
        i++;
        continue;
      }
      let body = glob.slice(i + 1, close);
      const negated = body.startsWith('!') || body.startsWith('^');
      if (negated) body = body.slice(1);
      out += `[${negated ? '^' : ''}${body.replace(/\\/g, '\\\\').replace(/\]/g, '\\]')}]`;
      i = close + 1;
    } else if (braces && c === '{') {
      braceDepth++;
      out += '(?:';
      i++;
    } else if (braces && c === '}' && braceDepth > 0) {
      braceDepth--;
      out += ')';
      i++;
    } else if (braces && c === ',' && braceDepth > 0) {
      out += '|';
      i++;
    } else if (c === '\\' && i + 1 < glob.length) {
      out += escapeChar(glob[i + 1]);
      i += 2;
    } else {
      out += escapeChar(c);
      i++;
    }
  }
  while (braceDepth-- > 0) out += ')';
  return out;
}

function escapeChar(c: string): string {
  return /[.*+?^${}()|[\]\\/]/.test(c) ? `\\${c}` : c;
}

/**
 * A matcher for VS Code exclude globs, matched against paths relative to the workspace folder; a match
 * on a folder excludes everything below it. As in VS Code, a glob is anchored at the folder root unless
 * it starts with a double star: `out` is only the top-level folder of that name.
 */
export class ExcludeMatcher {
  private readonly patterns: RegExp[];

  constructor(globs: readonly string[]) {
    this.patterns = globs
      .map((g) => g.trim().replace(/\\/g, '/').replace(/^\.\//, '').replace(/\/+$/, ''))
      .filter((g) => g !== '')
      .map((g) => new RegExp(`^${globBody(g, true)}$`));
  }

  get empty(): boolean {
    return this.patterns.length === 0;
  }

  matches(relativePath: string): boolean {
    for (const re of this.patterns) if (re.test(relativePath)) return true;
    return false;
  }
}
