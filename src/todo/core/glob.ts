// Globs for the two dialects the scan honours: VS Code's `files.exclude` / `search.exclude` globs
// (`**/node_modules`, `{a,b}`) and .gitignore patterns. Paths are relative, `/`-separated.
//
// Both come from the repository (settings, .gitignore files), so matching must not backtrack: the
// regular expressions this replaced took 26 s for `*a*a*a*a*a*a*a*ab` against a 60-character name,
// per file. The approach is git's wildmatch: a pattern is split into path segments; inside a segment
// a `*` is a greedy star with a single backtrack point (only the last `*` seen is ever moved on), and
// `**` does the same over whole segments. The cost is bounded by the product of the pattern and path
// lengths, with no exponential case; in practice it is linear.

const enum Kind {
  Literal,
  /** `?`: one character of a segment. */
  Any,
  Class,
  /** `*`: any run of characters inside a segment. */
  Star,
}

type SegmentToken =
  | { kind: Kind.Literal; code: number }
  | { kind: Kind.Any }
  | { kind: Kind.Class; negated: boolean; ranges: number[] }
  | { kind: Kind.Star };

/** A pattern segment, or `**`: zero or more whole segments. */
type Segment = SegmentToken[] | 'globstar';

/** One compiled alternative of a glob (braces are expanded into several). */
export type GlobPattern = readonly Segment[];

/** Braces multiply alternatives; past this many the rest are dropped rather than exhaust memory. */
const MAX_ALTERNATIVES = 256;

/** A glob token before segments are formed. */
type Token = SegmentToken | { kind: 'slash' } | { kind: 'doubleStar'; role: 'segments' | 'rest' | 'star' };

/** Parses a glob into its alternatives (one per brace expansion when `braces`), each a token list. */
function tokenize(glob: string, braces: boolean): Token[][] {
  // Each brace group is an array of alternatives; a sequence holds tokens and groups.
  type Sequence = (Token | Sequence[])[];
  const root: Sequence = [];
  const stack: { alternatives: Sequence[]; outer: Sequence }[] = [];
  let current = root;
  let i = 0;
  while (i < glob.length) {
    const c = glob[i];
    if (c === '*') {
      let j = i + 1;
      while (glob[j] === '*') {
        j++;
      }
      // A `**` means "any segments" only as a whole segment of the glob text: `**/` is zero or more
      // segments, a final `**` everything below; elsewhere it is a `*`.
      const atSegmentStart = i === 0 || glob[i - 1] === '/';
      if (j - i < 2 || !atSegmentStart) {
        current.push({ kind: Kind.Star });
      } else if (glob[j] === '/') {
        current.push({ kind: 'doubleStar', role: 'segments' });
      } else if (j === glob.length) {
        current.push({ kind: 'doubleStar', role: 'rest' });
      } else {
        current.push({ kind: Kind.Star });
      }
      i = j;
    } else if (c === '?') {
      current.push({ kind: Kind.Any });
      i++;
    } else if (c === '[') {
      const close = glob.indexOf(']', i + 2);
      if (close < 0) {
        current.push({ kind: Kind.Literal, code: 91 });
        i++;
        continue;
      }
      let body = glob.slice(i + 1, close);
      const negated = body.startsWith('!') || body.startsWith('^');
      if (negated) {
        body = body.slice(1);
      }
      current.push({ kind: Kind.Class, negated, ranges: classRanges(body) });
      i = close + 1;
    } else if (braces && c === '{') {
      const group: Sequence[] = [[]];
      current.push(group);
      stack.push({ alternatives: group, outer: current });
      current = group[0];
      i++;
    } else if (braces && c === '}' && stack.length > 0) {
      current = stack.pop()!.outer;
      i++;
    } else if (braces && c === ',' && stack.length > 0) {
      const alternatives = stack[stack.length - 1].alternatives;
      current = [];
      alternatives.push(current);
      i++;
    } else if (c === '\\' && i + 1 < glob.length) {
      current.push(glob[i + 1] === '/' ? { kind: 'slash' } : { kind: Kind.Literal, code: glob.charCodeAt(i + 1) });
      i += 2;
    } else {
      current.push(c === '/' ? { kind: 'slash' } : { kind: Kind.Literal, code: glob.charCodeAt(i) });
      i++;
    }
  }
  // Unclosed braces end with the glob, as before.
  return expand(root);

  function expand(sequence: Sequence): Token[][] {
    let results: Token[][] = [[]];
    for (const item of sequence) {
      if (!Array.isArray(item)) {
        for (const result of results) {
          result.push(item);
        }
        continue;
      }
      const options = item.flatMap(expand);
      const next: Token[][] = [];
      for (const result of results) {
        for (const option of options) {
          if (next.length >= MAX_ALTERNATIVES) {
            break;
          }
          next.push([...result, ...option]);
        }
      }
      results = next;
    }
    return results;
  }
}

/** `a-z0-9_` → [97, 122, 48, 57, 95, 95]: inclusive code-unit ranges. */
function classRanges(body: string): number[] {
  const ranges: number[] = [];
  for (let k = 0; k < body.length; k++) {
    const low = body.charCodeAt(k);
    if (body[k + 1] === '-' && k + 2 < body.length) {
      ranges.push(low, body.charCodeAt(k + 2));
      k += 2;
    } else {
      ranges.push(low, low);
    }
  }
  return ranges;
}

