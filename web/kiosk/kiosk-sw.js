// The branch kiosk's service worker (dist/kiosk/sw.js): keeps the kiosk's own files, so a
// kiosk that reloads or restarts without network still starts. `cargo xtask build` fills in
// ASSETS (every file of the kiosk build) and VERSION (a digest of them) below.
//
// Only the build's static files are cached: never a profile, a ruleset fetched by URL or
// anything a customer enters (the kiosk fetches none of those itself).

const ASSETS = [];
const VERSION = '';
const CACHE = `strata-kiosk-${VERSION}`;

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) => cache.addAll(ASSETS))
      .then(() => self.skipWaiting()),
  );
});

// A new build's worker drops the caches of older builds.
self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith('strata-kiosk-') && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  if (request.mode === 'navigate') {
    // The page: the network first (a new build shows at once), else the cached page.
    event.respondWith(fetch(request).catch(() => caches.match(ASSETS[0], { cacheName: CACHE })));
    return;
  }
  // Hashed build files never change: the cache first.
  event.respondWith(caches.match(request, { cacheName: CACHE }).then((hit) => hit ?? fetch(request)));
});
