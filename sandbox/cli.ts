#!/usr/bin/env node
// `npm run sandbox -- --port 4010 --seed demo [--data FILE] [--token T] [--rate-limits] [--rate-limit N] [--latency MS]
//  [--fault-rate 0.2 --fault-seed 1 --fault-kinds 500,reset] [--search-lag MS] [--hang-ms MS] [--host H]
//  [--validation-rules FILE|JSON] [--batch-create-errors by-version|whole-batch|per-input]
//  [--access-token-lifetime S] [--no-refresh-rotation] [--oauth-client-id ID] [--oauth-client-secret S]
//  [--oauth-require-secret] [--portal2-token T]`
import { readFileSync } from 'node:fs';
import { parseKnobs, parseSeed } from './admin';
import { parseRateLimit } from './rateLimits';
import { DEFAULT_NO_SCOPE_TOKEN, DEFAULT_TOKEN, DEMO_CLIENT_ID, DEMO_CLIENT_SECRET, SECOND_PORTAL_TOKEN, startSandbox } from './server';
import type { RulesSpec, SandboxOptions } from './types';
import { parseRulesSpec } from './validationRules';

const USAGE = `Usage: node out/sandbox/cli.js [options]
  --port N            port (default 4010; 0 = random)
  --host H            interface (default 127.0.0.1)
  --seed S            demo | empty | tasks:N   (default demo)
  --data FILE         persist the account to FILE (loaded when it exists)
  --token T           a valid token (repeatable; default ${DEFAULT_TOKEN})
  --no-scope-token T  a token without scopes (default ${DEFAULT_NO_SCOPE_TOKEN})
  --rate-limits       enforce 100 requests / 10 s and 5 searches / s
  --rate-limit N      the account's limit is N requests / 10 s (HubSpot: 100 or 190), announced
                      in X-HubSpot-RateLimit-* headers and enforced (implies --rate-limits)
  --latency MS        added latency per request
  --fault-rate R      fraction of requests that fail (0..1), with --fault-seed N [--fault-kinds a,b]
  --search-lag MS     writes reach search after MS
  --hang-ms MS        how long a "hang" fault holds a response (default 30000)
  --validation-rules R  property validation rules enforced on 2026-09 writes: a JSON file or inline
                      JSON, {"tasks": {"hs_task_subject": [{"ruleType": "MAX_LENGTH", "ruleArguments": ["80"]}]}}
  --batch-create-errors M  invalid inputs in a batch create: whole-batch (400, nothing created),
                      per-input (207), by-version (default: whole-batch in 2026-09, per-input before)
  --access-token-lifetime S  seconds an OAuth access token lives (default 1800)
  --no-refresh-rotation  a refresh keeps the refresh token (default: a new one, the old one dead)
  --oauth-client-id ID   the OAuth app's client id (default ${DEMO_CLIENT_ID})
  --oauth-client-secret S  its client secret (default ${DEMO_CLIENT_SECRET}; checked when sent)
  --oauth-require-secret  the token endpoint refuses requests without the client secret
  --portal2-token T   a key token of the second demo portal (repeatable; default ${SECOND_PORTAL_TOKEN})`;

export function parseArgs(argv: string[]): SandboxOptions {
  const options: SandboxOptions = { port: 4010 };
  const tokens: string[] = [];
  const noScope: string[] = [];
  let faultRate: number | undefined;
  let faultSeed = 1;
  let faultKinds: string[] | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined) {
        throw new Error(`${arg} needs a value`);
      }
      return v;
    };
    const num = () => {
      const n = Number(value());
      if (!Number.isFinite(n)) {
        throw new Error(`${arg} needs a number`);
      }
      return n;
    };
    switch (arg) {
      case '--port': options.port = num(); break;
      case '--host': options.host = value(); break;
      case '--seed': {
        const v = value();
        const m = /^tasks:(\d+)$/.exec(v);
        options.seed = m ? { tasks: Number(m[1]) } : parseSeed(v);
        break;
      }
      case '--data': options.dataFile = value(); break;
      case '--token': tokens.push(value()); break;
      case '--no-scope-token': noScope.push(value()); break;
      case '--rate-limits': options.rateLimits = true; break;
      case '--rate-limit': options.rateLimitPer10s = parseRateLimit(num(), arg); options.rateLimits = true; break;
      case '--latency': options.latencyMs = num(); break;
      case '--fault-rate': faultRate = num(); break;
      case '--fault-seed': faultSeed = num(); break;
      case '--fault-kinds': faultKinds = value().split(','); break;
      case '--search-lag': options.searchLagMs = num(); break;
      case '--hang-ms': options.timeoutHangMs = num(); break;
      case '--validation-rules': {
        const v = value();
        const text = v.trim().startsWith('{') ? v : readFileSync(v, 'utf8');
        const spec = JSON.parse(text) as RulesSpec;
        parseRulesSpec(spec); // refuse a bad spec here, with its reason, not at the first write
        options.validationRules = spec;
        break;
      }
      case '--access-token-lifetime': options.accessTokenLifetimeSec = parseKnobs({ accessTokenLifetimeSec: num() }).accessTokenLifetimeSec; break;
      case '--no-refresh-rotation': options.rotateRefreshTokens = false; break;
      case '--oauth-client-id': options.oauthClientId = value(); break;
      case '--oauth-client-secret': options.oauthClientSecret = value(); break;
      case '--oauth-require-secret': options.oauthRequireSecret = true; break;
      case '--portal2-token': (options.secondPortalTokens ??= []).push(value()); break;
      case '--batch-create-errors': options.batchCreateErrors = parseKnobs({ batchCreateErrors: value() }).batchCreateErrors; break;
      case '--help': case '-h':
        console.log(USAGE);
        process.exit(0);
        break;
      default:
        throw new Error(`unknown option ${arg}\n${USAGE}`);
    }
  }
  if (tokens.length > 0) {
    options.tokens = tokens;
  }
  if (noScope.length > 0) {
    options.noScopeTokens = noScope;
  }
  if (faultRate !== undefined) {
    options.faults = parseKnobs({ faults: { rate: faultRate, seed: faultSeed, kinds: faultKinds } }).faults ?? undefined;
  }
  return options;
}

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  const sandbox = await startSandbox(options);
  const state = sandbox.state();
  // One parseable line first: harnesses wait for it.
  console.log(`HubSpot sandbox listening on ${sandbox.url}`);
  console.log(`  ${state.tasks} tasks, ${state.contacts} contacts, ${state.companies} companies, ${state.deals} deals, ${state.owners} owners`);
  console.log(`  token: ${(options.tokens ?? [DEFAULT_TOKEN]).length} valid token(s)${options.tokens ? '' : ` (default "${DEFAULT_TOKEN}")`}; admin: ${sandbox.url}/__sandbox/state`);
  console.log(`  OAuth: ${sandbox.url}/oauth/authorize (client id ${options.oauthClientId ?? DEMO_CLIENT_ID}); second portal: ${sandbox.portals()[1].portalId}`);
  const stop = () => {
    void sandbox.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

if (require.main === module) {
  main().catch((e: unknown) => {
    console.error((e as Error).message);
    process.exit(1);
  });
}