/** Groups tokens into segments. A trailing `**` (the whole last segment) is "one or more segments". */
function segments(tokens: Token[]): GlobPattern {
  const out: Segment[] = [];
  let segment: SegmentToken[] = [];
  for (let k = 0; k < tokens.length; k++) {
    const token = tokens[k];
    if (token.kind === 'slash') {
      out.push(segment);
      segment = [];
    } else if (token.kind === 'doubleStar') {
      // The text before it in this alternative may come from a brace (`{a,b}**/`): then it is a `*`.
      if (segment.length > 0) {
        segment.push({ kind: Kind.Star });
      } else if (token.role === 'segments') {
        out.push('globstar'); // `**/`: zero or more whole segments
        k++; // its slash
      } else {
        out.push('globstar', [{ kind: Kind.Star }]); // final `**`: everything below, at least one segment
        return out;
      }
    } else {
      segment.push(token);
    }
  }
  out.push(segment);
  return out;
}

/** Compiles a glob into its alternatives. */
export function compileGlob(glob: string, braces: boolean): GlobPattern[] {
  return tokenize(glob, braces).map(segments);
}

/** Offsets of the `/`-separated segments of a path: [start0, end0, start1, end1, …]. */
export function pathSegments(path: string): number[] {
  const bounds: number[] = [];
  let start = 0;
  for (let slash = path.indexOf('/'); slash >= 0; slash = path.indexOf('/', start)) {
    bounds.push(start, slash);
    start = slash + 1;
  }
  bounds.push(start, path.length);
  return bounds;
}

/**
 * Whether the path's segments from `first` on match the pattern. `**` is a star over segments with
 * one backtrack point, as `*` is over characters in `matchSegment`.
 */
export function matchGlob(pattern: GlobPattern, path: string, bounds: readonly number[], first = 0): boolean {
  const count = bounds.length / 2;
  let p = 0;
  let s = first;
  let starP = -1;
  let starS = -1;
  while (s < count) {
    const segment = pattern[p];
    if (segment === 'globstar') {
      starP = p++;
      starS = s;
      continue;
    }
    if (segment !== undefined && matchSegment(segment, path, bounds[2 * s], bounds[2 * s + 1])) {
      p++;
      s++;
      continue;
    }
    if (starP < 0) {
      return false;
    }
    p = starP + 1;
    s = ++starS;
  }
  while (pattern[p] === 'globstar') {
    p++;
  }
  return p === pattern.length;
}

/** Matches one segment's tokens against path[from, to): greedy `*`, backtracking only to the last one. */
function matchSegment(tokens: readonly SegmentToken[], path: string, from: number, to: number): boolean {
  let p = 0;
  let s = from;
  let starP = -1;
  let starS = -1;
  while (s < to) {
    const token = tokens[p];
    if (token?.kind === Kind.Star) {
      starP = p++;
      starS = s;
      continue;
    }
    if (token !== undefined && matchChar(token, path.charCodeAt(s))) {
      p++;
      s++;
      continue;
    }
    if (starP < 0) {
      return false;
    }
    p = starP + 1;
    s = ++starS;
  }
  while (tokens[p]?.kind === Kind.Star) {
    p++;
  }
  return p === tokens.length;
}

function matchChar(token: Exclude<SegmentToken, { kind: Kind.Star }>, code: number): boolean {
  switch (token.kind) {
    case Kind.Literal:
      return token.code === code;
    case Kind.Any:
      return true;
    case Kind.Class: {
      let inside = false;
      for (let k = 0; k < token.ranges.length; k += 2) {
        if (code >= token.ranges[k] && code <= token.ranges[k + 1]) {
          inside = true;
          break;
        }
      }
      return inside !== token.negated;
    }
  }
}

/**
 * A matcher for VS Code exclude globs, matched against paths relative to the workspace folder; a match
 * on a folder excludes everything below it. As in VS Code, a glob is anchored at the folder root unless
 * it starts with a double star: `out` is only the top-level folder of that name.
 */
export class ExcludeMatcher {
  private readonly patterns: GlobPattern[];

  constructor(globs: readonly string[]) {
    this.patterns = globs
      .map((g) => trimSlashes(g.trim().replace(/\\/g, '/')))
      .filter((g) => g !== '')
      .flatMap((g) => compileGlob(g, true));
  }

  get empty(): boolean {
    return this.patterns.length === 0;
  }

  matches(relativePath: string): boolean {
    if (this.patterns.length === 0) {
      return false;
    }
    const bounds = pathSegments(relativePath);
    for (const pattern of this.patterns) {
      if (matchGlob(pattern, relativePath, bounds)) {
        return true;
      }
    }
    return false;
  }
}

/** `./a/b//` → `a/b` (without a regular expression: the glob comes from the repository). */
function trimSlashes(glob: string): string {
  const start = glob.startsWith('./') ? 2 : 0;
  let end = glob.length;
  while (end > start && glob.charCodeAt(end - 1) === 47) {
    end--;
  }
  return glob.slice(start, end);
}
