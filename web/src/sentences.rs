//! Sentences per locale from the engine's codes: recommendation reasons, key moments,
//! exclusions, the tier's basis and the potential tier. The engine gives codes and numbers,
//! never prose, so every sentence is written here in both languages.

use chrono::NaiveDate;
use rust_decimal::Decimal;
use strata_core::catalog::{Catalog, RiskRating, Scenario};
use strata_core::evaluation::{Basis, Potential};
use strata_core::moments::{Moment, MomentKind};
use strata_core::profile::{Family, RiskLevel};
use strata_core::recommend::{ExclusionRule, LiftSource, Reason};
use strata_core::ruleset::{BenefitCategory, Criterion, Maintainer, Op, Ruleset, Threshold};

use crate::format;
use crate::i18n::Locale;

/// What a sentence needs besides its numbers.
#[derive(Clone, Copy)]
pub struct Ctx<'a> {
    /// Language.
    pub locale: Locale,
    /// The ruleset (currency, tier names).
    pub ruleset: &'a Ruleset,
    /// The catalog (product names), when there is one.
    pub catalog: Option<&'a Catalog>,
}

impl Ctx<'_> {
    fn zh(&self) -> bool {
        self.locale == Locale::ZhCn
    }

    /// Money in the ruleset's currency.
    #[must_use]
    pub fn money(&self, amount: Decimal) -> String {
        format::money(amount, &self.ruleset.currency, self.locale)
    }

    fn date(&self, d: NaiveDate) -> String {
        format::date(d, self.locale)
    }

    /// A tier's name by id (the id itself when unknown).
    #[must_use]
    pub fn tier_name(&self, id: &str) -> String {
        self.ruleset.tiers.iter().find(|t| t.id == id).map_or_else(
            || id.to_owned(),
            |t| t.name.get(self.locale.tag()).to_owned(),
        )
    }

    /// A product's name by id, from the catalog (the id itself when unknown).
    #[must_use]
    pub fn product_name(&self, id: &str) -> String {
        self.catalog
            .and_then(|c| c.products.iter().find(|p| p.id == id))
            .map_or_else(
                || id.to_owned(),
                |p| p.name.get(self.locale.tag()).to_owned(),
            )
    }
}

/// The sentence for one recommendation reason.
#[must_use]
pub fn reason(c: &Ctx, r: &Reason) -> String {
    let tag = c.locale.tag();
    match r {
        // New money lifts a tier, not this product: the sentence says where it comes from.
        Reason::LiftsTier {
            tier,
            amount,
            source,
        } => {
            let (m, n) = (c.money(amount.0), tier.name.get(tag));
            match (c.zh(), source) {
                (true, LiftSource::ExternalAssets) => format!("从他行转入{m}，即可升级为{n}"),
                (true, LiftSource::RecentInflow) => {
                    format!("近期到账的资金再存入{m}，即可升级为{n}")
                }
                (true, LiftSource::TopUp) => format!("再存入{m}，即可升级为{n}"),
                (false, LiftSource::ExternalAssets) => {
                    format!("Bring {m} from another bank to reach {n}")
                }
                (false, LiftSource::RecentInflow) => {
                    format!("Keep {m} of the money you received recently with us to reach {n}")
                }
                (false, LiftSource::TopUp) => format!("Add {m} to reach {n}"),
            }
        }
        Reason::BringsAssets { amount } => {
            let m = c.money(amount.0);
            if c.zh() {
                format!("把您在他行的{m}集中到本行管理")
            } else {
                format!("Brings your {m} held elsewhere under one roof")
            }
        }
        // Spreading money applies to assets; a loan, card or service is simply not held yet.
        Reason::NewFamily { family: f } => {
            let n = family(c.locale, *f);
            match (c.zh(), f.is_asset()) {
                (true, true) => format!("您尚未持有{n}，可分散配置"),
                (true, false) => format!("您尚未开通{n}"),
                (false, true) => format!("You don't hold any {n} yet"),
                (false, false) => format!("You don't have any {n} yet"),
            }
        }
        Reason::LifeStage { tags } => {
            let list = tags
                .iter()
                .map(|s| scenario(c.locale, *s))
                .collect::<Vec<_>>()
                .join(c.locale.list_separator());
            if c.zh() {
                format!("符合您的规划：{list}")
            } else {
                format!("Fits your plans: {list}")
            }
        }
        Reason::InBundle { bundle } => {
            let b = bundle.get(tag);
            if c.zh() {
                format!("属于您所在等级的「{b}」套餐")
            } else {
                format!("Part of the “{b}” bundle for your tier")
            }
        }
    }
}

