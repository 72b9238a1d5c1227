// The P4 / M corpus: a generated tree of ≥ 20,000 files and ≥ 200 MB — several languages, binary files
// (some with source extensions), files over 1 MiB, a .gitignore with ignored folders full of TODOs —
// cached under the bench cache folder and reused (the scan is measured warm). The generator knows
// the truth: every real TODO is a comment line that starts with its comment marker, so ripgrep's
// line-anchored regex finds exactly those; decoys (tags in strings, docstrings, mid-comment prose,
// DEBUG identifiers) are there for the scanner to reject and for a naive `rg TODO` to trip on.
import * as fs from 'fs';
import * as path from 'path';
import { CACHE } from './paths';

const VERSION = 5;
export const CORPUS_DIRS = 100;
const SUBDIRS = 10;
const FILES_PER_SUBDIR = 20;
const TAGS = ['TODO', 'TODO', 'TODO', 'FIXME', 'FIXME', 'HACK', 'XXX', 'BUG'];

/** ripgrep's view of a real TODO: a line that starts (after blanks) with a comment marker and a tag. */
export const RG_TODO_REGEX = String.raw`^\s*(//+|#+|/\*+|\*|<!--)\s*(TODO|FIXME|HACK|XXX|BUG)(\(|:|\s|$)`;

export interface Corpus {
  root: string;
  files: number;
  bytes: number;
  /** Real TODOs outside ignored folders and in files the scanner reads (`relative:line`). */
  expected: number;
}

class Rng {
  constructor(private state: number) {}
  next(): number {
    // mulberry32
    let t = (this.state = (this.state + 0x6d2b79f5) | 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(n: number): number {
    return Math.floor(this.next() * n);
  }
  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)];
  }
}

interface Lang {
  ext: string;
  code: (r: Rng, i: number) => string;
  todo: (tag: string, text: string) => string;
  decoy: (r: Rng, i: number) => string;
}

const WORDS = ['parser', 'cache', 'retry', 'render', 'config', 'socket', 'index', 'token', 'buffer', 'layout', 'query', 'stream'];
const slash = (tag: string, text: string) => `    // ${tag}: ${text}`;
const hash = (tag: string, text: string) => `    # ${tag}: ${text}`;

const LANGS: Lang[] = [
  { ext: 'ts', code: (r, i) => `  const ${r.pick(WORDS)}${i} = compute(${i}, "${r.pick(WORDS)}") ?? fallback${i % 7};`, todo: slash, decoy: (r, i) => `  const msg${i} = "TODO: ${r.pick(WORDS)} is not a comment";` },
  { ext: 'js', code: (r, i) => `  if (verbose) { console.log('${r.pick(WORDS)}', ${i}); }`, todo: (t, x) => `  /** ${t}: ${x} */`, decoy: (_r, i) => `  // see the TODO list in docs/${i}.md before changing this` },
  { ext: 'py', code: (r, i) => `    ${r.pick(WORDS)}_${i} = helper(${i}, "${r.pick(WORDS)}")`, todo: hash, decoy: (_r, i) => `    """TODO: a docstring is not a comment ${i}"""` },
  { ext: 'go', code: (r, i) => `\t${r.pick(WORDS)}${i} := compute(${i}, "${r.pick(WORDS)}")`, todo: (t, x) => `\t// ${t}: ${x}`, decoy: (_r, i) => `\tmsg := "// FIXME: inside a string ${i}"` },
  { ext: 'rs', code: (r, i) => `    let ${r.pick(WORDS)}_${i} = compute(${i}, "${r.pick(WORDS)}");`, todo: (t, x) => `    /// ${t}: ${x}`, decoy: (_r, i) => `    let s = r#"TODO: raw string ${i}"#;` },
  { ext: 'java', code: (r, i) => `        int ${r.pick(WORDS)}${i} = compute(${i});`, todo: (t, x) => `        /* ${t}: ${x} */`, decoy: (_r, i) => `        String s = "HACK: not a comment ${i}";` },
  { ext: 'c', code: (r, i) => `    int ${r.pick(WORDS)}_${i} = compute(${i}); /* step ${i} */`, todo: slash, decoy: (_r, i) => `    puts("XXX: not a comment ${i}");` },
  { ext: 'rb', code: (r, i) => `  ${r.pick(WORDS)}_${i} = compute(${i}, '${r.pick(WORDS)}')`, todo: (t, x) => `  # ${t}: ${x}`, decoy: (_r, i) => `  msg = "# TODO: in a string ${i}"` },
  { ext: 'sh', code: (r, i) => `${r.pick(WORDS)}_${i}="$(compute ${i})"`, todo: (t, x) => `# ${t}: ${x}`, decoy: (_r, i) => `echo "TODO: printed, not a comment ${i}"` },
  { ext: 'yml', code: (r, i) => `  ${r.pick(WORDS)}_${i}: value-${i}`, todo: (t, x) => `  # ${t}: ${x}`, decoy: (_r, i) => `  note_${i}: "TODO: a value"` },
  { ext: 'css', code: (r, i) => `.${r.pick(WORDS)}-${i} { margin: ${i % 13}px; }`, todo: (t, x) => `/* ${t}: ${x} */`, decoy: (_r, i) => `.x${i}::after { content: "TODO: not a comment"; }` },
  { ext: 'html', code: (r, i) => `  <div class="${r.pick(WORDS)}">${r.pick(WORDS)} ${i}</div>`, todo: (t, x) => `  <!-- ${t}: ${x} -->`, decoy: (_r, i) => `  <p>TODO: visible text, not a comment ${i}</p>` },
];

