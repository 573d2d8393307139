// Stands in for `spdy` (HTTP/2 over TLS for old Node), which restify 11 requires at load time but
// uses only with `createServer({ spdy })`, an option Protokoll never sets. The real package loads
// `http-deceiver`, which calls process.binding('http_parser'): a DEP0111 warning on Node 20 and a
// crash ("No such module: http_parser") on Node 24. package.json's `overrides` puts this folder in
// its place; restify 12 drops spdy itself, and with that upgrade this folder and the override go.
'use strict';

exports.createServer = function createServer() {
  throw new Error('spdy (HTTP/2 via node-spdy) is not available in Protokoll: restify runs on plain HTTP/1.1.');
};
