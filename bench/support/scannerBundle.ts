// The scanner as the extension ships it, for P4's fresh-process rows: one minified bundle built with
// esbuild.js's own options (the lazily loaded syntax extras in their own file beside it, as in dist/), so
// the child loads and compiles what a user's extension host does, not tsc's dozen CommonJS modules.
import * as path from 'path';
import { OUT, ROOT } from './paths';

interface BuildOptions {
  entryPoints: string[];
  outfile: string;
  [option: string]: unknown;
}

/* eslint-disable @typescript-eslint/no-require-imports */
const esbuild = require('esbuild') as { build(options: BuildOptions): Promise<unknown> };
const config = require(path.join(ROOT, 'esbuild.js')) as {
  nodeBundle(entry: string, outfile: string): BuildOptions;
  LAZY_BUNDLES: { entry: string; outfile: string }[];
};
/* eslint-enable @typescript-eslint/no-require-imports */

/** Builds the bundle (and the lazy bundles it requires) into out/bench/scanner/; returns its path. */
export async function buildScannerBundle(): Promise<string> {
  const dir = path.join(OUT, 'bench', 'scanner');
  // Entries are named relative to the repository root, as in esbuild.js.
  const production = { minify: true, sourcemap: false, metafile: false, absWorkingDir: ROOT };
  const scanner = path.join(dir, 'scanner.js');
  const extras = config.LAZY_BUNDLES.filter((lazy) => lazy.entry.startsWith('src/todo/core/'));
  await Promise.all([
    esbuild.build({ ...config.nodeBundle('bench/child/scannerEntry.ts', scanner), ...production }),
    ...extras.map((lazy) => esbuild.build({ ...config.nodeBundle(lazy.entry, path.join(dir, path.basename(lazy.outfile))), ...production })),
  ]);
  return scanner;
}
