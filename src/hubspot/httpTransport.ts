// node-fetch, loaded by the HTTP client on its first request from its own bundle (esbuild.js
// LAZY_BUNDLES, dist/httpTransport.js): activate() never sends a request (the client is built on first
// use, and a signed-out window never needs one), and node-fetch is the largest module the main bundle
// carried (bench P5). Only httpClient.ts loads this, with `require('./httpTransport')`.
export { default as fetch } from 'node-fetch';
