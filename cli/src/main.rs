//! `strata`: evaluate profiles in batch, lint rulesets, print JSON Schemas.
//!
//! The engine is pure; this binary owns the I/O and the clock (today is the default as-of date).
//! Output goes through a locked stdout whose errors are returned, never `println!`, so a reader
//! that stops early (`| head`) ends the command quietly instead of with a panic.

mod evaluate;
mod guard;
mod lines;

use std::fs::File;
use std::io::{self, BufReader, BufWriter, ErrorKind, Read, Write};
use std::process::ExitCode;

use chrono::NaiveDate;
use clap::{Parser, Subcommand, ValueEnum};
use strata_core::json::MAX_BYTES;
use strata_core::lint::{Finding, Severity, lint};
use strata_core::recommend::{Audience, Options};
use strata_core::{
    CatalogChoice, Engine, Ruleset, RulesetErrors, parse_catalog, parse_ruleset, rulesets,
};

/// The exit statuses, for `--help`.
const EXIT_STATUS: &str = "\
Exit status:
  0  all good: every line evaluated, or no lint errors; also when the reader of
     the output stops early (`| head`)
  1  some lines rejected, each reported on stderr (lint: errors found)
  2  usage error; unreadable or invalid ruleset or catalog; unreadable input or
     unwritable output";

/// Input read through this many bytes at a time.
const IN_BUFFER: usize = 64 * 1024;

#[derive(Parser)]
#[command(
    name = "strata",
    version,
    about = "Customer tiering: evaluate, lint, schema",
    after_help = EXIT_STATUS
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Evaluate profiles (JSON Lines, one profile per line) and write one evaluation per line.
    ///
    /// A line that cannot be evaluated (over 4 MiB, not UTF-8, not a valid profile) is
    /// reported on stderr as {"line": N, "errors": [{"type", "path", "message"}]} and the
    /// rest go on; a summary line ends stderr.
    #[command(after_help = EXIT_STATUS)]
    Evaluate {
        /// Ruleset file, or a shipped ruleset id (cn-retail, cn-retail-5k, cn-star, cn-corporate,
        /// us-rewards).
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
        /// Evaluation date, YYYY-MM-DD between 1900 and 2200 (default: today).
        #[arg(long, value_parser = as_of_date)]
        as_of: Option<NaiveDate>,
        /// Who the evaluations are for: `staff` (everything, the default here) or `customer`
        /// (no staff-only field: value score, churn alarm, offers' scores and levers).
        #[arg(long, value_enum, default_value_t = AudienceArg::Staff)]
        audience: AudienceArg,
        /// What each output line holds: `full` (the whole evaluation) or `tier` (one compact
        /// line: id, tier, qualified, target tier and amount, potential, retention, reason
        /// codes, offers' ids).
        #[arg(long, value_enum, default_value_t = OutputArg::Full)]
        output: OutputArg,
        /// How the input is written: `jsonl` (one profile per line) or `csv` (a header row,
        /// then one customer per row in the README's column layout). Default: `csv` for a
        /// file ending in `.csv`, `jsonl` otherwise.
        #[arg(long, value_enum)]
        input: Option<InputArg>,
        /// Worker threads (default: one per core).
        #[arg(long, value_parser = clap::value_parser!(u16).range(1..=1024))]
        jobs: Option<u16>,
        /// Profiles file (JSON Lines or CSV); `-` or nothing reads standard input.
        profiles: Option<String>,
    },
    /// Check a ruleset: every validation problem, gaps, overlaps and unreachable tiers.
    #[command(after_help = EXIT_STATUS)]
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

/// `--audience`.
#[derive(Clone, Copy, ValueEnum)]
enum AudienceArg {
    Staff,
    Customer,
}

/// `--output`.
#[derive(Clone, Copy, ValueEnum)]
enum OutputArg {
    Full,
    Tier,
}

/// `--input`.
#[derive(Clone, Copy, ValueEnum)]
enum InputArg {
    Jsonl,
    Csv,
}

/// Reads `--as-of` with the engine's own date reader (its domain: 1900–2200).
fn as_of_date(s: &str) -> Result<NaiveDate, String> {
    strata_core::json::parse_date(s)
        .ok_or_else(|| format!("`{s}` is not a date like 2026-11-25 between 1900 and 2200"))
}

#[derive(Clone, Copy, ValueEnum)]
enum Document {
    Ruleset,
    Catalog,
    Profile,
    Evaluation,
}

/// Why a command stopped before its end.
enum Stop {
    /// Stdout's reader closed it (`| head`): nothing more is wanted, so the exit is quiet.
    Closed,
    /// A usage, input or output problem, reported with exit status 2.
    Fail(String),
}

impl From<String> for Stop {
    fn from(message: String) -> Self {
        Stop::Fail(message)
    }
}

/// A failed write to stdout: a closed pipe ends quietly, anything else is reported.
fn output_error(e: &io::Error) -> Stop {
    if e.kind() == ErrorKind::BrokenPipe {
        Stop::Closed
    } else {
        Stop::Fail(format!("writing the output: {e}"))
    }
}

/// Writes `text` to stderr in one piece; if stderr itself is gone there is nowhere to report.
fn to_stderr(text: &str) {
    let _ = io::stderr().lock().write_all(text.as_bytes());
}

fn main() -> ExitCode {
    match run(Cli::parse()) {
        Ok(code) => code,
        Err(Stop::Closed) => ExitCode::SUCCESS,
        Err(Stop::Fail(message)) => {
            to_stderr(&format!("strata: {message}\n"));
            ExitCode::from(2)
        }
    }
}

