// A web link to a line of a file when its repository has a GitHub, GitLab or Bitbucket remote. Reads
// .git/config and .git/HEAD directly (no VS Code git internals); any surprise → no link.
import { existsSync, readFileSync, statSync } from 'fs';
import * as path from 'path';

export interface RepoInfo {
  /** Absolute path of the working tree root. */
  root: string;
  /** `https://host/owner/repo` of the remote (origin preferred). */
  web: string;
  host: 'github' | 'gitlab' | 'bitbucket';
  /** Branch name, or the commit for a detached HEAD. */
  ref: string;
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
  if (known && now - known.at < MEMO_MS) return known.repo;
  const repo = findRepoUncached(folder);
  if (memo.size >= MEMO_MAX) memo.clear();
  memo.set(folder, { at: now, repo });
  return repo;
}

function findRepoUncached(folder: string): RepoInfo | undefined {
  let dir = folder;
  for (;;) {
    const dotGit = path.join(dir, '.git');
    if (existsSync(dotGit)) return describe(dir, dotGit);
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

function describe(root: string, dotGit: string): RepoInfo | undefined {
  try {
    let gitDir = dotGit;
    if (statSync(dotGit).isFile()) {
      // A worktree or submodule: `.git` is a file `gitdir: <path>`.
      const target = /^gitdir:\s*(.+)$/m.exec(readFileSync(dotGit, 'utf8'))?.[1].trim();
      if (!target) return undefined;
      gitDir = path.resolve(root, target);
    }
    const commonDir = existsSync(path.join(gitDir, 'commondir'))
      ? path.resolve(gitDir, readFileSync(path.join(gitDir, 'commondir'), 'utf8').trim())
      : gitDir;
    const remotes = parseRemotes(readFileSync(path.join(commonDir, 'config'), 'utf8'));
    const url = remotes.get('origin') ?? remotes.values().next().value;
    const web = url ? webRemote(url) : undefined;
    if (!web) return undefined;
    const head = readFileSync(path.join(gitDir, 'HEAD'), 'utf8').trim();
    const ref = /^ref:\s*refs\/heads\/(.+)$/.exec(head)?.[1] ?? (/^[0-9a-f]{40}$/.test(head) ? head : undefined);
    if (!ref) return undefined;
    return { root, ...web, ref };
  } catch {
    return undefined;
  }
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
    if (/^\s*\[/.test(line)) current = undefined;
    const url = /^\s*url\s*=\s*(.+?)\s*$/.exec(line);
    if (current && url && !remotes.has(current)) remotes.set(current, url[1]);
  }
  return remotes;
}

/** The web base of a clone URL on a known host, in https, without credentials or `.git`. */
export function webRemote(url: string): { web: string; host: RepoInfo['host'] } | undefined {
  const match = /^(?:[a-z+]+:\/\/)?(?:[^@/]+@)?([^/:]+)(?::\d+)?[:/](.+?)(?:\.git)?\/?$/i.exec(url.trim());
  if (!match) return undefined;
  const hostname = match[1].toLowerCase();
  const repoPath = match[2].replace(/^\/+/, '');
  if (!/^[\w.-]+(\/[\w.-]+)+$/.test(repoPath)) return undefined;
  const host = hostname === 'github.com' ? 'github' : hostname === 'gitlab.com' ? 'gitlab' : hostname === 'bitbucket.org' ? 'bitbucket' : undefined;
  return host ? { web: `https://${hostname}/${repoPath}`, host } : undefined;
}

/** The web link to a one-based line of a file in the repository. */
export function lineUrl(repo: RepoInfo, absoluteFile: string, line: number): string {
  const relative = path.relative(repo.root, absoluteFile).split(path.sep).map(encodeURIComponent).join('/');
  const ref = repo.ref.split('/').map(encodeURIComponent).join('/');
  if (repo.host === 'gitlab') return `${repo.web}/-/blob/${ref}/${relative}#L${line}`;
  if (repo.host === 'bitbucket') return `${repo.web}/src/${ref}/${relative}#lines-${line}`;
  return `${repo.web}/blob/${ref}/${relative}#L${line}`;
}
