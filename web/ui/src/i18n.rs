//! Languages and message tables. Each face (app, kiosk, widget) declares its own table with
//! [`messages!`], so one binary does not carry another's strings; what two or more faces
//! say is in this crate's [`Msg`]. Names of the engine's codes (product families, who
//! serves a tier …) are tables keyed by the engine's own enums ([`names!`]).
//!
//! A sentence with numbers or names is one table entry with named placeholders
//! (`"再存入{amount}，即可升级为{tier}"`), filled by [`fill`]; a test checks that both
//! languages of an entry name the same placeholders.

/// A supported locale.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Locale {
    /// Simplified Chinese (default).
    ZhCn,
    /// English.
    En,
}

impl Locale {
    /// The BCP 47 tag, as rulesets key their texts.
    #[must_use]
    pub fn tag(self) -> &'static str {
        match self {
            Locale::ZhCn => "zh-CN",
            Locale::En => "en",
        }
    }

    /// The locale for a tag (`zh`, `zh-CN`, `en`, `en-GB` …), if supported.
    #[must_use]
    pub fn from_tag(tag: &str) -> Option<Self> {
        let lower = tag.to_ascii_lowercase();
        if lower.starts_with("zh") {
            Some(Locale::ZhCn)
        } else if lower.starts_with("en") {
            Some(Locale::En)
        } else {
            None
        }
    }

    /// The other locale (the language switch).
    #[must_use]
    pub fn other(self) -> Self {
        match self {
            Locale::ZhCn => Locale::En,
            Locale::En => Locale::ZhCn,
        }
    }

    /// Separator for lists inside a sentence: `、` in Chinese, `, ` in English.
    #[must_use]
    pub fn list_separator(self) -> &'static str {
        match self {
            Locale::ZhCn => "、",
            Locale::En => ", ",
        }
    }

    /// The colon after a label: `：` in Chinese, `: ` in English.
    #[must_use]
    pub fn colon(self) -> &'static str {
        match self {
            Locale::ZhCn => "：",
            Locale::En => ": ",
        }
    }
}

/// A message table's key: its text in a locale.
pub trait Message: Copy {
    /// The text of this message in `locale`.
    fn text(self, locale: Locale) -> &'static str;
}

/// The text of `msg` in `locale`, whichever face's table it comes from.
#[must_use]
pub fn t<M: Message>(locale: Locale, msg: M) -> &'static str {
    msg.text(locale)
}

/// The text of `msg` in `locale` with its `{name}` placeholders filled from `args`.
#[must_use]
pub fn fill<M: Message>(locale: Locale, msg: M, args: &[(&str, &str)]) -> String {
    fill_template(msg.text(locale), args)
}

/// Replaces each `{name}` in `template` by its value in `args`, in one pass: a value that
/// itself contains braces (a tier name from a ruleset) is never read as a placeholder. An
/// unknown name stays as it is written.
#[must_use]
pub fn fill_template(template: &str, args: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(template.len());
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let value = after.find('}').and_then(|close| {
            let name = &after[..close];
            args.iter()
                .find(|(k, _)| *k == name)
                .map(|(_, v)| (*v, close))
        });
        if let Some((v, close)) = value {
            out.push_str(v);
            rest = &after[close + 1..];
        } else {
            out.push('{');
            rest = after;
        }
    }
    out.push_str(rest);
    out
}

/// The `{name}` placeholders of a template, sorted (for the tables' tests).
#[must_use]
pub fn placeholders(template: &str) -> Vec<&str> {
    let mut names: Vec<&str> = template
        .split('{')
        .skip(1)
        .filter_map(|s| s.split_once('}').map(|(name, _)| name))
        .collect();
    names.sort_unstable();
    names
}

// One table keeps both languages side by side, so a missing translation is a compile error
// rather than a blank on screen. The English text doubles as the variant's doc comment.
/// Declares a message enum and its lookup function from `Key => "中文", "English";` lines.
#[macro_export]
macro_rules! messages {
    ($(#[$meta:meta])* $msg:ident, $t:ident { $($key:ident => $zh:literal, $en:literal;)* }) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        pub enum $msg {
            $(#[doc = $en] $key,)*
        }

        impl $msg {
            /// Every message, for tests.
            pub const ALL: &'static [$msg] = &[$($msg::$key,)*];
        }

        impl $crate::i18n::Message for $msg {
            fn text(self, locale: $crate::i18n::Locale) -> &'static str {
                $t(locale, self)
            }
        }

        /// The text of `msg` in `locale`.
        #[must_use]
        pub fn $t(locale: $crate::i18n::Locale, msg: $msg) -> &'static str {
            use $crate::i18n::Locale;
            match (locale, msg) {
                $((Locale::ZhCn, $msg::$key) => $zh, (Locale::En, $msg::$key) => $en,)*
            }
        }

        #[cfg(test)]
        #[test]
        fn every_message_has_both_languages_with_the_same_placeholders() {
            use $crate::i18n::{Locale, placeholders};
            for m in $msg::ALL {
                let (zh, en) = ($t(Locale::ZhCn, *m), $t(Locale::En, *m));
                assert!(!zh.trim().is_empty(), "{m:?} zh");
                assert!(!en.trim().is_empty(), "{m:?} en");
                assert_eq!(placeholders(zh), placeholders(en), "{m:?}");
            }
        }
    };
}

