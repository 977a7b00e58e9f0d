// The example bank page: a compact widget in the header through mount(), the full one as
// <strata-tier-card> in the page, and a log of every event the page receives. The page
// decides what a tap does (here it only logs it): the widget never navigates.

import { mount, unmount, update } from '../../dist-widget/strata-widget.js';

const params = new URLSearchParams(window.location.search);
const locale = params.get('lang') === 'en' ? 'en' : 'zh-CN';
// A pinned evaluation date for demos and tests (`?asof=2026-11-25`); a bank's page omits it.
const asOf = params.get('asof') ?? undefined;

const TEXT = {
  'zh-CN': { title: '我的账户', other: 'English', otherLang: 'en' },
  en: { title: 'My account', other: '中文', otherLang: 'zh-CN' },
};

const header = document.getElementById('header-tier');
const card = document.getElementById('main-tier');
const eventLog = document.getElementById('event-log');

document.documentElement.lang = locale;
document.getElementById('title').textContent = TEXT[locale].title;
const langLink = document.getElementById('lang-link');
const other = new URLSearchParams(params);
other.set('lang', TEXT[locale].otherLang);
langLink.textContent = TEXT[locale].other;
langLink.lang = TEXT[locale].otherLang;
langLink.href = `?${other}`;

card.setAttribute('locale', locale);
if (asOf) card.setAttribute('as-of', asOf);

/** One line in the visible log. */
function log(source, kind, payload) {
  const item = document.createElement('li');
  item.textContent = `${source} ${kind} ${JSON.stringify(payload)}`;
  item.dataset.source = source;
  item.dataset.kind = kind;
  eventLog.append(item);
}

// Events bubble out of the widgets (composed), so one listener hears both.
document.addEventListener('strata-action', (event) => log(event.target.id, 'strata-action', event.detail));
document.addEventListener('strata-error', (event) => log(event.target.id, 'strata-error', event.detail));

/** The customer, as the bank's page has it. */
async function loadCustomer() {
  const response = await fetch('customer.json');
  return response.json();
}

let customer = await loadCustomer();

function mountHeader() {
  return mount(header, {
    profile: customer,
    locale,
    asOf,
    variant: 'compact',
    label: locale === 'en' ? 'Your tier' : '您的等级',
    theme: { radius: '8px', font: 'Georgia, serif' },
    onAction: (action) => log('header-tier', 'onAction', action),
    onError: (errors, kind) => log('header-tier', 'onError', { kind, errors }),
  });
}

let handle = await mountHeader();

/**
 * `amount` + `yuan` as a decimal string with 2 places. Money stays a decimal string: a JS
 * number would round large balances silently, so the sum is taken in fen with BigInt.
 */
function addYuan(amount, yuan) {
  const [whole, frac = ''] = amount.split('.');
  const fen = BigInt(whole + frac.padEnd(2, '0').slice(0, 2)) + BigInt(yuan) * 100n;
  const digits = fen.toString().padStart(3, '0');
  return `${digits.slice(0, -2)}.${digits.slice(-2)}`;
}

/** A deposit of ¥50,000 into the current account: both widgets show the new tier. */
document.getElementById('deposit').addEventListener('click', async () => {
  customer = structuredClone(customer);
  const current = customer.holdings.find((h) => h.product === 'demand-cny');
  current.balance = addYuan(current.balance, 50000);
  card.profile = customer;
  await update(handle, customer);
});

/** A profile with a negative balance: both widgets show an error card, the page goes on. */
document.getElementById('bad').addEventListener('click', async () => {
  const bad = structuredClone(customer);
  bad.holdings[0].balance = '-500.00';
  card.profile = bad;
  await update(handle, bad);
});

document.getElementById('remove').addEventListener('click', () => {
  unmount(handle);
  card.remove();
});

document.getElementById('restore').addEventListener('click', async () => {
  if (!card.isConnected) document.querySelector('.host-panel').before(card);
  handle = await mountHeader();
});