/// The sentence for a key moment.
#[must_use]
#[allow(clippy::many_single_char_names)] // Short names keep the sentence templates readable.
pub fn moment(c: &Ctx, m: &Moment) -> String {
    match &m.kind {
        MomentKind::Maturity {
            holding,
            date,
            days,
            amount,
            ..
        } => {
            let (p, d, a) = (c.product_name(holding), c.date(*date), c.money(amount.0));
            match (c.zh(), *days) {
                (true, 0) => format!("您的{p}（{a}）今天到期"),
                (true, n) => format!("您的{p}（{a}）将于{n}天后到期（{d}）"),
                (false, 0) => format!("Your {p} ({a}) matures today"),
                (false, 1) => format!("Your {p} ({a}) matures tomorrow ({d})"),
                (false, n) => format!("Your {p} ({a}) matures in {n} days ({d})"),
            }
        }
        MomentKind::Birthday { date, age } => {
            let d = c.date(*date);
            if c.zh() {
                format!("生日快乐！{d}是您的{age}岁生日")
            } else {
                format!("Happy birthday! You turn {age} on {d}")
            }
        }
        MomentKind::Salary { date, amount } => {
            let (d, a) = (c.date(*date), c.money(amount.0));
            if c.zh() {
                format!("{d}工资到账{a}，可以让闲钱动起来")
            } else {
                format!("Your salary of {a} arrived on {d}; put part of it to work")
            }
        }
        MomentKind::LargeInflow { date, amount } => {
            let (d, a) = (c.date(*date), c.money(amount.0));
            if c.zh() {
                format!("{d}有一笔{a}转入")
            } else {
                format!("{a} came in on {d}")
            }
        }
        MomentKind::LargeOutflow { date, amount } => {
            let (d, a) = (c.date(*date), c.money(amount.0));
            if c.zh() {
                format!("{d}有一笔{a}转出")
            } else {
                format!("{a} went out on {d}")
            }
        }
        MomentKind::NearNextTier { tier, amount } => {
            let (n, a) = (tier.name.get(c.locale.tag()), c.money(amount.0));
            if c.zh() {
                format!("再增加{a}即可成为{n}")
            } else {
                format!("{a} more and you reach {n}")
            }
        }
        MomentKind::DowngradeRisk {
            tier,
            review_date,
            keep_amount,
        } => {
            let (n, d) = (c.tier_name(tier), c.date(*review_date));
            match (c.zh(), keep_amount.0 > Decimal::ZERO) {
                (true, true) => format!("{d}评级前增加{}即可保持{n}", c.money(keep_amount.0)),
                (true, false) => format!("您的资产接近{n}门槛，下次评级在{d}"),
                (false, true) => {
                    format!(
                        "Add {} before the review on {d} to keep {n}",
                        c.money(keep_amount.0)
                    )
                }
                (false, false) => {
                    format!("Your assets are close to the {n} bar; the next review is on {d}")
                }
            }
        }
        MomentKind::ChurnRisk { drop_percent } => {
            let p = format::plain(drop_percent.0);
            if c.zh() {
                format!("您的平均资产较前期下降{p}%，客户经理将与您联系")
            } else {
                format!("Your average assets fell {p}%; your relationship manager will be in touch")
            }
        }
        MomentKind::RiskAssessmentDue { expired_on } => match (c.zh(), expired_on) {
            (true, Some(d)) => {
                format!(
                    "您的风险测评已于{}过期，重新测评后可查看更多产品",
                    c.date(*d)
                )
            }
            (true, None) => "完成风险测评后可查看更多产品".to_owned(),
            (false, Some(d)) => format!(
                "Your risk assessment expired on {}; retake it to see more products",
                c.date(*d)
            ),
            (false, None) => "Take the risk assessment to see more products".to_owned(),
        },
    }
}

/// A short suggestion for the moment's product: "看看：…" / "Consider: …".
#[must_use]
pub fn moment_action(c: &Ctx, product: &str) -> String {
    let p = c.product_name(product);
    if c.zh() {
        format!("看看：{p}")
    } else {
        format!("Consider: {p}")
    }
}

