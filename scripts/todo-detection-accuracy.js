#!/usr/bin/env node
// How well the workspace TODO scan finds TODO comments in REAL code, measured against an independent
// reference: Pygments' lexers (scripts/todo-detection-oracle.py). The corpus is source installed from
// Debian packages (Perl modules, Tcl and tcllib, the Python standard library, Meson, CMake's modules,
// the Linux kernel headers, protobuf's .proto files, Vim's runtime). Run as root it installs what is
// missing (apt-get); otherwise it measures what is there and names what it skipped.
//
//   npm run compile && node scripts/todo-detection-accuracy.js [--details FILE] [--root DIR …]
//
// Prints precision (TODOs found that the reference also finds) and recall (reference TODOs found), over
// all files and per lexer, and writes every disagreement with its line to the details file.
'use strict';
const { execFileSync, spawnSync } = require('child_process');
const fs = require('fs');
const path = require('path');

const REPO = path.resolve(__dirname, '..');
const DEBIAN_PACKAGES = ['python3-pygments', 'perl-modules-5.36', 'tcl8.6', 'tcllib', 'libpython3.11-stdlib', 'meson', 'cmake-data', 'linux-libc-dev', 'libprotobuf-dev', 'vim-runtime'];
const CORPUS = [
  { name: 'perl-modules', root: '/usr/share/perl/5.36' },
  { name: 'tcl + tcllib', root: '/usr/share/tcltk' },
  { name: 'python3.11 stdlib', root: '/usr/lib/python3.11' },
  { name: 'meson', root: '/usr/lib/python3/dist-packages/mesonbuild' },
  { name: 'cmake modules', root: '/usr/share/cmake-3.25' },
  { name: 'linux headers', root: '/usr/include/linux' },
  { name: 'protobuf', root: '/usr/include/google/protobuf' },
  { name: 'vim runtime', root: '/usr/share/vim/vim90' },
];
const TAG = /TODO|FIXME|HACK|XXX|BUG/;
const MAX_FILE_SIZE = 1024 * 1024;

function args() {
  const out = { details: path.join(require('os').tmpdir(), 'todo-detection-disagreements.txt'), roots: [] };
  const argv = process.argv.slice(2);
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--details') {
      out.details = argv[++i];
    } else if (argv[i] === '--root') {
      out.roots.push({ name: argv[i + 1], root: argv[++i] });
    }
  }
  return out;
}

function installed(pkg) {
  return spawnSync('dpkg-query', ['-W', '-f=${Status}', pkg], { encoding: 'utf8' }).stdout.includes('install ok installed');
}

function ensurePackages() {
  const missing = DEBIAN_PACKAGES.filter((pkg) => !installed(pkg));
  if (missing.length === 0) {
    return;
  }
  if (process.getuid && process.getuid() === 0) {
    console.log(`installing ${missing.join(' ')} (apt-get)…`);
    execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
    execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...missing], { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  } else {
    console.log(`not root: measuring without ${missing.join(', ')}`);
  }
}

/** Every regular file the reference should read: ≤ 1 MiB, not binary, holding a tag at all. */
function referenceFiles(root, secrets) {
  const files = [];
  const walk = (dir) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        walk(full);
      } else if (entry.isFile() && !secrets.matches(entry.name)) {
        const bytes = fs.readFileSync(full);
        if (bytes.length <= MAX_FILE_SIZE && bytes.subarray(0, 8000).indexOf(0) < 0 && TAG.test(bytes.toString('latin1'))) {
          files.push(full);
        }
      }
    }
  };
  walk(root);
  return files;
}

function readVerdicts() {
  const verdicts = new Map();
  for (const line of fs.readFileSync(path.join(__dirname, 'todo-detection-verdicts.tsv'), 'utf8').split('\n')) {
    const [key, who] = line.split('\t');
    if (key && !key.startsWith('#') && (who === 'scanner' || who === 'reference')) {
      verdicts.set(key, who);
    }
  }
  return verdicts;
}

function ratio(part, whole) {
  return whole === 0 ? 'n/a' : `${((100 * part) / whole).toFixed(2)} %`;
}

