//! The run's report: totals, failures ranked by class and reason, slowest documents, and the
//! last line scripts read.

use std::collections::BTreeMap;
use std::fmt::Write;
use std::time::Duration;

use super::classify::{Call, Class};

/// One document's run.
pub struct DocRun {
    pub id: String,
    /// Why its operations were not called (generation, build or Prism failed).
    pub skipped: Option<String>,
    pub calls: Vec<Call>,
    pub duration: Duration,
}

pub struct Totals {
    pub documents: usize,
    pub operations: usize,
    pub valid: usize,
    pub decoded: usize,
    pub panics: usize,
    /// Operations with a failure of our own code.
    pub ours: usize,
}

pub fn totals(runs: &[DocRun]) -> Totals {
    let calls = || runs.iter().flat_map(|r| &r.calls);
    Totals {
        documents: runs.len(),
        operations: calls().count(),
        valid: calls().filter(|c| c.request_valid()).count(),
        decoded: calls().filter(|c| c.decoded()).count(),
        panics: calls().filter(|c| c.kind == "panic").count(),
        ours: calls()
            .filter(|c| c.failures().iter().any(|f| f.0.is_ours()))
            .count(),
    }
}

pub fn percent(part: usize, whole: usize) -> f64 {
    if whole == 0 {
        100.0
    } else {
        part as f64 * 100.0 / whole as f64
    }
}

/// The last line of the report.
pub fn last_line(t: &Totals) -> String {
    format!(
        "conformance: {} documents, {} operations, {:.1}% request-valid, {:.1}% decoded, {} panics",
        t.documents,
        t.operations,
        percent(t.valid, t.operations),
        percent(t.decoded, t.operations),
        t.panics
    )
}

pub fn markdown(runs: &[DocRun], command: &str, phases: &[(&str, Duration)]) -> String {
    let t = totals(runs);
    let mut s = String::from("# Conformance against Prism\n\n");
    let _ = writeln!(s, "Command: `{command}`\n");
    for (phase, time) in phases {
        let _ = writeln!(s, "- {phase}: {:.0} s", time.as_secs_f64());
    }
    let _ = writeln!(
        s,
        "\n| documents | operations called | request-valid | decoded | panics | ops failing in our code |\n|---|---|---|---|---|---|\n| {} | {} | {:.1}% | {:.1}% | {} | {} |\n",
        t.documents,
        t.operations,
        percent(t.valid, t.operations),
        percent(t.decoded, t.operations),
        t.panics,
        t.ours
    );
    let calls = || runs.iter().flat_map(|r| &r.calls);
    let redone = calls().filter(|c| c.dynamic.is_some()).count();
    let redone_decoded = calls()
        .filter(|c| c.dynamic.as_ref().is_some_and(|d| d.decoded()))
        .count();
    let _ = writeln!(
        s,
        "Replies generated from the schema: {redone} operations whose document's example reply \
         broke its schema, or whose valid request Prism failed to answer, were called again \
         with Prism in dynamic mode; {redone_decoded} of those replies decoded (counted as \
         decoded above).\n"
    );
    let skipped: Vec<&DocRun> = runs.iter().filter(|r| r.skipped.is_some()).collect();
    if !skipped.is_empty() {
        s.push_str("## Documents not called\n\n| document | why |\n|---|---|\n");
        for run in skipped {
            let why = run.skipped.as_deref().unwrap_or_default();
            let _ = writeln!(s, "| {} | {} |", run.id, cell(why));
        }
        s.push('\n');
    }
    failures(&mut s, runs);
    s.push_str("## Slowest documents\n\n| document | operations | seconds |\n|---|---|---|\n");
    let mut slow: Vec<&DocRun> = runs.iter().collect();
    slow.sort_by_key(|run| std::cmp::Reverse(run.duration));
    for run in slow.iter().take(10) {
        let _ = writeln!(
            s,
            "| {} | {} | {:.1} |",
            run.id,
            run.calls.len(),
            run.duration.as_secs_f64()
        );
    }
    let _ = writeln!(s, "\n{}", last_line(&t));
    s
}

/// Failures by class, then by reason, each with one example (document, operation, text).
fn failures(s: &mut String, runs: &[DocRun]) {
    let mut by_class: BTreeMap<Class, BTreeMap<String, (usize, String)>> = BTreeMap::new();
    for run in runs {
        for call in &run.calls {
            for (class, reason, evidence) in call.failures() {
                let entry = by_class
                    .entry(class)
                    .or_default()
                    .entry(reason)
                    .or_insert_with(|| {
                        let op = format!("{} {} {}", call.name, call.method, call.path);
                        (0, format!("{} `{op}`: {}", run.id, evidence))
                    });
                entry.0 += 1;
            }
        }
    }
    if by_class.is_empty() {
        s.push_str("## Failures\n\nNone.\n\n");
        return;
    }
    s.push_str("## Failures by class\n\n| class | failures |\n|---|---|\n");
    for (class, reasons) in &by_class {
        let count: usize = reasons.values().map(|r| r.0).sum();
        let _ = writeln!(s, "| {} | {count} |", class.name());
    }
    s.push_str(
        "\n## Failures by reason\n\n| class | reason | count | example |\n|---|---|---|---|\n",
    );
    for (class, reasons) in &by_class {
        let mut ranked: Vec<(&String, &(usize, String))> = reasons.iter().collect();
        ranked.sort_by(|a, b| b.1 .0.cmp(&a.1 .0).then(a.0.cmp(b.0)));
        for (reason, (count, example)) in ranked.iter().take(15) {
            let _ = writeln!(
                s,
                "| {} | {} | {count} | {} |",
                class.name(),
                cell(reason),
                cell(example)
            );
        }
    }
    s.push('\n');
}

fn cell(text: &str) -> String {
    crate::corpus::classify::one_line(text, 200).replace('|', "\\|")
}
