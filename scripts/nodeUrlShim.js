// esbuild plugin shared by the extension bundle and the size benchmark.
// node-fetch v2 falls back to the `whatwg-url` package only when Node lacks `url.URL`, which every
// supported Node has; bundling it would add ~280 KB of Unicode tables (tr46) and slow `require()`.
module.exports = {
  name: 'node-url-instead-of-whatwg-url',
  setup(build) {
    build.onResolve({ filter: /^whatwg-url$/ }, () => ({ path: 'whatwg-url', namespace: 'node-url-shim' }));
    build.onLoad({ filter: /.*/, namespace: 'node-url-shim' }, () => ({
      contents: "module.exports = { URL: require('url').URL };",
      loader: 'js',
    }));
  },
};
