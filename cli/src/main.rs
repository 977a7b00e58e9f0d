//! `strata`: evaluate profiles in batch, lint rulesets, print JSON Schemas.
//!
//! The engine is pure; this binary owns the I/O and the clock (today is the default as-of date).

use std::fs;
use std::io::{self, BufRead, BufReader, BufWriter, Write};
use std::process::ExitCode;

use chrono::NaiveDate;
use clap::{Parser, Subcommand, ValueEnum};
use strata_core::lint::{Finding, Severity, lint};
use strata_core::recommend::Options;
use strata_core::{
    Engine, Profile, Ruleset, RulesetErrors, catalogs, parse_catalog, parse_ruleset, rulesets,
};

#[derive(Parser)]
#[command(
    name = "strata",
    version,
    about = "Customer tiering: evaluate, lint, schema"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Evaluate profiles (JSON Lines, one profile per line) and write one evaluation per line.
    Evaluate {
        /// Ruleset file, or a shipped ruleset id (cn-retail, cn-star, cn-corporate, us-rewards).
        #[arg(long, short)]
        ruleset: String,
        /// Product catalog file; a shipped ruleset uses its default catalog unless `--no-catalog`.
        #[arg(long, short)]
        catalog: Option<String>,
        /// Evaluate tiers only, without recommendations.
        #[arg(long, conflicts_with = "catalog")]
        no_catalog: bool,
        /// Offers per customer (default: the catalog's).
        #[arg(long)]
        top_n: Option<u32>,
        /// Also list every product not recommended, with the rule that excluded it.
        #[arg(long)]
        explain: bool,
        /// Evaluation date, YYYY-MM-DD (default: today).
        #[arg(long)]
        as_of: Option<NaiveDate>,
        /// Profiles file (JSON Lines); `-` or nothing reads standard input.
        profiles: Option<String>,
    },
    /// Check a ruleset: every validation problem, gaps, overlaps and unreachable tiers.
    Lint {
        /// Ruleset file or shipped id.
        ruleset: String,
        /// Also check a product catalog against the ruleset (file path).
        #[arg(long, short)]
        catalog: Option<String>,
        /// Print findings as JSON.
        #[arg(long)]
        json: bool,
    },
    /// Print the JSON Schema of a document.
    Schema {
        /// Which document.
        #[arg(value_enum)]
        document: Document,
    },
}

#[derive(Clone, Copy, ValueEnum)]
enum Document {
    Ruleset,
    Catalog,
    Profile,
    Evaluation,
}

fn main() -> ExitCode {
    match run(Cli::parse()) {
        Ok(code) => code,
        Err(message) => {
            eprintln!("strata: {message}");
            ExitCode::from(2)
        }
    }
}

