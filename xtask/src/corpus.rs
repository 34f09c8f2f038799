//! `cargo xtask corpus DIR`: generate a client for every document of a corpus,
//! `cargo check` all of them in one shared workspace, and summarise the results.
//!
//! The generator runs as a subprocess (this very binary, `generate ...`) so a
//! panic or an endless loop in one document cannot take the whole run down.

mod check;
mod classify;
mod docs;
mod generate;
mod options;
mod progress;
mod summary;
mod sync;

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use anyhow::{bail, Context, Result};

pub use options::Options;

/// How far a document got.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Stage {
    GenerateFailed,
    Panic,
    Timeout,
    /// Generated, waiting for the check phase (never left in final results).
    Generated,
    CheckFailed,
    Ok,
}

impl Stage {
    pub fn name(self) -> &'static str {
        match self {
            Stage::GenerateFailed => "generate-failed",
            Stage::Panic => "panic",
            Stage::Timeout => "timeout",
            Stage::Generated => "generated",
            Stage::CheckFailed => "check-failed",
            Stage::Ok => "ok",
        }
    }
}

/// Figures from the report JSON `generate` writes; every field is optional
/// because the report shape may grow or be missing on failure.
#[derive(Clone, Debug, Default)]
pub struct Report {
    pub operations_in_document: Option<u64>,
    pub operations_generated: Option<u64>,
    pub schemas_total: Option<u64>,
    pub schemas_fallback: Option<u64>,
    /// (JSON pointer, reason)
    pub fallbacks: Vec<(String, String)>,
    pub warnings: Option<u64>,
}

/// Everything known about one document after the run.
#[derive(Clone, Debug)]
pub struct Outcome {
    pub stage: Stage,
    pub generate_ms: u128,
    pub report: Option<Report>,
    /// First error (generator error, panic message or first rustc error).
    pub error: Option<String>,
    /// Generator warnings (text after `warning: `), one per line of its log.
    pub generator_warnings: Vec<String>,
    /// Reason class of every rustc warning in the generated crate.
    pub rustc_warnings: Vec<String>,
}

/// Marker that tells a later run this output directory is ours to clean.
const MARKER: &str = ".xtask-corpus";

/// `cargo xtask corpus DIR ...`.
pub fn run(flags: crate::flags::Corpus) -> Result<()> {
    let opts = Options::from_flags(flags)?;
    let docs = docs::load(&opts.dir, opts.sample.as_deref(), opts.manifest.as_deref())?;
    if docs.is_empty() {
        bail!("no documents found in {}", opts.dir.display());
    }
    prepare_out(&opts.out)?;
    let exe = copy_self(&opts.out)?;
    eprintln!(
        "corpus: {} documents, output in {}",
        docs.len(),
        opts.out.display()
    );

    let started = Instant::now();
    let gen_ctx = generate::Context {
        exe,
        out: opts.out.clone(),
        timeout: Duration::from_secs(opts.timeout_secs),
    };
    let mut outcomes = generate::generate_all(&docs, &gen_ctx, opts.jobs);
    let generate_time = started.elapsed();
    let generated: HashSet<&str> = docs
        .iter()
        .zip(&outcomes)
        .filter(|(_, o)| o.stage == Stage::Generated)
        .map(|(d, _)| d.crate_name.as_str())
        .collect();
    sync::prune(&opts.out.join("crates"), &generated)?;

    let check_meta = if opts.no_check {
        None
    } else {
        Some(run_check(&opts, &docs, &mut outcomes)?)
    };
    let run_info = summary::RunInfo {
        command: std::env::args().collect::<Vec<_>>().join(" "),
        generate_time,
        check: check_meta,
        generate_timeout_secs: opts.timeout_secs,
    };
    let text = summary::markdown(&docs, &outcomes, &run_info);
    print!("{text}");
    write(&opts.out.join("summary.md"), &text)?;
    write(
        &opts.out.join("results.tsv"),
        &summary::tsv(&docs, &outcomes),
    )?;
    eprintln!(
        "corpus: wrote {} and {}",
        opts.out.join("summary.md").display(),
        opts.out.join("results.tsv").display()
    );
    summary::enforce_bars(&docs, &outcomes, opts.min_valid, opts.min_all)
}

