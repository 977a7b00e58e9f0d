// Debian's Chromium and the flags every browser run here needs: as root it needs
// --no-sandbox, and the network is closed, so every background fetch (updates, sync,
// field trials) is turned off. Shared by playwright.config.mjs and perf/first-render.mjs.
// (core/ and web/app/webdriver.json carry the same flags for wasm-bindgen-test-runner.)

export const CHROMIUM = '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-dev-shm-usage',
  '--disable-quic',
];
