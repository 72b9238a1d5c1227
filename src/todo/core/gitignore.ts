// A .gitignore matcher good enough for scanning: the pattern rules of gitignore(5) — comments,
// `!` negation, trailing `/` for folders only, a slash anywhere but the end anchors the pattern to the
// .gitignore's folder, `*`, `?`, `[…]`, `**` — and the precedence of deeper files over shallower ones.
// Not covered: core.excludesFile and the global ignore; `.git/info/exclude` is read by the scanner.
import { compileGlob, GlobPattern, matchGlob, pathSegments } from './glob';

interface Rule {
  /** Alternatives of the pattern (a .gitignore has no braces: one). */
  patterns: GlobPattern[];
  negated: boolean;
  directoryOnly: boolean;
}

export class GitignoreFile {
  private readonly rules: Rule[] = [];

  /** @param base the folder holding the file, relative to the scan root ('' for the root). */
  constructor(readonly base: string, content: string) {
    for (const rawLine of content.split(/\r?\n/)) {
      const rule = parseLine(rawLine);
      if (rule) {
        this.rules.push(rule);
      }
    }
  }

  get empty(): boolean {
    return this.rules.length === 0;
  }

  /** 'ignored' | 'included' (negated) | undefined (no rule matched). Path relative to the scan root. */
  match(relativePath: string, isDirectory: boolean): 'ignored' | 'included' | undefined {
    let path = relativePath;
    if (this.base !== '') {
      if (!relativePath.startsWith(`${this.base}/`)) {
        return undefined;
      }
      path = relativePath.slice(this.base.length + 1);
    }
    let result: 'ignored' | 'included' | undefined;
    const bounds = pathSegments(path);
    for (const rule of this.rules) {
      if (rule.directoryOnly && !isDirectory) {
        continue;
      }
      if (rule.patterns.some((pattern) => matchGlob(pattern, path, bounds))) {
        result = rule.negated ? 'included' : 'ignored';
      }
    }
    return result;
  }
}

function parseLine(rawLine: string): Rule | undefined {
  // Trailing blanks are ignored unless escaped with a backslash. Loops, not regular expressions, here
  // and below: the file comes from the repository, and `[ \t]+$` is quadratic on a long inner run.
  let end = rawLine.length;
  while (end > 0 && (rawLine[end - 1] === ' ' || rawLine[end - 1] === '\t')) {
    end--;
  }
  if (end < rawLine.length && end > 0 && rawLine[end - 1] === '\\') {
    end++;
  }
  let line = rawLine.slice(0, end);
  if (line === '' || line.startsWith('#')) {
    return undefined;
  }
  let negated = false;
  if (line.startsWith('!')) {
    negated = true;
    line = line.slice(1);
  } else if (line.startsWith('\\!') || line.startsWith('\\#')) {
    line = line.slice(1);
  }
  let directoryOnly = false;
  if (line.endsWith('/')) {
    directoryOnly = true;
    let slashes = line.length;
    while (slashes > 0 && line[slashes - 1] === '/') {
      slashes--;
    }
    line = line.slice(0, slashes);
  }
  if (line === '') {
    return undefined;
  }
  const anchored = line.includes('/');
  if (line.startsWith('/')) {
    line = line.slice(1);
  }
  // A pattern without a slash matches at any depth: in front of it, any number of whole segments.
  const patterns = compileGlob(line, false).map((pattern): GlobPattern => (anchored ? pattern : ['globstar', ...pattern]));
  return { patterns, negated, directoryOnly };
}

/** The .gitignore files in effect for a folder, shallowest first; later (deeper) files win. */
export class GitignoreStack {
  constructor(private readonly files: readonly GitignoreFile[] = []) {}

  with(file: GitignoreFile | undefined): GitignoreStack {
    return file && !file.empty ? new GitignoreStack([...this.files, file]) : this;
  }

  ignores(relativePath: string, isDirectory: boolean): boolean {
    for (let i = this.files.length - 1; i >= 0; i--) {
      const result = this.files[i].match(relativePath, isDirectory);
      if (result) {
        return result === 'ignored';
      }
    }
    return false;
  }
}
