// Strata widget loader: the customer's tier card in any page, no framework needed.
//
//   import { mount, update, unmount } from './strata-widget.js';
//   const handle = await mount(element, { profile, locale: 'en', variant: 'compact' });
//
// This file is small and does nothing on import but define <strata-tier-card>: the wasm
// (and its glue) are fetched on the first mount. Each widget renders in its own shadow
// root, with strata-widget.css linked inside it, so host CSS and widget CSS stay apart.
// Nothing here uses eval, inline scripts or style attributes (a strict CSP is fine), nor
// SharedArrayBuffer (no COOP/COEP headers needed). Full API: README.md next to this file.
//
// Every widget on a page shares one wasm instance. Its release build turns a panic into a
// bare `unreachable` trap (a WebAssembly.RuntimeError, no message), which leaves the instance
// half-way through its work (Yew's scheduler marked as running for good, RefCells borrowed):
// nothing in it can run again. So a trap is caught here, by the calls into the wasm and by a
// listener for the ones thrown later (Yew renders in a microtask); the widget that was
// working gets an error card drawn with plain DOM and an `internal` error, the others are
// rendered again in a fresh instance, and the host never sees an uncaught error.

const GLUE = new URL('./strata-widget-wasm.js', import.meta.url).href;
const WASM = new URL('./strata-widget-wasm_bg.wasm', import.meta.url).href;
const CSS = new URL('./strata-widget.css', import.meta.url).href;

// Subresource Integrity of the files this loader fetches: empty here, filled in with their
// SHA-384 by `cargo xtask widget`, so a tampered glue, wasm or stylesheet is refused.
const INTEGRITY = { glue: '', wasm: '', css: '' };

/** The glue module at `url`, fetched with its integrity when there is one. */
async function importGlue(url) {
  if (!INTEGRITY.glue) return import(url);
  // A module import cannot carry integrity itself; a modulepreload of the same URL can, and
  // the import then uses what the preload checked. The hint goes once the import is done.
  const hint = Object.assign(document.createElement('link'), {
    rel: 'modulepreload',
    href: url,
    integrity: INTEGRITY.glue,
    crossOrigin: 'anonymous',
  });
  document.head.append(hint);
  try {
    return await import(url);
  } finally {
    hint.remove();
  }
}

/** The wasm glue every widget on the page shares: a promise of its module, or null. */
let glue = null;
/** The loaded glue module, once there is one (to reset its instance after a trap). */
let loaded = null;
/** Bumped when a reset fails: the next load imports a fresh copy of the glue. */
let fresh = 0;
/** The widgets whose Yew app lives in the current instance. */
const alive = new Set();

function loadGlue() {
  if (glue === null) {
    // Another URL is another module record, with its own instance.
    const url = fresh === 0 ? GLUE : `${GLUE}?fresh=${fresh}`;
    const loading = importGlue(url).then(async (module) => {
      const wasm = INTEGRITY.wasm ? fetch(WASM, { integrity: INTEGRITY.wasm }) : WASM;
      await module.default({ module_or_path: wasm });
      loaded = module;
      return module;
    });
    glue = loading;
    // A failed load (offline?) is retried by the next mount.
    loading.catch(() => {
      if (glue === loading) glue = null;
    });
  }
  return glue;
}

/**
 * Whether `error` is a trap of the widget's wasm, not of some other wasm on the page: its stack
 * names the wasm or the glue (a streamed module keeps its URL), or, for a module compiled from
 * bytes (`wasm://`), a widget was at work.
 */
function isTrap(error) {
  if (!(error instanceof WebAssembly.RuntimeError)) return false;
  const stack = String(error.stack);
  return stack.includes(GLUE.replace(/\.js$/, '')) || (working.size > 0 && stack.includes('wasm://'));
}

/**
 * The widgets the wasm is working for right now, so that a trap thrown later (from Yew's
 * render in a microtask, or from a click's handler) is laid at the right door.
 */
