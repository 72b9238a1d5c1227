// What every webview panel of this extension needs: a strict CSP with a fresh nonce, resources only
// from media/ and dist/webview/, a ready handshake (nothing is posted before the page listens), and
// validation of every incoming message (unknown or malformed ones are logged and dropped).
import * as crypto from 'crypto';
import * as vscode from 'vscode';
import type { Logger } from '../util/logger';
import { describeMessage } from './protocol';

export interface PanelContent {
  title: string;
  /** Path of the script bundle under dist/webview/. */
  script: string;
  /** Path of the stylesheet under media/. */
  style: string;
  /** Static body markup; must already be escaped. */
  body: string;
  lang?: string;
}

export function localResourceRoots(extensionUri: vscode.Uri): vscode.Uri[] {
  return [vscode.Uri.joinPath(extensionUri, 'media'), vscode.Uri.joinPath(extensionUri, 'dist', 'webview')];
}

export function webviewOptions(extensionUri: vscode.Uri): vscode.WebviewOptions {
  return { enableScripts: true, enableCommandUris: false, localResourceRoots: localResourceRoots(extensionUri) };
}

/** A nonce from the OS's CSPRNG (never Math.random): the only way a script may run in the page. */
export function createNonce(): string {
  return crypto.randomBytes(18).toString('base64');
}

export function contentSecurityPolicy(webview: vscode.Webview, nonce: string): string {
  return [
    "default-src 'none'",
    `script-src 'nonce-${nonce}'`,
    `style-src ${webview.cspSource}`,
    `img-src ${webview.cspSource} data:`,
    `font-src ${webview.cspSource}`,
  ].join('; ');
}

export function renderHtml(webview: vscode.Webview, extensionUri: vscode.Uri, content: PanelContent): string {
  const nonce = createNonce();
  const scriptUri = webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'dist', 'webview', content.script));
  const styleUri = webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'media', content.style));
  const attr = (value: string) => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
  return `<!DOCTYPE html>
<html lang="${attr(content.lang ?? vscode.env.language ?? 'en')}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${attr(contentSecurityPolicy(webview, nonce))}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${attr(styleUri.toString())}">
<title>${attr(content.title)}</title>
</head>
<body>
${content.body}
<script nonce="${nonce}" src="${attr(scriptUri.toString())}"></script>
</body>
</html>`;
}

/**
 * A panel speaking a typed protocol. Subclasses handle validated messages in `onMessage` and post
 * with `post`. Until the page says `ready` (again after it was hidden: without
 * retainContextWhenHidden the page is rebuilt) nothing is delivered; the subclass answers every
 * `ready` with a full snapshot, so nothing needs queueing.
 */
export abstract class PanelBase<In extends { type: string }, Out extends { type: string }> implements vscode.Disposable {
  private readonly subscriptions: vscode.Disposable[] = [];
  private ready = false;
  private disposed = false;
  /** Every message posted, newest last (bounded): lets in-host tests observe the protocol. */
  readonly posted: Out[] = [];
  /** Types of the valid messages received, newest last (bounded; for tests and diagnostics). */
  readonly received: In['type'][] = [];
  private readonly postListeners = new Set<(message: Out) => void>();

  protected constructor(
    readonly panel: vscode.WebviewPanel,
    protected readonly log: Logger,
    private readonly isIncoming: (value: unknown) => value is In,
  ) {
    this.subscriptions.push(
      panel.webview.onDidReceiveMessage((raw: unknown) => void this.receive(raw)),
      panel.onDidDispose(() => this.dispose()),
      panel.onDidChangeViewState(() => {
        if (!panel.visible) {
          this.ready = false;
        }
      }),
    );
  }

  get isDisposed(): boolean {
    return this.disposed;
  }

  /** True once the page has said ready (and has not been hidden since). */
  get isReady(): boolean {
    return this.ready;
  }

  /** Entry point of every message from the page (public so in-host tests can act as the page). */
  async receive(raw: unknown): Promise<void> {
    if (this.disposed) {
      return;
    }
    if (!this.isIncoming(raw)) {
      this.log.warn(`Task editor: ignored an unknown or malformed message from the webview (${describeMessage(raw)}).`);
      return;
    }
    this.received.push(raw.type);
    if (this.received.length > 200) {
      this.received.shift();
    }
    if (raw.type === 'ready') {
      this.ready = true;
    }
    try {
      await this.onMessage(raw);
    } catch (error) {
      this.log.error(error instanceof Error ? error : String(error));
    }
  }

  protected abstract onMessage(message: In): Promise<void>;

  protected post(message: Out): void {
    if (this.disposed) {
      return;
    }
    this.posted.push(message);
    if (this.posted.length > 200) {
      this.posted.shift();
    }
    for (const listener of this.postListeners) {
      listener(message);
    }
    if (this.ready) {
      void this.deliver(message);
    }
  }

  /** Resolves with the next posted message of `type` matching `predicate` (in-host tests). */
  nextPosted<T extends Out['type']>(type: T, predicate: (m: Extract<Out, { type: T }>) => boolean = () => true,
    timeoutMs = 10_000): Promise<Extract<Out, { type: T }>> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.postListeners.delete(listener);
        reject(new Error(`no '${type}' message posted within ${timeoutMs} ms`));
      }, timeoutMs);
      const listener = (message: Out) => {
        if (message.type === type && predicate(message as Extract<Out, { type: T }>)) {
          clearTimeout(timer);
          this.postListeners.delete(listener);
          resolve(message as Extract<Out, { type: T }>);
        }
      };
      this.postListeners.add(listener);
    });
  }

  private async deliver(message: Out): Promise<void> {
    try {
      await this.panel.webview.postMessage(message);
    } catch {
      // The panel went away between the check and the post: nothing to deliver to.
    }
  }

  dispose(): void {
    if (this.disposed) {
      return;
    }
    this.disposed = true;
    this.onDispose();
    for (const subscription of this.subscriptions.splice(0)) {
      subscription.dispose();
    }
    this.panel.dispose();
  }

  protected onDispose(): void {
    // For subclasses.
  }
}