async function main() {
  const options = args();
  ensurePackages();
  const scannerPath = path.join(REPO, 'out', 'src', 'todo', 'core', 'workspaceScanner.js');
  if (!fs.existsSync(scannerPath)) {
    throw new Error('out/ is missing: run `npm run compile` first');
  }
  const { scanWorkspace } = require(scannerPath);
  const { SecretFileMatcher } = require(path.join(REPO, 'out', 'src', 'todo', 'core', 'secrets.js'));
  const secrets = new SecretFileMatcher();
  const corpus = (options.roots.length > 0 ? options.roots : CORPUS).filter((c) => {
    if (fs.existsSync(c.root)) {
      return true;
    }
    console.log(`skipped ${c.name}: ${c.root} is not there`);
    return false;
  });

  const ours = new Map(); // "path:line" → text of the line
  const reference = new Map(); // "path:line" → lexer
  const perLexer = new Map();
  let files = 0;
  let bytes = 0;
  for (const { root } of corpus) {
    const result = await scanWorkspace({ root, useGitignore: false });
    files += result.stats.filesConsidered;
    bytes += result.stats.bytesRead;
    for (const file of result.files) {
      for (const todo of file.todos) {
        ours.set(`${file.path}:${todo.range.line + 1}`, file.languageId);
      }
    }
    const candidates = referenceFiles(root, secrets);
    const oracle = spawnSync('/usr/bin/python3', [path.join(__dirname, 'todo-detection-oracle.py')], { input: candidates.join('\n'), encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
    if (oracle.status !== 0) {
      throw new Error(`the reference failed: ${oracle.stderr}`);
    }
    for (const line of oracle.stdout.split('\n')) {
      if (!line) {
        continue;
      }
      const hit = JSON.parse(line);
      if (hit.path) {
        reference.set(`${hit.path}:${hit.line}`, hit.lexer);
      }
    }
  }

  const both = [...ours.keys()].filter((key) => reference.has(key));
  const onlyOurs = [...ours.keys()].filter((key) => !reference.has(key));
  const onlyReference = [...reference.keys()].filter((key) => !ours.has(key));
  for (const [key, lexer] of reference) {
    const row = perLexer.get(lexer) ?? { reference: 0, found: 0, extra: 0 };
    row.reference++;
    if (ours.has(key)) {
      row.found++;
    }
    perLexer.set(lexer, row);
  }
  const lineOf = (key) => {
    const at = key.lastIndexOf(':');
    const text = fs.readFileSync(key.slice(0, at), 'utf8').split('\n')[Number(key.slice(at + 1)) - 1] ?? '';
    return text.trim().slice(0, 160);
  };
  const details = [
    `# only the scanner (${onlyOurs.length}): counted as false positives`,
    ...onlyOurs.sort().map((key) => `${key} [${ours.get(key)}] ${lineOf(key)}`),
    '',
    `# only the reference (${onlyReference.length}): counted as misses`,
    ...onlyReference.sort().map((key) => `${key} [${reference.get(key)}] ${lineOf(key)}`),
  ];
  fs.writeFileSync(options.details, `${details.join('\n')}\n`);

  console.log(`corpus: ${corpus.map((c) => c.name).join(', ')} — ${files} files, ${(bytes / 1e6).toFixed(1)} MB read by the scan`);
  console.log('| lexer | reference TODOs | found | recall |');
  console.log('|---|---|---|---|');
  for (const [lexer, row] of [...perLexer].sort((a, b) => b[1].reference - a[1].reference)) {
    console.log(`| ${lexer} | ${row.reference} | ${row.found} | ${ratio(row.found, row.reference)} |`);
  }
  console.log(`scanner TODOs: ${ours.size}, reference TODOs: ${reference.size}, both: ${both.length}`);
  console.log(`against Pygments alone:  precision ${ratio(both.length, ours.size)}, recall ${ratio(both.length, reference.size)}`);

  // Each disagreement looked at by hand (scripts/todo-detection-verdicts.tsv): the reference is a lexer
  // too and has its own mistakes. Unreviewed ones count against the scanner.
  const verdicts = readVerdicts();
  const verdictOf = (key) => verdicts.get(key) ?? verdicts.get(`${key.slice(0, key.lastIndexOf(':'))}:*`);
  const scannerRight = (key) => verdictOf(key) === 'scanner';
  const falsePositives = onlyOurs.filter((key) => !scannerRight(key)).length;
  const notTodos = onlyReference.filter(scannerRight).length;
  const misses = onlyReference.length - notTodos;
  const truth = reference.size - notTodos + (onlyOurs.length - falsePositives);
  const unreviewed = [...onlyOurs, ...onlyReference].filter((key) => !verdictOf(key)).length;
  console.log(`after review (${onlyOurs.length + onlyReference.length - unreviewed} disagreements reviewed, ${unreviewed} not: counted against the scanner):`);
  console.log(`precision: ${ratio(ours.size - falsePositives, ours.size)} (goal ≥ 99.5 %; ${falsePositives} false positives)`);
  console.log(`recall:    ${ratio(truth - misses, truth)} (goal ≥ 99 %; ${misses} misses of ${truth} TODOs)`);
  console.log(`disagreements (${onlyOurs.length} only scanner, ${onlyReference.length} only reference): ${options.details}`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
