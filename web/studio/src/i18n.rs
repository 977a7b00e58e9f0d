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
    DowngradeReviews => "连续 {n} 次评估未达标后降级", "After {n} reviews below";
    DowngradeGrace => "宽限 {n} 个月后降级", "After {n} months' grace";
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
    Retiered => "重新分层用时 {ms} 毫秒", "Re-tiered in {ms} ms";
    Empty => "请先载入或生成客户组合。", "Load or generate a portfolio first.";
    }
}
