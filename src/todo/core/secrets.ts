// Keeps secrets out of HubSpot. A task's notes carry the code around its TODO and are visible to every
// user of the portal, so (1) files that exist to hold secrets (`.env`, `.npmrc`, keys…) are not scanned
// for TODOs at all, and (2) what is sent is redacted: values of secret-looking keys (`API_KEY=…`,
// `password: …`) and token-shaped strings (HubSpot/GitHub/Slack/Stripe/OpenAI tokens, JWTs, AWS and
// Google keys, long random base64/hex, credentials in URLs). Both run on untrusted file content, so
// every pattern here is linear: bounded quantifiers, no nested repetition, lines capped before matching.

import { compileGlob, matchGlob, type GlobPattern } from './glob';

/**
 * File-name patterns (globs as in `files.exclude`, matched case-insensitively against the base name) of
 * files that hold secrets by convention. The default of `hubspotTasks.todo.excludeSecretFiles`.
 */
export const DEFAULT_SECRET_FILES: readonly string[] = [
  '.env', '.env.*', '*.env', '.envrc', '.npmrc', '.yarnrc', '.yarnrc.yml', '.pypirc', '.netrc', '_netrc',
  '.git-credentials', '.pgpass', '.htpasswd', '.dockercfg', '.s3cfg', '.boto', 'credentials', 'credentials.*',
  'secrets.*', '*.secret', '*.secrets', '*.tfvars', '*.pem', '*.key', '*.p12', '*.pfx', '*.jks',
  '*.keystore', '*.kdbx', '*.ovpn', 'id_rsa*', 'id_dsa*', 'id_ecdsa*', 'id_ed25519*',
];

const MAX_NAME = 255;

/**
 * A base name against one file-name pattern, with the glob matcher of `files.exclude` and .gitignore
 * (glob.ts: linear, one backtrack point per `*`); a name holds no `/`, so it is one segment.
 */
export function wildcardMatch(pattern: string, name: string): boolean {
  return compileGlob(pattern, false).some((glob) => matchGlob(glob, name, [0, name.length]));
}

/**
 * Answers "is this a secret-bearing file?" for a path (any separator) by its base name. It runs for every
 * file of a workspace scan, so the common pattern forms are sorted out once: exact names and `*.ext`
 * in sets, `prefix*` by startsWith among those sharing the name's first character, other `*suffix` by
 * endsWith; only the rest goes through the wildcard matcher.
 */
export class SecretFileMatcher {
  private readonly exact = new Set<string>();
  private readonly extensions = new Set<string>();
  private readonly prefixesByFirst = new Map<string, string[]>();
  private readonly suffixes: string[] = [];
  private readonly wildcards: GlobPattern[] = [];

  constructor(patterns: readonly string[] = DEFAULT_SECRET_FILES) {
    for (const pattern of patterns.map((p) => p.trim().toLowerCase())) {
      if (pattern === '' || pattern.length > MAX_NAME) {
        continue;
      }
      if (!/[*?]/.test(pattern)) {
        this.exact.add(pattern);
      } else if (pattern.length > 1 && pattern.endsWith('*') && !/[*?]/.test(pattern.slice(0, -1))) {
        const prefix = pattern.slice(0, -1);
        this.prefixesByFirst.set(prefix[0], [...(this.prefixesByFirst.get(prefix[0]) ?? []), prefix]);
      } else if (/^\*\.[^*?.]+$/.test(pattern)) {
        this.extensions.add(pattern.slice(1));
      } else if (pattern.startsWith('*') && !/[*?]/.test(pattern.slice(1))) {
        this.suffixes.push(pattern.slice(1));
      } else {
        this.wildcards.push(...compileGlob(pattern, false));
      }
    }
  }

  matches(filePath: string): boolean {
    const slash = Math.max(filePath.lastIndexOf('/'), filePath.lastIndexOf('\\'));
    const base = filePath.slice(slash + 1).slice(0, MAX_NAME).toLowerCase();
    const dot = base.lastIndexOf('.');
    return this.exact.has(base) ||
      (dot >= 0 && this.extensions.has(base.slice(dot))) ||
      (this.prefixesByFirst.get(base[0])?.some((prefix) => base.startsWith(prefix)) ?? false) ||
      this.suffixes.some((suffix) => base.endsWith(suffix)) ||
      this.wildcards.some((glob) => matchGlob(glob, base, [0, base.length]));
  }
}

export const REDACTED = '[redacted]';

/** Longest line redacted and sent; the rest of a longer (minified) line is cut, not scanned. */
export const MAX_CONTEXT_LINE = 400;

/** Key names whose values are secrets: `api_key`, `DB_PASSWORD`, `clientSecret`, `authToken`, `x-api-key`… */
const SECRET_KEY = /pass(?:word|wd|phrase)?|pwd|secret|token|api[-_.]?key|access[-_.]?key|private[-_.]?key|auth(?!or)|credential|cookie|dsn|connection[-_.]?string/i;

