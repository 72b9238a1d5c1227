// esbuild plugin shared by the extension bundle and the size benchmark: how node-fetch v2's optional
// dependencies are bundled.
// - `whatwg-url`: node-fetch falls back to it only when Node lacks `url.URL`, which every supported
//   Node has; bundling it would add ~280 KB of Unicode tables (tr46) and slow `require()`.
// - `encoding`: node-fetch loads it (in a try/catch) only for `res.textConverted()`, which we never
//   call. Left as a runtime `require`, it makes Node search every `node_modules` folder above the
//   installed extension each time the bundle loads, and would load whatever package of that name it
//   found there. Resolved here to "not installed", which is what node-fetch expects and handles.
module.exports = {
  name: 'node-fetch-optional-deps',
  setup(build) {
    build.onResolve({ filter: /^whatwg-url$/ }, () => ({ path: 'whatwg-url', namespace: 'node-url-shim' }));
    build.onLoad({ filter: /^whatwg-url$/, namespace: 'node-url-shim' }, () => ({
      contents: "module.exports = { URL: require('url').URL };",
      loader: 'js',
    }));
    build.onResolve({ filter: /^encoding$/ }, () => ({ path: 'encoding', namespace: 'node-url-shim' }));
    build.onLoad({ filter: /^encoding$/, namespace: 'node-url-shim' }, () => ({
      contents: "throw Object.assign(new Error(\"Cannot find module 'encoding'\"), { code: 'MODULE_NOT_FOUND' });",
      loader: 'js',
    }));
  },
};
