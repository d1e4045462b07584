// The static server both halves of the browser benchmark use (bench/browser.mjs, bench/phone.mjs).
//
// It serves the built site, the baseline, the synthetic feeds and two host pages (a blog post
// with the embed snippet, and one with the iframe version), the way a static host or CDN does:
// gzip when the browser accepts it (a `.gz` next to the file if the build made one, otherwise
// compressed once here, before any timing starts), and a cache policy chosen per run.
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '..');
export const dist = path.resolve(process.env.SCORECARD_DIST || path.join(repo, 'dist'));

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.wasm': 'application/wasm',
  '.css': 'text/css',
  '.json': 'application/json',
};
const COMPRESSIBLE = new Set(['.html', '.js', '.wasm', '.css', '.json']);

/**
 * Host pages, as a blogger would write them: an article with the widget in the middle. `feed`
 * is the feed's address (the bundled default when empty).
 */
const HOST_PAGES = {
  '/bench-pages/embed.html': (feed) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>A blog post with the scorecard</title><link rel="icon" href="data:,"></head>
<body><article><h1>Where do our officials stand?</h1>
<p>Before the primary, we asked every official in the state where they stand. Find yours below, and give a few dollars to the ones who stood with us.</p>
<div data-scorecard${feed ? ` data-feed="${feed}"` : ''}><a href="/index.html">See the scorecard</a></div>
<p>Thanks for reading.</p></article>
<script type="module" src="/embed.js"></script></body></html>`,
  '/bench-pages/iframe.html': (feed) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>A blog post with the scorecard in an iframe</title><link rel="icon" href="data:,"></head>
<body><article><h1>Where do our officials stand?</h1>
<p>Before the primary, we asked every official in the state where they stand. Find yours below, and give a few dollars to the ones who stood with us.</p>
<iframe title="Scorecard" src="/frame.html${feed ? `?feed=${encodeURIComponent(feed)}` : ''}" style="width:100%;height:1400px;border:0"></iframe>
<p>Thanks for reading.</p></article></body></html>`,
};

/**
 * Starts the server on a free port. `roots` maps URL prefixes to folders, first match wins.
 * `cache`: 'no-store' (every load is cold) or 'max-age' (a repeat visit may use the HTTP cache,
 * as with a CDN). Resolves to { origin, close, encoded } where `encoded(file)` is the number of
 * bytes a browser accepting gzip downloads for a file (and compresses it now: call it for every
 * file a measured load fetches before timing, so no load waits for the compression).
 */
export function serve(roots, { cache = 'no-store' } = {}) {
  const gzipped = new Map();
  const gzipOf = (file) => {
    if (!gzipped.has(file)) {
      const precompressed = `${file}.gz`;
      const raw = () => fs.readFileSync(file);
      // Level 9 as a build step would; big synthetic feeds at 6, as a CDN compressing on the fly.
      const level = fs.statSync(file).size > 5e6 ? 6 : 9;
      gzipped.set(file, fs.existsSync(precompressed) ? fs.readFileSync(precompressed) : zlib.gzipSync(raw(), { level }));
    }
    return gzipped.get(file);
  };
  const cacheControl = cache === 'max-age' ? 'public, max-age=600' : 'no-store';
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://x');
    const pathname = decodeURIComponent(url.pathname);
    const host = HOST_PAGES[pathname];
    if (host) {
      res.writeHead(200, { 'content-type': TYPES['.html'], 'cache-control': cacheControl });
      res.end(host(url.searchParams.get('feed') || ''));
      return;
    }
    const [prefix, root] = roots.find(([p]) => pathname.startsWith(p));
    let file = path.join(root, pathname.slice(prefix.length));
    if (file.endsWith(path.sep) || pathname === prefix) file = path.join(file, 'index.html');
    if (!file.startsWith(root) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
      res.writeHead(404).end('not found');
      return;
    }
    const ext = path.extname(file);
    const headers = { 'content-type': TYPES[ext] || 'application/octet-stream', 'cache-control': cacheControl, vary: 'accept-encoding' };
    if (COMPRESSIBLE.has(ext) && /\bgzip\b/.test(req.headers['accept-encoding'] || '')) {
      const body = gzipOf(file);
      res.writeHead(200, { ...headers, 'content-encoding': 'gzip', 'content-length': body.length });
      res.end(body);
      return;
    }
    res.writeHead(200, headers);
    fs.createReadStream(file).pipe(res);
  });
  const encoded = (file) => (COMPRESSIBLE.has(path.extname(file)) ? gzipOf(file).length : fs.statSync(file).size);
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({ origin: `http://127.0.0.1:${server.address().port}`, close: () => new Promise((r) => server.close(r)), encoded }),
    ),
  );
}
