// Bundles the extension (Node, CommonJS), its lazily loaded features (Node, CommonJS, one bundle each)
// and the task-editor webview (browser, IIFE).
// `--production` minifies, with source maps beside the bundles (not shipped); `--watch` rebuilds on change;
// `--analyze` prints what is in each bundle.
const esbuild = require('esbuild');
const fs = require('fs');
const path = require('path');

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

/** The task editor's page: browser code, bundled on its own (IIFE), loaded by the webview under its CSP. */
const webviewEntry = path.join(__dirname, 'src/webviews/app/main.ts');

const nodeFetchOptionalDeps = require('./scripts/nodeFetchShims');

/**
 * Features that activation never needs, loaded on first use from their own bundle next to
 * dist/extension.js: activation then neither reads nor compiles them, and the main bundle stays small
 * (bench P5: ≤ 150 KB). esbuild's code splitting is ESM-only, so each is a separate entry point. The eager
 * side imports only TYPES from these modules and loads them with `require('./<entry>')` (a literal path,
 * which `tsc`'s out/ resolves as is); `lazyBundles` below rewrites that call to `require('./<outfile>')`.
 * A lazy bundle copies every module it imports by value, so it gets the container's shared instances
 * (client, logger, …) from its factory and imports little else (`main()` reports the copied bytes).
 */
const LAZY_BUNDLES = [
  { entry: 'src/webviews/taskEditor/taskEditorFeature.ts', outfile: 'dist/taskEditor.js' },
  { entry: 'src/todo/creation/todoBulk.ts', outfile: 'dist/todoBulk.js' },
  { entry: 'src/views/taskTooltip/taskTooltip.ts', outfile: 'dist/taskTooltip.js' },
  // A linked TODO's hover (its labels, dates and actions): only a pointer on a `TODO(HS-…)` needs it.
  { entry: 'src/todo/hover/linkedTodoHover.ts', outfile: 'dist/linkedTodoHover.js' },
  { entry: 'src/todo/workspace/todoWorkspace.ts', outfile: 'dist/todoWorkspace.js' },
  { entry: 'src/commands/treeTaskActions/treeTaskActions.ts', outfile: 'dist/treeTaskActions.js' },
  { entry: 'src/lm/lmTools.ts', outfile: 'dist/lmTools.js' },
  { entry: 'src/commands/goToTask/goToTask.ts', outfile: 'dist/goToTask.js' },
  { entry: 'src/commands/apiVersionPick/apiVersionPick.ts', outfile: 'dist/apiVersionPick.js' },
  { entry: 'src/todo/selection/selectionTaskFeature.ts', outfile: 'dist/selectionTask.js' },
  { entry: 'src/views/treeCrm/treeCrm.ts', outfile: 'dist/treeCrm.js' },
  { entry: 'src/todo/codeLinks/codeLinks.ts', outfile: 'dist/codeLinks.js' },
  { entry: 'src/hubspot/taskAssociations.ts', outfile: 'dist/taskAssociations.js' },
  { entry: 'src/auth/oauth/oauthFeature.ts', outfile: 'dist/oauth.js' },
  // The due reminder's notification and snooze picker (the reminders themselves are scheduled eagerly).
  { entry: 'src/views/reminderPrompt/reminderPrompt.ts', outfile: 'dist/reminderPrompt.js' },
  // node-fetch: the HTTP client requires it on its first request (activate() sends none).
  { entry: 'src/hubspot/httpTransport.ts', outfile: 'dist/httpTransport.js' },
  // Required by the comment scanner the first time a file needs a here-document, POD, a mode line….
  { entry: 'src/todo/core/syntaxExtras.ts', outfile: 'dist/todoSyntaxExtras.js' },
];

const lazyBundles = {
  name: 'lazy-bundles',
  setup(build) {
    build.onResolve({ filter: /^\.\.?\// }, (args) => {
      if (args.kind !== 'require-call') return undefined;
      const target = path.resolve(args.resolveDir, args.path);
      const lazy = LAZY_BUNDLES.find((bundle) => path.resolve(__dirname, bundle.entry).replace(/\.ts$/, '') === target);
      return lazy ? { path: `./${path.basename(lazy.outfile)}`, external: true } : undefined;
    });
  },
};

/** Options of every Node bundle (the extension and its lazy features). */
const nodeBundle = (entry, outfile) => ({
    entryPoints: [entry],
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: 'node18',
    outfile,
    external: ['vscode'],
    minify: production,
    // external: the maps stay in dist/ for whoever symbolicates a stack trace, the .vsix leaves them out
    // (.vscodeignore), so no bundle names a map the package lacks.
    sourcemap: production ? 'external' : 'inline',
    sourcesContent: false,
    // Node reads modules as UTF-8: keep non-ASCII text (…, –, quotes in messages) as is, not as \uXXXX.
    charset: 'utf8',
    logLevel: 'warning',
    metafile: true,
    plugins: [nodeFetchOptionalDeps, lazyBundles],
});

const MAIN = 'dist/extension.js';
const builds = [nodeBundle('src/extension.ts', MAIN), ...LAZY_BUNDLES.map((lazy) => nodeBundle(lazy.entry, lazy.outfile))];
builds.push({
  entryPoints: [webviewEntry],
  bundle: true,
  format: 'iife',
  platform: 'browser',
  target: 'es2022',
  outfile: 'dist/webview/taskEditor.js',
  minify: production,
  sourcemap: production ? false : 'inline',
  logLevel: 'warning',
});

async function main() {
  if (watch) {
    for (const options of builds) {
      const ctx = await esbuild.context(options);
      await ctx.watch();
    }
    console.log('[esbuild] watching…');
    return;
  }
  const inputs = new Map();
  for (const options of builds) {
    const result = await esbuild.build(options);
    const bytes = fs.statSync(options.outfile).size;
    let copied = '';
    if (result.metafile) {
      const output = result.metafile.outputs[options.outfile];
      inputs.set(options.outfile, output.inputs);
      if (options.outfile !== MAIN) copied = copiedFromMain(output.inputs, inputs.get(MAIN));
      if (process.argv.includes('--analyze')) console.log(await esbuild.analyzeMetafile(result.metafile));
    }
    console.log(`[esbuild] ${options.outfile} ${(bytes / 1024).toFixed(1)} KB${copied}`);
  }
  const eager = LAZY_BUNDLES.filter((lazy) => inputs.get(MAIN)?.[lazy.entry]);
  if (eager.length > 0) {
    throw new Error(`${eager.map((lazy) => lazy.entry).join(', ')} ended up in ${MAIN}: import only types from a lazy module, and load it with require()`);
  }
}

/** What a lazy bundle copies of the main bundle's modules (sources it imports by value). */
function copiedFromMain(lazyInputs, mainInputs) {
  if (!mainInputs) return '';
  const shared = Object.entries(lazyInputs).filter(([file]) => mainInputs[file]);
  const bytes = shared.reduce((sum, [, input]) => sum + input.bytesInOutput, 0);
  return shared.length === 0 ? '' : ` (${(bytes / 1024).toFixed(1)} KB copied from ${MAIN}: ${shared.map(([file]) => file).join(', ')})`;
}

// Bench P4 bundles the scanner with the same options (bench/support/scannerBundle.ts).
module.exports = { nodeBundle, LAZY_BUNDLES };

if (require.main === module) {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
