//! `cargo xtask conformance DIR`: generate each document's client plus a harness that calls
//! every operation with synthesized arguments, run the harness against a Prism mock of the
//! document (request validation on), and report what Prism thought of each request and
//! whether the client decoded each response.
//!
//! Generation and the build reuse the corpus check's machinery: one generator subprocess per
//! document, one cargo workspace (and target directory) for every crate and harness.

mod classify;
mod harness;
mod prism_log;
mod report;
mod run_doc;
mod spec_doc;
mod spec_media;
mod spec_objects;
mod spec_required;
mod spec_unions;
mod spec_warnings;

use std::collections::HashSet;
use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{mpsc, Mutex};
use std::time::{Duration, Instant};

use anyhow::{bail, Context, Result};

use crate::corpus::docs::{self, Doc, Validity};
use crate::corpus::{check, generate, progress::Progress, sync, Stage};
use report::DocRun;

/// `cargo xtask conformance DIR ...`.
pub fn run(flags: crate::flags::Conformance) -> Result<()> {
    let root = crate::workspace_root();
    let jobs = flags.jobs.unwrap_or(2).max(1);
    let out = flags
        .out
        .clone()
        .unwrap_or_else(|| root.join("target").join("conformance"));
    crate::corpus::prepare_out(&out)?;
    let docs = load_docs(&flags.dir, flags.sample.as_deref(), &root, &out)?;
    if docs.is_empty() {
        bail!("no documents to run");
    }
    let prism = crate::prism::prism_binary(&root)?;
    eprintln!(
        "conformance: {} documents, output in {}",
        docs.len(),
        out.display()
    );

    let started = Instant::now();
    let context = generate::Context {
        exe: crate::corpus::copy_self(&out)?,
        out: out.clone(),
        timeout: Duration::from_secs(120),
    };
    let outcomes = generate::generate_all(&docs, &context, jobs);
    let generate_time = started.elapsed();

    let crates = out.join("crates");
    let mut members = Vec::new();
    for (doc, outcome) in docs.iter().zip(&outcomes) {
        if outcome.stage == Stage::Generated {
            harness::write(&crates, &doc.crate_name)?;
            members.push(doc.crate_name.clone());
            members.push(harness::name(&doc.crate_name));
        }
    }
    let keep: HashSet<&str> = members.iter().map(String::as_str).collect();
    sync::prune(&crates, &keep)?;
    let build_started = Instant::now();
    let built = check::compile_all(&out, &members, jobs, Duration::from_secs(7200), "build")?;
    let build_time = build_started.elapsed();

    let run_started = Instant::now();
    let skipped: Vec<Option<String>> = docs
        .iter()
        .zip(&outcomes)
        .map(|(doc, outcome)| {
            if outcome.stage != Stage::Generated {
                let error = outcome.error.clone().unwrap_or_default();
                return Some(format!("{}: {error}", outcome.stage.name()));
            }
            [doc.crate_name.clone(), harness::name(&doc.crate_name)]
                .iter()
                .filter_map(|member| built.verdicts.get(member))
                .find(|verdict| !verdict.passed)
                .map(|v| {
                    format!(
                        "build failed: {}",
                        v.first_error.clone().unwrap_or_default()
                    )
                })
        })
        .collect();
    let runs = run_all(&docs, &skipped, &prism, &out, jobs);
    let phases = [
        ("generate", generate_time),
        ("build", build_time),
        ("call", run_started.elapsed()),
        ("total", started.elapsed()),
    ];
    let command = std::env::args().collect::<Vec<_>>().join(" ");
    let text = report::markdown(&runs, &command, &phases);
    std::fs::write(out.join("summary.md"), &text)?;
    print!("{text}");
    enforce(&runs, flags.min.as_deref())
}

