// The display settings this device remembers (theme, text size; see
// web/app/src/services/prefs.rs), applied before the first paint so neither the skeleton nor
// the app flashes in the wrong theme or size. Nothing personal is stored.
//
// Also the bank's data by URL (?profile=, ?ruleset=, ?catalog=) starts downloading here, from
// the page's first bytes, instead of after the wasm has downloaded and started: the app takes
// each response promise from window.strataPrefetch (web/ui/src/services/fetch.rs) rather than
// fetching again. A URL with a pinned digest (?profile_sha256=) is left to the app, which
// refuses a malformed pin before anything is fetched.
(() => {
  const query = new URLSearchParams(location.search);
  const prefetch = {};
  for (const name of ['profile', 'ruleset', 'catalog']) {
    const url = query.get(name);
    if (url && !query.has(`${name}_sha256`)) {
      const response = fetch(url);
      // Handled: a failure is the app's to report, in the customer's words.
      response.catch(() => {});
      prefetch[url] = response;
    }
  }
  window.strataPrefetch = prefetch;

  const html = document.documentElement;
  try {
    const theme = localStorage.getItem('strata.theme');
    const text = localStorage.getItem('strata.text');
    if (theme) html.dataset.theme = theme;
    if (text) html.dataset.text = text;
  } catch {
    // Storage off (private mode): the defaults.
  }
  // The skeleton speaks the language the app will start in (?lang=, else the stored one).
  const asked = query.get('lang') ?? '';
  let kept = '';
  try {
    kept = localStorage.getItem('strata.lang') ?? '';
  } catch {}
  const tag = [asked, kept].find((t) => /^(zh|en)/i.test(t));
  if (tag) html.lang = /^en/i.test(tag) ? 'en' : 'zh-CN';
})();
