// Type-checks the widget loader's declarations (widget/strata-widget.d.ts, copied into
// dist-widget/) the way a bank's TypeScript would use them. `cargo xtask test` runs `tsc`.

import { mount, unmount, update } from '../../widget/strata-widget.js';
import type { MountOptions, StrataAction, StrataIssue, WidgetHandle } from '../../widget/strata-widget.js';

export async function embed(element: HTMLElement): Promise<string[]> {
  const seen: string[] = [];
  const options: MountOptions = {
    profile: { id: 'c-1', holdings: [{ product: 'demand-cny', family: 'deposit', balance: '162500.00' }] },
    locale: 'en',
    variant: 'compact',
    theme: { accent: '#8a1538', radius: '8px', '--strata-font': 'Georgia, serif' },
    onAction: (action: StrataAction) => {
      if (action.type === 'product') seen.push(action.product);
      else seen.push(action.type);
    },
    onError: (errors: StrataIssue[], kind) => seen.push(kind, ...errors.map((e) => e.path)),
  };
  const handle: WidgetHandle = await mount(element, options);
  await update(handle, '{"id":"c-1","holdings":[]}');
  await handle.update({ id: 'c-2', holdings: [] });
  element.addEventListener('strata-action', (event) => seen.push(event.detail.tier));
  const card = document.createElement('strata-tier-card');
  card.profile = { id: 'c-3', holdings: [] };
  const removed: boolean = unmount(element) || handle.unmount();
  return removed ? seen : [];
}