/// Why a product is not recommended.
#[must_use]
pub fn exclusion(c: &Ctx, rule: &ExclusionRule) -> String {
    let zh = c.zh();
    match rule {
        ExclusionRule::SwitchedOff | ExclusionRule::Unavailable => if zh {
            "该产品目前不在售"
        } else {
            "Not on sale right now"
        }
        .to_owned(),
        ExclusionRule::IneligibleTier { .. } => if zh {
            "该产品面向其他等级的客户"
        } else {
            "Offered to customers of other tiers"
        }
        .to_owned(),
        ExclusionRule::Age { .. } => if zh {
            "不在该产品的年龄范围内"
        } else {
            "Outside the product's age limits"
        }
        .to_owned(),
        ExclusionRule::Held => if zh {
            "您已持有该产品"
        } else {
            "You already hold it"
        }
        .to_owned(),
        ExclusionRule::Declined { until } | ExclusionRule::Resting { until } => {
            let d = c.date(*until);
            if zh {
                format!("按您的意愿暂不推荐，{d}起再显示")
            } else {
                format!("Resting as you asked; shown again from {d}")
            }
        }
        ExclusionRule::BelowMinimum { min_amount, .. } => {
            let m = c.money(min_amount.0);
            if zh {
                format!("起购金额{m}高于您目前的资产")
            } else {
                format!("Its minimum of {m} is above your current assets")
            }
        }
        ExclusionRule::Unsuitable { rating, tolerance } => {
            let (r, t) = (
                risk_rating(c.locale, *rating),
                risk_level(c.locale, *tolerance),
            );
            if zh {
                format!("产品风险{r}高于您的风险承受能力（{t}）")
            } else {
                format!("Its risk ({r}) is above your tolerance ({t})")
            }
        }
        ExclusionRule::RiskAssessmentDue { .. } => if zh {
            "请先完成风险测评"
        } else {
            "Take the risk assessment first"
        }
        .to_owned(),
        // Said without the customer's age: the rule, not the number, is what matters.
        ExclusionRule::ElderlyPolicy { .. } => if zh {
            "为保障您的权益，该产品的风险或期限不在主动推荐之列"
        } else {
            "To protect you, we do not suggest products of this risk or term"
        }
        .to_owned(),
        ExclusionRule::MinorPolicy { .. } => if zh {
            "未成年人办理需监护人陪同"
        } else {
            "Customers under 18 need a parent or guardian for this"
        }
        .to_owned(),
        ExclusionRule::MissingPrerequisite { requires } => {
            let what = match (&requires.product, requires.family) {
                (Some(id), _) => c.product_name(id),
                (None, Some(f)) => family(c.locale, f).to_owned(),
                (None, None) => String::new(),
            };
            if zh {
                format!("需先开通{what}")
            } else {
                format!("You need {what} first")
            }
        }
        ExclusionRule::NotQualifiedInvestor => if zh {
            "该产品仅面向合格投资者"
        } else {
            "Offered to qualified investors only"
        }
        .to_owned(),
        ExclusionRule::FamilyLimit | ExclusionRule::RankedOut { .. } => if zh {
            "适合您，但不在今日精选之列"
        } else {
            "Suitable, but not among today's top picks"
        }
        .to_owned(),
    }
}

/// Why the tier is not the plain ladder result, when it is not.
#[must_use]
pub fn basis(c: &Ctx, b: &Basis) -> Option<String> {
    let zh = c.zh();
    Some(match b {
        Basis::Qualified => return None,
        Basis::Grace { until } => {
            let d = c.date(*until);
            if zh {
                format!("宽限期至{d}：届时资产仍未达标，等级将调整")
            } else {
                format!(
                    "Grace period until {d}: if your assets are still below the bar then, your tier changes"
                )
            }
        }
        Basis::DeferredDowngrade {
            reviews_below,
            downgrade_review,
            ..
        } => {
            let d = c.date(*downgrade_review);
            if zh {
                format!(
                    "您的资产已连续{reviews_below}次评级低于本等级门槛；如{d}评级时仍未达标，等级将下调"
                )
            } else {
                format!(
                    "Your assets were below this tier's bar at {reviews_below} review(s); if still below at the review on {d}, your tier will be lowered"
                )
            }
        }
        Basis::MinimumTenure { until } => {
            let d = c.date(*until);
            if zh {
                format!("等级保留至{d}")
            } else {
                format!("Your tier is kept until {d}")
            }
        }
        Basis::NeverDowngraded => if zh {
            "等级一经获得即长期保留"
        } else {
            "Once reached, your tier is kept"
        }
        .to_owned(),
        Basis::StepDown { .. } => if zh {
            "本次评级下调了一级"
        } else {
            "Your tier was lowered one step at the last review"
        }
        .to_owned(),
        Basis::ManualFloor { until, .. } => {
            let d = c.date(*until);
            if zh {
                format!("客户经理为您保留此等级至{d}")
            } else {
                format!("Your relationship manager holds this tier for you until {d}")
            }
        }
    })
}