fn run(cli: Cli) -> Result<ExitCode, String> {
    match cli.command {
        Command::Evaluate {
            ruleset,
            catalog,
            no_catalog,
            top_n,
            explain,
            as_of,
            profiles,
        } => {
            let mut engine =
                Engine::new(load_ruleset(&ruleset)?).map_err(|e| ruleset_message(&ruleset, &e))?;
            let catalog_text = match (&catalog, no_catalog) {
                (_, true) => None,
                (Some(path), false) => {
                    Some(fs::read_to_string(path).map_err(|e| format!("{path}: {e}"))?)
                }
                (None, false) => catalogs::json(&ruleset).map(str::to_owned),
            };
            if let Some(text) = catalog_text {
                let name = catalog.as_deref().unwrap_or("default catalog");
                let parsed = parse_catalog(&text).map_err(|e| ruleset_message(name, &e))?;
                engine = engine
                    .with_catalog(parsed)
                    .map_err(|e| ruleset_message(name, &e))?;
            }
            let options = Options { top_n, explain };
            let as_of = as_of.unwrap_or_else(|| chrono::Local::now().date_naive());
            let input: Box<dyn BufRead> = match profiles.as_deref() {
                None | Some("-") => Box::new(io::stdin().lock()),
                Some(path) => Box::new(BufReader::new(
                    fs::File::open(path).map_err(|e| format!("{path}: {e}"))?,
                )),
            };
            evaluate(&engine, as_of, &options, input)
        }
        Command::Lint {
            ruleset,
            catalog,
            json,
        } => {
            let rs = load_ruleset(&ruleset)?;
            let mut findings = lint(&rs);
            if let Some(path) = catalog {
                let text = fs::read_to_string(&path).map_err(|e| format!("{path}: {e}"))?;
                let checked = parse_catalog(&text).and_then(|c| {
                    Engine::new(rs.clone()).and_then(|engine| engine.with_catalog(c))
                });
                if let Err(errors) = checked {
                    findings.extend(errors.0.iter().map(|e| Finding {
                        severity: Severity::Error,
                        kind: e.kind().to_owned(),
                        path: format!("{path}: {}", e.path()),
                        message: e.to_string(),
                    }));
                }
            }
            if json {
                println!("{}", to_json(&findings)?);
            } else if findings.is_empty() {
                println!("{ruleset}: no findings");
            } else {
                for f in &findings {
                    let sev = match f.severity {
                        Severity::Error => "error",
                        Severity::Warning => "warning",
                        Severity::Info => "info",
                    };
                    println!("{sev}[{}] {}: {}", f.kind, f.path, f.message);
                }
            }
            let failed = findings.iter().any(|f| f.severity == Severity::Error);
            Ok(if failed {
                ExitCode::FAILURE
            } else {
                ExitCode::SUCCESS
            })
        }
        Command::Schema { document } => {
            let name = match document {
                Document::Ruleset => "ruleset",
                Document::Catalog => "catalog",
                Document::Profile => "profile",
                Document::Evaluation => "evaluation",
            };
            let schema = strata_core::schema::schema(name).ok_or("no schema")?;
            println!(
                "{}",
                serde_json::to_string_pretty(&schema).map_err(|e| e.to_string())?
            );
            Ok(ExitCode::SUCCESS)
        }
    }
}

/// Evaluates each line; a bad line is reported on stderr with its number and skipped.
fn evaluate(
    engine: &Engine,
    as_of: NaiveDate,
    options: &Options,
    input: Box<dyn BufRead>,
) -> Result<ExitCode, String> {
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let (mut ok, mut bad) = (0usize, 0usize);
    for (n, line) in input.lines().enumerate() {
        let line = line.map_err(|e| format!("reading line {}: {e}", n + 1))?;
        if line.trim().is_empty() {
            continue;
        }
        let result =
            Profile::from_json(&line).and_then(|p| engine.evaluate_with(&p, as_of, options));
        match result {
            Ok(eval) => {
                serde_json::to_writer(&mut out, &eval).map_err(|e| e.to_string())?;
                out.write_all(b"\n").map_err(|e| e.to_string())?;
                ok += 1;
            }
            Err(errors) => {
                bad += 1;
                let report = serde_json::json!({ "line": n + 1, "errors": errors });
                eprintln!("{report}");
            }
        }
    }
    out.flush().map_err(|e| e.to_string())?;
    eprintln!("strata: {ok} evaluated, {bad} rejected");
    Ok(if bad == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    })
}

fn load_ruleset(arg: &str) -> Result<Ruleset, String> {
    let text = match rulesets::json(arg) {
        Some(json) => json.to_owned(),
        None => fs::read_to_string(arg)
            .map_err(|e| format!("{arg}: {e} (nor is it a shipped ruleset id)"))?,
    };
    parse_ruleset(&text).map_err(|e| ruleset_message(arg, &e))
}

fn ruleset_message(arg: &str, e: &RulesetErrors) -> String {
    format!("{arg}: {e}")
}

fn to_json<T: serde::Serialize>(v: &T) -> Result<String, String> {
    serde_json::to_string_pretty(v).map_err(|e| e.to_string())
}
