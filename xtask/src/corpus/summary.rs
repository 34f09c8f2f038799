//! The run's outputs: the markdown summary, the per-document TSV and the
//! pass-rate bars.

use std::collections::HashMap;
use std::fmt::Write;
use std::time::Duration;

use anyhow::{bail, Result};

use super::check::CheckMeta;
use super::classify::{generator_class, normalize, one_line, reason_class};
use super::docs::{Doc, Validity};
use super::{Outcome, Stage};

pub struct RunInfo {
    pub command: String,
    pub generate_time: Duration,
    pub check: Option<CheckMeta>,
    pub generate_timeout_secs: u64,
}

type DocFilter = fn(&Doc) -> bool;
type StageFilter = fn(Stage) -> bool;
/// Failed documents sharing one (stage, reason class).
type Group<'a> = ((Stage, String), Vec<(&'a Doc, &'a Outcome)>);

/// Column subsets of the results table.
fn columns() -> [(&'static str, DocFilter); 5] {
    [
        ("all", |_| true),
        ("valid (ok)", |d| d.valid == Validity::Ok),
        ("invalid (error)", |d| matches!(d.valid, Validity::Error(_))),
        ("3.0", |d| d.version.starts_with("3.0")),
        ("3.1", Doc::is_31),
    ]
}

pub fn markdown(docs: &[Doc], outcomes: &[Outcome], info: &RunInfo) -> String {
    let mut md = String::new();
    header(&mut md, docs, info);
    results_table(&mut md, docs, outcomes);
    failures(&mut md, docs, outcomes);
    fidelity(&mut md, docs, outcomes);
    warnings(&mut md, docs, outcomes);
    timing(&mut md, docs, outcomes, info);
    md
}

fn header(md: &mut String, docs: &[Doc], info: &RunInfo) {
    let _ = writeln!(md, "# Corpus run\n\n`{}`\n", info.command);
    let _ = write!(
        md,
        "{} documents; generation {:.0} s (per-document timeout {} s)",
        docs.len(),
        info.generate_time.as_secs_f64(),
        info.generate_timeout_secs
    );
    match &info.check {
        Some(check) => {
            let _ = writeln!(
                md,
                "; one `cargo check --workspace --keep-going` over {} crates took {:.0} s \
                 ({} units; the whole check phase has one timeout of {} s instead of a \
                 per-document one).",
                check.crates,
                check.duration.as_secs_f64(),
                check.units,
                check.timeout.as_secs()
            );
            for note in &check.notes {
                let _ = writeln!(md, "\n**Note:** {}", one_line(note, 1000));
            }
        }
        None => {
            let _ = writeln!(md, "; `cargo check` skipped (--no-check).");
        }
    }
    if docs.iter().all(|d| d.valid == Validity::Unknown) {
        let _ = writeln!(
            md,
            "\nNo manifest found: validity is unknown for every document."
        );
    }
}

fn results_table(md: &mut String, docs: &[Doc], outcomes: &[Outcome]) {
    let cols = columns();
    let _ = writeln!(md, "\n## Results\n");
    let head: Vec<&str> = cols.iter().map(|c| c.0).collect();
    let _ = writeln!(md, "| | {} |", head.join(" | "));
    let _ = writeln!(md, "|---|{}", "---:|".repeat(cols.len()));
    let rows: [(&str, StageFilter); 7] = [
        ("documents", |_| true),
        ("generated", |s| {
            matches!(s, Stage::Generated | Stage::CheckFailed | Stage::Ok)
        }),
        ("**passes `cargo check`**", |s| s == Stage::Ok),
        ("generate failed", |s| s == Stage::GenerateFailed),
        ("panics", |s| s == Stage::Panic),
        ("timeouts", |s| s == Stage::Timeout),
        ("check failed", |s| s == Stage::CheckFailed),
    ];
    for (label, in_row) in rows {
        let cells: Vec<String> = cols
            .iter()
            .map(|(_, in_col)| {
                let total = docs.iter().filter(|d| in_col(d)).count();
                let n = count(docs, outcomes, |d, o| in_col(d) && in_row(o.stage));
                if label == "documents" {
                    n.to_string()
                } else {
                    with_pct(n, total)
                }
            })
            .collect();
        let _ = writeln!(md, "| {label} | {} |", cells.join(" | "));
    }
    let _ = writeln!(
        md,
        "\nPass rate (`cargo check` passes): all {}, manifest-valid {}, OpenAPI 3.1 {}.",
        pct_text(pass_rate(docs, outcomes, |_| true)),
        pct_text(pass_rate(docs, outcomes, |d| d.valid == Validity::Ok)),
        pct_text(pass_rate(docs, outcomes, Doc::is_31)),
    );
}

fn count(docs: &[Doc], outcomes: &[Outcome], keep: impl Fn(&Doc, &Outcome) -> bool) -> usize {
    docs.iter()
        .zip(outcomes)
        .filter(|(d, o)| keep(d, o))
        .count()
}

fn with_pct(n: usize, total: usize) -> String {
    if total == 0 {
        return n.to_string();
    }
    format!("{n} ({:.1}%)", 100.0 * n as f64 / total as f64)
}

fn pct_text(rate: Option<f64>) -> String {
    rate.map_or_else(|| "n/a".to_string(), |r| format!("{r:.1}%"))
}

/// Percentage of the documents selected by `keep` that pass; `None` if none are selected.
fn pass_rate(docs: &[Doc], outcomes: &[Outcome], keep: impl Fn(&Doc) -> bool) -> Option<f64> {
    let total = count(docs, outcomes, |d, _| keep(d));
    let passed = count(docs, outcomes, |d, o| keep(d) && o.stage == Stage::Ok);
    (total > 0).then(|| 100.0 * passed as f64 / total as f64)
}

/// Failed documents grouped by (stage, reason class), most frequent first.
fn failure_groups<'a>(docs: &'a [Doc], outcomes: &'a [Outcome]) -> Vec<Group<'a>> {
    let mut groups: HashMap<(Stage, String), Vec<(&Doc, &Outcome)>> = HashMap::new();
    for (doc, outcome) in docs.iter().zip(outcomes) {
        if outcome.stage == Stage::Ok || outcome.stage == Stage::Generated {
            continue;
        }
        let error = outcome.error.as_deref().unwrap_or("(no error text)");
        let key = (outcome.stage, reason_class(outcome.stage, error));
        groups.entry(key).or_default().push((doc, outcome));
    }
    let mut groups: Vec<_> = groups.into_iter().collect();
    groups.sort_by(|a, b| b.1.len().cmp(&a.1.len()).then_with(|| a.0.cmp(&b.0)));
    groups
}

fn failures(md: &mut String, docs: &[Doc], outcomes: &[Outcome]) {
    let groups = failure_groups(docs, outcomes);
    let _ = writeln!(md, "\n## Failures by reason\n");
    if groups.is_empty() {
        let _ = writeln!(md, "None.");
        return;
    }
    let _ = writeln!(md, "| # | stage | reason | documents | examples |");
    let _ = writeln!(md, "|---:|---|---|---:|---|");
    for (rank, ((stage, class), members)) in groups.iter().enumerate() {
        let examples: Vec<&str> = members.iter().take(3).map(|(d, _)| d.id.as_str()).collect();
        let _ = writeln!(
            md,
            "| {} | {} | {} | {} | {} |",
            rank + 1,
            stage.name(),
            cell(class),
            members.len(),
            examples.join(", ")
        );
    }
    let _ = writeln!(md, "\nFirst error of one document per reason:\n");
    for (rank, (_, members)) in groups.iter().enumerate().take(30) {
        let (doc, outcome) = members[0];
        let error = outcome.error.as_deref().unwrap_or("(no error text)");
        let _ = writeln!(
            md,
            "{}. `{}`: {}",
            rank + 1,
            doc.id,
            cell(&one_line(error, 300))
        );
    }
}

/// Text safe inside a markdown table cell.
fn cell(text: &str) -> String {
    text.replace('|', "\\|")
}

fn fidelity(md: &mut String, docs: &[Doc], outcomes: &[Outcome]) {
    let reports: Vec<(&Doc, &super::Report)> = docs
        .iter()
        .zip(outcomes)
        .filter_map(|(d, o)| o.report.as_ref().map(|r| (d, r)))
        .collect();
    let _ = writeln!(
        md,
        "\n## Fidelity\n\nOver the {} documents with a generator report:\n",
        reports.len()
    );
    let sum = |f: fn(&super::Report) -> Option<u64>| {
        reports.iter().filter_map(|(_, r)| f(r)).sum::<u64>()
    };
    let (ops_doc, ops_gen) = (
        sum(|r| r.operations_in_document),
        sum(|r| r.operations_generated),
    );
    let (schemas, fallback) = (sum(|r| r.schemas_total), sum(|r| r.schemas_fallback));
    let _ = writeln!(
        md,
        "- operations generated: {ops_gen} of {ops_doc} in the documents ({})",
        pct_of(ops_gen, ops_doc)
    );
    let _ = writeln!(
        md,
        "- schemas that fell back: {fallback} of {schemas} ({})",
        pct_of(fallback, schemas)
    );
    let _ = writeln!(md, "- generator warnings: {}", sum(|r| r.warnings));
    let rustc_warnings: usize = outcomes.iter().map(|o| o.rustc_warnings.len()).sum();
    let _ = writeln!(md, "- rustc warnings in generated crates: {rustc_warnings}");
    fallback_table(md, &reports);
}

/// Schema fallbacks grouped by (normalized) reason, most frequent first.
fn fallback_table(md: &mut String, reports: &[(&Doc, &super::Report)]) {
    let items = reports.iter().flat_map(|(doc, report)| {
        report.fallbacks.iter().map(|(pointer, reason)| Item {
            doc: &doc.id,
            class: normalize(reason),
            example: format!("`{pointer}`"),
        })
    });
    tally_table(md, ("fallback reason", "schemas"), items, 20);
}

/// Generator and rustc warnings grouped by reason class.
fn warnings(md: &mut String, docs: &[Doc], outcomes: &[Outcome]) {
    let _ = writeln!(md, "\n## Warnings");
    let generator = docs.iter().zip(outcomes).flat_map(|(doc, o)| {
        o.generator_warnings.iter().map(|w| Item {
            doc: &doc.id,
            class: generator_class(w),
            example: one_line(w, 200),
        })
    });
    tally_table(md, ("generator warning", "warnings"), generator, 25);
    let rustc = docs.iter().zip(outcomes).flat_map(|(doc, o)| {
        o.rustc_warnings.iter().map(|class| Item {
            doc: &doc.id,
            class: class.clone(),
            example: String::new(),
        })
    });
    tally_table(
        md,
        ("rustc warning in generated crates", "warnings"),
        rustc,
        15,
    );
}

/// One occurrence of something counted by class.
struct Item<'a> {
    doc: &'a str,
    class: String,
    /// Shown for the first occurrence of the class.
    example: String,
}

