// The web links a TODO's task carries: the line on its branch and the same line at the commit (a permalink
// that survives later edits, renames and deleted branches). Remote and commit come from VS Code's built-in
// Git extension (`vscode.git`, API version 1) where it is present and knows the repository; reading
// .git/config and .git/HEAD ourselves (core/gitRemote.ts) is only the fallback (Git extension disabled,
// `git` not installed, a web host without it, a repository it has not opened yet).
import * as vscode from 'vscode';
import { findRepo, lineUrl, webRemote, type RepoInfo } from '../core/gitRemote';

/** The part of the Git extension's API (extensions/git/src/api/git.d.ts) used here. */
interface GitApiRepository {
  readonly rootUri: vscode.Uri;
  readonly state: {
    readonly HEAD: { readonly name?: string; readonly commit?: string; readonly upstream?: { readonly remote: string } } | undefined;
    readonly remotes: readonly { readonly name: string; readonly fetchUrl?: string; readonly pushUrl?: string }[];
  };
}

interface GitApi {
  readonly state: 'uninitialized' | 'initialized';
  readonly onDidChangeState: vscode.Event<'uninitialized' | 'initialized'>;
  getRepository(uri: vscode.Uri): GitApiRepository | null;
}

interface GitExtension {
  readonly enabled: boolean;
  getAPI(version: 1): GitApi;
}

export interface SourceLinks {
  webUrl?: string;
  permalink?: string;
  commit?: string;
  /** Where the remote and commit came from (logged; tests read it). */
  source?: 'git-extension' | 'git-files';
}

/** The Git extension needs a moment after start-up to open the repositories; creation waits at most this long. */
const GIT_READY_MS = 3_000;

/** One per creation run: the Git API is looked up once, each file's links computed from it. */
export class GitLinks {
  private api: Promise<GitApi | undefined> | undefined;

  constructor(private readonly readyMs = GIT_READY_MS) {}

  async links(uri: vscode.Uri, line: number): Promise<SourceLinks> {
    if (uri.scheme !== 'file') {
      return {};
    }
    const fromExtension = await this.fromGitExtension(uri, line).catch(() => undefined);
    if (fromExtension) {
      return fromExtension;
    }
    const repo = findRepo(uri.fsPath);
    return repo ? withRepo(repo, uri.fsPath, line, 'git-files') : {};
  }

  private async fromGitExtension(uri: vscode.Uri, line: number): Promise<SourceLinks | undefined> {
    const api = await (this.api ??= gitApi(this.readyMs));
    const repository = api?.getRepository(uri);
    const head = repository?.state.HEAD;
    if (!repository || !head?.commit || !/^[0-9a-f]{40}$/.test(head.commit)) {
      return undefined;
    }
    const remotes = repository.state.remotes;
    const remote = remotes.find((r) => r.name === head.upstream?.remote) ?? remotes.find((r) => r.name === 'origin') ?? remotes[0];
    const url = remote?.fetchUrl ?? remote?.pushUrl;
    const web = url ? webRemote(url) : undefined;
    if (!web) {
      return undefined;
    }
    const repo: RepoInfo = { root: repository.rootUri.fsPath, ...web, ref: head.name ?? head.commit, commit: head.commit };
    return withRepo(repo, uri.fsPath, line, 'git-extension');
  }
}

function withRepo(repo: RepoInfo, file: string, line: number, source: SourceLinks['source']): SourceLinks {
  const links: SourceLinks = { webUrl: lineUrl(repo, file, line), source };
  if (repo.commit) {
    links.permalink = lineUrl(repo, file, line, repo.commit);
    links.commit = repo.commit;
  }
  return links;
}

/** The Git extension's API once it has opened the workspace's repositories, or undefined (absent, disabled, slow). */
async function gitApi(readyMs: number): Promise<GitApi | undefined> {
  const extension = vscode.extensions.getExtension<GitExtension>('vscode.git');
  if (!extension) {
    return undefined;
  }
  // A disabled or broken Git extension may never finish activating: the fallback is not kept waiting.
  const exports = extension.isActive ? extension.exports : await within(readyMs, Promise.resolve(extension.activate()));
  if (!exports?.enabled) {
    return undefined;
  }
  const api = exports.getAPI(1);
  if (api.state !== 'initialized') {
    let subscription: vscode.Disposable | undefined;
    await within(readyMs, new Promise<void>((resolve) => {
      subscription = api.onDidChangeState((state) => state === 'initialized' && resolve());
    }));
    subscription?.dispose();
  }
  return api;
}

/** `promise`'s value, or undefined once `ms` passed (or it failed). */
function within<T>(ms: number, promise: Promise<T>): Promise<T | undefined> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => resolve(undefined), ms);
  });
  return Promise.race([promise.catch(() => undefined), timeout]).finally(() => clearTimeout(timer));
}
