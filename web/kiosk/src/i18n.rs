//! The kiosk's own strings in zh-CN and en: a table of their own, so the customer app's
//! binary does not carry them; what the faces share is `strata_ui::i18n::Msg`.

strata_ui::messages! {
    /// Every fixed string the kiosk shows, keyed by use.
    KioskMsg, kt {
    Title => "了解您的客户等级", "Find your customer tier";
    Tagline => "回答三个问题，看看您的客户等级、主要权益，以及今天到哪里办理业务。", "Answer three questions to see your customer tier, its main benefits and where to be served today.";
    Start => "点击开始", "Touch to start";
    Privacy => "您的回答只用于本次计算，不会保存；无人操作时屏幕会自动清除。", "Your answers are used for this result only and never stored; the screen clears itself when left alone.";
    Step => "第{n}步，共{total}步", "Step {n} of {total}";
    Optional => "可选问题", "Optional question";
    Back => "上一步", "Back";
    Skip => "跳过", "Skip";
    Chosen => "（已选）", " (chosen)";
    AssetsQuestion => "您在本行的金融资产大约有多少？", "About how much do you hold with us in financial assets?";
    AssetsHint => "包括存款、理财、基金、债券、保险等，不含贷款。", "Deposits, wealth products, funds, bonds, insurance and the like; not loans.";
    AgeQuestion => "您的年龄是？", "How old are you?";
    AgeHint => "部分等级面向年轻客户。", "Some tiers are for young customers.";
    EducationQuestion => "您的最高学历是？", "What is your highest level of education?";
    EducationHint => "潜力客户等级面向受过高等教育的年轻客户。", "The potential tier is for young customers with a college education.";
    ExternalQuestion => "您在其他银行还有金融资产吗？", "Do you hold financial assets at other banks?";
    ExternalHint => "可以跳过。回答后，我们会告诉您把它们转入本行能达到的等级。", "You can skip this. If you answer, we show the tier you would reach by bringing them here.";
    MoneyUnder => "{x}以下", "Under {x}";
    MoneyRange => "{lo}（含）至{hi}", "{lo} to under {hi}";
    MoneyAtLeast => "{x}及以上", "{x} or more";
    AgeUnder => "{n}岁以下", "Under {n}";
    AgeRange => "{lo}–{hi}岁", "{lo} to {hi}";
    AgeOne => "{n}岁", "{n}";
    AgeAtLeast => "{n}岁及以上", "{n} or over";
    EducationBelow => "{x}以下", "Below {x}";
    EducationRange => "{lo}至{hi}", "{lo} to {hi}";
    EducationAtLeast => "{x}及以上", "{x} or above";
    Primary => "小学", "primary school";
    JuniorSecondary => "初中", "junior secondary school";
    SeniorSecondary => "高中/中专", "senior secondary school";
    College => "大专", "college";
    Bachelor => "本科", "bachelor's degree";
    Master => "硕士", "master's degree";
    Doctorate => "博士", "doctorate";
    YourTier => "根据您的回答，您是", "From your answers, you are";
    Assumed => "按您所选区间的下限{x}计算；资产更多时，升级所需更少。", "Worked out from the lower end of your band, {x}; if you hold more, you need less to move up.";
    AssumedTop => "按您所选区间的下限{x}计算。", "Worked out from the lower end of your band, {x}.";
    Route => "今天请到", "Where to go today";
    RoutePrivateBanking => "私人银行中心", "The private-banking centre";
    RoutePrivateBankingText => "您的专属客户经理将在那里接待您。", "Your own relationship manager will receive you there.";
    RouteManager => "财富管理中心", "The wealth-management centre";
    RouteManagerText => "客户经理将为您提供一对一服务。", "A relationship manager will see you one to one.";
    RouteWealthCentre => "理财中心", "The wealth centre";
    RouteWealthCentreText => "理财经理为您提供咨询与办理。", "A wealth adviser will advise you and handle your business.";
    RoutePriority => "优先窗口", "The priority counter";
    RoutePriorityText => "无需与普通客户一起排队。", "You are served ahead of the general queue.";
    RouteSelfService => "自助服务区", "The self-service area";
    RouteSelfServiceText => "自助设备和手机银行可办理大部分业务，大堂经理随时为您提供帮助。", "Machines and mobile banking handle most needs; the lobby manager is there to help.";
    RouteCounter => "普通柜台", "The counter";
    RouteCounterText => "请取号等候叫号。", "Please take a number and wait to be called.";
    RouteCorporate => "公司业务部", "The corporate department";
    RouteCorporateText => "请联系对公客户经理。", "Please ask for a corporate relationship manager.";
    Priority => "优先办理", "Priority service";
    Benefits => "主要权益", "Main benefits";
    Next => "如何升级", "How to move up";
    NextBar => "本行金融资产达到{bar}即可成为{tier}，在您现有资产基础上最多再增加{gap}。", "Reach {bar} in financial assets with us to become {tier}: at most {gap} more than you hold now.";
    NextAmount => "最多再增加{gap}即可成为{tier}。", "At most {gap} more and you become {tier}.";
    Potential => "他行资产", "Your assets at other banks";
    PotentialMove => "您在他行至少有{ext}；将其中最多{move}转入本行，即可成为{tier}。", "You hold at least {ext} elsewhere; moving at most {move} of it here makes you {tier}.";
    PotentialCounted => "计入您在他行至少{ext}的资产，您可成为{tier}。", "Counting the at least {ext} you hold elsewhere, you would be {tier}.";
    PotentialSame => "您在他行的资产为{band}，还不足以确保更高的等级。", "Your assets at other banks, {band}, are not enough to be sure of a higher tier.";
    Answers => "您的回答", "Your answers";
    Age => "年龄", "Age";
    Education => "学历", "Education";
    External => "他行金融资产", "Assets at other banks";
    NotAnswered => "未回答", "Not answered";
    Estimate => "这是根据您的回答做出的估算，大堂经理会根据您的账户为您确认。", "This is an estimate from your answers; a lobby manager confirms it from your accounts.";
    StartOver => "重新开始", "Start over";
    Error => "无法根据这些回答计算等级，请咨询大堂经理。", "Your tier could not be worked out from these answers; please ask the lobby manager.";
    IdleTitle => "您还在吗？", "Are you still there?";
    IdleText => "为保护您的隐私，屏幕将在{n}秒后清除您的回答。", "To protect your privacy, the screen clears your answers in {n} seconds.";
    IdleLeft => "还剩{n}秒", "{n} seconds left";
    StillHere => "我还在", "I'm still here";
    LargeText => "大字", "Large text";
    NoneElsewhere => "没有", "None";
    TakeAway => "扫码带走结果", "Take your result with you";
    TakeAwayText => "用手机扫描二维码，查看该等级的全部权益。", "Scan the code with your phone to see everything this tier brings.";
    TakeAwayPrivacy => "二维码只含等级和权益页面地址，不含您的回答和金额。", "The code holds only the tier and the page's address: none of your answers or amounts.";
    QrLabel => "二维码：该等级的权益页面", "QR code: this tier's benefits page";
    }
}
