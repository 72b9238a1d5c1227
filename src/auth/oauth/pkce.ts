// PKCE (RFC 7636, S256) and the CSRF `state` of one browser sign-in. No vscode import.
import { createHash, randomBytes } from 'crypto';

/** 32 random bytes → 43 characters of [A-Za-z0-9_-]: the shortest verifier RFC 7636 allows, full entropy. */
export function createCodeVerifier(): string {
  return randomBytes(32).toString('base64url');
}

/** `BASE64URL(SHA256(verifier))`, sent as `code_challenge` with `code_challenge_method=S256`. */
export function codeChallengeS256(verifier: string): string {
  return createHash('sha256').update(verifier, 'ascii').digest('base64url');
}

/** Unguessable, so a redirect this sign-in did not start (a forged link) is refused. */
export function createState(): string {
  return randomBytes(16).toString('base64url');
}
