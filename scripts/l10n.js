#!/usr/bin/env node
// The extension's localisation files, made from the source (no hand-kept list to forget):
//   node scripts/l10n.js export   l10n/bundle.l10n.json: every runtime string the source passes to
//                                 vscode.l10n.t (as `vscode.l10n.t`, `l10n.t` or an alias named `t`), and
//                                 every text marked /*l10n*/ where it is written for a later t(label).
//   node scripts/l10n.js pseudo   the pseudo-locale qps-ploc (l10n/bundle.l10n.qps-ploc.json and
//                                 package.nls.qps-ploc.json): every text wrapped in ⟦ ⟧, so a test run under
//                                 that locale sees at once any string that bypassed localisation. Not shipped.
//   node scripts/l10n.js check    exits 1 when the bundle is stale, a translation misses or keeps a key, a
//                                 manifest string is not a %key%, or a literal reaches the UI without t().
// The task editor's page (src/webviews/app) is linted too: it shows only texts the extension sends it.
// Why not `@vscode/l10n-dev export`: it finds `l10n.t(` calls only, while this code base calls the function
// through `const t = vscode.l10n.t` and hands `t` to vscode-free modules; the TypeScript compiler API
// (already a dev dependency) reads those calls exactly. The test test/unit/packaging/l10n.test.ts runs `check`.
'use strict';

const fs = require('fs');
const path = require('path');

const ROOT = path.resolve(__dirname, '..');
const SRC = path.join(ROOT, 'src');
const L10N = path.join(ROOT, 'l10n');
/**
 * Browser code of the task editor: it gets every text from the extension (taskEditorHtml.ts) and has no
 * vscode.l10n; it is linted (no literal text of its own), not searched for keys.
 */
const WEBVIEW_APP = path.join(SRC, 'webviews', 'app');
/**
 * Read by the language model, not a person (the tools' input schemas, like their modelDescription in
 * package.json): English on purpose, so the lint does not ask for t() there.
 */
const MODEL_FACING = [path.join(SRC, 'lm', 'definitions.ts')];
const PSEUDO_LOCALE = 'qps-ploc';
/** The translations shipped beside the English source texts. */
const TRANSLATIONS = ['de'];
const MARK_OPEN = '⟦';
const MARK_CLOSE = '⟧';
/** Marks a literal whose text reaches the UI through a dynamic `t(label)` elsewhere. */
const KEY_MARKER = /\/\*\s*l10n\s*\*\//;

/** Methods that put their string arguments in front of the user (our notifier, or vscode.window directly). */
const UI_METHODS = {
  notifier: new Set(['info', 'warn', 'error', 'confirm', 'status']),
  window: new Set(['showInformationMessage', 'showWarningMessage', 'showErrorMessage', 'setStatusBarMessage']),
};
/** Object properties that VS Code shows as text (quick picks, input boxes, progress, tree items, status bar). */
const UI_PROPERTIES = new Set(['title', 'placeHolder', 'prompt', 'tooltip', 'label', 'description', 'detail', 'text', 'message', 'validationMessage',
  // the task editor's page (DOM)
  'textContent', 'placeholder', 'ariaLabel']);

function typescript() {
  return require(path.join(ROOT, 'node_modules', 'typescript'));
}

function sourceFiles(dir = SRC) {
  return fs.readdirSync(dir, { recursive: true })
    .filter((name) => name.endsWith('.ts') && !name.endsWith('.d.ts'))
    .map((name) => path.join(dir, name))
    .sort();
}

/** `vscode.l10n.t`, `l10n.t` or `t` (the alias every file uses). */
function isTranslateCall(ts, node) {
  const callee = node.expression;
  if (ts.isIdentifier(callee)) return callee.text === 't';
  return ts.isPropertyAccessExpression(callee) && callee.name.text === 't'
    && ((ts.isIdentifier(callee.expression) && callee.expression.text === 'l10n')
      || (ts.isPropertyAccessExpression(callee.expression) && callee.expression.name.text === 'l10n'));
}

