//! `strata evaluate`: one evaluation out per profile in, streamed.
//!
//! Never crash, never lose a line: a line that is too long, not UTF-8, not a valid profile,
//! or that makes the engine panic is reported on stderr as `{"line": N, "errors": [...]}`
//! and the batch goes on. Each evaluation is serialised whole before any of it is written,
//! so the output never holds half a line.

use std::io::{BufRead, BufWriter, Write};
use std::process::ExitCode;

use chrono::NaiveDate;
use serde_json::json;
use strata_core::json::MAX_BYTES;
use strata_core::recommend::Options;
use strata_core::{Engine, Profile, ProfileErrors};

use crate::guard;
use crate::lines::{Line, Lines};
use crate::{Stop, output_error, to_stderr};

/// Output gathered before a write to stdout. Only whole lines go into it, so whenever it
/// fills (or a longer line passes straight through) stdout gets whole lines; the rest is
/// flushed at the end.
const OUT_BUFFER: usize = 64 * 1024;

/// Why one line gave no evaluation.
enum Rejected {
    /// The profile's own problems, as the engine reports them.
    Profile(ProfileErrors),
    /// Anything else, as one error of this type (`too_long`, `not_utf8`, `internal`).
    Other(&'static str, String),
}

/// Evaluates each line of `input` and writes the evaluations to `output`, one per line.
pub fn run(
    engine: &Engine,
    as_of: NaiveDate,
    options: &Options,
    input: impl BufRead,
    output: impl Write,
) -> Result<ExitCode, Stop> {
    let mut lines = Lines::new(input, MAX_BYTES);
    let mut out = BufWriter::with_capacity(OUT_BUFFER, output);
    // One evaluation's JSON, reused line after line.
    let mut json = Vec::with_capacity(4096);
    let (mut ok, mut bad) = (0u64, 0u64);
    let stopped = loop {
        let (number, line) = match lines.next_line() {
            Ok(Some(next)) => next,
            Ok(None) => break None,
            Err(e) => {
                let n = lines.number() + 1;
                break Some(Stop::Fail(format!("reading line {n}: {e}")));
            }
        };
        json.clear();
        let evaluated = match line {
            Line::TooLong(length) => Err(Rejected::Other(
                "too_long",
                format!("the line is {length} bytes; at most {MAX_BYTES} (4 MiB) are read"),
            )),
            Line::Text(bytes) => match std::str::from_utf8(bytes) {
                Err(e) => Err(Rejected::Other(
                    "not_utf8",
                    format!(
                        "the line is not UTF-8: the byte at offset {} ({}) is not valid",
                        e.valid_up_to(),
                        bytes
                            .get(e.valid_up_to())
                            .map_or_else(String::new, |b| format!("0x{b:02x}"))
                    ),
                )),
                Ok(text) if text.trim().is_empty() => continue,
                Ok(text) => guard::catch(|| evaluate_line(engine, as_of, options, text, &mut json))
                    .unwrap_or_else(|panic| {
                        Err(Rejected::Other(
                            "internal",
                            format!("strata failed on this line, a bug to report: {panic}"),
                        ))
                    }),
            },
        };
        match evaluated {
            Ok(()) => {
                json.push(b'\n');
                if let Err(e) = out.write_all(&json) {
                    break Some(output_error(&e));
                }
                ok += 1;
            }
            Err(rejected) => {
                bad += 1;
                let errors = match rejected {
                    Rejected::Profile(errors) => json!(errors),
                    Rejected::Other(kind, message) => {
                        json!([{ "type": kind, "path": "$", "message": message }])
                    }
                };
                to_stderr(&format!(
                    "{}\n",
                    json!({ "line": number, "errors": errors })
                ));
            }
        }
    };
    let stopped = stopped.or_else(|| out.flush().err().map(|e| output_error(&e)));
    if matches!(stopped, Some(Stop::Closed)) {
        // The reader has all it wanted (`| head`): no summary, nothing to report.
        return Err(Stop::Closed);
    }
    to_stderr(&format!("strata: {ok} evaluated, {bad} rejected\n"));
    match stopped {
        Some(stop) => Err(stop),
        None if bad == 0 => Ok(ExitCode::SUCCESS),
        None => Ok(ExitCode::FAILURE),
    }
}

/// Reads, evaluates and serialises one profile into `json`; `Ok` means `json` holds it whole.
fn evaluate_line(
    engine: &Engine,
    as_of: NaiveDate,
    options: &Options,
    text: &str,
    json: &mut Vec<u8>,
) -> Result<(), Rejected> {
    let profile = Profile::from_json(text).map_err(Rejected::Profile)?;
    let evaluation = engine
        .evaluate_with(&profile, as_of, options)
        .map_err(Rejected::Profile)?;
    serde_json::to_writer(&mut *json, &evaluation)
        .map_err(|e| Rejected::Other("internal", format!("writing the evaluation: {e}")))
}
