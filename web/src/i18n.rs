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
macro_rules! messages {
    ($($key:ident => $zh:literal, $en:literal;)*) => {
        /// Every fixed string the app shows, keyed by use.
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        pub enum Msg {
            $(#[doc = $en] $key,)*
        }

        impl Msg {
            /// Every message, for tests.
            pub const ALL: &'static [Msg] = &[$(Msg::$key,)*];
        }

        /// The text of `msg` in `locale`.
        #[must_use]
        pub fn t(locale: Locale, msg: Msg) -> &'static str {
            match (locale, msg) {
                $((Locale::ZhCn, Msg::$key) => $zh, (Locale::En, Msg::$key) => $en,)*
            }
        }
    };
}

messages! {
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
    // Widget.
    WidgetRegion => "客户等级", "Customer tier";
    WidgetTalkToManager => "联系我的客户经理", "Talk to my manager";
    WidgetCatalogErrorTitle => "产品目录有误", "The product catalog has a problem";
    WidgetOptionsErrorTitle => "组件参数有误", "The widget's options have a problem";
    WidgetErrorNote => "等级暂时无法显示，请稍后再试或联系银行。", "Your tier cannot be shown right now; please try again later or contact your bank.";
    WidgetSummary => "{tier}：距离{next}还差{amount}", "{tier}: {amount} to go to {next}";
    // Kiosk.
    KioskTitle => "了解您的客户等级", "Find your customer tier";
    KioskTagline => "回答三个问题，看看您的客户等级、主要权益，以及今天到哪里办理业务。", "Answer three questions to see your customer tier, its main benefits and where to be served today.";
    KioskStart => "点击开始", "Touch to start";
    KioskPrivacy => "您的回答只用于本次计算，不会保存；无人操作时屏幕会自动清除。", "Your answers are used for this result only and never stored; the screen clears itself when left alone.";
    KioskStep => "第{n}步，共{total}步", "Step {n} of {total}";
    KioskOptional => "可选问题", "Optional question";
    KioskBack => "上一步", "Back";
    KioskSkip => "跳过", "Skip";
    KioskChosen => "（已选）", " (chosen)";
    KioskAssetsQuestion => "您在本行的金融资产大约有多少？", "About how much do you hold with us in financial assets?";
    KioskAssetsHint => "包括存款、理财、基金、债券、保险等，不含贷款。", "Deposits, wealth products, funds, bonds, insurance and the like; not loans.";
    KioskAgeQuestion => "您的年龄是？", "How old are you?";
    KioskAgeHint => "部分等级面向年轻客户。", "Some tiers are for young customers.";
    KioskEducationQuestion => "您的最高学历是？", "What is your highest level of education?";
    KioskEducationHint => "潜力客户等级面向受过高等教育的年轻客户。", "The potential tier is for young customers with a college education.";
    KioskExternalQuestion => "您在其他银行还有金融资产吗？", "Do you hold financial assets at other banks?";
    KioskExternalHint => "可以跳过。回答后，我们会告诉您把它们转入本行能达到的等级。", "You can skip this. If you answer, we show the tier you would reach by bringing them here.";
    KioskMoneyUnder => "{x}以下", "Under {x}";
    KioskMoneyRange => "{lo}（含）至{hi}", "{lo} to under {hi}";
    KioskMoneyAtLeast => "{x}及以上", "{x} or more";
    KioskAgeUnder => "{n}岁以下", "Under {n}";
    KioskAgeRange => "{lo}–{hi}岁", "{lo} to {hi}";
    KioskAgeOne => "{n}岁", "{n}";
    KioskAgeAtLeast => "{n}岁及以上", "{n} or over";
    KioskEducationBelow => "{x}以下", "Below {x}";
    KioskEducationRange => "{lo}至{hi}", "{lo} to {hi}";
    KioskEducationAtLeast => "{x}及以上", "{x} or above";
    KioskPrimary => "小学", "primary school";
    KioskJuniorSecondary => "初中", "junior secondary school";
    KioskSeniorSecondary => "高中/中专", "senior secondary school";
    KioskCollege => "大专", "college";
    KioskBachelor => "本科", "bachelor's degree";
    KioskMaster => "硕士", "master's degree";
    KioskDoctorate => "博士", "doctorate";
    KioskYourTier => "根据您的回答，您是", "From your answers, you are";
    KioskAssumed => "按您所选区间的下限{x}计算；资产更多时，升级所需更少。", "Worked out from the lower end of your band, {x}; if you hold more, you need less to move up.";
    KioskRoute => "今天请到", "Where to go today";
    KioskRoutePrivateBanking => "私人银行中心", "The private-banking centre";
    KioskRoutePrivateBankingText => "您的专属客户经理将在那里接待您。", "Your own relationship manager will receive you there.";
    KioskRouteManager => "财富管理中心", "The wealth-management centre";
    KioskRouteManagerText => "客户经理将为您提供一对一服务。", "A relationship manager will see you one to one.";
    KioskRouteWealthCentre => "理财中心", "The wealth centre";
    KioskRouteWealthCentreText => "理财经理为您提供咨询与办理。", "A wealth adviser will advise you and handle your business.";
    KioskRoutePriority => "优先窗口", "The priority counter";
    KioskRoutePriorityText => "无需与普通客户一起排队。", "You are served ahead of the general queue.";
    KioskRouteSelfService => "自助服务区", "The self-service area";
    KioskRouteSelfServiceText => "自助设备和手机银行可办理大部分业务，大堂经理随时为您提供帮助。", "Machines and mobile banking handle most needs; the lobby manager is there to help.";
    KioskRouteCounter => "普通柜台", "The counter";
    KioskRouteCounterText => "请取号等候叫号。", "Please take a number and wait to be called.";
    KioskRouteCorporate => "公司业务部", "The corporate department";
    KioskRouteCorporateText => "请联系对公客户经理。", "Please ask for a corporate relationship manager.";
    KioskPriority => "优先办理", "Priority service";
    KioskBenefits => "主要权益", "Main benefits";
    KioskNext => "如何升级", "How to move up";
    KioskNextThreshold => "本行金融资产达到{threshold}即可成为{tier}，在您现有资产基础上最多再增加{gap}。", "Reach {threshold} in financial assets with us to become {tier}: at most {gap} more than you hold now.";
    KioskNextAmount => "最多再增加{gap}即可成为{tier}。", "At most {gap} more and you become {tier}.";
    KioskPotential => "他行资产", "Your assets at other banks";
    KioskPotentialMove => "您在他行至少有{ext}；将其中最多{move}转入本行，即可成为{tier}。", "You hold at least {ext} elsewhere; moving at most {move} of it here makes you {tier}.";
    KioskPotentialCounted => "计入您在他行至少{ext}的资产，您可成为{tier}。", "Counting the at least {ext} you hold elsewhere, you would be {tier}.";
    KioskPotentialSame => "您在他行的资产（{band}）还不足以确保更高的等级。", "Your assets at other banks ({band}) are not enough to be sure of a higher tier.";
    KioskAnswers => "您的回答", "Your answers";
    KioskAge => "年龄", "Age";
    KioskEducation => "学历", "Education";
    KioskExternal => "他行金融资产", "Assets at other banks";
    KioskNotAnswered => "未回答", "Not answered";
    KioskEstimate => "这是根据您的回答做出的估算，大堂经理会根据您的账户为您确认。", "This is an estimate from your answers; a lobby manager confirms it from your accounts.";
    KioskStartOver => "重新开始", "Start over";
    KioskError => "无法根据这些回答计算等级，请咨询大堂经理。", "Your tier could not be worked out from these answers; please ask the lobby manager.";
    KioskIdleTitle => "您还在吗？", "Are you still there?";
    KioskIdleText => "为保护您的隐私，屏幕将在{n}秒后清除您的回答。", "To protect your privacy, the screen clears your answers in {n} seconds.";
    KioskIdleLeft => "还剩{n}秒", "{n} seconds left";
    KioskStillHere => "我还在", "I'm still here";
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_message_has_both_languages() {
        for m in Msg::ALL {
            assert!(!t(Locale::ZhCn, *m).trim().is_empty(), "{m:?} zh");
            assert!(!t(Locale::En, *m).trim().is_empty(), "{m:?} en");
        }
    }

    #[test]
    fn tags_round_trip() {
        assert_eq!(Locale::from_tag("zh-CN"), Some(Locale::ZhCn));
        assert_eq!(Locale::from_tag("en-GB"), Some(Locale::En));
        assert_eq!(Locale::from_tag("fr"), None);
        assert_eq!(Locale::from_tag(Locale::En.tag()), Some(Locale::En));
    }
}