function isLiteral(ts, node) {
  return ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node);
}

/** Text a person reads: a word with a small letter (not ids such as HS-12, `$(icon)`s or punctuation). */
function hasWords(text) {
  return /(?=\p{L}{2,})\p{L}*\p{Ll}/u.test(text.replace(/\$\([a-z-~]+\)/g, ''));
}

/**
 * One pass over the source: the runtime strings (key → first file), the dynamic t() calls, and the literals
 * that reach the UI without t().
 */
function scanSource(files = sourceFiles()) {
  const ts = typescript();
  const keys = new Map();
  const dynamic = [];
  const bypasses = [];
  for (const file of files) {
    const text = fs.readFileSync(file, 'utf8');
    const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
    const where = (node) => `${path.relative(ROOT, file)}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
    const addKey = (key, node) => {
      if (!keys.has(key)) keys.set(key, where(node));
    };
    // A comment on the literal's own line counts as the previous token's trailing comment in TypeScript.
    const isMarked = (node) => [...(ts.getLeadingCommentRanges(text, node.pos) ?? []), ...(ts.getTrailingCommentRanges(text, node.pos) ?? [])]
      .some((c) => KEY_MARKER.test(text.slice(c.pos, c.end)));
    const flag = (node, why) => {
      if (MODEL_FACING.includes(file)) return;
      if (!/l10n-ignore/.test(lineOf(text, node.getStart(source)))) bypasses.push(`${where(node)} ${why}: ${node.getText().slice(0, 80)}`);
    };
    const visit = (node) => {
      if (isLiteral(ts, node)) {
        if (isMarked(node)) addKey(node.text, node);
      }
      if (ts.isCallExpression(node)) {
        if (isTranslateCall(ts, node) && !file.startsWith(WEBVIEW_APP + path.sep)) {
          const first = node.arguments[0];
          if (first && isLiteral(ts, first)) addKey(first.text, first);
          else if (first && ts.isObjectLiteralExpression(first)) dynamic.push(`${where(node)} t({…}) is not supported: pass the message as the first argument`);
          else dynamic.push(`${where(node)} ${node.getText().slice(0, 80)}`);
        } else {
          checkUiCall(ts, node, flag);
        }
      }
      if (ts.isPropertyAssignment(node) && ts.isIdentifier(node.name) && UI_PROPERTIES.has(node.name.text)
        && bareText(ts, node.initializer) && !isMarked(node.initializer)) {
        flag(node, `literal '${node.name.text}' without l10n.t`);
      }
      if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.EqualsToken
        && ts.isPropertyAccessExpression(node.left) && UI_PROPERTIES.has(node.left.name.text) && bareText(ts, node.right)) {
        flag(node, `literal '.${node.left.name.text}' without l10n.t`);
      }
      if (ts.isNewExpression(node) && /TreeItem$/.test(node.expression.getText()) && node.arguments?.[0] && bareText(ts, node.arguments[0])) {
        flag(node, 'TreeItem label without l10n.t');
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return { keys, dynamic, bypasses };
}

function lineOf(text, position) {
  const start = text.lastIndexOf('\n', position) + 1;
  const end = text.indexOf('\n', position);
  return text.slice(start, end < 0 ? undefined : end);
}

/** A string literal (or a template's literal parts) with words in it, i.e. English the user would read. */
function bareText(ts, node) {
  if (isLiteral(ts, node)) return hasWords(node.text);
  if (ts.isTemplateExpression(node)) return [node.head.text, ...node.templateSpans.map((s) => s.literal.text)].some(hasWords);
  return false;
}

function checkUiCall(ts, node, flag) {
  const callee = node.expression;
  if (!ts.isPropertyAccessExpression(callee)) return;
  const method = callee.name.text;
  const receiver = callee.expression.getText();
  const receiverName = receiver.split('.').pop() ?? '';
  const ui = (/notif/i.test(receiverName) && UI_METHODS.notifier.has(method)) || UI_METHODS.window.has(method);
  if (!ui) return;
  for (const argument of node.arguments) {
    if (bareText(ts, argument)) flag(argument, `literal argument of ${receiverName}.${method} without l10n.t`);
  }
}

/** Keys sorted as VS Code's own bundles are not, but so a diff shows each new string once. */
function sortedObject(map) {
  return Object.fromEntries([...map].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

function bundleText(keys) {
  return JSON.stringify(sortedObject(new Map([...keys.keys()].map((key) => [key, key]))), null, 2) + '\n';
}

function readJson(file) {
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}

/** `⟦text⟧`, placeholders ({0}) and markdown links kept working, so the pseudo locale renders like English. */
function pseudo(text) {
  return `${MARK_OPEN}${text}${MARK_CLOSE}`;
}

/** Every string in package.json that VS Code shows (the manifest's user-visible fields), with its JSON path. */
function manifestTexts(manifest) {
  const found = [];
  const visit = (value, at) => {
    if (typeof value === 'string') {
      if (isShownField(at)) found.push({ at: at.join('.'), path: at, value });
      return;
    }
    if (Array.isArray(value)) value.forEach((item, i) => visit(item, [...at, i]));
    else if (value && typeof value === 'object') for (const [key, item] of Object.entries(value)) visit(item, [...at, key]);
  };
  visit(manifest, []);
  return found;
}

/**
 * Manifest fields VS Code shows to people. The language-model tools' `modelDescription` and their input
 * schemas' `description`s are read by the model, not a person: they stay English (a model follows them best,
 * and a translated one would change what the tool is asked for).
 */
function isShownField(at) {
  const last = at[at.length - 1];
  const top = at[0];
  if (top === 'displayName' || top === 'description') return at.length === 1;
  // What the Extensions view says about Restricted Mode and virtual workspaces.
  if (top === 'capabilities') return last === 'description';
  if (top !== 'contributes') return false;
  const section = at[1];
  if (section === 'languageModelTools') return at.length === 4 && (last === 'displayName' || last === 'userDescription');
  if (section === 'commands') return last === 'title' || last === 'shortTitle' || last === 'category';
  if (section === 'configuration') {
    if (at.length === 3 && last === 'title') return true;
    if (at.includes('properties') && ['description', 'markdownDescription', 'deprecationMessage', 'markdownDeprecationMessage'].includes(String(last))) return true;
    return at.includes('enumDescriptions') || at.includes('markdownEnumDescriptions');
  }
  if (section === 'viewsContainers' || section === 'views') return last === 'title' || last === 'name' || last === 'contextualTitle';
  if (section === 'viewsWelcome') return last === 'contents';
  if (section === 'walkthroughs') return ['title', 'description', 'altText'].includes(String(last));
  if (section === 'authentication') return last === 'label';
  return false;
}

/** Everything `check` finds wrong, as lines; empty when the localisation is complete. */
function problems() {
  const found = [];
  const { keys, dynamic, bypasses } = scanSource();
  const bundleFile = path.join(L10N, 'bundle.l10n.json');
  const bundle = fs.existsSync(bundleFile) ? readJson(bundleFile) : {};
  const used = new Set(keys.keys());
  for (const key of used) if (!(key in bundle)) found.push(`l10n/bundle.l10n.json misses "${key}" (${keys.get(key)}): run node scripts/l10n.js export`);
  for (const key of Object.keys(bundle)) if (!used.has(key)) found.push(`l10n/bundle.l10n.json keeps "${key}", which no source uses: run node scripts/l10n.js export`);
  for (const language of TRANSLATIONS) {
    const file = path.join(L10N, `bundle.l10n.${language}.json`);
    const translated = fs.existsSync(file) ? readJson(file) : {};
    for (const key of used) if (!translated[key]) found.push(`l10n/bundle.l10n.${language}.json misses "${key}"`);
    for (const key of Object.keys(translated)) if (!used.has(key)) found.push(`l10n/bundle.l10n.${language}.json keeps "${key}", which no source uses`);
    for (const key of used) if (translated[key] && placeholders(translated[key]) !== placeholders(key)) found.push(`l10n/bundle.l10n.${language}.json: "${key}" has other placeholders (${placeholders(translated[key])})`);
  }
  for (const line of dynamic) {
    // A dynamic key is fine when its texts are marked /*l10n*/; the pseudo-locale test shows any that is not.
    if (/not supported/.test(line)) found.push(line);
  }
  found.push(...bypasses);

  const manifest = readJson(path.join(ROOT, 'package.json'));
  const nls = readJson(path.join(ROOT, 'package.nls.json'));
  const nlsKeys = new Set();
  for (const { at, value } of manifestTexts(manifest)) {
    const match = /^%(.+)%$/.exec(value);
    if (!match) found.push(`package.json ${at} is not localised: "${value.slice(0, 60)}" (use "%key%" and package.nls.json)`);
    else if (!(match[1] in nls)) found.push(`package.json ${at} names %${match[1]}%, missing from package.nls.json`);
    else nlsKeys.add(match[1]);
  }
  for (const key of Object.keys(nls)) if (!nlsKeys.has(key)) found.push(`package.nls.json keeps "${key}", which package.json does not use`);
  for (const language of TRANSLATIONS) {
    const file = path.join(ROOT, `package.nls.${language}.json`);
    const translated = fs.existsSync(file) ? readJson(file) : {};
    for (const key of Object.keys(nls)) if (!translated[key]) found.push(`package.nls.${language}.json misses "${key}"`);
    for (const key of Object.keys(translated)) if (!(key in nls)) found.push(`package.nls.${language}.json keeps "${key}", which package.nls.json does not have`);
  }
  return found;
}

/** The sorted placeholders of a message ({0}{1}), which a translation must keep. */
function placeholders(message) {
  return (message.match(/\{\d+\}/g) ?? []).sort().join('');
}

function writeExport() {
  const { keys, dynamic } = scanSource();
  fs.mkdirSync(L10N, { recursive: true });
  fs.writeFileSync(path.join(L10N, 'bundle.l10n.json'), bundleText(keys));
  console.log(`l10n/bundle.l10n.json: ${keys.size} strings`);
  if (dynamic.length) console.log(`dynamic t() calls (their texts must be marked /*l10n*/):\n  ${dynamic.join('\n  ')}`);
}

/** The pseudo-locale files from the English ones (not committed, not shipped: see .gitignore, .vscodeignore). */
function writePseudo() {
  const bundle = readJson(path.join(L10N, 'bundle.l10n.json'));
  const nls = readJson(path.join(ROOT, 'package.nls.json'));
  const map = (object) => JSON.stringify(Object.fromEntries(Object.entries(object).map(([k, v]) => [k, pseudo(v)])), null, 2) + '\n';
  fs.writeFileSync(path.join(L10N, `bundle.l10n.${PSEUDO_LOCALE}.json`), map(bundle));
  fs.writeFileSync(path.join(ROOT, `package.nls.${PSEUDO_LOCALE}.json`), map(nls));
}

function main() {
  const command = process.argv[2];
  if (command === 'export') writeExport();
  else if (command === 'pseudo') writePseudo();
  else if (command === 'check') {
    const found = problems();
    for (const line of found) console.log(line);
    console.log(found.length ? `${found.length} localisation problem(s)` : 'localisation complete');
    process.exitCode = found.length ? 1 : 0;
  } else {
    console.error('usage: node scripts/l10n.js export | pseudo | check');
    process.exitCode = 2;
  }
}

if (require.main === module) main();

module.exports = { scanSource, problems, pseudo, manifestTexts, writePseudo, PSEUDO_LOCALE, MARK_OPEN, MARK_CLOSE, TRANSLATIONS };
