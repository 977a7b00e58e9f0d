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
            #[allow(unused_imports)]
            use super::*;

            #[test]
            fn every_name_has_both_languages() {
                use $crate::i18n::Locale;
                type Of = $ty;
                let all = [$((Of::$key, $zh, $en),)*];
                for (value, zh, en) in all {
                    let (zh, en): (&str, &str) = (zh, en);
                    assert!(!zh.trim().is_empty() && !en.trim().is_empty(), "{zh} / {en}");
                    assert_eq!(super::$name(Locale::ZhCn, value), zh);
                    assert_eq!(super::$name(Locale::En, value), en);
                }
            }
        }
    };
}

messages! {
    /// Every fixed string more than one face shows, keyed by use.
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
    // The date that decides the tier (core's retention date), not always the next review.
    ReviewOn => "评定日：{date}", "Review date: {date}";
    ServedBy => "服务", "Served by";
    TopBenefits => "我的主要权益", "My main benefits";
    AllBenefits => "查看全部权益", "See all benefits";
    Recommendations => "为您推荐", "Recommended for you";
    Details => "详情", "Details";
    NotShownTitle => "暂时无法显示您的等级", "Your tier cannot be shown right now";
    NotShownText => "请稍后重试；如果仍无法显示，请联系您的客户经理或银行客服。", "Please try again in a moment. If it still does not show, contact your relationship manager or the bank.";
    NetworkText => "暂时无法连接，请检查网络后重试。", "We could not connect. Please check your connection and try again.";
    NotUpdatedTitle => "您的等级暂时无法更新", "Your tier could not be updated";
    NotUpdatedText => "下面仍是之前的结果。", "What you see below is the earlier result.";
    Retry => "重试", "Try again";
    Dismiss => "知道了", "Dismiss";
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
