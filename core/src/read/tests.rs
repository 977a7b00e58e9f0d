//! The reader's unit tests.

use super::*;
use crate::Dec;
use chrono::NaiveDate;
use std::collections::BTreeMap;

fn err(text: &str) -> (String, String) {
    let e = parse(text).expect_err("invalid");
    (e.path, e.message)
}

fn check(text: &str, path: &str, message: &str) {
    let (p, m) = err(text);
    assert_eq!(p, path, "{text}: {m}");
    assert!(m.starts_with(message), "{text}: {m}");
}

#[test]
fn parses_every_kind_of_value() {
    let v = parse(r#" { "a": [1, -2.5e3, true, false, null, "x"], "b": {} , "c": [] } "#)
        .expect("valid");
    let Json::Object(m) = v else { panic!("object") };
    assert_eq!(m[0].0, "a");
    assert_eq!(
        m[0].1,
        Json::Array(vec![
            Json::Number("1"),
            Json::Number("-2.5e3"),
            Json::Bool(true),
            Json::Bool(false),
            Json::Null,
            Json::String("x".into()),
        ])
    );
    assert_eq!(m[1].1, Json::Object(vec![]));
    assert_eq!(m[2].1, Json::Array(vec![]));
}

#[test]
fn numbers_are_kept_as_written() {
    let big = "123456789012345678901234567890123456789";
    assert_eq!(parse(big), Ok(Json::Number(big)));
    assert_eq!(
        parse("0.10000000000000000001"),
        Ok(Json::Number("0.10000000000000000001"))
    );
    let d: Dec = from_str("\"123456789012345.123456\"").expect("decimal");
    assert_eq!(d.to_string(), "123456789012345.123456");
    let e = from_str::<Dec>("\"1234567890123456\"").expect_err("16 digits");
    assert!(e.message.contains("at most 15"), "{e}");
    let e = from_str::<Dec>("\"1.1234567\"").expect_err("7 decimals");
    assert!(e.message.contains("at most 6"), "{e}");
    let d: Dec = from_str("999999999999999").expect("the largest whole number");
    assert_eq!(d.to_string(), "999999999999999");
    let d: Dec = from_str("-999999999999999").expect("and its negative");
    assert_eq!(d.to_string(), "-999999999999999");
    let d: Dec = from_str("1e3").expect("whole");
    assert_eq!(d.to_string(), "1000");
    let d: Dec = from_str("-0").expect("zero");
    assert_eq!(d.to_string(), "0");
    for (n, d) in [
        ("5.0", "5"),
        ("-1.50e2", "-150"),
        ("9.99999999999999e14", "999999999999999"),
        ("12000e-3", "12"),
        ("0.000e99999999999999999999", "0"),
    ] {
        assert_eq!(
            from_str::<Dec>(n).map(|d| d.to_string()),
            Ok(d.to_owned()),
            "{n}"
        );
    }
    for n in ["0.1", "1e-1", "12001e-3", "1e-99999999999999999999"] {
        let e = from_str::<Dec>(n).expect_err(n);
        assert!(
            e.message.contains("found a number with a fraction"),
            "{n}: {e}"
        );
    }
    // 10^15 and beyond are refused, which also covers 2^53 and what `JSON.stringify`
    // makes of 12345678901234567890123 (digits already lost).
    for n in [
        "1000000000000000",
        "-1000000000000000",
        "9007199254740992",
        "1.2345678901234568e+22",
        "1E+21",
        "79228162514264337593543950336",
        "1e99999999999999999999",
    ] {
        let e = from_str::<Dec>(n).expect_err(n);
        assert!(e.message.contains("values are below 10^15"), "{n}: {e}");
    }
    // A long number is cut in the message.
    let long = format!("1{}", "0".repeat(10_000));
    let e = from_str::<Dec>(&long).expect_err("long");
    assert!(e.message.len() < 200, "{}", e.message.len());
}

#[test]
fn paths_quote_odd_keys_as_json_would() {
    let root = Path::Root;
    let tiers = root.key("tiers");
    let second = tiers.index(2);
    assert_eq!(
        second.key("min aum").to_string(),
        r#"$.tiers[2]["min aum"]"#
    );
    assert_eq!(root.key("a\u{1}\"b\\").to_string(), r#"$["a\u0001\"b\\"]"#);
    assert_eq!(root.key("中文").to_string(), r#"$["中文"]"#);
}

#[test]
fn counts_say_what_is_wrong() {
    let read = |n: &str| u32::read(&Json::Number(n), &Path::Root).map_err(|e| e.message);
    assert_eq!(read("42"), Ok(42));
    assert_eq!(
        read("1e2"),
        Err("expected a whole number in plain digits, found 1e2".to_owned())
    );
    assert_eq!(
        read("-1"),
        Err("expected a whole number from 0 to 4294967295, found -1".to_owned())
    );
}

#[test]
fn strings_unescape() {
    assert_eq!(
        from_str::<String>(r#""a\"b\\c\/d\b\f\n\r\t\u00e9\u4e2d""#),
        Ok("a\"b\\c/d\u{8}\u{c}\n\r\té中".to_owned())
    );
    assert_eq!(from_str::<String>(r#""\ud83d\ude00""#), Ok("😀".to_owned()));
    assert_eq!(from_str::<String>("\"中文 ok\""), Ok("中文 ok".to_owned()));
    check(r#""\ud83d""#, "$", "lone surrogate");
    check(r#""\ud83dx""#, "$", "lone surrogate");
    check(r#""\ud83d\u0041""#, "$", "lone surrogate");
    check(r#""\ude00""#, "$", "lone surrogate");
    check(r#""\u12""#, "$", "`\\u` must be followed by 4 hex digits");
    check(r#""\u+123""#, "$", "`\\u` must be followed by 4 hex digits");
    check(r#""\x""#, "$", "invalid escape");
    check("\"a\nb\"", "$", "control character");
    check(r#"{"a": "open"#, "$.a", "unterminated string");
    check(r#"{"a": "ok\"#, "$.a", "unterminated string");
}

#[test]
fn every_syntax_error_names_its_place() {
    check(
        "",
        "$",
        "expected a value, found the end of the input at line 1, column 1",
    );
    check(
        "not json",
        "$",
        "expected a value, found `not` at line 1, column 1",
    );
    check("nul", "$", "expected a value, found `nul`");
    check("nullx", "$", "expected a value");
    check(
        "{} x",
        "$",
        "unexpected text after the JSON value at line 1, column 4",
    );
    check(r#"{"a": 1,}"#, "$", "trailing comma before `}`");
    check(r#"{"a": [1,]}"#, "$.a", "trailing comma before `]`");
    check(
        r#"{"a": [1 2]}"#,
        "$.a[0]",
        "expected `,` or `]`, found `2`",
    );
    check(r#"{"a": 1 "b": 2}"#, "$.a", "expected `,` or `}`");
    check(r#"{"a" 1}"#, "$.a", "expected `:` after the key, found `1`");
    check("{a: 1}", "$", "expected a string key, found `a`");
    check(r#"{"a": {"b": }}"#, "$.a.b", "expected a value, found `}`");
    check("[01]", "$[0]", "invalid number: no leading zeros");
    check("[1.]", "$[0]", "expected a digit after `.`");
    check("[-]", "$[0]", "expected a digit, found `]`");
    check("[1e]", "$[0]", "expected a digit in the exponent");
    check("[.5]", "$[0]", "expected a value, found `.`");
    check("[+1]", "$[0]", "expected a value, found `+`");
    check("// no\n{}", "$", "expected a value, found `/`");
    check(
        "{\n  \"a\": [\n    1,\n    x\n  ]\n}",
        "$.a[1]",
        "expected a value, found `x` at line 4, column 5",
    );
    check(
        "{\"名前\": ?}",
        "$[\"名前\"]",
        "expected a value, found `?` at line 1, column 8",
    );
}

#[test]
fn duplicate_keys_are_refused() {
    check(
        r#"{"a": 1, "a": 2}"#,
        "$.a",
        "duplicate key `a` at line 1, column 10",
    );
    check(
        r#"{"x": {"b": 1, "c": 2, "b": 3}}"#,
        "$.x.b",
        "duplicate key `b`",
    );
    let many: Vec<String> = (0..40).map(|i| format!("\"k{i}\": {i}")).collect();
    let text = format!("{{{}, \"k33\": 0}}", many.join(", "));
    check(&text, "$.k33", "duplicate key `k33`");
    assert!(parse(&format!("{{{}}}", many.join(", "))).is_ok());
}

#[test]
fn nesting_is_limited() {
    let ok = format!("{}{}", "[".repeat(MAX_DEPTH), "]".repeat(MAX_DEPTH));
    assert!(parse(&ok).is_ok());
    let deep = format!("{}{}", "[".repeat(MAX_DEPTH + 1), "]".repeat(MAX_DEPTH + 1));
    let (p, m) = err(&deep);
    assert!(m.starts_with("nested more than 128 levels deep"), "{m}");
    assert!(p.starts_with("$[0][0]"), "{p}");
    let hostile = "[".repeat(1_000_000);
    assert!(parse(&hostile).is_err());
    let objects = "{\"a\":".repeat(200);
    assert!(err(&objects).1.starts_with("nested more than"));
}

#[test]
fn size_is_limited() {
    let fits = format!("\"{}\"", "a".repeat(MAX_BYTES - 2));
    assert!(parse(&fits).is_ok());
    let over = format!("\"{}\"", "a".repeat(MAX_BYTES - 1));
    let (p, m) = err(&over);
    assert_eq!(p, "$");
    assert_eq!(
        m,
        "the document is 4194305 bytes; at most 4194304 (4 MiB) are read"
    );
}

#[test]
fn typed_reads_name_the_field() {
    let e = from_str::<Vec<u32>>("[1, -1]").expect_err("negative");
    assert_eq!(
        (e.path.as_str(), e.message.as_str()),
        (
            "$[1]",
            "expected a whole number from 0 to 4294967295, found -1"
        )
    );
    let e = from_str::<Vec<u32>>(r#"[1, "2"]"#).expect_err("string");
    assert_eq!(
        e.to_string(),
        "$[1]: expected a whole number, found a string"
    );
    let e = from_str::<String>("1.5").expect_err("number");
    assert_eq!(
        e.message,
        "expected a string, found a number with a fraction"
    );
    let e = from_str::<BTreeMap<String, Dec>>(r#"{"a b": 0.5}"#).expect_err("fraction");
    assert_eq!(e.path, "$[\"a b\"]");
    assert!(e.message.contains("decimal string"), "{}", e.message);
    assert_eq!(from_str::<Option<bool>>("null"), Ok(None));
    let e = from_str::<NaiveDate>(r#""2026-02-30""#).expect_err("no such day");
    assert_eq!(
        e.message,
        "`2026-02-30` is not a date like \"2026-11-25\" between 1900 and 2200"
    );
    for out in ["1899-12-31", "2201-01-01", "0000-01-01", "9999-12-31"] {
        assert_eq!(parse_date(out), None, "{out}");
    }
    assert_eq!(
        parse_date("2026-11-25"),
        NaiveDate::from_ymd_opt(2026, 11, 25)
    );
    for bad in [
        "2026-1-25",
        "+2026-11-2",
        "2026/11/25",
        "2026-11-25 ",
        "２０２６-11-25",
    ] {
        assert_eq!(parse_date(bad), None, "{bad}");
    }
}

fn doc_err<T: FromJson + fmt::Debug>(text: &str) -> (String, String) {
    let e = from_str::<T>(text).expect_err("invalid");
    (e.path, e.message)
}

#[test]
fn documents_name_the_field_at_fault() {
    use crate::Profile;
    use crate::ruleset::{Criterion, Schedule, Source};
    let p = |t: &str| doc_err::<Profile>(t);
    assert_eq!(
        p(r#"{"id":"a","nick":"x"}"#),
        (
            "$.nick".into(),
            "unknown field `nick`; expected one of `id`, `birth_date`, \
          `education`, `occupation`, `risk`, `holdings`, `external_assets`, `monthly`, \
          `tier_history`, `manual_assignment`, `attributes`, `interests`, `offers`, \
          `cash_flows`, `guardian`, `annual_income`, `investment_experience_years`, \
          `fx_rates`, `household`"
                .into()
        )
    );
    assert_eq!(
        p(r#"{"id":"a","holdings":[{"product":"x"}]}"#),
        (
            "$.holdings[0].family".into(),
            "missing field `family`".into()
        )
    );
    assert_eq!(p("{}"), ("$.id".into(), "missing field `id`".into()));
    assert_eq!(
        p(r#"{"id":7}"#),
        ("$.id".into(), "expected a string, found a number".into())
    );
    assert_eq!(
        p(r#"{"id":"a","holdings":null}"#),
        ("$.holdings".into(), "expected an array, found null".into())
    );
    assert_eq!(
        p(r#"{"id":"a","education":"phd"}"#),
        (
            "$.education".into(),
            "unknown value `phd`; expected one of `primary`, \
          `junior_secondary`, `senior_secondary`, `college`, `bachelor`, `master`, \
          `doctorate`"
                .into()
        )
    );
    assert_eq!(
        p(r#"{"id":"a","holdings":[{"product":"x","family":"deposit","balance":1.5}]}"#).0,
        "$.holdings[0].balance"
    );
    assert_eq!(
        p(r#"{"id":"a","monthly":[{"month":"2026-13","avg_daily":{}}]}"#),
        (
            "$.monthly[0].month".into(),
            "`2026-13` is not a month like \"2026-10\" between 1900 and 2200".into()
        )
    );
    assert_eq!(
        p(r#"{"id":"a","monthly":[{"month":"2026-10","avg_daily":{"gold":"1"}}]}"#).0,
        "$.monthly[0].avg_daily.gold"
    );
    assert_eq!(
        p(r#"{"id":"a","attributes":{"x":"1","x":"2"}}"#).0,
        "$.attributes.x"
    );
    // Absent and null optional fields are both absent.
    let ok = from_str::<Profile>(r#"{"id":"a","education":null,"birth_date":null}"#);
    assert_eq!(ok.map(|p| p.education), Ok(None));

    assert_eq!(
        doc_err::<Schedule>(r#"{"type":"yearly"}"#),
        (
            "$.type".into(),
            "unknown value `yearly`; expected one of `monthly`, `dates`".into()
        )
    );
    assert_eq!(doc_err::<Schedule>(r#"{"dates":[]}"#).0, "$.type");
    assert_eq!(
        doc_err::<Schedule>(r#"{"type":"monthly","dates":[]}"#).0,
        "$.dates"
    );
    assert_eq!(
        from_str::<Schedule>(r#"{"type":"dates","dates":["06-30"]}"#),
        Ok(Schedule::Dates {
            dates: vec!["06-30".into()]
        })
    );
    assert_eq!(
        from_str::<Source>(r#"{"fee_income":{"months":3}}"#),
        Ok(Source::FeeIncome { months: 3 })
    );
    assert_eq!(
        doc_err::<Source>(r#"{"fee_income":{"months":3,"x":1}}"#).0,
        "$.fee_income.x"
    );
    assert_eq!(doc_err::<Source>(r#"{"salary":{}}"#).0, "$.salary");
    assert_eq!(
        doc_err::<Source>(r#"{"metric":"a","fee_income":{"months":1}}"#).0,
        "$"
    );
    assert_eq!(
        doc_err::<Criterion>(r#"{"metric":"aum","op":">="}"#),
        (
            "$".into(),
            "a comparison needs `metric`, `op` and `value`".into()
        )
    );
    assert_eq!(
        doc_err::<Criterion>(r#"{"all":[{"metric":"aum","op":"=>","value":"1"}]}"#).0,
        "$.all[0].op"
    );
    assert!(from_str::<Criterion>(r#"{"metric":"education","op":">=","value":"college"}"#).is_ok());
    assert_eq!(
        doc_err::<Criterion>(r#"{"metric":"aum","op":">=","value":0.5}"#).0,
        "$.value"
    );
}

#[test]
fn paths_quote_unusual_keys() {
    let root = Path::Root;
    let a = root.key("holdings");
    let b = a.index(2);
    let c = b.key("a.b");
    assert_eq!(c.to_string(), "$.holdings[2][\"a.b\"]");
    assert_eq!(root.key("").to_string(), "$[\"\"]");
}
