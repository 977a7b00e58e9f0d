//! The studio's own strings in zh-CN and en.

strata_ui::messages! {
    /// Every fixed string the studio shows, keyed by use.
    StudioMsg, st {
    Title => "分层规则工作室", "Tiering studio";
    Privacy => "客户数据只在本浏览器中处理，不会离开本机，也不会保存。", "The portfolio never leaves this browser: it is processed here and never stored.";
    Language => "English", "中文";
    Portfolio => "客户组合", "Portfolio";
    Generate => "生成模拟客户", "Generate a synthetic portfolio";
    Customers => "客户数", "Customers";
    Seed => "随机种子", "Seed";
    LoadFile => "读取 CSV 或 JSONL 文件", "Load a CSV or JSONL file";
    Loading => "正在读取…", "Loading…";
    Loaded => "已载入 {n} 位客户，{bad} 行有误。", "{n} customers loaded, {bad} rows with errors.";
    RowError => "第 {row} 行，{column}：{message}", "Row {row}, {column}: {message}";
    MoreErrors => "另有 {n} 行有误未列出。", "{n} more rows with errors not listed.";
    Rulesets => "规则", "Rulesets";
    Current => "现行规则", "Current ruleset";
    Candidate => "候选规则", "Candidate ruleset";
    EditOfCurrent => "在现行规则上修改", "An edit of the current ruleset";
    CandidateFile => "从文件读取候选规则", "Load a candidate from a file";
    Thresholds => "门槛", "Thresholds";
    Window => "统计口径", "Metric";
    Downgrade => "降级规则", "Downgrade rule";
    DowngradeNever => "不降级", "Never";
    DowngradeWhen => "何时降级", "When";
    AfterReviewsOption => "连续多次评估未达标后", "After reviews below the bar";
    GraceOption => "宽限期满后", "After months of grace";
    ReviewsBelow => "连续未达标的评估次数", "Reviews below the bar";
    GraceMonths => "宽限月数", "Months of grace";
    DowngradeTo => "降至", "Down to";
    OneDown => "下一级", "One tier down";
    ToQualified => "实际达标的等级", "The tier qualified for";
    MinTenure => "最短保级月数", "Minimum months in a tier";
    CurrentFile => "从文件读取现行规则", "Load the current ruleset from a file";
    FromFile => "文件：{id}", "File: {id}";
    FileLoaded => "已读取 {file}（{what}）。", "{file} loaded ({what}).";
    FileRefused => "{file} 中的规则有误，未采用：问题见下方 JSON 检查。", "{file} was not used: its ruleset has problems, listed under the JSON below.";
    RawJson => "候选规则 JSON", "Candidate ruleset JSON";
    Apply => "应用", "Apply";
    NoProblems => "未发现问题。", "No problems found.";
    Comparison => "对比", "Comparison";
    Matrix => "迁移矩阵（现行等级 × 候选等级）", "Migration matrix (current tier × candidate tier)";
    MatrixCell => "{n} 人，{aum}", "{n}, {aum}";
    Export => "导出", "Export";
    ExportCell => "导出 {from} → {to} 的客户", "Export customers {from} → {to}";
    Upgrades => "升级：{n} 人", "Upgrades: {n}";
    Downgrades => "降级：{n} 人", "Downgrades: {n}";
    NotTiered => "无法分层：{n} 人", "Not tiered: {n}";
    Near => "距门槛 5% 以内（低于门槛）", "Within 5 % below each threshold";
    NearLine => "{tier}（{metric} ≥ {value}）：{n} 人", "{tier} ({metric} ≥ {value}): {n}";
    Benefits => "权益变化（按单元格）", "Benefits gained and lost (per cell)";
    Gained => "获得：{list}", "Gained: {list}";
    Lost => "失去：{list}", "Lost: {list}";
    Cost => "权益年度成本", "Yearly cost of benefits";
    CostLine => "现行 {current}，候选 {candidate}", "Current {current}, candidate {candidate}";
    NoCost => "规则未给出权益成本。", "The rulesets give no benefit costs.";
    Histogram => "各等级资产分布（候选规则，竖线为门槛）", "AUM per tier (candidate ruleset; lines mark thresholds)";
    Retiered => "重新分层并完成对比用时 {ms} 毫秒", "Re-tiered and compared in {ms} ms";
    Empty => "请先载入或生成客户组合。", "Load or generate a portfolio first.";
    NoColumn => "（整行）", "(whole row)";
    CsvUnknownColumn => "“{name}”不是 CSV 布局中的列（README 列出了全部列名）", "`{name}` is not a column of the layout (the README lists the CSV columns)";
    CsvDuplicateColumn => "“{column}”列出现了两次", "column `{column}` appears twice";
    CsvNoIdColumn => "表头缺少 id 列", "the header has no `id` column";
    CsvCells => "该行有 {found} 个单元格，表头有 {expected} 个", "the row has {found} cells; the header has {expected}";
    CsvUnclosedQuote => "第 {cell} 个单元格的引号没有闭合（单元格不能跨行）", "cell {cell} opens a quote that the line never closes (a cell may not span lines)";
    CsvTextAfterQuote => "第 {cell} 个单元格在右引号之后还有文字", "cell {cell} has text after its closing quote";
    CsvQuoteInside => "第 {cell} 个单元格中间有引号：请给整个单元格加引号，并把其中的引号写成两个", "cell {cell} has a quote inside it: quote the whole cell and write a quote twice";
    CsvNoId => "每一行都需要客户编号（id）", "every row needs an id";
    CsvNeeds => "填写了“{given}”，也需要填写“{column}”", "`{given}` needs `{column}` too";
    CsvHistoryNeedsTier => "填写 reviews_below 或 below_since 时，需要填写 tier", "`reviews_below` and `below_since` need a tier";
    CsvReasonNeedsManual => "填写 manual_reason 时，需要填写 manual_tier", "`manual_reason` needs a manual tier";
    CsvNotDate => "“{cell}”不是日期，请写成 2026-11-25 的格式（{from}–{to} 年）", "`{cell}` is not a date like 2026-11-25 between {from} and {to}";
    CsvNotMoney => "“{cell}”不是金额，请写成 162500.00 的格式（最多两位小数）", "`{cell}` is not an amount like 162500.00 (two decimals at most)";
    CsvNegative => "“{cell}”是负数，此处金额不能为负", "`{cell}` is negative; amounts here never are";
    CsvNotCount => "“{cell}”不是 0 到 1000 之间的整数", "`{cell}` is not a whole number from 0 to 1000";
    CsvNotFlag => "“{cell}”不是 true、false、1 或 0", "`{cell}` is not true, false, 1 or 0";
    CsvNotEducation => "“{cell}”不是可识别的学历", "`{cell}` is not an education level";
    CsvNotRiskLevel => "“{cell}”不是 C1 至 C5 的风险等级", "`{cell}` is not a risk level C1 to C5";
    CsvAverages => "6 个月日均 {avg6} 不到 3 个月日均 {avg3} 的一半，较早月份的余额将为负数", "a 6-month average of {avg6} under half the 3-month average {avg3} would need negative balances in the older months";
    CsvFutureDate => "{date} 晚于评估日 {as_of}", "{date} is after the as-of date {as_of}";
    CsvTooOld => "按出生日期 {date}，客户在 {as_of} 将超过 {max} 岁", "{date} makes the customer older than {max} on {as_of}";
    CsvUnknownTier => "“{tier}”不是现行规则中的等级", "`{tier}` is not a tier of the current ruleset";
    CsvMissingMetric => "规则中的“{metric}”需要每位客户都填写此列", "the ruleset's `{metric}` needs this column for every customer";
    CsvCurrency => "客户组合按 {portfolio} 载入，此规则使用 {ruleset}：请重新载入", "the portfolio is in {portfolio}; this ruleset needs {ruleset}: load it again";
    CsvBadId => "客户编号不能为空，不能超过 256 个字符，也不能含有控制字符或不可见字符", "the id must not be blank, longer than 256 characters or hold invisible characters";
    }
}

