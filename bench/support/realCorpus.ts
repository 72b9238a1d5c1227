// P4's real-code corpus: source trees as Debian's packages install them — the Python standard library,
// Perl's core modules, the Linux kernel's user-space headers, Tcl's library and tcllib, CMake's modules —
// copied (regular files only, as `dpkg -L` lists them) into the bench cache, one folder per package, so
// the incremental row can touch files without touching the system. Missing packages are installed with
// apt-get when the bench runs as root; otherwise the rows are skipped with the reason.
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { CACHE } from './paths';

const VERSION = 1;
/** What apt-get installs (names that do not carry a version). */
const INSTALL = ['libpython3-stdlib', 'perl-modules', 'linux-libc-dev', 'tcl', 'tcllib', 'cmake-data'];
/** The installed packages whose files make the corpus (dpkg-query patterns: the versioned names). */
const PACKAGES = ['libpython3.*-minimal', 'libpython3.*-stdlib', 'perl-modules-*', 'linux-libc-dev', 'libtcl8.*', 'tcllib', 'cmake-data'];

export interface RealCorpus {
  root: string;
  files: number;
  bytes: number;
  /** `name version` of each package copied. */
  packages: string[];
}

function installed(): string[] {
  const result = spawnSync('dpkg-query', ['-W', '-f', '${Package} ${Version} ${db:Status-Abbrev}\n', ...PACKAGES], { encoding: 'utf8' });
  if (result.error) {
    return [];
  }
  return result.stdout.split('\n').filter((l) => /\sii\s*$/.test(l)).map((l) => l.split(' ').slice(0, 2).join(' '));
}

function missing(have: string[]): string[] {
  const names = have.map((p) => p.split(' ')[0]);
  return PACKAGES.filter((pattern) => !names.some((n) => new RegExp(`^${pattern.replace(/\./g, '\\.').replace(/\*/g, '.*')}$`).test(n)));
}

/** The corpus, or why it cannot be had here. */
export function realCorpus(): RealCorpus | { skipped: string } {
  if (spawnSync('dpkg-query', ['--version'], { stdio: 'ignore' }).status !== 0) {
    return { skipped: 'not a Debian system (no dpkg-query): the real-code corpus is made of Debian packages' };
  }
  let have = installed();
  if (missing(have).length > 0) {
    const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
    if (!isRoot) {
      return { skipped: `packages missing (${missing(have).join(', ')}) and not root to install them: apt-get install ${INSTALL.join(' ')}` };
    }
    process.stderr.write(`[bench] P4: installing ${INSTALL.join(' ')} (Debian packages) for the real-code corpus…\n`);
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    spawnSync('apt-get', ['update', '-qq'], { stdio: ['ignore', 'ignore', 'inherit'] });
    spawnSync('apt-get', ['install', '-y', '-qq', ...INSTALL], { stdio: ['ignore', 'ignore', 'inherit'], env });
    have = installed();
    if (missing(have).length > 0) {
      return { skipped: `apt-get could not install ${missing(have).join(', ')}` };
    }
  }
  const root = path.join(CACHE, `real-corpus-v${VERSION}`);
  const stamp = path.join(CACHE, `real-corpus-v${VERSION}.json`);
  try {
    const previous = JSON.parse(fs.readFileSync(stamp, 'utf8')) as RealCorpus;
    if (previous.packages.join('\n') === have.join('\n') && fs.existsSync(root)) {
      return previous;
    }
  } catch {
    // not built yet
  }
  fs.rmSync(root, { recursive: true, force: true });
  let files = 0;
  let bytes = 0;
  for (const entry of have) {
    const name = entry.split(' ')[0];
    const list = spawnSync('dpkg', ['-L', name], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }).stdout.split('\n');
    for (const file of list) {
      if (!file.startsWith('/usr/') || file.startsWith('/usr/share/doc/') || file.startsWith('/usr/share/man/')) {
        continue;
      }
      const stat = fs.lstatSync(file, { throwIfNoEntry: false });
      if (!stat?.isFile()) {
        continue;
      }
      const target = path.join(root, name.replace(/[^A-Za-z0-9.+-]/g, '_'), file.slice('/usr/'.length));
      fs.mkdirSync(path.dirname(target), { recursive: true });
      fs.copyFileSync(file, target);
      files++;
      bytes += stat.size;
    }
  }
  const corpus: RealCorpus = { root, files, bytes, packages: have };
  fs.writeFileSync(stamp, JSON.stringify(corpus));
  return corpus;
}
