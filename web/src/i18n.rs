//! The app's own strings in zh-CN (default) and en. Ruleset and catalog texts carry their
//! own locales; sentences with numbers are built in [`crate::sentences`].

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
}

// One table keeps both languages side by side, so a missing translation is a compile error
// rather than a blank on screen. The English text doubles as the variant's doc comment.
// Each screen set that ships as its own binary (app, kiosk, widget) has its own table, so
// one binary does not carry the other's strings.
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
        fn every_message_has_both_languages() {
            use $crate::i18n::Locale;
            for m in $msg::ALL {
                assert!(!$t(Locale::ZhCn, *m).trim().is_empty(), "{m:?} zh");
                assert!(!$t(Locale::En, *m).trim().is_empty(), "{m:?} en");
            }
        }
    };
}

messages! {
    /// Every fixed string the app shows, keyed by use.
    Msg, t {
    Brand => "Strata 财富", "Strata Wealth";
    Title => "我的客户等级", "My customer tier";
    YourTier => "当前等级", "Your tier";
    Assets => "本行金融资产", "Financial assets with us";
    ToNext => "距离{tier}还差", "To reach {tier}";
    TopTier => "您已是最高等级", "You are at the top tier";
    SwitchLanguage => "English", "中文";
    Progress => "升级进度", "Progress to the next tier";
    Privacy => "等级在您的设备上计算，个人数据不会发送或保存。", "Your tier is computed on this device; no personal data is sent or stored.";
    ErrorTitle => "无法计算等级", "Your tier could not be computed";
    ProfileErrorTitle => "客户资料有误", "The customer profile has a problem";
    RulesetErrorTitle => "等级规则有误", "The tier rules have a problem";
    NetworkErrorTitle => "无法读取数据", "The data could not be loaded";
    CatalogErrorTitle => "产品目录有误", "The product catalog has a problem";
    IntegrityErrorTitle => "数据校验未通过，已拒绝使用", "The data failed its integrity check and was refused";
    ErrorField => "字段", "Field";
    ErrorFallback => "正在显示演示客户。", "Showing a demo customer instead.";
    Dismiss => "知道了", "Dismiss";
    Loading => "正在加载…", "Loading…";
    NavMain => "主导航", "Main";
    NavHome => "首页", "Home";
    NavBenefits => "权益", "Benefits";
    NavCompare => "等级", "Tiers";
    NavWhatIf => "试算", "What-if";
    NavSettings => "设置", "Settings";
    Moments => "重要提醒", "Key moments";
    NoMoments => "暂无需要关注的事项。", "Nothing needs your attention right now.";
    TopBenefits => "我的主要权益", "My main benefits";
    AllBenefits => "查看全部权益", "See all benefits";
    Recommendations => "为您推荐", "Recommended for you";
    NoRecommendations => "暂无推荐产品。", "No recommendations right now.";
    Details => "详情", "Details";
    BenefitsTitle => "我的权益", "My benefits";
    BenefitsIntro => "{tier}客户享有以下权益。", "As a {tier} customer you enjoy the following.";
    NoBenefits => "此类暂无权益。", "Nothing in this category.";
    CompareTitle => "等级对比", "Compare tiers";
    CompareIntro => "各等级的条件与权益，从高到低。", "What each tier takes and brings, highest first.";
    Current => "当前等级", "Your tier";
    Criterion => "条件", "Who qualifies";
    Fallback => "其他客户", "Everyone else";
    ServedBy => "服务", "Served by";
    WhatIfTitle => "等级试算", "What if…";
    WhatIfIntro => "调整金额，看看等级和权益如何变化。试算只在本机进行。", "Change the amount to see how your tier and benefits change. Nothing leaves this device.";
    ModeLabel => "试算方式", "Scenario";
    ModeAdd => "如果我存入", "If I add";
    ModeMove => "如果我从他行转入", "If I move from another bank";
    ModeStay => "如果3个月平均资产保持", "If my average stays for 3 months";
    AmountLabel => "金额（元）", "Amount (¥)";
    SliderLabel => "金额滑块", "Amount slider";
    Result => "试算结果", "Result";
    Unchanged => "等级不变", "Tier unchanged";
    Up => "升级", "Up a tier";
    Down => "降级", "Down a tier";
    NewBenefits => "新增权益", "Benefits you would gain";
    LostBenefits => "将失去的权益", "Benefits you would lose";
    Reset => "重置", "Reset";
    NoExternal => "您没有申报他行资产。", "You have not declared assets at other banks.";
    ProductTitle => "产品详情", "Product details";
    ProductUnknown => "找不到该产品。", "This product could not be found.";
    MinAmount => "起购金额", "Minimum amount";
    NoMinimum => "无门槛", "No minimum";
    RiskRating => "产品风险等级", "Risk rating";
    YourTolerance => "您的风险承受能力", "Your risk tolerance";
    CoolingOff => "冷静期", "Cooling-off period";
    Hours => "小时", " hours";
    RiskDisclosure => "风险提示", "Risk disclosure";
    RiskNone => "不涉及", "Not applicable";
    RiskNotAssessed => "未测评", "Not assessed";
    RiskExpired => "已过期", "expired";
    Suitable => "与您的风险承受能力相符。", "Within your risk tolerance.";
    NotSuitable => "超出您的风险承受能力，不能向您推荐。", "Above your risk tolerance; it cannot be recommended to you.";
    WhyRecommended => "推荐理由", "Why we recommend it";
    NotRecommended => "目前未向您推荐", "Not currently recommended";
    Family => "产品类别", "Product type";
    Back => "返回", "Back";
    SettingsTitle => "设置", "Settings";
    Language => "语言", "Language";
    Persona => "演示客户", "Demo customer";
    PersonaHint => "选择一位演示客户，查看不同等级和情形。", "Pick a demo customer to see other tiers and situations.";
    ExternalProfile => "银行传入的客户资料", "Profile passed by your bank";
    AsOf => "计算日期", "Evaluated on";
    NotFound => "页面不存在", "Page not found";
    GoHome => "返回首页", "Back to home";
    Congrats => "恭喜升级！", "Congratulations on your upgrade!";
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
}