const working = new Set();

function busy(state, until) {
  working.add(state);
  until(() => working.delete(state));
}

/** Calls into the wasm for `state`; a trap there is that widget's (then undefined). */
function guarded(state, call) {
  try {
    return call();
  } catch (error) {
    if (!isTrap(error)) throw error;
    trapped(error, [state]);
    return undefined;
  }
}

/**
 * A trap: the instance is done for. The widgets it hit (`culprits`; all of them when it is not
 * known) show the error card and get an `internal` error; every other widget is rendered
 * again in a fresh instance, as if nothing had happened.
 */
function trapped(error, culprits) {
  console.error('strata-widget: the wasm stopped (a trap); the widget shows its error card.', error);
  const hit = new Set(culprits.length > 0 ? culprits : alive);
  const affected = new Set([...alive, ...hit]);
  alive.clear();
  working.clear();
  // A fresh instance of the same compiled module, in place (`cargo xtask widget` builds the
  // glue with wasm-bindgen's --experimental-reset-state-function). The glue then never calls
  // the broken one again: objects and closures of the old instance are not freed into it.
  try {
    loaded.__wbg_reset_state();
  } catch (failure) {
    console.error('strata-widget: could not reset the wasm; the next mount loads it again.', failure);
    glue = null;
    fresh += 1;
  }
  for (const state of affected) {
    state.widget = null;
    if (state.destroyed) continue;
    if (hit.has(state)) {
      down(state, error);
    } else {
      state.ready = revive(state);
    }
  }
}

// Traps thrown outside a call from here (Yew renders in a microtask; event handlers): the
// widget's own, handled here and reported through onError, never as an uncaught error in the
// host. Other errors, and traps of other wasm on the page, are left alone.
for (const type of ['error', 'unhandledrejection']) {
  addEventListener(
    type,
    (event) => {
      const error = type === 'error' ? event.error : event.reason;
      if (!isTrap(error)) return;
      event.preventDefault();
      event.stopImmediatePropagation();
      trapped(error, [...working].filter((state) => alive.has(state)));
    },
    true,
  );
}

/** The widget's language for texts drawn here (as the wasm reads it: English or Chinese). */
function language(options) {
  return /^en/i.test(String(options.locale ?? '')) ? 'en' : 'zh-CN';
}

const DOWN = {
  'zh-CN': { region: '客户等级', title: '暂时无法显示您的等级，请稍后重试。', retry: '重试' },
  en: { region: 'Customer tier', title: 'Your tier cannot be shown right now. Please try again later.', retry: 'Try again' },
};

/** A new element with `props` and children. */
function h(tag, props, ...children) {
  const el = Object.assign(document.createElement(tag), props);
  el.append(...children);
  return el;
}

/**
 * Shows the error card of a widget whose wasm trapped, drawn here (the wasm cannot), with a
 * button that tries again in a fresh instance, and tells the host (`internal`).
 */
function down(state, error) {
  const o = state.options;
  const lang = language(o);
  const text = DOWN[lang];
  const variant = String(o.variant ?? '').trim().toLowerCase() === 'compact' ? 'compact' : 'full';
  const title = h('h2', { id: 'strata-error-title' }, text.title);
  const retry = h('button', { type: 'button', className: 'strata-button' }, text.retry);
  retry.addEventListener('click', () => {
    state.ready = revive(state);
  });
  const card = h('div', { className: 'strata-error' }, title, retry);
  card.setAttribute('role', 'alert');
  card.setAttribute('aria-labelledby', title.id);
  card.dataset.testid = 'error-card';
  card.dataset.kind = 'internal';
  const region = h('section', { className: `strata ${variant}`, lang }, card);
  region.setAttribute('aria-label', String(o.label ?? '').trim() || text.region);
  region.dataset.variant = variant;
  const root = h('div', { className: 'strata-root' }, region);
  state.root.replaceWith(root);
  state.root = root;
  state.down = true;
  state.life += 1;
  const errors = [{ type: 'internal', path: '$', message: `the widget stopped unexpectedly (${error}); update or mount it again to retry` }];
  tell(state, 'strata-error', { kind: 'internal', errors }, () => o.onError?.(errors, 'internal'));
}