/// The documents: the sample file's lines are corpus ids (file stems in `dir`) or, when they
/// hold a `/`, paths relative to the workspace root (its own specs, say).
fn load_docs(dir: &Path, sample: Option<&Path>, root: &Path, out: &Path) -> Result<Vec<Doc>> {
    let Some(sample) = sample else {
        return docs::load(dir, None, None);
    };
    let text =
        std::fs::read_to_string(sample).with_context(|| format!("reading {}", sample.display()))?;
    let lines: Vec<&str> = text
        .lines()
        .map(|line| line.split('#').next().unwrap_or("").trim())
        .filter(|line| !line.is_empty())
        .collect();
    let (paths, ids): (Vec<&str>, Vec<&str>) = lines.into_iter().partition(|l| l.contains('/'));
    let ids_file = out.join("sample-ids.txt");
    std::fs::write(&ids_file, ids.join("\n"))?;
    let mut all = if ids.is_empty() {
        Vec::new()
    } else {
        docs::load(dir, Some(&ids_file), None)?
    };
    for path in paths {
        let path = root.join(path);
        if !path.is_file() {
            bail!(
                "{} lists {}, which is not a file",
                sample.display(),
                path.display()
            );
        }
        let id = path
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or("doc")
            .to_string();
        all.push(Doc {
            id,
            path,
            valid: Validity::Unknown,
            version: "?".to_string(),
            crate_name: String::new(),
        });
    }
    let ids: Vec<String> = all.iter().map(|d| d.id.clone()).collect();
    for (doc, name) in all.iter_mut().zip(docs::crate_names(&ids)) {
        doc.crate_name = name;
    }
    Ok(all)
}

/// Runs the documents' harnesses, `jobs` at a time; results in `docs` order.
fn run_all(
    docs: &[Doc],
    skipped: &[Option<String>],
    prism: &Path,
    out: &Path,
    jobs: usize,
) -> Vec<DocRun> {
    let next = AtomicUsize::new(0);
    let results: Mutex<Vec<Option<DocRun>>> = Mutex::new(docs.iter().map(|_| None).collect());
    let (send, receive) = mpsc::channel::<String>();
    std::thread::scope(|scope| {
        for _ in 0..jobs.min(docs.len()) {
            let send = send.clone();
            let (next, results) = (&next, &results);
            scope.spawn(move || loop {
                let index = next.fetch_add(1, Ordering::Relaxed);
                let Some(doc) = docs.get(index) else { break };
                let run = match &skipped[index] {
                    Some(why) => DocRun {
                        id: doc.id.clone(),
                        skipped: Some(why.clone()),
                        calls: Vec::new(),
                        duration: Duration::ZERO,
                    },
                    None => run_doc::run_doc(doc, prism, out),
                };
                if let Ok(mut results) = results.lock() {
                    results[index] = Some(run);
                }
                let _ = send.send(doc.id.clone());
            });
        }
        drop(send);
        let mut progress = Progress::new("call", docs.len());
        for id in receive {
            progress.tick(&id);
        }
        progress.finish();
    });
    let results = results.into_inner().unwrap_or_default();
    docs.iter()
        .zip(results)
        .map(|(doc, run)| {
            run.unwrap_or_else(|| DocRun {
                id: doc.id.clone(),
                skipped: Some("worker thread died".to_string()),
                calls: Vec::new(),
                duration: Duration::ZERO,
            })
        })
        .collect()
}

/// Fails when panics happened, a document could not be called, or fewer than `min` % of the
/// operations are free of failures in our own code.
fn enforce(runs: &[DocRun], min: Option<&str>) -> Result<()> {
    let Some(min) = min else { return Ok(()) };
    let min: f64 = min
        .parse()
        .with_context(|| format!("--min {min}: not a number"))?;
    let t = report::totals(runs);
    let skipped: Vec<&str> = runs
        .iter()
        .filter(|r| r.skipped.is_some())
        .map(|r| r.id.as_str())
        .collect();
    let clean = report::percent(t.operations - t.ours, t.operations);
    if t.panics > 0 || !skipped.is_empty() || clean < min {
        bail!(
            "conformance below target: {clean:.1}% of operations free of failures in our code \
             (target {min}%), {} panics, documents not called: {skipped:?}",
            t.panics
        );
    }
    Ok(())
}