/// Runs the shared `cargo check` over every generated crate and folds the
/// per-crate verdicts into `outcomes`.
fn run_check(
    opts: &Options,
    docs: &[docs::Doc],
    outcomes: &mut [Outcome],
) -> Result<check::CheckMeta> {
    let members: Vec<String> = docs
        .iter()
        .zip(outcomes.iter())
        .filter(|(_, o)| o.stage == Stage::Generated)
        .map(|(d, _)| d.crate_name.clone())
        .collect();
    // One cargo run cannot time out per crate, so the phase gets one budget
    // that grows with the number of crates. It is a guard against a hung
    // rustc, not a speed bar: the full 310-document corpus (2.3 M generated
    // lines) needs about 25 min on 2 cores, hence 10 s per crate.
    let timeout = opts
        .check_timeout_secs
        .unwrap_or_else(|| (10 * members.len() as u64).max(900));
    let result = check::check_all(&opts.out, &members, opts.jobs, Duration::from_secs(timeout))?;
    for (doc, outcome) in docs.iter().zip(outcomes.iter_mut()) {
        if outcome.stage != Stage::Generated {
            continue;
        }
        let verdict = result.verdicts.get(&doc.crate_name);
        match verdict {
            Some(v) if v.passed => outcome.stage = Stage::Ok,
            Some(v) => {
                outcome.stage = Stage::CheckFailed;
                outcome.error = v.first_error.clone();
            }
            None => {
                outcome.stage = Stage::CheckFailed;
                outcome.error = Some("no verdict from cargo check".to_string());
            }
        }
        outcome.rustc_warnings = verdict.map(|v| v.warnings.clone()).unwrap_or_default();
    }
    Ok(result.meta)
}

/// Creates the output directory and removes the previous run's reports and
/// logs. `crates/` (pruned and synced after generation), `target/` and
/// `Cargo.lock` stay, so dependencies are neither re-resolved nor rebuilt and
/// unchanged crates are not checked again.
fn prepare_out(out: &Path) -> Result<()> {
    let marker = out.join(MARKER);
    if out.exists() && !marker.exists() && std::fs::read_dir(out)?.next().is_some() {
        bail!(
            "{} exists, is not empty and was not made by `xtask corpus`; refusing to clean it",
            out.display()
        );
    }
    std::fs::create_dir_all(out).with_context(|| format!("creating {}", out.display()))?;
    write(&marker, "output directory of `cargo xtask corpus`\n")?;
    for sub in ["staging", "reports", "logs"] {
        let dir = out.join(sub);
        if dir.exists() {
            std::fs::remove_dir_all(&dir).with_context(|| format!("removing {}", dir.display()))?;
        }
        std::fs::create_dir_all(&dir).with_context(|| format!("creating {}", dir.display()))?;
    }
    Ok(())
}

/// Copies the running binary aside: others rebuild the shared target dir
/// while a long corpus run is going, and a replaced executable can no longer
/// be spawned by its old path. `XTASK_CORPUS_GENERATOR` names another
/// program taking the same `generate` arguments (a stand-in for testing the
/// runner itself).
fn copy_self(out: &Path) -> Result<PathBuf> {
    if let Some(other) = std::env::var_os("XTASK_CORPUS_GENERATOR") {
        return Ok(PathBuf::from(other));
    }
    let exe = std::env::current_exe().context("locating the xtask binary")?;
    let bin = out.join("bin");
    std::fs::create_dir_all(&bin).with_context(|| format!("creating {}", bin.display()))?;
    let copy = bin.join("xtask");
    // Unlink first: overwriting an executable in use fails with ETXTBSY.
    let _ = std::fs::remove_file(&copy);
    std::fs::copy(&exe, &copy)
        .with_context(|| format!("copying {} to {}", exe.display(), copy.display()))?;
    Ok(copy)
}

fn write(path: &Path, text: &str) -> Result<()> {
    std::fs::write(path, text).with_context(|| format!("writing {}", path.display()))
}