/**
 * The widget's Yew app in the current instance, rendered into `root`; false once unmounted
 * or when a later revival (`life`) has taken over.
 */
async function attach(state, root) {
  const life = state.life;
  const module = await loadGlue();
  if (state.destroyed || state.life !== life) return false;
  guarded(state, () => {
    state.widget = new module.Widget(root, (action) => emit(state, action));
    alive.add(state);
    const o = state.options;
    state.widget.configure(String(o.locale ?? ''), String(o.variant ?? ''), String(o.asOf ?? ''), String(o.label ?? ''));
    state.widget.setData(o.ruleset, o.catalog);
    checkTheme(state);
  });
  if (state.widget !== null) render(state);
  return true;
}

/** The widget again, in a fresh instance, swapped in once it has rendered. */
async function revive(state) {
  state.down = false;
  // A later trap may start another revival of this widget before this one is done.
  const life = (state.life += 1);
  const root = h('div', { className: 'strata-root' });
  try {
    if (!(await attach(state, root))) return;
  } catch (error) {
    // The fresh instance did not load (offline?): the card, and its button tries again.
    if (!state.destroyed && state.life === life) down(state, error);
    return;
  }
  await settle();
  if (state.destroyed || state.widget === null || state.life !== life) return;
  state.root.replaceWith(root);
  state.root = root;
}

/** Waits for the widget's current work, including any that starts meanwhile (a revival). */
async function settled(state) {
  let ready;
  do {
    ready = state.ready;
    await ready;
  } while (ready !== state.ready);
}

/**
 * Resolves once the shadow root's stylesheet has loaded (or failed), so nothing shows
 * unstyled, or once the widget is unmounted: a link taken out of the page fires neither
 * event, and mount (and any update waiting on it) must still settle.
 */
function stylesheet(link, state) {
  if (!link.isConnected) return Promise.resolve();
  return new Promise((resolve) => {
    link.addEventListener('load', resolve, { once: true });
    link.addEventListener('error', resolve, { once: true });
    state.cancel = resolve;
  });
}

