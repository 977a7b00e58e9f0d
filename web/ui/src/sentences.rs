//! Sentences per locale from the engine's codes that more than one face shows: recommendation
//! reasons, the tier's basis and the potential tier, and the names of product families,
//! life scenarios and who serves a tier. The engine gives codes and numbers, never prose;
//! the words are in the tables below.

use chrono::NaiveDate;
use rust_decimal::Decimal;
use strata_core::catalog::{Catalog, Scenario};
use strata_core::evaluation::{Basis, Potential};
use strata_core::profile::Family;
use strata_core::recommend::{LiftSource, Reason};
use strata_core::ruleset::{Maintainer, Ruleset};

use crate::format::{self, Amount};
use crate::i18n::{Locale, fill, t};

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
    /// Money of `kind` in the ruleset's currency (the kind decides the rounding).
    #[must_use]
    pub fn money(&self, kind: Amount, amount: Decimal) -> String {
        format::money(kind, amount, &self.ruleset.currency, self.locale)
    }

    /// A date in the locale's form.
    #[must_use]
    pub fn date(&self, d: NaiveDate) -> String {
        format::date(d, self.locale)
    }

    /// A tier's customer-facing name by id (the id itself when unknown).
    #[must_use]
    pub fn tier_name(&self, id: &str) -> String {
        self.ruleset.tiers.iter().find(|t| t.id == id).map_or_else(
            || id.to_owned(),
            |t| t.customer_name().get(self.locale.tag()).to_owned(),
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

crate::messages! {
    /// The sentences of this module, in a table of their own: the kiosk, which says none of
    /// them, does not carry them.
    Said, said_text {
    LiftsFromElsewhere => "从他行转入{amount}，即可升级为{tier}", "Bring {amount} from another bank to reach {tier}";
    LiftsFromInflow => "近期到账的资金再存入{amount}，即可升级为{tier}", "Keep {amount} of the money you received recently with us to reach {tier}";
    LiftsByTopUp => "再存入{amount}，即可升级为{tier}", "Add {amount} to reach {tier}";
    BringsAssets => "把您在他行的{amount}集中到本行管理", "Brings your {amount} held elsewhere under one roof";
    NewAssetFamily => "您尚未持有{family}，可分散配置", "You don't hold any {family} yet";
    NewServiceFamily => "您尚未开通{family}", "You don't have any {family} yet";
    LifeStage => "符合您的规划：{list}", "Fits your plans: {list}";
    InBundle => "属于您所在等级的「{bundle}」套餐", "Part of the “{bundle}” bundle for your tier";
    BasisGrace => "宽限期至{date}：届时资产仍未达标，等级将调整", "Grace period until {date}: if your assets are still below the bar then, your tier changes";
    BasisDeferred => "您的资产已连续{reviews}次评级低于本等级门槛；如{date}评级时仍未达标，等级将下调", "Your assets were below this tier's bar at {reviews} review(s); if still below at the review on {date}, your tier will be lowered";
    BasisTenure => "等级保留至{date}", "Your tier is kept until {date}";
    BasisNeverDowngraded => "等级一经获得即长期保留", "Once reached, your tier is kept";
    BasisStepDown => "本次评级下调了一级", "Your tier was lowered one step at the last review";
    BasisManualFloor => "客户经理为您保留此等级至{date}", "Your relationship manager holds this tier for you until {date}";
    PotentialMove => "将他行资产{external}中的{amount}转入本行，即可成为{tier}", "Move {amount} of your {external} held elsewhere here and you become {tier}";
    PotentialCounted => "计入他行资产{external}，您可成为{tier}", "With your {external} held elsewhere you would be {tier}";
    }
}

/// The sentence for one recommendation reason.
#[must_use]
pub fn reason(c: &Ctx, r: &Reason) -> String {
    let l = c.locale;
    match r {
        // New money lifts a tier, not this product: the sentence says where it comes from.
        Reason::LiftsTier {
            tier,
            amount,
            source,
        } => {
            let msg = match source {
                LiftSource::ExternalAssets => Said::LiftsFromElsewhere,
                LiftSource::RecentInflow => Said::LiftsFromInflow,
                LiftSource::TopUp => Said::LiftsByTopUp,
            };
            let amount = c.money(Amount::Needed, amount.0);
            fill(
                l,
                msg,
                &[("amount", &amount), ("tier", tier.name.get(l.tag()))],
            )
        }
        Reason::BringsAssets { amount } => fill(
            l,
            Said::BringsAssets,
            &[("amount", &c.money(Amount::Held, amount.0))],
        ),
        // Spreading money applies to assets; a loan, card or service is simply not held yet.
        Reason::NewFamily { family: f } => {
            let msg = if f.is_asset() {
                Said::NewAssetFamily
            } else {
                Said::NewServiceFamily
            };
            fill(l, msg, &[("family", family(l, *f))])
        }
        Reason::LifeStage { tags } => {
            let list = tags
                .iter()
                .map(|s| scenario(l, *s))
                .collect::<Vec<_>>()
                .join(l.list_separator());
            fill(l, Said::LifeStage, &[("list", &list)])
        }
        Reason::InBundle { bundle } => fill(l, Said::InBundle, &[("bundle", bundle.get(l.tag()))]),
    }
}

/// Why the tier is not the plain ladder result, when it is not, with `at_stake` (core's
/// retention date, the one that decides the tier) as the sentence's date when there is one.
#[must_use]
pub fn basis(c: &Ctx, b: &Basis, at_stake: Option<NaiveDate>) -> Option<String> {
    let l = c.locale;
    let date = |d: NaiveDate| c.date(at_stake.unwrap_or(d));
    Some(match b {
        Basis::Qualified => return None,
        Basis::Grace { until } => fill(l, Said::BasisGrace, &[("date", &date(*until))]),
        Basis::DeferredDowngrade {
            reviews_below,
            downgrade_review,
            ..
        } => fill(
            l,
            Said::BasisDeferred,
            &[
                ("reviews", &reviews_below.to_string()),
                ("date", &date(*downgrade_review)),
            ],
        ),
        Basis::MinimumTenure { until } => fill(l, Said::BasisTenure, &[("date", &date(*until))]),
        Basis::NeverDowngraded => t(l, Said::BasisNeverDowngraded).to_owned(),
        Basis::StepDown { .. } => t(l, Said::BasisStepDown).to_owned(),
        Basis::ManualFloor { until, .. } => {
            fill(l, Said::BasisManualFloor, &[("date", &date(*until))])
        }
    })
}

/// The potential tier with assets held elsewhere (潜在符合).
#[must_use]
pub fn potential(c: &Ctx, p: &Potential) -> String {
    let l = c.locale;
    let (tier, external) = (
        p.tier.name.get(l.tag()),
        c.money(Amount::Held, p.external_assets.0),
    );
    match p.move_needed {
        Some(m) => fill(
            l,
            Said::PotentialMove,
            &[
                ("external", &external),
                ("amount", &c.money(Amount::Needed, m.0)),
                ("tier", tier),
            ],
        ),
        None => fill(
            l,
            Said::PotentialCounted,
            &[("external", &external), ("tier", tier)],
        ),
    }
}

crate::names! {
    /// A product family's name (plural in English, for "any funds").
    pub fn family(Family) {
        Deposit => "活期存款", "demand deposits";
        TimeDeposit => "定期存款", "time deposits";
        WealthProduct => "理财产品", "wealth products";
        Fund => "基金", "funds";
        Bond => "债券", "bonds";
        Stock => "股票", "stocks";
        Fx => "外汇", "foreign exchange";
        Trust => "信托", "trusts";
        PreciousMetal => "贵金属", "precious metals";
        Derivative => "衍生品", "derivatives";
        Insurance => "保险", "insurance";
        Pension => "养老金", "pension plans";
        Loan => "贷款", "loans";
        Card => "银行卡", "cards";
        Payment => "支付结算", "payment services";
        SafeDepositBox => "保管箱", "safe-deposit boxes";
    }
}

crate::names! {
    /// A life scenario's name.
    pub fn scenario(Scenario) {
        Travel => "旅行", "travel";
        Education => "教育", "education";
        Retirement => "养老", "retirement";
        Home => "安家", "home";
        Youth => "青年起步", "starting out";
        Business => "经营", "business";
        Wealth => "财富增值", "growing wealth";
        Family => "家庭保障", "family protection";
    }
}

crate::names! {
    /// Who serves customers of a tier.
    pub fn maintainer(Maintainer) {
        RelationshipManager => "专属客户经理", "A dedicated relationship manager";
        Outlet => "所属网点", "Your outlet";
        Teller => "柜面服务", "The counter";
        LargeCustomerDepartment => "大客户部", "The large-customer department";
        SpecialistTeam => "专业团队", "A specialist team";
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
        // What the customer needs rounds up, what the customer holds rounds down.
        let top_up = Reason::LiftsTier {
            tier: TierRef {
                id: "mid_upper".into(),
                name: Text::from_pairs(&[("zh-CN", "中端客户（高）"), ("en", "Mid-tier (upper)")]),
                rank: 2,
            },
            amount: d("37512.34"),
            source: LiftSource::TopUp,
        };
        assert_eq!(
            reason(&zh, &top_up),
            "再存入¥3.76万，即可升级为中端客户（高）"
        );
        assert_eq!(
            reason(&en, &top_up),
            "Add ¥37,512.34 to reach Mid-tier (upper)"
        );
        let brings = Reason::BringsAssets {
            amount: d("37512.34"),
        };
        assert_eq!(reason(&zh, &brings), "把您在他行的¥3.75万集中到本行管理");
        let new = Reason::NewFamily {
            family: Family::Card,
        };
        assert_eq!(reason(&zh, &new), "您尚未开通银行卡");
        assert_eq!(reason(&en, &new), "You don't have any cards yet");
    }
}
