//! `strata evaluate`: one result out per profile in, streamed, on every core, in input order.
//!
//! Never crash, never lose a line: a line that is too long, not UTF-8, not a valid profile,
//! or that makes the engine panic is reported on stderr as `{"line": N, "errors": [...]}`
//! and the batch goes on. Each result is serialised whole before any of it is written, so
//! the output never holds half a line.
//!
//! Three stages: a reader thread cuts the input into chunks of lines, worker threads (one per
//! core) evaluate whole chunks into output and error bytes, and the calling thread writes the
//! chunks back in input order. Memory stays flat: at most [`IN_FLIGHT`] chunks exist at once
//! (the writer hands a token back for each chunk it writes, and the reader waits for one
//! before reading the next), whatever the input's size.

use std::collections::BTreeMap;
use std::io::{BufRead, Write};
use std::ops::Range;
use std::process::ExitCode;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{Receiver, SyncSender, channel, sync_channel};
use std::sync::{Mutex, PoisonError};

use chrono::NaiveDate;
use serde::Serialize;
use serde_json::json;
use strata_core::csv::{CsvErrors, Layout};
use strata_core::json::MAX_BYTES;
use strata_core::recommend::Options;
use strata_core::summary::{PotentialSummary, Reasons, RetentionSummary, Summary, Target};
use strata_core::{Engine, Evaluation, Profile, ProfileErrors};

use crate::guard;
use crate::lines::{Line, Lines};
use crate::{Stop, output_error, to_stderr};

/// Lines per chunk: enough to keep the channels quiet, few enough that a chunk is small.
const CHUNK_LINES: usize = 1024;
/// A chunk also ends once it holds this many bytes of input.
const CHUNK_BYTES: usize = 1 << 20;
/// Chunks read but not yet written, per worker thread.
const IN_FLIGHT: usize = 4;

/// What one line of output holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Output {
    /// The whole evaluation.
    Full,
    /// One compact line: id, tier, qualified, target, potential, retention, reasons, offers.
    Tier,
}

/// How the input is written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Input {
    /// One profile per line, as JSON.
    Jsonl,
    /// A header row, then one customer per row in the documented column layout.
    Csv,
}

/// What every worker needs.
pub struct Job<'a> {
    pub engine: &'a Engine,
    pub as_of: NaiveDate,
    pub options: &'a Options,
    pub output: Output,
    pub input: Input,
    /// Worker threads (at least 1).
    pub threads: usize,
}