function sourceFile(r: Rng, lang: Lang, lines: number, todoChance: number): { text: string; todoLines: number[] } {
  const out: string[] = [];
  const todoLines: number[] = [];
  const hasTodos = r.next() < todoChance;
  const hasDecoys = r.next() < 0.15;
  for (let i = 0; i < lines; i++) {
    const roll = r.next();
    if (hasTodos && roll < 0.02) {
      const tag = r.pick(TAGS);
      out.push(lang.todo(r.next() < 0.2 ? `${tag}(alice)` : tag, `${r.pick(WORDS)} ${r.pick(WORDS)} needs work ${i}`));
      todoLines.push(out.length);
    } else if (hasDecoys && roll < 0.04) {
      out.push(lang.decoy(r, i));
    } else if (hasDecoys && roll < 0.05) {
      out.push(lang.code(r, i).replace(/\w+(?=\d+\b)/, 'DEBUG_LEVEL')); // contains "BUG", not a tag
    } else {
      out.push(lang.code(r, i));
    }
  }
  return { text: `${out.join('\n')}\n`, todoLines };
}

function binary(r: Rng, size: number): Buffer {
  const buffer = Buffer.alloc(size);
  for (let i = 0; i < size; i += 4) {
    buffer.writeUInt32LE((r.next() * 0xffffffff) >>> 0, i);
  }
  buffer[0] = 0;
  buffer.write('\n// TODO: inside a binary file\n', 1000);
  return buffer;
}

export function scanCorpus(): Corpus {
  const root = path.join(CACHE, `scan-corpus-v${VERSION}`);
  const stampFile = path.join(root, '.complete.json');
  if (fs.existsSync(stampFile)) {
    return { root, ...(JSON.parse(fs.readFileSync(stampFile, 'utf8')) as Omit<Corpus, 'root'>) };
  }
  fs.rmSync(root, { recursive: true, force: true });
  const r = new Rng(20261129);
  let files = 0;
  let bytes = 0;
  let expected = 0;
  const write = (relative: string, content: string | Buffer) => {
    const file = path.join(root, relative);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, content);
    files++;
    bytes += typeof content === 'string' ? Buffer.byteLength(content) : content.length;
  };
  write('.gitignore', '# generated corpus\nbuild/\n*.log\n/vendor/generated/\n!keep.log\n');
  for (let d = 0; d < CORPUS_DIRS; d++) {
    for (let s = 0; s < SUBDIRS; s++) {
      for (let f = 0; f < FILES_PER_SUBDIR; f++) {
        const lang = r.pick(LANGS);
        const { text, todoLines } = sourceFile(r, lang, 40 + r.int(260), 0.12);
        write(`pkg${d}/mod${s}/file${f}.${lang.ext}`, text);
        expected += todoLines.length;
      }
    }
  }
  // Ignored by .gitignore: TODOs that neither tool may report.
  for (let i = 0; i < 400; i++) {
    const lang = r.pick(LANGS);
    write(`build/out${i % 20}/gen${i}.${lang.ext}`, sourceFile(r, lang, 200, 1).text);
    write(`vendor/generated/lib${i}.${lang.ext}`, sourceFile(r, lang, 200, 1).text);
    write(`logs/run${i}.log`, '# TODO: a log line\n'.repeat(50));
  }
  // Binary: unknown extensions and source extensions (a compiled blob named .js).
  for (let i = 0; i < 180; i++) {
    write(`assets/img${i}.png`, binary(r, 100 * 1024));
  }
  for (let i = 0; i < 20; i++) {
    write(`assets/blob${i}.js`, binary(r, 100 * 1024));
  }
  // Over 1 MiB: skipped by the scanner's default limit and by rg --max-filesize 1M.
  for (let i = 0; i < 30; i++) {
    const lang = LANGS[i % LANGS.length];
    let text = '';
    while (text.length < 2.5 * 1024 * 1024) {
      text += sourceFile(r, lang, 300, 1).text;
    }
    write(`fixtures/large${i}.${lang.ext}`, text);
  }
  const stamp = { files, bytes, expected };
  fs.writeFileSync(stampFile, JSON.stringify(stamp));
  return { root, ...stamp };
}
