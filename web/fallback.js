// If the wasm traps (a panic, in the release build: -Cpanic=immediate-abort) or never starts,
// the page's <template id="strata-fallback"> card replaces it, in the customer's language.
// Plain DOM: a trapped instance cannot be trusted to draw anything. Loaded deferred, before
// Trunk's start-up module, so it listens first. Details: tests/e2e/trap.spec.mjs.
(() => {
  const html = document.documentElement;
  // The language the app shows (it sets <html lang>), else its start-up rule (start_locale in
  // web/ui/src/services/mod.rs): ?lang=, else the remembered choice, else Chinese.
  let shownLang = null;
  new MutationObserver(() => {
    shownLang = html.lang;
  }).observe(html, { attributeFilter: ['lang'] });
  let started = false;
  addEventListener('TrunkApplicationStarted', () => {
    started = true;
  });
  let shown = false;

  const supported = (tag) => (/^zh/i.test(tag) ? 'zh-CN' : /^en/i.test(tag) ? 'en' : null);

  function remembered() {
    try {
      return localStorage.getItem('strata.lang') ?? '';
    } catch {
      return '';
    }
  }

  function language() {
    const asked = new URLSearchParams(location.search).get('lang') ?? '';
    return supported(shownLang ?? '') ?? supported(asked) ?? supported(remembered()) ?? 'zh-CN';
  }

  function show(error) {
    console.error('Strata stopped and shows its error card instead:', error);
    const lang = language();
    const card = document.getElementById('strata-fallback')?.content.querySelector(`[lang="${lang}"]`);
    if (!card) return;
    const body = document.createElement('body');
    body.append(card.cloneNode(true));
    html.lang = lang;
    // A new <body>: the app's nodes and the listeners Yew put on the old one go with it.
    document.body.replaceWith(body);
    body.querySelector('[data-retry]')?.addEventListener('click', () => location.reload());
    body.querySelector('h1')?.focus();
    // The kiosk's card starts over by itself (data-reload-after, in seconds).
    const after = Number(card.dataset.reloadAfter);
    if (after > 0) setTimeout(() => location.reload(), after * 1000);
  }

  /** Whether `error` (from an event on `element`) means the app has stopped. */
  function stopped(error, element) {
    if (error instanceof WebAssembly.RuntimeError) return true;
    // Before the app has started, any failure is its start-up's: glue or wasm not loaded,
    // refused by their integrity, or main() failed.
    return !started && (error != null || element instanceof HTMLScriptElement);
  }

  function handle(event, error) {
    if (!stopped(error, event.target)) return;
    event.preventDefault(); // Reported below (console.error), not as uncaught.
    if (shown) return; // The broken instance failing again.
    shown = true;
    show(error ?? new Error(`${event.target.src || 'the start-up script'} did not load`));
  }

  // Capture: a <script> that fails to load fires `error` on itself, not on the window.
  addEventListener('error', (event) => handle(event, event.error), true);
  addEventListener('unhandledrejection', (event) => handle(event, event.reason));
})();