/// Occurrences sharing one class: how many, in which documents, first example.
#[derive(Default)]
struct Tally<'a> {
    count: usize,
    docs: Vec<&'a str>,
    example: Option<(&'a str, String)>,
}

/// A markdown table of `items` by class, most frequent first, `limit` rows.
fn tally_table<'a>(
    md: &mut String,
    (what, unit): (&str, &str),
    items: impl Iterator<Item = Item<'a>>,
    limit: usize,
) {
    let mut tallies: HashMap<String, Tally> = HashMap::new();
    for item in items {
        let tally = tallies.entry(item.class).or_default();
        tally.count += 1;
        if tally.docs.last() != Some(&item.doc) {
            tally.docs.push(item.doc);
        }
        tally.example.get_or_insert((item.doc, item.example));
    }
    if tallies.is_empty() {
        return;
    }
    let mut tallies: Vec<_> = tallies.into_iter().collect();
    tallies.sort_by(|a, b| b.1.count.cmp(&a.1.count).then_with(|| a.0.cmp(&b.0)));
    let _ = writeln!(
        md,
        "\n| {what} | {unit} | documents | example |\n|---|---:|---:|---|"
    );
    for (class, tally) in tallies.iter().take(limit) {
        let example = tally
            .example
            .as_ref()
            .map_or(String::new(), |(id, text)| format!("`{id}` {text}"));
        let _ = writeln!(
            md,
            "| {} | {} | {} | {} |",
            cell(class),
            tally.count,
            tally.docs.len(),
            cell(example.trim_end())
        );
    }
    if tallies.len() > limit {
        let _ = writeln!(md, "\n({} more classes not shown)", tallies.len() - limit);
    }
}