fn run(cli: Cli) -> Result<ExitCode, Stop> {
    match cli.command {
        Command::Evaluate {
            ruleset,
            catalog,
            no_catalog,
            top_n,
            explain,
            audience,
            as_of,
            output,
            input,
            jobs,
            profiles,
        } => {
            // One way to assemble an engine, as every face does: the shipped catalog for the
            // ruleset's id where it fits, unless a file or `--no-catalog` says otherwise.
            let choice = match (&catalog, no_catalog) {
                (_, true) => CatalogChoice::None,
                (Some(path), false) => CatalogChoice::Given(Box::new(
                    parse_catalog(&read_document(path, "")?)
                        .map_err(|e| ruleset_message(path, &e))?,
                )),
                (None, false) => CatalogChoice::Shipped,
            };
            let engine = Engine::assemble(load_ruleset(&ruleset)?, choice).map_err(|e| {
                let name = match e.document {
                    strata_core::Document::Ruleset => ruleset.as_str(),
                    strata_core::Document::Catalog => catalog.as_deref().unwrap_or("catalog"),
                };
                ruleset_message(name, &e.errors)
            })?;
            let audience = match audience {
                AudienceArg::Staff => Audience::Staff,
                AudienceArg::Customer => Audience::Customer,
            };
            let options = Options {
                top_n,
                explain,
                audience,
            };
            let as_of = as_of.unwrap_or_else(|| chrono::Local::now().date_naive());
            let csv = profiles.as_deref().is_some_and(|p| {
                std::path::Path::new(p)
                    .extension()
                    .is_some_and(|e| e.eq_ignore_ascii_case("csv"))
            });
            let job = evaluate::Job {
                engine: &engine,
                as_of,
                options: &options,
                output: match output {
                    OutputArg::Full => evaluate::Output::Full,
                    OutputArg::Tier => evaluate::Output::Tier,
                },
                input: match input {
                    Some(InputArg::Csv) => evaluate::Input::Csv,
                    None if csv => evaluate::Input::Csv,
                    Some(InputArg::Jsonl) | None => evaluate::Input::Jsonl,
                },
                threads: jobs.map_or_else(
                    || std::thread::available_parallelism().map_or(1, std::num::NonZero::get),
                    usize::from,
                ),
            };
            let stdout = io::stdout().lock();
            match profiles.as_deref() {
                None | Some("-") => {
                    let input = BufReader::with_capacity(IN_BUFFER, io::stdin());
                    evaluate::run(&job, input, stdout)
                }
                Some(path) => {
                    let file = File::open(path).map_err(|e| format!("{path}: {e}"))?;
                    let input = BufReader::with_capacity(IN_BUFFER, file);
                    evaluate::run(&job, input, stdout)
                }
            }
        }
        Command::Lint {
            ruleset,
            catalog,
            json,
        } => {
            let rs = load_ruleset(&ruleset)?;
            let mut findings = lint(&rs);
            if let Some(path) = catalog {
                let text = read_document(&path, "")?;
                let checked = parse_catalog(&text).and_then(|c| {
                    Engine::assemble(rs.clone(), CatalogChoice::Given(Box::new(c)))
                        .map_err(|e| e.errors)
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
            let mut out = BufWriter::new(io::stdout().lock());
            if json {
                writeln!(out, "{}", to_json(&findings)?)
            } else if findings.is_empty() {
                writeln!(out, "{ruleset}: no findings")
            } else {
                findings.iter().try_for_each(|f| {
                    let sev = match f.severity {
                        Severity::Error => "error",
                        Severity::Warning => "warning",
                        Severity::Info => "info",
                    };
                    writeln!(out, "{sev}[{}] {}: {}", f.kind, f.path, f.message)
                })
            }
            .and_then(|()| out.flush())
            .map_err(|e| output_error(&e))?;
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
            let schema = strata_core::schema::schema(name).ok_or("no schema".to_owned())?;
            let text = to_json(&schema)?;
            let mut out = io::stdout().lock();
            writeln!(out, "{text}")
                .and_then(|()| out.flush())
                .map_err(|e| output_error(&e))?;
            Ok(ExitCode::SUCCESS)
        }
    }
}

fn load_ruleset(arg: &str) -> Result<Ruleset, String> {
    let text = match rulesets::json(arg) {
        Some(json) => json.to_owned(),
        None => read_document(arg, " (nor is it a shipped ruleset id)")?,
    };
    parse_ruleset(&text).map_err(|e| ruleset_message(arg, &e))
}

/// Reads a ruleset or catalog file whole, after checking it against the engine's limit
/// ([`MAX_BYTES`]) so an oversized file is refused before it is read into memory. `unopened`
/// ends the message when the file cannot be opened.
fn read_document(path: &str, unopened: &str) -> Result<String, String> {
    let file = File::open(path).map_err(|e| format!("{path}: {e}{unopened}"))?;
    let too_big = |size: &str| {
        format!("{path}: the file is {size} bytes; at most {MAX_BYTES} (4 MiB) are read")
    };
    if let Ok(meta) = file.metadata()
        && meta.len() > MAX_BYTES as u64
    {
        return Err(too_big(&meta.len().to_string()));
    }
    // A pipe or device has no size: read one byte past the limit to tell.
    let mut bytes = Vec::new();
    file.take(MAX_BYTES as u64 + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| format!("{path}: {e}"))?;
    if bytes.len() > MAX_BYTES {
        return Err(too_big(&format!("more than {MAX_BYTES}")));
    }
    String::from_utf8(bytes).map_err(|e| {
        let at = e.utf8_error().valid_up_to();
        format!("{path}: not UTF-8 (the byte at offset {at} is not valid)")
    })
}

fn ruleset_message(arg: &str, e: &RulesetErrors) -> String {
    format!("{arg}: {e}")
}

fn to_json<T: serde::Serialize>(v: &T) -> Result<String, String> {
    serde_json::to_string_pretty(v).map_err(|e| e.to_string())
}
