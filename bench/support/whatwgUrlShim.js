// P6 size experiment only: node-fetch v2 prefers Node's URL and needs whatwg-url only as a fallback.
module.exports = { URL: require('url').URL };