use strata_core::csv::{CsvError, CsvProblem};
use strata_ui::i18n::{Locale, fill};

use crate::load::LoadError;

/// What is wrong in a CSV row, in `l`'s words (core gives the facts, not the sentence).
#[must_use]
pub fn csv_problem(l: Locale, e: &CsvError) -> String {
    use CsvProblem as P;
    let column = e.column.as_deref().unwrap_or_default();
    let one = |m: StudioMsg, k: &str, v: &str| fill(l, m, &[(k, v)]);
    match &e.problem {
        P::UnknownColumn { name } => one(StudioMsg::CsvUnknownColumn, "name", name),
        P::DuplicateColumn => one(StudioMsg::CsvDuplicateColumn, "column", column),
        P::NoIdColumn => st(l, StudioMsg::CsvNoIdColumn).to_owned(),
        P::Cells { found, expected } => fill(
            l,
            StudioMsg::CsvCells,
            &[
                ("found", &found.to_string()),
                ("expected", &expected.to_string()),
            ],
        ),
        P::UnclosedQuote { cell } => one(StudioMsg::CsvUnclosedQuote, "cell", &cell.to_string()),
        P::TextAfterQuote { cell } => one(StudioMsg::CsvTextAfterQuote, "cell", &cell.to_string()),
        P::QuoteInside { cell } => one(StudioMsg::CsvQuoteInside, "cell", &cell.to_string()),
        P::NoId => st(l, StudioMsg::CsvNoId).to_owned(),
        P::Needs { given } => fill(
            l,
            StudioMsg::CsvNeeds,
            &[("given", given), ("column", column)],
        ),
        P::HistoryNeedsTier => st(l, StudioMsg::CsvHistoryNeedsTier).to_owned(),
        P::ReasonNeedsManual => st(l, StudioMsg::CsvReasonNeedsManual).to_owned(),
        P::NotDate { cell } => fill(
            l,
            StudioMsg::CsvNotDate,
            &[
                ("cell", cell),
                ("from", &strata_core::domain::FIRST_YEAR.to_string()),
                ("to", &strata_core::domain::LAST_YEAR.to_string()),
            ],
        ),
        P::NotMoney { cell, .. } => one(StudioMsg::CsvNotMoney, "cell", cell),
        P::Negative { cell } => one(StudioMsg::CsvNegative, "cell", cell),
        P::NotCount { cell } => one(StudioMsg::CsvNotCount, "cell", cell),
        P::NotFlag { cell } => one(StudioMsg::CsvNotFlag, "cell", cell),
        P::NotEducation { cell } => one(StudioMsg::CsvNotEducation, "cell", cell),
        P::NotRiskLevel { cell } => one(StudioMsg::CsvNotRiskLevel, "cell", cell),
        P::Averages { avg3, avg6 } => {
            fill(l, StudioMsg::CsvAverages, &[("avg3", avg3), ("avg6", avg6)])
        }
        P::FutureDate { date, as_of } => fill(
            l,
            StudioMsg::CsvFutureDate,
            &[("date", date), ("as_of", as_of)],
        ),
        P::TooOld { date, as_of } => fill(
            l,
            StudioMsg::CsvTooOld,
            &[
                ("date", date),
                ("as_of", as_of),
                ("max", &strata_core::domain::MAX_AGE.to_string()),
            ],
        ),
        P::UnknownTier { tier } => one(StudioMsg::CsvUnknownTier, "tier", tier),
        P::MissingMetric { metric } => one(StudioMsg::CsvMissingMetric, "metric", metric),
        P::Currency { portfolio, ruleset } => fill(
            l,
            StudioMsg::CsvCurrency,
            &[("portfolio", portfolio), ("ruleset", ruleset)],
        ),
        P::BadId { .. } => st(l, StudioMsg::CsvBadId).to_owned(),
    }
}

/// A refused row's line in the load report.
#[must_use]
pub fn load_error(l: Locale, e: &LoadError) -> String {
    let (row, column, message) = match e {
        LoadError::Csv(e) => (
            e.row,
            e.column
                .clone()
                .unwrap_or_else(|| st(l, StudioMsg::NoColumn).to_owned()),
            csv_problem(l, e),
        ),
        LoadError::Json(row, path, message) => (*row, path.clone(), message.clone()),
    };
    fill(
        l,
        StudioMsg::RowError,
        &[
            ("row", &row.to_string()),
            ("column", &column),
            ("message", &message),
        ],
    )
}