/// The potential tier with assets held elsewhere (潜在符合).
#[must_use]
pub fn potential(c: &Ctx, p: &Potential) -> String {
    let (n, ext) = (
        p.tier.name.get(c.locale.tag()),
        c.money(p.external_assets.0),
    );
    match (c.zh(), p.move_needed) {
        (true, Some(m)) => format!("将他行资产{ext}中的{}转入本行，即可成为{n}", c.money(m.0)),
        (true, None) => format!("计入他行资产{ext}，您可成为{n}"),
        (false, Some(m)) => format!(
            "Move {} of your {ext} held elsewhere here and you become {n}",
            c.money(m.0)
        ),
        (false, None) => format!("With your {ext} held elsewhere you would be {n}"),
    }
}

/// A criterion in words: "本行金融资产 ≥ ¥1000万", "年龄 16–28" stays as two comparisons.
#[must_use]
pub fn criterion(c: &Ctx, cr: &Criterion) -> String {
    match cr {
        Criterion::All { all } => all
            .iter()
            .map(|x| criterion(c, x))
            .collect::<Vec<_>>()
            .join(if c.zh() { "，且" } else { ", and " }),
        Criterion::Any { any } => any
            .iter()
            .map(|x| criterion(c, x))
            .collect::<Vec<_>>()
            .join(if c.zh() { "，或" } else { ", or " }),
        Criterion::Compare(cmp) => {
            let value = match &cmp.value {
                Threshold::Number(d) if money_metric(c, &cmp.metric) => c.money(d.0),
                Threshold::Number(d) => format::plain(d.0),
                Threshold::Name(n) => education(c.locale, n),
            };
            let op = match cmp.op {
                Op::Gte => "≥",
                Op::Gt => ">",
                Op::Lte => "≤",
                Op::Lt => "<",
                Op::Eq => "=",
                Op::Ne => "≠",
            };
            format!("{} {op} {value}", metric_label(c, &cmp.metric))
        }
    }
}

fn money_metric(c: &Ctx, id: &str) -> bool {
    use strata_core::ruleset::Unit;
    matches!(
        id,
        "aum" | "external_assets" | "aum_with_external" | "aum_household" | "liabilities"
    ) || c
        .ruleset
        .inputs
        .get(id)
        .is_some_and(|i| i.unit == Unit::Money)
        || c.ruleset
            .metrics
            .get(id)
            .is_some_and(|m| m.unit == Unit::Money)
}

/// A metric's label: the built-ins here, the rest from the ruleset.
#[must_use]
pub fn metric_label(c: &Ctx, id: &str) -> String {
    let zh = c.zh();
    let builtin = match id {
        "aum" => Some(if zh {
            "本行金融资产"
        } else {
            "Financial assets with us"
        }),
        "aum_household" => Some(if zh {
            "家庭在本行金融资产"
        } else {
            "Household financial assets with us"
        }),
        "age" => Some(if zh { "年龄" } else { "Age" }),
        "education" => Some(if zh { "学历" } else { "Education" }),
        "families" | "product_families" => Some(if zh {
            "持有产品类别数"
        } else {
            "Product types held"
        }),
        _ => None,
    };
    if let Some(b) = builtin {
        return b.to_owned();
    }
    let tag = c.locale.tag();
    c.ruleset
        .metrics
        .get(id)
        .map(|m| m.label.get(tag))
        .or_else(|| c.ruleset.inputs.get(id).map(|i| i.label.get(tag)))
        .filter(|s| !s.is_empty())
        .map_or_else(|| id.to_owned(), str::to_owned)
}