/** Yew renders in a microtask; a task later, the DOM is there. */
function settle() {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** Host callbacks run after the widget's own code has returned, never inside it. */
function later(callback) {
  queueMicrotask(() => {
    try {
      callback();
    } catch (error) {
      // The host's handler failed: report it as the browser would, without breaking the widget.
      report(error);
    }
  });
}

/** An uncaught error, as the browser reports one (older WebViews lack reportError). */
function report(error) {
  if (typeof globalThis.reportError === 'function') {
    globalThis.reportError(error);
  } else {
    setTimeout(() => {
      throw error;
    });
  }
}

/**
 * Sets `theme` ({ accent: '#8a1538', 'tier-colour': '#8a1538', radius: '8px' } or
 * { '--strata-accent': … }) on the host.
 */
function setTheme(host, theme) {
  if (theme === null || typeof theme !== 'object') return;
  for (const [key, value] of Object.entries(theme)) {
    const name = key.startsWith('--') ? key : `--strata-${key}`;
    if (name.startsWith('--strata-') && value !== undefined && value !== null) {
      host.style.setProperty(name, String(value));
    }
  }
}

/** The colour properties whose contrast the wasm checks (theme.rs). */
const COLOURS = [
  '--strata-tier-colour',
  '--strata-tier-text',
  '--strata-accent',
  '--strata-accent-text',
  '--strata-surface',
  '--strata-text',
  '--strata-muted',
];

let palette = null;

/**
 * A CSS colour as the browser writes it (`#rrggbb`, or `rgba(…)` when translucent): a
 * canvas reads any CSS colour. One the canvas refuses comes back as written (then refused).
 */
function normalise(value) {
  palette ??= document.createElement('canvas').getContext('2d');
  if (palette === null) return value;
  const read = (start) => {
    palette.fillStyle = start;
    palette.fillStyle = value;
    return palette.fillStyle;
  };
  const a = read('#010203');
  return a === read('#040506') ? a : value;
}

/**
 * Checks the colours the page gives this widget (its `theme`, or custom properties from the
 * page's CSS) for contrast; each one refused is unset on the host, so the default shows,
 * and a console warning says why.
 */
function checkTheme(state) {
  const computed = getComputedStyle(state.host);
  const given = {};
  for (const name of COLOURS) {
    const value = computed.getPropertyValue(name).trim();
    if (value) given[name] = normalise(value);
  }
  if (Object.keys(given).length === 0) return;
  const { refused, warnings } = state.widget.checkTheme(given);
  for (const warning of warnings) console.warn(warning);
  for (const name of refused) state.host.style.setProperty(name, 'initial');
}

/** element → its widget's state. */
const widgets = new WeakMap();

/** What `mount` returns: `update(profile)` and `unmount()`, and the element. */
class Handle {
  #state;

  constructor(state) {
    this.#state = state;
  }

  /** The element the widget was mounted on. */
  get element() {
    return this.#state.element;
  }

  /** Re-renders with a new profile. */
  update(profile) {
    return update(this, profile);
  }

  /** Removes the widget. */
  unmount() {
    return unmount(this);
  }

  static state(handle) {
    return handle.#state;
  }
}

function stateOf(target) {
  if (target instanceof Handle) {
    const state = Handle.state(target);
    return state.destroyed ? undefined : state;
  }
  return target instanceof Element ? widgets.get(target) : undefined;
}

function render(state) {
  const widget = state.widget;
  const failure = guarded(state, () => {
    widget.setProfile(state.options.profile);
    if (state.failure) {
      widget.fail(state.failure.kind, state.failure.path, state.failure.message);
    }
    return widget.render();
  });
  if (state.widget === null) return;
  // Yew renders in a microtask queued by widget.render(): until this one runs after it, a
  // trap is this widget's.
  busy(state, queueMicrotask);
  if (failure) {
    tell(state, 'strata-error', failure, () => state.options.onError?.(failure.errors, failure.kind));
  }
}

function emit(state, action) {
  tell(state, 'strata-action', action, () => state.options.onAction?.(action));
}

/** Calls the host's callback, then dispatches a bubbling, composed `type` event; not once unmounted. */
function tell(state, type, detail, callback) {
  later(() => {
    if (state.destroyed) return;
    callback();
    state.element.dispatchEvent(new CustomEvent(type, { bubbles: true, composed: true, detail }));
  });
}

async function start(element, options, failure) {
  if (!(element instanceof Element)) {
    throw new TypeError('strata-widget: mount() needs a DOM element');
  }
  unmount(element);
  // A child host keeps the element's own content and shadow root untouched, and unmount
  // takes away exactly what mount added.
  const host = document.createElement('strata-widget-host');
  const shadow = host.attachShadow({ mode: 'open' });
  const link = document.createElement('link');
  link.rel = 'stylesheet';
  if (INTEGRITY.css) {
    link.integrity = INTEGRITY.css;
    link.crossOrigin = 'anonymous';
  }
  link.href = CSS;
  const root = document.createElement('div');
  root.className = 'strata-root';
  shadow.append(link, root);
  setTheme(host, options.theme);
  (element.shadowRoot ?? element).append(host);

  const state = { element, host, root, options: { ...options }, failure, widget: null, destroyed: false, down: false, life: 0 };
  const handle = new Handle(state);
  state.handle = handle;
  widgets.set(element, state);
  // A tap's handler, and the render it asks for, work for this widget until the next task.
  shadow.addEventListener('click', () => busy(state, (done) => setTimeout(done, 0)), true);
  state.ready = Promise.all([loadGlue(), stylesheet(link, state)]).then(() => attach(state, root));
  await settled(state);
  await settle();
  return handle;
}

/**
 * Renders the tier card into `element` (replacing a widget already there) and resolves to a
 * handle once it shows. Options: `profile` (object or JSON text), `ruleset`, `catalog`
 * (default: the embedded cn-retail ones), `locale` ('zh-CN' | 'en'), `variant`
 * ('compact' | 'full'), `theme`, `asOf` ('YYYY-MM-DD', default today), `label`,
 * `onAction(action)`, `onError(errors, kind)`.
 */
export function mount(element, options = {}) {
  return start(element, options ?? {}, null);
}

/** Re-renders the widget on `target` (its element or handle) with a new profile. */
export async function update(target, profile) {
  const state = stateOf(target);
  if (state === undefined) {
    throw new Error('strata-widget: update() on an element with no widget');
  }
  state.options.profile = profile;
  state.failure = null;
  await settled(state);
  if (state.destroyed) {
    // Unmounted meanwhile: nothing to render.
  } else if (state.widget !== null) {
    render(state);
  } else if (state.down) {
    // Its wasm trapped: try again, in a fresh instance, with this profile.
    state.ready = revive(state);
    await settled(state);
  }
  await settle();
  return state.handle;
}

/** Removes the widget on `target` (its element or handle): its DOM and its Yew app. */
export function unmount(target) {
  const state = stateOf(target);
  if (state === undefined) return false;
  state.destroyed = true;
  state.cancel?.();
  if (widgets.get(state.element) === state) widgets.delete(state.element);
  const widget = state.widget;
  state.widget = null;
  alive.delete(state);
  if (widget) guarded(state, () => widget.destroy());
  state.host.remove();
  return true;
}

/** Lower-case hex and standard base64 of a digest. */
function encodings(digest) {
  const bytes = new Uint8Array(digest);
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  return { hex, base64: btoa(String.fromCharCode(...bytes)) };
}

/**
 * Checks a body against a pinned SHA-256 (64 hex digits or `sha256-<base64>`, as the app's
 * `?ruleset_sha256=`): null when it matches, else the failure's message.
 */
async function pinFailure(url, body, pin) {
  const trimmed = pin.trim();
  const sri = trimmed.startsWith('sha256-');
  if (!(sri ? /^sha256-[A-Za-z0-9+/]{43}=$/ : /^[0-9a-fA-F]{64}$/).test(trimmed)) {
    return `${url}: the pinned SHA-256 \`${trimmed}\` is neither 64 hex digits nor sha256-<base64>`;
  }
  if (!globalThis.crypto?.subtle) return `${url}: Web Crypto is not available here, so the pin cannot be checked`;
  const { hex, base64 } = encodings(await crypto.subtle.digest('SHA-256', body));
  const [expected, actual] = sri ? [trimmed, `sha256-${base64}`] : [trimmed.toLowerCase(), hex];
  return expected === actual ? null : `${url}: SHA-256 is ${actual}, but ${expected} was pinned`;
}

/**
 * A URL's text, or a failure naming the attribute it came from; with a pin, a body whose
 * SHA-256 differs is refused before anything parses it.
 */
async function fetchText(url, attribute, pin) {
  try {
    const response = await fetch(new URL(url, document.baseURI));
    if (!response.ok) {
      return { failure: { kind: 'network', path: attribute, message: `${url}: HTTP ${response.status}` } };
    }
    const body = await response.arrayBuffer();
    if (pin) {
      const message = await pinFailure(url, body, pin);
      if (message) return { failure: { kind: 'integrity', path: `${attribute.replace(/-src$/, '')}-sha256`, message } };
    }
    return { value: new TextDecoder().decode(body) };
  } catch (error) {
    return { failure: { kind: 'network', path: attribute, message: `${url}: ${error?.message ?? error}` } };
  }
}

/**
 * `<strata-tier-card locale="en" variant="compact" profile-src="/me.json">`: attributes
 * `locale`, `variant`, `profile-src`, `ruleset-src` (each pinnable by `profile-sha256`,
 * `ruleset-sha256`), `as-of`, `label`; property `.profile`
 * (object or JSON text). Events: `strata-action`, `strata-error`.
 */
class StrataTierCard extends HTMLElement {
  static observedAttributes = [
    'locale',
    'variant',
    'profile-src',
    'profile-sha256',
    'ruleset-src',
    'ruleset-sha256',
    'as-of',
    'label',
  ];

  #profile = undefined;
  #ownProfile = false;
  #queued = false;
  #run = 0;
  #shown = null;
  #fetched = new Map();

  get profile() {
    return this.#profile;
  }

  set profile(value) {
    this.#profile = value;
    this.#ownProfile = true;
    this.#schedule();
  }

  connectedCallback() {
    // A `profile` the host set before this element was upgraded (the loader ran late) sits
    // on the instance and hides the setter: take it and set it again through the setter.
    if (Object.prototype.hasOwnProperty.call(this, 'profile')) {
      const value = this.profile;
      delete this.profile;
      this.profile = value;
    }
    this.#schedule();
  }

  disconnectedCallback() {
    this.#run += 1;
    this.#shown = null;
    unmount(this);
  }

  attributeChangedCallback(name, before, after) {
    if (name === 'profile-src' && before !== after) this.#ownProfile = false;
    this.#schedule();
  }

  /** One refresh for any number of changes in the same task. */
  #schedule() {
    if (this.#queued) return;
    this.#queued = true;
    queueMicrotask(() => {
      this.#queued = false;
      if (this.isConnected) {
        this.#refresh().catch(report);
      }
    });
  }

  async #source(attribute) {
    const url = this.getAttribute(attribute);
    if (!url) return {};
    const pin = this.getAttribute(attribute.replace(/-src$/, '-sha256'));
    const cached = this.#fetched.get(attribute);
    if (cached?.url === url && cached.pin === pin && cached.result.value !== undefined) return cached.result;
    const result = await fetchText(url, attribute, pin);
    this.#fetched.set(attribute, { url, pin, result });
    return result;
  }

  async #refresh() {
    const run = (this.#run += 1);
    const [profile, ruleset] = await Promise.all([
      this.#ownProfile ? { value: this.#profile } : this.#source('profile-src'),
      this.#source('ruleset-src'),
    ]);
    if (run !== this.#run || !this.isConnected) return;
    const failure = ruleset.failure ?? profile.failure ?? null;
    const options = {
      locale: this.getAttribute('locale') ?? undefined,
      variant: this.getAttribute('variant') ?? undefined,
      asOf: this.getAttribute('as-of') ?? undefined,
      label: this.getAttribute('label') ?? undefined,
      ruleset: ruleset.value,
      profile: profile.value,
    };
    // Only the profile changed: update in place. Anything else: a fresh widget.
    const key = JSON.stringify([
      options.locale,
      options.variant,
      options.asOf,
      options.label,
      this.getAttribute('ruleset-src'),
      this.getAttribute('ruleset-sha256'),
    ]);
    if (this.#shown === key && failure === null && widgets.has(this)) {
      await update(this, options.profile);
      return;
    }
    this.#shown = failure === null ? key : null;
    try {
      await start(this, options, failure);
    } catch (error) {
      // The glue or wasm did not load (offline, tampered): the next change starts afresh
      // instead of waiting on the failed widget.
      this.#shown = null;
      unmount(this);
      throw error;
    }
  }
}

if (!customElements.get('strata-tier-card')) {
  customElements.define('strata-tier-card', StrataTierCard);
}
