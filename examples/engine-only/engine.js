// A product team's own screen on the engine package (dist-engine/, `@strata/engine`): the
// engine evaluates the profile typed in the text area; this page shows the tier, the next
// tier and the amount still to add, or every problem with its JSON path.

import init, { Engine, builtinRulesets } from '../../dist-engine/strata_core.js';

const params = new URLSearchParams(window.location.search);
const lang = params.get('lang') === 'zh-CN' ? 'zh-CN' : 'en';

const TEXT = {
  en: {
    title: 'Tier check',
    intro: "A product team's own screen on the engine package alone: no widget, no framework. Edit the profile and evaluate.",
    other: ['zh-CN', '中文'],
    ruleset: 'Ruleset',
    asOf: 'Evaluated on',
    profile: 'Customer profile (JSON)',
    evaluate: 'Evaluate',
    result: 'Result',
    tier: 'Tier',
    next: 'Next tier',
    gap: 'Still to add',
    none: 'None: this is the top tier',
    notMoney: 'Not reachable by adding money',
    problems: 'Problems',
    kind: (kind, n) => `The ${kind} has ${n === 1 ? 'a problem' : `${n} problems`}:`,
    field: 'Field',
    loading: 'Loading the engine…',
    ready: 'Engine ready.',
  },
  'zh-CN': {
    title: '等级查询',
    intro: '产品团队只用引擎包搭建的自有页面：没有组件，没有框架。编辑客户资料后点击计算。',
    other: ['en', 'English'],
    ruleset: '等级规则',
    asOf: '计算日期',
    profile: '客户资料（JSON）',
    evaluate: '计算',
    result: '结果',
    tier: '等级',
    next: '下一等级',
    gap: '还需增加',
    none: '无：已是最高等级',
    notMoney: '无法通过增加资产达到',
    problems: '问题',
    kind: (kind, n) =>
      `${({ profile: '客户资料', ruleset: '等级规则', catalog: '产品目录', input: '输入' })[kind] ?? kind}有${n}处错误：`,
    field: '字段',
    loading: '正在加载引擎…',
    ready: '引擎已就绪。',
  },
}[lang];

const SAMPLE = {
  id: 'c-1',
  birth_date: '1991-04-18',
  education: 'bachelor',
  holdings: [
    { product: 'demand-cny', family: 'deposit', balance: '42500.00' },
    { product: 'td-1y', family: 'time_deposit', balance: '80000.00', maturity_date: '2027-06-01' },
    { product: 'wealth-steady-90d', family: 'wealth_product', balance: '40000.00' },
  ],
};

const $ = (id) => document.getElementById(id);

document.documentElement.lang = lang;
for (const [id, key] of [
  ['title', 'title'],
  ['intro', 'intro'],
  ['ruleset-label', 'ruleset'],
  ['as-of-label', 'asOf'],
  ['profile-label', 'profile'],
  ['evaluate', 'evaluate'],
  ['result-title', 'result'],
  ['tier-label', 'tier'],
  ['next-label', 'next'],
  ['gap-label', 'gap'],
  ['problems-title', 'problems'],
]) {
  $(id).textContent = TEXT[key];
}
const other = new URLSearchParams(params);
other.set('lang', TEXT.other[0]);
$('lang-link').href = `?${other}`;
$('lang-link').lang = TEXT.other[0];
$('lang-link').textContent = TEXT.other[1];

$('profile').value = JSON.stringify(SAMPLE, null, 2);
$('as-of').value = params.get('asof') ?? new Date().toISOString().slice(0, 10);
$('status').textContent = TEXT.loading;

await init();

for (const id of builtinRulesets()) {
  const option = document.createElement('option');
  option.value = id;
  option.textContent = id;
  $('ruleset').append(option);
}
$('evaluate').disabled = false;
$('status').textContent = TEXT.ready;

/** Money as the engine gives it (a decimal string), formatted without going through a float. */
function money(amount, currency) {
  return new Intl.NumberFormat(lang, { style: 'currency', currency, currencyDisplay: 'narrowSymbol', minimumFractionDigits: 0, maximumFractionDigits: 2 }).format(amount);
}

function showProblems(kind, errors) {
  $('result').hidden = true;
  $('problems').hidden = false;
  $('problems-kind').textContent = TEXT.kind(kind, errors.length);
  $('problem-list').replaceChildren(
    ...errors.map(({ type, path, message }) => {
      const item = document.createElement('li');
      item.dataset.type = type;
      const code = document.createElement('code');
      code.dataset.testid = 'problem-path';
      code.textContent = path;
      item.append(`${TEXT.field} `, code, `: ${message}`);
      return item;
    }),
  );
  show('problems-title');
}

/** Brings a fresh result into view and focus, so it is seen on a phone and read aloud. */
function show(heading) {
  const h = $(heading);
  h.tabIndex = -1;
  h.focus({ preventScroll: true });
  h.scrollIntoView({ block: 'start' });
}

function evaluate() {
  let result;
  let currency;
  let tiers;
  try {
    const engine = Engine.builtin($('ruleset').value);
    currency = engine.ruleset.currency;
    tiers = new Map(engine.ruleset.tiers.map((t) => [t.id, t]));
    // JSON text in and out: the engine parses it and names the field of any error. The lean
    // result (the default) has what this screen shows; tier names come from the ruleset.
    result = JSON.parse(engine.evaluateJson($('profile').value, $('as-of').value, { top_n: 3 }));
  } catch (error) {
    if (error?.name !== 'StrataError') throw error;
    showProblems(error.kind, error.errors);
    return;
  }
  $('problems').hidden = true;
  $('result').hidden = false;
  const name = (id) => tiers.get(id)?.name[lang] ?? tiers.get(id)?.name.en ?? id;
  $('tier').textContent = name(result.tier);
  $('tier').dataset.tier = result.tier;
  // The nearest tier above that money can reach.
  const next = result.target;
  $('next').textContent = next ? name(next.tier) : TEXT.none;
  $('gap').textContent = next?.amount ? money(next.amount, currency) : next ? TEXT.notMoney : '—';
  show('result-title');
}

$('evaluate').addEventListener('click', evaluate);
