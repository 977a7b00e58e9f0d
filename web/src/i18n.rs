//! The app's own strings in zh-CN (default) and en. Ruleset texts carry their own locales.

/// A supported locale.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
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

    /// The other locale (the language switch).
    #[must_use]
    pub fn other(self) -> Self {
        match self {
            Locale::ZhCn => Locale::En,
            Locale::En => Locale::ZhCn,
        }
    }
}

/// Every string the app shows, keyed by use.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Msg {
    /// Page heading.
    Title,
    /// Label before the tier name.
    YourTier,
    /// Financial assets label.
    Assets,
    /// "More to reach {tier}".
    ToNext,
    /// Top of the ladder.
    TopTier,
    /// Language switch label (names the *other* language).
    SwitchLanguage,
    /// Progress bar label.
    Progress,
    /// Footer privacy note.
    Privacy,
    /// Error heading.
    ErrorTitle,
}

/// The text of `msg` in `locale`.
#[must_use]
pub fn t(locale: Locale, msg: Msg) -> &'static str {
    use Locale::{En, ZhCn};
    match (msg, locale) {
        (Msg::Title, ZhCn) => "我的客户等级",
        (Msg::Title, En) => "My customer tier",
        (Msg::YourTier, ZhCn) => "当前等级",
        (Msg::YourTier, En) => "Your tier",
        (Msg::Assets, ZhCn) => "本行金融资产",
        (Msg::Assets, En) => "Financial assets with us",
        (Msg::ToNext, ZhCn) => "距离{tier}还差",
        (Msg::ToNext, En) => "To reach {tier}",
        (Msg::TopTier, ZhCn) => "您已是最高等级",
        (Msg::TopTier, En) => "You are at the top tier",
        (Msg::SwitchLanguage, ZhCn) => "English",
        (Msg::SwitchLanguage, En) => "中文",
        (Msg::Progress, ZhCn) => "升级进度",
        (Msg::Progress, En) => "Progress to the next tier",
        (Msg::Privacy, ZhCn) => "等级在您的设备上计算，个人数据不会发送或保存。",
        (Msg::Privacy, En) => {
            "Your tier is computed on this device; no personal data is sent or stored."
        }
        (Msg::ErrorTitle, ZhCn) => "无法计算等级",
        (Msg::ErrorTitle, En) => "Your tier could not be computed",
    }
}
