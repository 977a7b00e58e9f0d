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

const GLUE = new URL('./strata-widget-wasm.js', import.meta.url).href;
const WASM = new URL('./strata-widget-wasm_bg.wasm', import.meta.url).href;
const CSS = new URL('./strata-widget.css', import.meta.url).href;

// Subresource Integrity of the files this loader fetches: empty here, filled in with their
// SHA-384 by `cargo xtask widget`, so a tampered glue, wasm or stylesheet is refused.
const INTEGRITY = { glue: '', wasm: '', css: '' };

/** The glue module, fetched with its integrity when there is one. */
async function importGlue() {
  if (!INTEGRITY.glue) return import(GLUE);
  // A module import cannot carry integrity itself; a modulepreload of the same URL can, and
  // the import then uses what the preload checked. The hint goes once the import is done.
  const hint = Object.assign(document.createElement('link'), {
    rel: 'modulepreload',
    href: GLUE,
    integrity: INTEGRITY.glue,
    crossOrigin: 'anonymous',
  });
  document.head.append(hint);
  try {
    return await import(GLUE);
  } finally {
    hint.remove();
  }
}

/** The initialised wasm glue, loaded once for every widget on the page. */
let glue = null;

function loadGlue() {
  if (glue === null) {
    glue = importGlue().then(async (module) => {
      const wasm = INTEGRITY.wasm ? fetch(WASM, { integrity: INTEGRITY.wasm }) : WASM;
      await module.default({ module_or_path: wasm });
      return module;
    });
    // A failed load (offline?) is retried by the next mount.
    glue.catch(() => {
      glue = null;
    });
  }
  return glue;
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

/** Sets `theme` ({ accent: '#8a1538', radius: '8px' } or { '--strata-accent': … }) on the host. */
function setTheme(host, theme) {
  if (theme === null || typeof theme !== 'object') return;
  for (const [key, value] of Object.entries(theme)) {
    const name = key.startsWith('--') ? key : `--strata-${key}`;
    if (name.startsWith('--strata-') && value !== undefined && value !== null) {
      host.style.setProperty(name, String(value));
    }
  }
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
  widget.setProfile(state.options.profile);
  if (state.failure) {
    widget.fail(state.failure.kind, state.failure.path, state.failure.message);
  }
  const failure = widget.render();
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

  const state = { element, host, options: { ...options }, failure, widget: null, destroyed: false };
  const handle = new Handle(state);
  state.handle = handle;
  widgets.set(element, state);
  state.ready = Promise.all([loadGlue(), stylesheet(link, state)]).then(([module]) => {
    if (state.destroyed) return;
    state.widget = new module.Widget(root, (action) => emit(state, action));
    const o = state.options;
    state.widget.configure(String(o.locale ?? ''), String(o.variant ?? ''), String(o.asOf ?? ''), String(o.label ?? ''));
    state.widget.setData(o.ruleset, o.catalog);
    render(state);
  });
  await state.ready;
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
  await state.ready;
  if (state.widget !== null && !state.destroyed) {
    render(state);
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
  widget?.destroy();
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
