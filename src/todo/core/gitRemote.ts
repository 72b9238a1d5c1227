// A web link to a line of a file when its repository has a GitHub, GitLab or Bitbucket remote. Reads
// .git/config and .git/HEAD directly (no VS Code git internals), each through readGitFile (the
// repository is untrusted: no symlinks, no devices or FIFOs, 64 KB at most); any surprise → no link.
import { closeSync, constants, existsSync, fstatSync, lstatSync, openSync, readSync, statSync } from 'fs';
import * as path from 'path';

/** Git's own files here are tiny; a repository (or a `gitdir:` pointing elsewhere) may hold anything. */
export const MAX_GIT_FILE_BYTES = 64 * 1024;

/**
 * Reads a small regular file, or returns undefined. A repository is untrusted input: `.git/config` may
 * be a symlink to /dev/zero (readFileSync would allocate until the host aborts), a FIFO (open blocks
 * forever) or huge. So: lstat first (no symlinks, regular files only, size cap), open without following
 * links and without blocking, check the opened file is the one inspected, and read at most the cap
 * (files like /proc/… report size 0 and still produce data).
 */
export function readGitFile(file: string, maxBytes = MAX_GIT_FILE_BYTES): string | undefined {
  let fd: number | undefined;
  try {
    const before = lstatSync(file);
    if (!before.isFile() || before.size > maxBytes) {
      return undefined;
    }
    // O_NOFOLLOW / O_NONBLOCK do not exist on Windows (0 there); the fstat check below still holds.
    fd = openSync(file, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0));
    const opened = fstatSync(fd);
    if (!opened.isFile() || opened.ino !== before.ino || opened.dev !== before.dev || opened.size > maxBytes) {
      return undefined;
    }
    const buffer = Buffer.alloc(maxBytes + 1);
    let length = 0;
    for (;;) {
      const n = readSync(fd, buffer, length, buffer.length - length, null);
      if (n === 0) {
        break;
      }
      length += n;
      if (length > maxBytes) {
        return undefined;
      }
    }
    return buffer.toString('utf8', 0, length);
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) {
      closeSync(fd);
    }
  }
}

export interface RepoInfo {
  /** Absolute path of the working tree root. */
  root: string;
  /** `https://host/owner/repo` of the remote (origin preferred). */
  web: string;
  host: 'github' | 'gitlab' | 'bitbucket';
  /** Branch name, or the commit for a detached HEAD. */
  ref: string;
  /** The commit HEAD points at (40 hex digits), when it could be read: the permalink's ref. */
  commit?: string;
}

/**
 * Bulk creation asks this for every TODO (5,000 TODOs: ≈ 0.1–0.2 s of existsSync / readFileSync, the
 * same answer for every file of a folder). Answers are kept per folder for a moment only, so a branch
 * switch or a new remote shows on the next run.
 */
const MEMO_MS = 2_000;
const MEMO_MAX = 1_000;
const memo = new Map<string, { at: number; repo: RepoInfo | undefined }>();

/** Finds the repository holding `filePath` (walking up) and describes its web remote. */
export function findRepo(filePath: string): RepoInfo | undefined {
  const folder = path.dirname(filePath);
  const now = Date.now();
  const known = memo.get(folder);
  if (known && now - known.at < MEMO_MS) {
    return known.repo;
  }
  const repo = findRepoUncached(folder);
  if (memo.size >= MEMO_MAX) {
    memo.clear();
  }
  memo.set(folder, { at: now, repo });
  return repo;
}

function findRepoUncached(folder: string): RepoInfo | undefined {
  let dir = folder;
  for (;;) {
    const dotGit = path.join(dir, '.git');
    if (existsSync(dotGit)) {
      return describe(dir, dotGit);
    }
    const parent = path.dirname(dir);
    if (parent === dir) {
      return undefined;
    }
    dir = parent;
  }
}