fn pct_of(part: u64, whole: u64) -> String {
    if whole == 0 {
        return "n/a".to_string();
    }
    format!("{:.1}%", 100.0 * part as f64 / whole as f64)
}

fn timing(md: &mut String, docs: &[Doc], outcomes: &[Outcome], info: &RunInfo) {
    let mut times: Vec<(u128, &str)> = docs
        .iter()
        .zip(outcomes)
        .map(|(d, o)| (o.generate_ms, d.id.as_str()))
        .collect();
    times.sort_unstable_by(|a, b| b.cmp(a));
    let median = times.get(times.len() / 2).map_or(0, |t| t.0);
    let slowest: Vec<String> = times
        .iter()
        .take(5)
        .map(|(ms, id)| format!("`{id}` {ms} ms"))
        .collect();
    let _ = writeln!(
        md,
        "\n## Timing\n\n- generation: {:.1} s in total, median {median} ms per document; slowest: {}",
        info.generate_time.as_secs_f64(),
        slowest.join(", ")
    );
    if let Some(check) = &info.check {
        let _ = writeln!(
            md,
            "- cargo check: {:.1} s for all crates together",
            check.duration.as_secs_f64()
        );
    }
}

/// One row per document; numbers the report lacks stay empty.
pub fn tsv(docs: &[Doc], outcomes: &[Outcome]) -> String {
    let mut out = String::from(
        "id\tvalid\topenapi_version\tstage\tgenerate_ms\toperations_in_document\t\
         operations_generated\tschemas_total\tschemas_fallback\tfirst_error\n",
    );
    let opt = |n: Option<u64>| n.map_or(String::new(), |n| n.to_string());
    for (doc, o) in docs.iter().zip(outcomes) {
        let r = o.report.clone().unwrap_or_default();
        let _ = writeln!(
            out,
            "{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}",
            doc.id,
            doc.valid.short(),
            doc.version,
            o.stage.name(),
            o.generate_ms,
            opt(r.operations_in_document),
            opt(r.operations_generated),
            opt(r.schemas_total),
            opt(r.schemas_fallback),
            one_line(o.error.as_deref().unwrap_or(""), 300)
        );
    }
    out
}