fn education(locale: Locale, name: &str) -> String {
    let zh = locale == Locale::ZhCn;
    match name {
        "primary" => {
            if zh {
                "小学"
            } else {
                "primary school"
            }
        }
        "junior_secondary" => {
            if zh {
                "初中"
            } else {
                "junior secondary"
            }
        }
        "senior_secondary" => {
            if zh {
                "高中/中专"
            } else {
                "senior secondary"
            }
        }
        "college" => {
            if zh {
                "大专"
            } else {
                "college"
            }
        }
        "bachelor" => {
            if zh {
                "本科"
            } else {
                "bachelor's degree"
            }
        }
        "master" => {
            if zh {
                "硕士"
            } else {
                "master's degree"
            }
        }
        "doctorate" => {
            if zh {
                "博士"
            } else {
                "doctorate"
            }
        }
        other => other,
    }
    .to_owned()
}

/// A product family's name (plural in English, for "any funds").
#[must_use]
pub fn family(locale: Locale, f: Family) -> &'static str {
    let zh = locale == Locale::ZhCn;
    match f {
        Family::Deposit => {
            if zh {
                "活期存款"
            } else {
                "demand deposits"
            }
        }
        Family::TimeDeposit => {
            if zh {
                "定期存款"
            } else {
                "time deposits"
            }
        }
        Family::WealthProduct => {
            if zh {
                "理财产品"
            } else {
                "wealth products"
            }
        }
        Family::Fund => {
            if zh {
                "基金"
            } else {
                "funds"
            }
        }
        Family::Bond => {
            if zh {
                "债券"
            } else {
                "bonds"
            }
        }
        Family::Stock => {
            if zh {
                "股票"
            } else {
                "stocks"
            }
        }
        Family::Fx => {
            if zh {
                "外汇"
            } else {
                "foreign exchange"
            }
        }
        Family::Trust => {
            if zh {
                "信托"
            } else {
                "trusts"
            }
        }
        Family::PreciousMetal => {
            if zh {
                "贵金属"
            } else {
                "precious metals"
            }
        }
        Family::Derivative => {
            if zh {
                "衍生品"
            } else {
                "derivatives"
            }
        }
        Family::Insurance => {
            if zh {
                "保险"
            } else {
                "insurance"
            }
        }
        Family::Pension => {
            if zh {
                "养老金"
            } else {
                "pension plans"
            }
        }
        Family::Loan => {
            if zh {
                "贷款"
            } else {
                "loans"
            }
        }
        Family::Card => {
            if zh {
                "银行卡"
            } else {
                "cards"
            }
        }
        Family::Payment => {
            if zh {
                "支付结算"
            } else {
                "payment services"
            }
        }
        Family::SafeDepositBox => {
            if zh {
                "保管箱"
            } else {
                "safe-deposit boxes"
            }
        }
    }
}

/// A life scenario's name.
#[must_use]
pub fn scenario(locale: Locale, s: Scenario) -> &'static str {
    let zh = locale == Locale::ZhCn;
    match s {
        Scenario::Travel => {
            if zh {
                "旅行"
            } else {
                "travel"
            }
        }
        Scenario::Education => {
            if zh {
                "教育"
            } else {
                "education"
            }
        }
        Scenario::Retirement => {
            if zh {
                "养老"
            } else {
                "retirement"
            }
        }
        Scenario::Home => {
            if zh {
                "安家"
            } else {
                "home"
            }
        }
        Scenario::Youth => {
            if zh {
                "青年起步"
            } else {
                "starting out"
            }
        }
        Scenario::Business => {
            if zh {
                "经营"
            } else {
                "business"
            }
        }
        Scenario::Wealth => {
            if zh {
                "财富增值"
            } else {
                "growing wealth"
            }
        }
        Scenario::Family => {
            if zh {
                "家庭保障"
            } else {
                "family protection"
            }
        }
    }
}

/// A product risk rating in words: "R3 中风险" / "R3 medium".
#[must_use]
pub fn risk_rating(locale: Locale, r: RiskRating) -> String {
    let zh = locale == Locale::ZhCn;
    let word = match r {
        RiskRating::R1 => {
            if zh {
                "低风险"
            } else {
                "low"
            }
        }
        RiskRating::R2 => {
            if zh {
                "中低风险"
            } else {
                "medium-low"
            }
        }
        RiskRating::R3 => {
            if zh {
                "中风险"
            } else {
                "medium"
            }
        }
        RiskRating::R4 => {
            if zh {
                "中高风险"
            } else {
                "medium-high"
            }
        }
        RiskRating::R5 => {
            if zh {
                "高风险"
            } else {
                "high"
            }
        }
    };
    format!("R{} {word}", r.level())
}

