// The webview's handle to the extension. acquireVsCodeApi may be called once per page.
import type { FromWebview, PersistedState } from '../protocol';

interface VsCodeApi {
  postMessage(message: FromWebview): void;
  getState(): unknown;
  setState(state: PersistedState): void;
}

declare function acquireVsCodeApi(): VsCodeApi;

export const vscode: VsCodeApi = acquireVsCodeApi();