function describe(root: string, dotGit: string): RepoInfo | undefined {
  try {
    let gitDir = dotGit;
    if (lstatSync(dotGit).isFile()) {
      // A worktree or submodule: `.git` is a file `gitdir: <path>`. The path may point anywhere; every
      // file under it is read through readGitFile, so a hostile target only means "no link".
      const pointer = readGitFile(dotGit);
      const target = pointer === undefined ? undefined : /^gitdir:[ \t]*(.+)$/m.exec(pointer)?.[1].trim();
      if (!target) {
        return undefined;
      }
      gitDir = path.resolve(root, target);
    }
    if (!statSync(gitDir).isDirectory()) {
      return undefined;
    }
    const commonPointer = existsSync(path.join(gitDir, 'commondir')) ? readGitFile(path.join(gitDir, 'commondir'))?.trim() : undefined;
    const commonDir = commonPointer ? path.resolve(gitDir, commonPointer) : gitDir;
    const config = readGitFile(path.join(commonDir, 'config'));
    if (config === undefined) {
      return undefined;
    }
    const remotes = parseRemotes(config);
    const url = remotes.get('origin') ?? remotes.values().next().value;
    const web = url ? webRemote(url) : undefined;
    if (!web) {
      return undefined;
    }
    const head = readGitFile(path.join(gitDir, 'HEAD'))?.trim();
    if (head === undefined) {
      return undefined;
    }
    const branch = /^ref:\s*refs\/heads\/(.+)$/.exec(head)?.[1];
    const ref = branch ?? (/^[0-9a-f]{40}$/.test(head) ? head : undefined);
    if (!ref) {
      return undefined;
    }
    const commit = branch ? branchCommit(gitDir, commonDir, branch) : ref;
    return { root, ...web, ref, ...(commit ? { commit } : {}) };
  } catch {
    return undefined;
  }
}

/**
 * The commit a branch points at: its loose ref (in the worktree's git dir, else the common one), else its
 * line in packed-refs. A branch name with `..` or a backslash is not a path to follow.
 */
export function branchCommit(gitDir: string, commonDir: string, branch: string): string | undefined {
  if (branch.split('/').some((part) => part === '' || part === '..' || part === '.') || /[\\\0]/.test(branch)) {
    return undefined;
  }
  for (const dir of gitDir === commonDir ? [gitDir] : [gitDir, commonDir]) {
    const loose = readGitFile(path.join(dir, 'refs', 'heads', ...branch.split('/')))?.trim();
    if (loose !== undefined) {
      return /^[0-9a-f]{40}$/.test(loose) ? loose : undefined;
    }
  }
  const packed = readGitFile(path.join(commonDir, 'packed-refs'), 16 * MAX_GIT_FILE_BYTES);
  for (const line of packed?.split(/\r?\n/) ?? []) {
    const match = /^([0-9a-f]{40}) refs\/heads\/(.+)$/.exec(line);
    if (match && match[2] === branch) {
      return match[1];
    }
  }
  return undefined;
}

/** `[remote "name"] url = …` pairs of a git config file. */
export function parseRemotes(config: string): Map<string, string> {
  const remotes = new Map<string, string>();
  let current: string | undefined;
  for (const line of config.split(/\r?\n/)) {
    const section = /^\s*\[\s*remote\s+"([^"]+)"\s*\]/.exec(line);
    if (section) {
      current = section[1];
      continue;
    }
    if (/^\s*\[/.test(line)) {
      current = undefined;
    }
    const url = /^\s*url\s*=\s*(.+?)\s*$/.exec(line);
    if (current && url && !remotes.has(current)) {
      remotes.set(current, url[1]);
    }
  }
  return remotes;
}

/** The web base of a clone URL on a known host, in https, without credentials or `.git`. */
export function webRemote(url: string): { web: string; host: RepoInfo['host'] } | undefined {
  const match = /^(?:[a-z+]+:\/\/)?(?:[^@/]+@)?([^/:]+)(?::\d+)?[:/](.+?)(?:\.git)?\/?$/i.exec(url.trim());
  if (!match) {
    return undefined;
  }
  const hostname = match[1].toLowerCase();
  const repoPath = match[2].replace(/^\/+/, '');
  if (!/^[\w.-]+(\/[\w.-]+)+$/.test(repoPath)) {
    return undefined;
  }
  const host = hostname === 'github.com' ? 'github' : hostname === 'gitlab.com' ? 'gitlab' : hostname === 'bitbucket.org' ? 'bitbucket' : undefined;
  return host ? { web: `https://${hostname}/${repoPath}`, host } : undefined;
}

/** The web link to a one-based line of a file in the repository, at `at` (default: the branch). */
export function lineUrl(repo: Pick<RepoInfo, 'root' | 'web' | 'host' | 'ref'>, absoluteFile: string, line: number, at = repo.ref): string {
  const relative = path.relative(repo.root, absoluteFile).split(path.sep).map(encodeURIComponent).join('/');
  const ref = at.split('/').map(encodeURIComponent).join('/');
  if (repo.host === 'gitlab') {
    return `${repo.web}/-/blob/${ref}/${relative}#L${line}`;
  }
  if (repo.host === 'bitbucket') {
    return `${repo.web}/src/${ref}/${relative}#lines-${line}`;
  }
  return `${repo.web}/blob/${ref}/${relative}#L${line}`;
}
