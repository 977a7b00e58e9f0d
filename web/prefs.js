// The display settings this device remembers (theme, text size; see
// web/app/src/services/prefs.rs), applied before the first paint so neither the skeleton nor
// the app flashes in the wrong theme or size. Nothing personal is stored.
(() => {
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
  const asked = new URLSearchParams(location.search).get('lang') ?? '';
  let kept = '';
  try {
    kept = localStorage.getItem('strata.lang') ?? '';
  } catch {}
  const tag = [asked, kept].find((t) => /^(zh|en)/i.test(t));
  if (tag) html.lang = /^en/i.test(tag) ? 'en' : 'zh-CN';
})();
