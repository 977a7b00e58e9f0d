// TypeScript declarations of the Strata widget loader (strata-widget.js).

/** A JSON object, or its JSON text. Money in it is a decimal string ("162500.00"). */
export type Json = string | Record<string, unknown>;

/** One problem with an input, with the JSON path of the field at fault (as the engine's StrataError). */
export interface StrataIssue {
  type: string;
  path: string;
  message: string;
}

/**
 * Which input was at fault, or `internal`: the widget itself failed (its wasm trapped); it
 * shows a card with a retry button, and `update` or `mount` tries again.
 */
export type StrataErrorKind = 'input' | 'ruleset' | 'catalog' | 'profile' | 'network' | 'integrity' | 'internal';

/** What a customer tapped; the host decides where it leads. `tier` is the tier id shown. */
export type StrataAction =
  | { type: 'product'; product: string; tier: string }
  | { type: 'talk_to_manager'; tier: string }
  | { type: 'see_all_benefits'; tier: string };

/** Theme values, set as `--strata-<name>` custom properties on the widget's host element. */
/**
 * Custom properties for the widget. Colours are checked for WCAG AA contrast (4.5:1 for
 * text) on mount: one that makes text unreadable is refused with a console warning and the
 * default is used.
 */
export interface StrataTheme {
  /** The tier card's background (default: the tier's colour from the ruleset). */
  'tier-colour'?: string;
  /** Text on the tier card (default '#ffffff'). */
  'tier-text'?: string;
  accent?: string;
  'accent-text'?: string;
  surface?: string;
  text?: string;
  muted?: string;
  border?: string;
  radius?: string;
  font?: string;
  'font-size'?: string;
  [property: `--strata-${string}`]: string | undefined;
}

export interface MountOptions {
  /** The customer's profile; without one the widget shows a loading line until `update`. */
  profile?: Json;
  /** The bank's ruleset (default: the embedded cn-retail one). */
  ruleset?: Json;
  /** The product catalog (default: the shipped one for the ruleset's id, when it fits). */
  catalog?: Json;
  /** Display language (default 'zh-CN'). */
  locale?: 'zh-CN' | 'en';
  /** 'compact': tier and progress; 'full' (default): plus benefits, a recommendation and buttons. */
  variant?: 'compact' | 'full';
  theme?: StrataTheme;
  /** The date to evaluate on, 'YYYY-MM-DD' (default: today on the device). */
  asOf?: string;
  /** The region's accessible name (default: "客户等级" / "Customer tier"). */
  label?: string;
  /** Called for every tap (also dispatched as a `strata-action` event on the element). */
  onAction?: (action: StrataAction) => void;
  /** Called when an input is bad or the widget failed (also a `strata-error` event on the element). */
  onError?: (errors: StrataIssue[], kind: StrataErrorKind) => void;
}

export interface WidgetHandle {
  readonly element: Element;
  update(profile: Json): Promise<WidgetHandle>;
  unmount(): boolean;
}

/** Renders the tier card into `element` (replacing a widget already there). */
export function mount(element: Element, options?: MountOptions): Promise<WidgetHandle>;
/** Re-renders with a new profile. */
export function update(target: Element | WidgetHandle, profile: Json): Promise<WidgetHandle>;
/** Removes the widget; false when there was none. */
export function unmount(target: Element | WidgetHandle): boolean;

declare global {
  interface HTMLElementTagNameMap {
    'strata-tier-card': HTMLElement & { profile: Json | undefined };
  }
  interface HTMLElementEventMap {
    'strata-action': CustomEvent<StrataAction>;
    'strata-error': CustomEvent<{ kind: StrataErrorKind; errors: StrataIssue[] }>;
  }
}