/// Why one line gave no evaluation.
enum Rejected {
    /// The profile's own problems, as the engine reports them.
    Profile(ProfileErrors),
    /// A CSV row's problems, each with its column.
    Csv(CsvErrors),
    /// Anything else, as one error of this type (`too_long`, `not_utf8`, `internal`).
    Other(&'static str, String),
}

/// One line of a chunk: its number and where its bytes are, or how long it was if skipped.
enum Item {
    Text(u64, Range<usize>),
    TooLong(u64, u64),
}

/// Lines read together.
struct Chunk {
    seq: u64,
    bytes: Vec<u8>,
    items: Vec<Item>,
    /// A read error after the last item, which ends the input.
    error: Option<String>,
}

/// A chunk evaluated.
struct Done {
    seq: u64,
    out: Vec<u8>,
    err: Vec<u8>,
    ok: u64,
    bad: u64,
    error: Option<String>,
}

/// Evaluates each line of `input` and writes the results to `output`, one per line, in order.
pub fn run(
    job: &Job<'_>,
    input: impl BufRead + Send,
    mut output: impl Write,
) -> Result<ExitCode, Stop> {
    let mut lines = Lines::new(input, MAX_BYTES);
    // A CSV file's header comes first; a bad header stops the command (exit 2).
    let layout = match job.input {
        Input::Jsonl => None,
        Input::Csv => Some(read_header(&mut lines)?),
    };
    let threads = job.threads.max(1);
    let (chunk_tx, chunk_rx) = sync_channel::<Chunk>(threads);
    let (done_tx, done_rx) = channel::<Done>();
    let (token_tx, token_rx) = sync_channel::<()>(threads * IN_FLIGHT);
    for _ in 0..threads * IN_FLIGHT {
        // The channel has room for every token, and its receiver is alive.
        let _ = token_tx.send(());
    }
    let chunks = Mutex::new(chunk_rx);
    // Set when the writer stops early: workers then drop chunks instead of evaluating them.
    let stop = AtomicBool::new(false);
    let (ok, bad, stopped) = std::thread::scope(|scope| {
        scope.spawn(move || read_chunks(lines, &chunk_tx, &token_rx));
        for _ in 0..threads {
            let done_tx = done_tx.clone();
            let (chunks, stop, layout) = (&chunks, &stop, layout.as_ref());
            scope.spawn(move || {
                loop {
                    // A poisoned lock only means another worker panicked outside the guard;
                    // the receiver itself is still sound.
                    let next = chunks.lock().unwrap_or_else(PoisonError::into_inner).recv();
                    let Ok(chunk) = next else { break };
                    // Keep draining after a stop so the reader never waits on a full channel.
                    if !stop.load(Ordering::Relaxed) {
                        let _ = done_tx.send(evaluate_chunk(job, layout, chunk));
                    }
                }
            });
        }
        drop(done_tx);
        // Moved in so they drop when the writer returns: the reader then sees the tokens end.
        let (done_rx, token_tx) = (done_rx, token_tx);
        let result = write_in_order(&done_rx, &token_tx, &mut output);
        if result.2.is_some() {
            stop.store(true, Ordering::Relaxed);
        }
        result
    });
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

/// Reads the CSV header (blank lines before it are skipped).
fn read_header<R: BufRead>(lines: &mut Lines<R>) -> Result<Layout, Stop> {
    loop {
        let (n, line) = match lines.next_line() {
            Ok(Some(next)) => next,
            Ok(None) => return Err(Stop::Fail("the CSV input is empty: no header row".into())),
            Err(e) => return Err(Stop::Fail(format!("reading the CSV header: {e}"))),
        };
        let text = match line {
            Line::TooLong(len) => {
                return Err(Stop::Fail(format!(
                    "the CSV header (line {n}) is {len} bytes; at most {MAX_BYTES}"
                )));
            }
            Line::Text(bytes) => std::str::from_utf8(bytes)
                .map_err(|_| Stop::Fail(format!("the CSV header (line {n}) is not UTF-8")))?,
        };
        if text.trim().is_empty() {
            continue;
        }
        return Layout::from_header(text)
            .map_err(|e| Stop::Fail(format!("the CSV header (line {n}): {e}")));
    }
}

/// The reader thread: chunks of lines, each after a token, until the input or a reader ends.
fn read_chunks<R: BufRead>(mut lines: Lines<R>, chunks: &SyncSender<Chunk>, tokens: &Receiver<()>) {
    for seq in 0.. {
        if tokens.recv().is_err() {
            return;
        }
        let mut chunk = Chunk {
            seq,
            bytes: Vec::with_capacity(CHUNK_BYTES / 2),
            items: Vec::with_capacity(CHUNK_LINES),
            error: None,
        };
        let mut end = false;
        while chunk.items.len() < CHUNK_LINES && chunk.bytes.len() < CHUNK_BYTES {
            match lines.next_line() {
                Ok(Some((n, Line::Text(bytes)))) => {
                    let start = chunk.bytes.len();
                    chunk.bytes.extend_from_slice(bytes);
                    chunk.items.push(Item::Text(n, start..chunk.bytes.len()));
                }
                Ok(Some((n, Line::TooLong(len)))) => chunk.items.push(Item::TooLong(n, len)),
                Ok(None) => {
                    end = true;
                    break;
                }
                Err(e) => {
                    chunk.error = Some(format!("reading line {}: {e}", lines.number() + 1));
                    end = true;
                    break;
                }
            }
        }
        if chunks.send(chunk).is_err() || end {
            return;
        }
    }
}

/// The writer: results in input order, a token back per chunk written. Returns the counts
/// and why it stopped early, if it did.
fn write_in_order(
    done: &Receiver<Done>,
    tokens: &SyncSender<()>,
    output: &mut impl Write,
) -> (u64, u64, Option<Stop>) {
    let (mut ok, mut bad) = (0, 0);
    let mut pending = BTreeMap::new();
    let mut next = 0;
    while let Ok(d) = done.recv() {
        pending.insert(d.seq, d);
        while let Some(d) = pending.remove(&next) {
            next += 1;
            if let Err(e) = output.write_all(&d.out) {
                return (ok, bad, Some(output_error(&e)));
            }
            if !d.err.is_empty() {
                // Flushed first, so stdout and stderr stay in step for a reader of both.
                if let Err(e) = output.flush() {
                    return (ok, bad, Some(output_error(&e)));
                }
                to_stderr(&String::from_utf8_lossy(&d.err));
            }
            ok += d.ok;
            bad += d.bad;
            if let Some(message) = d.error {
                return (ok, bad, Some(Stop::Fail(message)));
            }
            // The reader may have ended already; then nobody needs the token.
            let _ = tokens.try_send(());
        }
    }
    let flushed = output.flush().err().map(|e| output_error(&e));
    (ok, bad, flushed)
}

/// Evaluates every line of a chunk into its output and error bytes.
fn evaluate_chunk(job: &Job<'_>, layout: Option<&Layout>, chunk: Chunk) -> Done {
    let mut done = Done {
        seq: chunk.seq,
        out: Vec::with_capacity(chunk.items.len() * 256),
        err: Vec::new(),
        ok: 0,
        bad: 0,
        error: chunk.error,
    };
    for item in &chunk.items {
        let (number, result) = match item {
            Item::TooLong(n, length) => (
                *n,
                Err(Rejected::Other(
                    "too_long",
                    format!("the line is {length} bytes; at most {MAX_BYTES} (4 MiB) are read"),
                )),
            ),
            Item::Text(n, range) => {
                let bytes = &chunk.bytes[range.clone()];
                let result = match std::str::from_utf8(bytes) {
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
                    Ok(text) => {
                        let mark = done.out.len();
                        let result =
                            guard::catch(|| evaluate_line(job, layout, *n, text, &mut done.out))
                                .unwrap_or_else(|panic| {
                                    Err(Rejected::Other(
                                        "internal",
                                        format!(
                                            "strata failed on this line, a bug to report: {panic}"
                                        ),
                                    ))
                                });
                        if result.is_err() {
                            // Whatever a failed line wrote is not a whole result.
                            done.out.truncate(mark);
                        }
                        result
                    }
                };
                (*n, result)
            }
        };
        match result {
            Ok(()) => {
                done.out.push(b'\n');
                done.ok += 1;
            }
            Err(rejected) => {
                done.bad += 1;
                let errors = match rejected {
                    Rejected::Profile(errors) => json!(errors),
                    Rejected::Csv(errors) => json!(errors),
                    Rejected::Other(kind, message) => {
                        json!([{ "type": kind, "path": "$", "message": message }])
                    }
                };
                // Writing JSON into a Vec cannot fail.
                let _ = serde_json::to_writer(
                    &mut done.err,
                    &json!({ "line": number, "errors": errors }),
                );
                done.err.push(b'\n');
            }
        }
    }
    done
}

/// Reads, evaluates and serialises one profile onto `out`; `Ok` means it holds it whole.
fn evaluate_line(
    job: &Job<'_>,
    layout: Option<&Layout>,
    number: u64,
    text: &str,
    out: &mut Vec<u8>,
) -> Result<(), Rejected> {
    let profile = match layout {
        None => Profile::from_json(text).map_err(Rejected::Profile)?,
        Some(layout) => layout
            .read(text, number, job.as_of)
            .map_err(Rejected::Csv)?,
    };
    let evaluation = job
        .engine
        .evaluate_with(&profile, job.as_of, job.options)
        .map_err(Rejected::Profile)?;
    let written = match job.output {
        Output::Full => serde_json::to_writer(&mut *out, &evaluation),
        Output::Tier => serde_json::to_writer(&mut *out, &TierLine::of(&evaluation)),
    };
    written.map_err(|e| Rejected::Other("internal", format!("writing the evaluation: {e}")))
}

/// One `--output tier` line: the lean summary with the offers as product ids.
#[derive(Serialize)]
struct TierLine<'a> {
    id: &'a str,
    tier: &'a str,
    qualified: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    target: Option<Target<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    potential: Option<PotentialSummary<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    retention: Option<RetentionSummary>,
    reasons: Reasons,
    #[serde(skip_serializing_if = "Offers::is_empty")]
    offers: Offers<'a>,
}

impl<'a> TierLine<'a> {
    fn of(e: &'a Evaluation) -> Self {
        let s = Summary::of(e);
        TierLine {
            id: s.id,
            tier: s.tier,
            qualified: s.qualified,
            target: s.target,
            potential: s.potential,
            retention: s.retention,
            reasons: s.reasons,
            offers: Offers(e),
        }
    }
}

/// The offers' product ids, read straight from the evaluation.
struct Offers<'a>(&'a Evaluation);

impl Offers<'_> {
    fn is_empty(&self) -> bool {
        self.0.recommendations.is_empty()
    }
}

impl Serialize for Offers<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.0.recommendations.iter().map(|r| r.product.as_str()))
    }
}