/// Fails when a requested pass-rate bar is missed, or on any panic when a bar is set.
pub fn enforce_bars(
    docs: &[Doc],
    outcomes: &[Outcome],
    min_valid: Option<f64>,
    min_all: Option<f64>,
) -> Result<()> {
    let mut missed = Vec::new();
    if let Some(bar) = min_valid {
        match pass_rate(docs, outcomes, |d| d.valid == Validity::Ok) {
            Some(rate) if rate >= bar => {}
            Some(rate) => missed.push(format!("valid documents pass at {rate:.1}% < {bar}%")),
            None => missed.push(
                "--min-valid given but no document is marked valid (no manifest?)".to_string(),
            ),
        }
    }
    if let Some(bar) = min_all {
        let rate = pass_rate(docs, outcomes, |_| true).unwrap_or(0.0);
        if rate < bar {
            missed.push(format!("all documents pass at {rate:.1}% < {bar}%"));
        }
    }
    let panics = outcomes.iter().filter(|o| o.stage == Stage::Panic).count();
    if (min_valid.is_some() || min_all.is_some()) && panics > 0 {
        missed.push(format!("{panics} generator panic(s)"));
    }
    if !missed.is_empty() {
        bail!("corpus bar missed: {}", missed.join("; "));
    }
    Ok(())
}
