//! The widget's own strings in zh-CN and en (the ones the faces share come from
//! `strata_ui::i18n`): a table of their own, so the app's binary does not carry them.

strata_ui::messages! {
    /// Every fixed string only the widget shows, keyed by use.
    WidgetMsg, wt {
    Region => "客户等级", "Customer tier";
    TalkToManager => "联系我的客户经理", "Talk to my manager";
    Summary => "{tier}：距离{next}还差{amount}", "{tier}: {amount} to go to {next}";
    }
}
