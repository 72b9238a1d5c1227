// One pattern for every feature that activation never needs and that lives in its own bundle
// (esbuild.js LAZY_BUNDLES): load it on first use, once, and log how long loading took.
// The caller passes the `require('./entry')` call itself, as a literal: esbuild.js's lazyBundles plugin
// rewrites only literal require() paths to the feature's own bundle (dist/<name>.js), and under `tsc`
// (out/) the same literal resolves to the compiled module next to the caller.
import type { Logger } from './logger';

export interface LazyFeature<T> {
  /** The feature, loaded (and the time it took logged) on the first call. */
  get(): T;
  /** The feature if something already loaded it; `undefined` otherwise (never loads). */
  readonly current: T | undefined;
}

export function lazyFeature<T>(name: string, load: () => T, log: Pick<Logger, 'debug'>): LazyFeature<T> {
  let feature: T | undefined;
  return {
    get(): T {
      if (feature === undefined) {
        const started = Date.now();
        feature = load();
        log.debug(`${name} loaded in ${Date.now() - started} ms.`);
      }
      return feature;
    },
    get current(): T | undefined {
      return feature;
    },
  };
}