/// A customer's risk tolerance in words: "C3 平衡型" / "C3 balanced".
#[must_use]
pub fn risk_level(locale: Locale, l: RiskLevel) -> String {
    let zh = locale == Locale::ZhCn;
    let (n, word) = match l {
        RiskLevel::C1 => (1, if zh { "保守型" } else { "conservative" }),
        RiskLevel::C2 => (2, if zh { "稳健型" } else { "cautious" }),
        RiskLevel::C3 => (3, if zh { "平衡型" } else { "balanced" }),
        RiskLevel::C4 => (4, if zh { "成长型" } else { "growth" }),
        RiskLevel::C5 => (5, if zh { "进取型" } else { "aggressive" }),
    };
    format!("C{n} {word}")
}

/// A benefit category's heading.
#[must_use]
pub fn category(locale: Locale, c: BenefitCategory) -> &'static str {
    let zh = locale == Locale::ZhCn;
    match c {
        BenefitCategory::BrandCards => {
            if zh {
                "品牌与银行卡"
            } else {
                "Brand and cards"
            }
        }
        BenefitCategory::BranchChannels => {
            if zh {
                "网点服务"
            } else {
                "Branch channels"
            }
        }
        BenefitCategory::EChannels => {
            if zh {
                "电子渠道"
            } else {
                "E-channels"
            }
        }
        BenefitCategory::Products => {
            if zh {
                "可选产品"
            } else {
                "Products offered"
            }
        }
        BenefitCategory::ExtraServices => {
            if zh {
                "增值服务"
            } else {
                "Extra services"
            }
        }
    }
}

/// Who serves customers of a tier.
#[must_use]
pub fn maintainer(locale: Locale, m: Maintainer) -> &'static str {
    let zh = locale == Locale::ZhCn;
    match m {
        Maintainer::RelationshipManager => {
            if zh {
                "专属客户经理"
            } else {
                "A dedicated relationship manager"
            }
        }
        Maintainer::Outlet => {
            if zh {
                "所属网点"
            } else {
                "Your outlet"
            }
        }
        Maintainer::Teller => {
            if zh {
                "柜面服务"
            } else {
                "The counter"
            }
        }
        Maintainer::LargeCustomerDepartment => {
            if zh {
                "大客户部"
            } else {
                "The large-customer department"
            }
        }
        Maintainer::SpecialistTeam => {
            if zh {
                "专业团队"
            } else {
                "A specialist team"
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use strata_core::evaluation::TierRef;
    use strata_core::{Dec, Text, rulesets};

    fn d(s: &str) -> Dec {
        s.parse().unwrap_or_else(|e| panic!("`{s}`: {e}"))
    }

    #[test]
    fn lifts_tier_reads_naturally_in_both_languages() {
        let rs = rulesets::cn_retail();
        let tier = TierRef {
            id: "mid_upper".into(),
            name: Text::from_pairs(&[("zh-CN", "中端客户（高）"), ("en", "Mid-tier (upper)")]),
            rank: 2,
        };
        let r = Reason::LiftsTier {
            tier,
            amount: d("50000"),
            source: LiftSource::ExternalAssets,
        };
        let zh = Ctx {
            locale: Locale::ZhCn,
            ruleset: &rs,
            catalog: None,
        };
        let en = Ctx {
            locale: Locale::En,
            ..zh
        };
        assert_eq!(reason(&zh, &r), "从他行转入¥5万，即可升级为中端客户（高）");
        assert_eq!(
            reason(&en, &r),
            "Bring ¥50,000 from another bank to reach Mid-tier (upper)"
        );
    }

    #[test]
    fn criteria_in_words() {
        let rs = rulesets::cn_retail();
        let en = Ctx {
            locale: Locale::En,
            ruleset: &rs,
            catalog: None,
        };
        let crit = rs.tiers[1].criteria.clone();
        let text = crit.map(|c| criterion(&en, &c)).unwrap_or_default();
        assert_eq!(text, "Financial assets with us ≥ ¥1,000,000");
    }
}