/**
 * `key = value`, `key: value`, `key => value`, `key := value`, `"key": "value"`, `KEY=value`. The key is
 * an identifier (optionally quoted); the value a quoted string or a run without spaces and delimiters.
 * The look-arounds pin the key to a whole word, so a long run of word characters is not retried at
 * every position and length.
 */
const KEY_VALUE = /(?<![\w.-])(["']?)([A-Za-z_][\w.-]{0,63})(?![\w.-])\1([ \t]{0,8}(?::=|=>|[:=])[ \t]{0,8})("[^"\n]{0,400}"|'[^'\n]{0,400}'|`[^`\n]{0,400}`|[^\s,;'"`()\]}]{1,400})/g;

/** Words that start an expression rather than being a value (`token = await …`, `password = null`). */
const CODE_WORDS = new Set(['await', 'new', 'null', 'nil', 'None', 'undefined', 'true', 'false', 'True', 'False', 'this', 'self', 'function', 'lambda', 'fn', 'async']);

/** Token shapes that are secrets wherever they appear. */
const TOKEN_SHAPES: RegExp[] = [
  /-----BEGIN [A-Z ]{0,40}PRIVATE KEY-----/g,
  /\bpat-[a-z]{2,4}\d{0,2}-[0-9a-f]{8}(?:-[0-9a-f]{4}){3}-[0-9a-f]{12}\b/gi, // HubSpot private app token
  /\b(?:gh[pousr]_[A-Za-z0-9]{20,255}|github_pat_[A-Za-z0-9_]{20,255})/g,
  /\bglpat-[A-Za-z0-9_-]{20,64}/g, // GitLab
  /\bxox[abposr]-[A-Za-z0-9-]{10,255}/g, // Slack
  /\b(?:sk|rk)_(?:live|test)_[A-Za-z0-9]{10,255}/g, // Stripe secret / restricted keys
  /\bsk-(?:proj-|ant-)?[A-Za-z0-9_-]{16,255}/g, // OpenAI, Anthropic
  /\beyJ[A-Za-z0-9_-]{5,2000}\.[A-Za-z0-9_-]{5,2000}\.[A-Za-z0-9_-]{5,2000}/g, // JWT
  /\b(?:AKIA|ASIA|AGPA|AIDA|AROA|ANPA|ANVA|AIPA)[A-Z0-9]{16}\b/g, // AWS access key id
  /\bAIza[0-9A-Za-z_-]{35}/g, // Google API key
  /\bBearer[ \t]+[A-Za-z0-9._~+/-]{8,2000}=*/g,
];

/** Long runs that may be random: base64 / base64url, or hex. */
const LONG_RUN = /[A-Za-z0-9+/_-]{24,2000}={0,2}/g;

/**
 * Random-looking: 32+ hex digits, or a `/`-free stretch of 24+ characters mixing both cases and at least
 * two digits. Paths (`src/components/Page2/index`) and identifiers (`UserProfileV2`) mostly stay.
 */
function looksRandom(run: string): boolean {
  const body = run.replace(/=+$/, '');
  if (/^[0-9a-f]{32,}$/i.test(body)) {
    return true;
  }
  return body.split('/').some((part) => part.length >= 24 && /[a-z]/.test(part) && /[A-Z]/.test(part) && /\d[^\d]*\d/.test(part));
}

/** Secret-looking values and token-shaped strings in one line replaced by `[redacted]`. */
export function redactSecrets(line: string): string {
  let out = line.length > MAX_CONTEXT_LINE ? `${line.slice(0, MAX_CONTEXT_LINE)}…` : line;
  // Credentials in URLs: `scheme://user:password@host`.
  out = out.replace(/(\/\/[^\s/:@]{1,200}:)[^\s/@]{1,200}@/g, (_m, head: string) => `${head}${REDACTED}@`);
  out = out.replace(KEY_VALUE, (m, _q: string, key: string, sep: string, value: string, at: number, whole: string) => {
    if (!SECRET_KEY.test(key) || value === REDACTED) {
      return m;
    }
    const quote = /^["'`]/.test(value) ? value[0] : '';
    // Code, not a value: a call (`getToken()`) or a dotted path (`tokens.length`, `process.env.API_KEY`).
    if (!quote && (whole[at + m.length] === '(' || CODE_WORDS.has(value) || /^[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)+$/.test(value))) {
      return m;
    }
    // An empty string is no secret (`password = ""`) and keeps the line's meaning readable.
    if (quote && value.length <= 2) {
      return m;
    }
    return m.slice(0, m.length - value.length - sep.length) + sep + (quote ? `${quote}${REDACTED}${quote}` : REDACTED);
  });
  for (const shape of TOKEN_SHAPES) {
    out = out.replace(shape, () => REDACTED);
  }
  return out.replace(LONG_RUN, (run) => (looksRandom(run) ? REDACTED : run));
}
