// A tiny static server for the built app (../dist by default), with no
// dependencies so the end-to-end tests need nothing beyond Playwright.
//
//   node serve.mjs [--root DIR] [--port N] [--host H]
//
// It serves files with correct MIME types (browsers compile .wasm streaming
// only when it comes as application/wasm) and falls back to index.html for
// unknown paths that look like app routes, as a single-page app needs.
// Every response carries a strict Content-Security-Policy, as a bank's server would send
// it: the one the build wrote to csp-header.txt (see xtask/src/harden.rs), else STRICT.
// A file with a precompressed `.br` or `.gz` beside it (xtask/src/precompress.rs) is sent as
// that: Brotli when the client takes it, else gzip.

import { createReadStream, readFileSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import { dirname, extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const here = fileURLToPath(new URL('.', import.meta.url));
const { values } = parseArgs({
  options: {
    root: { type: 'string', default: join(here, '..', 'dist') },
    port: { type: 'string', default: process.env.PORT ?? '4173' },
    host: { type: 'string', default: '127.0.0.1' },
  },
});
const root = resolve(values.root);
const port = Number.parseInt(values.port, 10);

// The same policy without script hashes, for pages with no inline script at all (the
// widget's and the engine package's example pages).
const STRICT =
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; " +
  "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; " +
  "base-uri 'none'; form-action 'none'; frame-ancestors 'self'";

/**
 * The policy for a file: the csp-header.txt nearest above it (the app's in dist/, the
 * kiosk's in dist/kiosk/), read per request so a rebuild needs no restart; else STRICT.
 */
function policy(file) {
  for (let dir = dirname(file); dir === root || dir.startsWith(root + sep); dir = dirname(dir)) {
    try {
      return readFileSync(join(dir, 'csp-header.txt'), 'utf8').trim();
    } catch {
      // Not here: look one folder up.
    }
  }
  return STRICT;
}

const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
};

// The widget bundle, the engine package and the examples (cargo xtask widget | engine),
// at the same paths as in the repository, so the examples' relative URLs work in both; and
// the tests' own profiles at /test-data/, which the release build (dist/) never carries.
const MOUNTS = ['dist-widget', 'dist-engine', 'examples']
  .map((dir) => [`/${dir}/`, resolve(here, '..', dir)])
  .concat([['/test-data/', resolve(here, 'test-data')]]);

/** Resolves a URL path to a file under root (or a mount), or null if it escapes it. */
function fileFor(urlPath) {
  let decoded;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  const [prefix, dir] = MOUNTS.find(([p]) => decoded.startsWith(p)) ?? ['', root];
  const file = normalize(join(dir, decoded.slice(prefix.length)));
  return file === dir || file.startsWith(dir + sep) ? file : null;
}

async function isFile(path) {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

/** Whether an Accept-Encoding header takes `coding` (named, or `*`, without `q=0`). */
function accepts(header = '', coding) {
  return header.split(',').some((part) => {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    return (name === coding || name === '*') && !(q && Number(q.slice(2)) === 0);
  });
}

async function send(req, res, status, path) {
  const type = MIME[extname(path).toLowerCase()] ?? 'application/octet-stream';
  // Tests must always see the latest build.
  const headers = { 'Content-Type': type, 'Cache-Control': 'no-store', Vary: 'Accept-Encoding' };
  headers['Content-Security-Policy'] = policy(path);
  // The build's precompressed copy, Brotli first, as nginx's `brotli_static on;` and
  // `gzip_static on;` do: the tests then run on the bytes `cargo xtask size` reports.
  let body = path;
  for (const [coding, suffix] of [['br', '.br'], ['gzip', '.gz']]) {
    if (accepts(req.headers['accept-encoding'], coding) && (await isFile(`${path}${suffix}`))) {
      body = `${path}${suffix}`;
      headers['Content-Encoding'] = coding;
      break;
    }
  }
  res.writeHead(status, headers);
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  createReadStream(body)
    .on('error', () => res.destroy())
    .pipe(res);
}

const server = createServer(async (req, res) => {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { Allow: 'GET, HEAD' }).end();
    return;
  }
  const { pathname } = new URL(req.url ?? '/', 'http://localhost');
  const file = fileFor(pathname);
  if (file === null) {
    res.writeHead(400).end('bad path');
    return;
  }
  if (await isFile(file)) {
    await send(req, res, 200, file);
    return;
  }
  const index = join(file, 'index.html');
  if (await isFile(index)) {
    await send(req, res, 200, index);
    return;
  }
  // A missing asset (has an extension) is a real 404; anything else is an
  // app route and gets the app shell.
  const fallback = join(root, 'index.html');
  if (extname(pathname) === '' && (await isFile(fallback))) {
    await send(req, res, 200, fallback);
    return;
  }
  res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('not found');
});

server.listen(port, values.host, () => {
  console.log(`serving ${root} at http://${values.host}:${port}/`);
});

// Playwright stops the server with SIGTERM; exit promptly and cleanly.
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => server.close(() => process.exit(0)));
}
