// The sandbox's demo account as tests see it: the token it accepts by default and the owner tests act as.
// Re-exported from the sandbox itself (one source of truth); plain values, so unit tests, in-host tests
// (loaded from out/ inside the extension host) and e2e tests (node + Playwright) can all import them.
import { DEFAULT_NO_SCOPE_TOKEN, DEFAULT_TOKEN } from '../../sandbox/server';
import { DEMO_OWNER_EMAIL, DEMO_OWNER_ID } from '../../sandbox/seed';

/** The token a sandbox started without `tokens` accepts (full scopes). */
export const SANDBOX_TOKEN = DEFAULT_TOKEN;
/** A token the sandbox accepts without the tasks scopes (403 on task routes). */
export const SANDBOX_NO_SCOPE_TOKEN = DEFAULT_NO_SCOPE_TOKEN;
/** "Dana Demo", demo@example.com: the first owner of every seed. */
export { DEMO_OWNER_EMAIL, DEMO_OWNER_ID };
