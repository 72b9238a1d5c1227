// Bundles the extension (Node, CommonJS) and the task-editor webview (browser, IIFE).
// `--production` minifies with a linked source map; `--watch` rebuilds on change.
const esbuild = require('esbuild');
const fs = require('fs');
const path = require('path');

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

/** Only build the webview when its sources exist, so the skeleton builds on its own. */
const webviewEntry = path.join(__dirname, 'src/webviews/app/main.ts');

const nodeFetchOptionalDeps = require('./scripts/nodeUrlShim');

const builds = [
  {
    entryPoints: ['src/extension.ts'],
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: 'node18',
    outfile: 'dist/extension.js',
    external: ['vscode'],
    minify: production,
    sourcemap: production ? 'linked' : 'inline',
    sourcesContent: false,
    // Node reads modules as UTF-8: keep non-ASCII text (…, –, quotes in messages) as is, not as \uXXXX.
    charset: 'utf8',
    logLevel: 'warning',
    metafile: true,
    plugins: [nodeFetchOptionalDeps],
  },
];
if (fs.existsSync(webviewEntry)) {
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
}

async function main() {
  if (watch) {
    for (const options of builds) {
      const ctx = await esbuild.context(options);
      await ctx.watch();
    }
    console.log('[esbuild] watching…');
    return;
  }
  for (const options of builds) {
    const result = await esbuild.build(options);
    const bytes = fs.statSync(options.outfile).size;
    console.log(`[esbuild] ${options.outfile} ${(bytes / 1024).toFixed(1)} KB`);
    if (result.metafile && process.argv.includes('--analyze')) {
      console.log(await esbuild.analyzeMetafile(result.metafile));
    }
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
