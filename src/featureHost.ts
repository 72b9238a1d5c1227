// What every feature receives from the composition root. Features depend on this interface, never on
// container.ts (a lint rule forbids importing it outside extension.ts): the Container implements it, so
// it can grow without every feature seeing it, and container → features is the only import direction.
import type * as vscode from 'vscode';
import type { AuthService } from './auth/authService';
import type { HubSpotApi } from './hubspot/api';
import type { TaskProperties } from './services/taskProperties';
import type { ApiTask } from './hubspot/types';
import type { Tuning } from './tuning';
import type { Notifier } from './ui/notifier';

export interface FeatureHost {
  readonly context: vscode.ExtensionContext;
  readonly log: vscode.LogOutputChannel;
  /** The one HubSpot client (rebuilt behind this reference when `hubspotTasks.baseUrl` changes). */
  readonly client: HubSpotApi;
  /** The task properties' definitions (option labels), read once per account for every feature. */
  readonly taskProperties: TaskProperties;
  /** Sign-in state; `auth.me()` is my HubSpot owner id. Await `auth.ready` before reading `isSignedIn`. */
  readonly auth: AuthService;
  /**
   * Fire with the tasks you created, updated or archived (`archived: true`) so the tree and status
   * bar show them at once: HubSpot's search lags behind writes.
   */
  readonly tasksChanged: vscode.EventEmitter<ApiTask[]>;
  /** Timing and pacing: the product's, or in `ExtensionMode.Test` the harness's. */
  readonly tuning: Tuning;
  /** Notifications, progress, quick picks, input boxes: untrusted text made inert on the way (src/ui). */
  readonly notify: Notifier;
  /** Hands a disposable to the composition root, which disposes everything in reverse order. */
  register<T extends vscode.Disposable>(disposable: T): T;
}