/// Declares a function naming each variant of one of the engine's enums, from
/// `Variant => "中文", "English";` lines: `names!(pub fn family(Family) { … })`.
#[macro_export]
macro_rules! names {
    ($(#[$meta:meta])* $vis:vis fn $name:ident($ty:ty) { $($key:ident => $zh:literal, $en:literal;)* }) => {
        $(#[$meta])*
        #[must_use]
        $vis fn $name(locale: $crate::i18n::Locale, value: $ty) -> &'static str {
            use $crate::i18n::Locale;
            type Of = $ty;
            match (locale, value) {
                $((Locale::ZhCn, Of::$key) => $zh, (Locale::En, Of::$key) => $en,)*
            }
        }

        #[cfg(test)]
        mod $name {
            #[test]
            fn every_name_has_both_languages() {
                for (zh, en) in [$(($zh, $en),)*] {
                    let (zh, en): (&str, &str) = (zh, en);
                    assert!(!zh.trim().is_empty() && !en.trim().is_empty(), "{zh} / {en}");
                }
            }
        }
    };
}

messages! {
    /// Every fixed string and sentence more than one face shows, keyed by use.
    Msg, ui_text {
    Brand => "Strata 财富", "Strata Wealth";
    SwitchLanguage => "English", "中文";
    Loading => "正在加载…", "Loading…";
    YourTier => "当前等级", "Your tier";
    Assets => "本行金融资产", "Financial assets with us";
    ToNext => "距离{tier}还差", "To reach {tier}";
    TopTier => "您已是最高等级", "You are at the top tier";
    Progress => "升级进度", "Progress to the next tier";
    Congrats => "恭喜升级！", "Congratulations on your upgrade!";
    KeepTier => "保持当前等级还需", "To keep your tier, add";
    NextReview => "下次评定日：{date}", "Next review: {date}";
    ServedBy => "服务", "Served by";
    TopBenefits => "我的主要权益", "My main benefits";
    AllBenefits => "查看全部权益", "See all benefits";
    Recommendations => "为您推荐", "Recommended for you";
    Details => "详情", "Details";
    ErrorTitle => "无法计算等级", "Your tier could not be computed";
    InputErrorTitle => "组件参数有误", "The widget's options have a problem";
    ProfileErrorTitle => "客户资料有误", "The customer profile has a problem";
    RulesetErrorTitle => "等级规则有误", "The tier rules have a problem";
    NetworkErrorTitle => "无法读取数据", "The data could not be loaded";
    CatalogErrorTitle => "产品目录有误", "The product catalog has a problem";
    IntegrityErrorTitle => "数据校验未通过，已拒绝使用", "The data failed its integrity check and was refused";
    ErrorField => "字段", "Field";
    ErrorFallback => "正在显示演示客户。", "Showing a demo customer instead.";
    Dismiss => "知道了", "Dismiss";
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_round_trip() {
        assert_eq!(Locale::from_tag("zh-CN"), Some(Locale::ZhCn));
        assert_eq!(Locale::from_tag("en-GB"), Some(Locale::En));
        assert_eq!(Locale::from_tag("fr"), None);
        assert_eq!(Locale::from_tag(Locale::En.tag()), Some(Locale::En));
    }

    #[test]
    fn placeholders_are_filled_once_by_name() {
        let args = [("tier", "{amount} tier"), ("amount", "¥5万")];
        assert_eq!(
            fill_template("再存入{amount}，即可升级为{tier}", &args),
            "再存入¥5万，即可升级为{amount} tier"
        );
        assert_eq!(fill_template("{unknown} {", &args), "{unknown} {");
        assert_eq!(
            fill(Locale::En, Msg::ToNext, &[("tier", "Gold")]),
            "To reach Gold"
        );
        assert_eq!(placeholders("{b} and {a}, {b}"), ["a", "b", "b"]);
    }
}
