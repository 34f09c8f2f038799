//! The markdown report: one table per question, then the targets of issue 7 with the measured
//! ratio beside each.

use crate::anatomy::Formatter;
use crate::check::Checked;
use crate::client::Overhead;
use crate::docs::Doc;
use crate::measure::{Measured, OUR_STAGES, PEER_STAGES};
use crate::stats::{fmt_bytes, fmt_ms, fmt_ratio, growth_exponent};
use std::fmt::Write;

/// Peak memory of one generation, from the child process.
pub struct Peak {
    /// Highest live heap bytes during `generator::generate`, above what was live before.
    pub heap: f64,
    /// Heap bytes of the document parsed into `serde_json::Value`.
    pub value_heap: f64,
    /// The child process's peak resident set (binary, stacks and heap).
    pub vm_hwm: f64,
}

/// Everything measured for one document.
pub struct Row<'a> {
    /// The document.
    pub doc: &'a Doc,
    /// In-process timings and outputs.
    pub measured: Measured,
    /// Peak memory of our generation.
    pub peak: Peak,
    /// `cargo check` of ours and progenitor's crate, when run.
    pub checked: Option<(Checked, Option<Checked>)>,
}

/// How the run was made, for the report's first lines.
pub struct Context {
    /// Interleaved rounds of the in-process measurements.
    pub runs: usize,
    /// Rounds of `cargo check`, if run.
    pub check_runs: Option<usize>,
    /// The 1-minute load average before and after the run.
    pub load: (String, String),
}

/// Renders the whole report.
pub fn render(
    rows: &[Row],
    overhead: Option<&Overhead>,
    anatomy: Option<&Formatter>,
    context: &Context,
) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "# `cargo xtask bench`\n");
    let _ = writeln!(
        out,
        "Medians of {} interleaved rounds (floor, ours, progenitor 0.15.1 in each round; which \
         generator goes first alternates){}. Load average {} before, {} after: times are only \
         comparable within this run.\n",
        context.runs,
        context
            .check_runs
            .map(|n| format!("; `cargo check` medians of {n} interleaved rounds"))
            .unwrap_or_default(),
        context.load.0,
        context.load.1,
    );
    if !rows.is_empty() {
        time_table(&mut out, rows);
        stage_table(&mut out, rows);
        if let Some(formatter) = anatomy {
            anatomy_table(&mut out, formatter);
        }
        output_table(&mut out, rows);
        memory_table(&mut out, rows);
        growth_table(&mut out, rows);
    }
    if let Some(overhead) = overhead {
        overhead_table(&mut out, overhead);
    }
    targets_table(&mut out, rows, overhead);
    out
}

fn peer_cell(row: &Row, value: f64) -> String {
    row.measured.peer.failure().unwrap_or_else(|| fmt_ms(value))
}

fn time_table(out: &mut String, rows: &[Row]) {
    let _ = writeln!(out, "## Generation time (ms)\n");
    let _ = writeln!(
        out,
        "| document | size | ops | floor: Value | floor: openapiv3 | ours | progenitor | ours/progenitor | ours/openapiv3 floor | paired: ours/progenitor | paired: ours/floor |\n|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|"
    );
    for row in rows {
        let t = &row.measured.timings;
        let ours = row
            .measured
            .ours
            .failure()
            .unwrap_or_else(|| fmt_ms(t.ours));
        let ops = row
            .measured
            .ours
            .done()
            .map_or("-".into(), |o| o.operations.to_string());
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} | {} | {} | {} | {} | {} | {} | {} |",
            row.doc.name,
            fmt_bytes(row.doc.bytes.len() as f64),
            ops,
            fmt_ms(t.floor_value),
            if t.floor_openapi.is_nan() {
                "refused".into()
            } else {
                fmt_ms(t.floor_openapi)
            },
            ours,
            peer_cell(row, t.peer),
            fmt_ratio(t.ours, t.peer),
            fmt_ratio(t.ours, t.floor_openapi),
            fmt_ratio(t.paired_peer, 1.0),
            fmt_ratio(t.paired_floor, 1.0),
        );
    }
    let _ = writeln!(
        out,
        "\nRatios: of the medians, and (paired) the median of the ratios taken within each \
         round, which load that comes and goes between rounds disturbs less. The targets use \
         the paired ratios.\n"
    );
}

fn stage_table(out: &mut String, rows: &[Row]) {
    let _ = writeln!(out, "## By stage (ms)\n");
    let ours: Vec<String> = OUR_STAGES.iter().map(|s| format!("ours: {s}")).collect();
    let peer: Vec<String> = PEER_STAGES
        .iter()
        .map(|s| format!("progenitor: {s}"))
        .collect();
    let _ = writeln!(
        out,
        "| document | {} | {} |\n|---|{}",
        ours.join(" | "),
        peer.join(" | "),
        "--:|".repeat(OUR_STAGES.len() + PEER_STAGES.len())
    );
    for row in rows {
        let t = &row.measured.timings;
        let cells: Vec<String> = t
            .ours_stages
            .iter()
            .chain(&t.peer_stages)
            .map(|&v| fmt_ms(v))
            .collect();
        let _ = writeln!(out, "| {} | {} |", row.doc.name, cells.join(" | "));
    }
    let _ = writeln!(
        out,
        "\nOur `render` and `format` are summed over the threads that render and print the \
         pieces of all Rust files (one per core, up to four; each thread claims the next piece \
         when it is free and renders it just before printing it), so the stage sums can \
         exceed the whole call. Both sides format the same way: our `format` and \
         progenitor's `print` are `syn::parse2` + `prettyplease::unparse` (ours piece by \
         piece on the threads, `generator/src/format.rs`).\n"
    );
}

fn anatomy_table(out: &mut String, formatter: &Formatter) {
    let _ = writeln!(
        out,
        "## A syntax-tree formatter on the same output, on {} (ms)\n\nWhat parsing and \
         pretty-printing each output costs on one thread (progenitor's `print`, and our \
         `format` done whole rather than piece by piece): our files read back, for comparison \
         with our `format` above.\n",
        formatter.name
    );
    let _ = writeln!(
        out,
        "| output | lines | tokens to `syn::File` | `prettyplease::unparse` | drop tree | (lexing text, not in our pipeline) |\n|---|--:|--:|--:|--:|--:|"
    );
    let by_item = formatter.by_item.as_ref().map(|(anatomy, identical)| {
        let label = if *identical {
            "ours, item by item (same bytes)"
        } else {
            "ours, item by item (DIFFERENT bytes)"
        };
        (label, anatomy)
    });
    let rows = [
        Some((
            "ours, whole files (our files read back)",
            formatter.whole.as_ref(),
        )),
        by_item.map(|(label, anatomy)| (label, Some(anatomy))),
        Some((
            "progenitor, whole file (its tokens)",
            formatter.peer.as_ref(),
        )),
    ];
    for (label, anatomy) in rows.into_iter().flatten() {
        if let Some(a) = anatomy {
            let _ = writeln!(
                out,
                "| {label} | {} | {} | {} | {} | {} |",
                a.lines,
                fmt_ms(a.parse),
                fmt_ms(a.unparse),
                fmt_ms(a.drop),
                fmt_ms(a.lex)
            );
        }
    }
    let _ = writeln!(out);
}

fn checked_cell(checked: Option<&Checked>) -> (String, f64) {
    match checked {
        Some(Checked::Seconds(s)) => (format!("{s:.2}"), *s),
        Some(Checked::Fails(why)) => (format!("fails ({})", why.replace('|', "/")), f64::NAN),
        None => ("-".into(), f64::NAN),
    }
}

fn output_table(out: &mut String, rows: &[Row]) {
    let _ = writeln!(
        out,
        "## Generated code and `cargo check` (dependencies built)\n"
    );
    let _ = writeln!(
        out,
        "| document | ours lines | progenitor lines | ours/progenitor | ours check s | progenitor check s | ours/progenitor |\n|---|--:|--:|--:|--:|--:|--:|"
    );
    for row in rows {
        let ours_lines = row.measured.ours.done().map_or(0, |o| o.lines());
        let peer_lines = row
            .measured
            .peer
            .done()
            .map_or(0, |p| p.text.lines().count());
        let (ours_check, ours_s) = checked_cell(row.checked.as_ref().map(|c| &c.0));
        let (peer_check, peer_s) = checked_cell(row.checked.as_ref().and_then(|c| c.1.as_ref()));
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} | {} | {} | {} |",
            row.doc.name,
            ours_lines,
            if peer_lines == 0 {
                "-".into()
            } else {
                peer_lines.to_string()
            },
            fmt_ratio(ours_lines as f64, peer_lines as f64),
            ours_check,
            peer_check,
            fmt_ratio(ours_s, peer_s),
        );
    }
    let _ = writeln!(
        out,
        "\nLines are all `.rs` lines as written (ours: `lib.rs`, `types.rs`, `client.rs`, and \
         `token.rs` where there is one; progenitor: one `lib.rs`, positional style, printed by \
         prettyplease. Each side's runtime is a crate of its own, a dependency: our \
         `client-runtime`, progenitor's `progenitor-client`). `cargo check`: `touch \
         src/lib.rs && cargo check -p CRATE` with `CARGO_INCREMENTAL=0`.\n"
    );
}

fn memory_table(out: &mut String, rows: &[Row]) {
    let _ = writeln!(
        out,
        "## Peak memory of our generation (one child process per document)\n"
    );
    let _ = writeln!(
        out,
        "| document | document | parsed `Value` heap | peak heap | peak/document | peak/`Value` | child VmHWM |\n|---|--:|--:|--:|--:|--:|--:|"
    );
    for row in rows {
        let p = &row.peak;
        let size = row.doc.bytes.len() as f64;
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} | {} | {} | {} |",
            row.doc.name,
            fmt_bytes(size),
            fmt_bytes(p.value_heap),
            fmt_bytes(p.heap),
            fmt_ratio(p.heap, size),
            fmt_ratio(p.heap, p.value_heap),
            fmt_bytes(p.vm_hwm),
        );
    }
    let _ = writeln!(
        out,
        "\nPeak heap: the highest live heap during `generator::generate` above what was live \
         before it (the document's bytes), counted by the bench's global allocator. VmHWM adds \
         the binary, stacks and allocator slack.\n"
    );
}

fn family<'r, 'd>(rows: &'r [Row<'d>]) -> Vec<&'r Row<'d>> {
    rows.iter().filter(|row| row.doc.scale.is_some()).collect()
}

fn growth_table(out: &mut String, rows: &[Row]) {
    let members = family(rows);
    if members.len() < 2 {
        return;
    }
    let _ = writeln!(
        out,
        "## Growth with size (one family: copies of one document)\n"
    );
    let _ = writeln!(
        out,
        "| member | size | openapiv3 floor ms | ours ms | ours ms/100 KiB | ours/floor | progenitor ms | progenitor ms/100 KiB | ours lines | ours check s | progenitor check s | peak heap |\n|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|"
    );
    for row in &members {
        let t = &row.measured.timings;
        let kib100 = row.doc.bytes.len() as f64 / (100.0 * 1024.0);
        let lines = row.measured.ours.done().map_or(0, |o| o.lines());
        let (ours_check, _) = checked_cell(row.checked.as_ref().map(|c| &c.0));
        let (peer_check, _) = checked_cell(row.checked.as_ref().and_then(|c| c.1.as_ref()));
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} | {} | {} | {} | {} | {} | {} | {} | {} |",
            row.doc.name,
            fmt_bytes(row.doc.bytes.len() as f64),
            fmt_ms(t.floor_openapi),
            fmt_ms(t.ours),
            fmt_ms(t.ours / kib100),
            fmt_ratio(t.ours, t.floor_openapi),
            peer_cell(row, t.peer),
            fmt_ms(t.peer / kib100),
            lines,
            ours_check,
            peer_check,
            fmt_bytes(row.peak.heap),
        );
    }
    let exponents = growth_exponents(&members);
    let _ = writeln!(
        out,
        "\nGrowth exponent k of cost ~ size^k from the smallest to the largest member (1.00 is \
         linear): openapiv3 floor {}, ours time {}, progenitor time {}, ours time relative to \
         the floor {} (0.00: grows exactly as parsing does), ours lines {}, ours check {}, \
         progenitor check {}, ours peak heap {}.\n",
        exponents[6],
        exponents[0],
        exponents[1],
        exponents[7],
        exponents[2],
        exponents[3],
        exponents[4],
        exponents[5]
    );
}

fn growth_exponents(members: &[&Row]) -> [String; 8] {
    let series = |value: &dyn Fn(&Row) -> f64| {
        let points: Vec<(f64, f64)> = members
            .iter()
            .map(|row| (row.doc.bytes.len() as f64, value(row)))
            .collect();
        let k = growth_exponent(&points);
        if k.is_finite() {
            format!("{k:.2}")
        } else {
            "-".into()
        }
    };
    let check = |row: &Row, peer: bool| match &row.checked {
        Some((Checked::Seconds(s), _)) if !peer => *s,
        Some((_, Some(Checked::Seconds(s)))) if peer => *s,
        _ => f64::NAN,
    };
    [
        series(&|row| row.measured.timings.ours),
        series(&|row| row.measured.timings.peer),
        series(&|row| {
            row.measured
                .ours
                .done()
                .map_or(f64::NAN, |o| o.lines() as f64)
        }),
        series(&|row| check(row, false)),
        series(&|row| check(row, true)),
        series(&|row| row.peak.heap),
        series(&|row| row.measured.timings.floor_openapi),
        series(&|row| row.measured.timings.ours / row.measured.timings.floor_openapi),
    ]
}

fn overhead_table(out: &mut String, overhead: &Overhead) {
    let _ = writeln!(
        out,
        "## Generated client overhead (token request over 127.0.0.1)\n"
    );
    let _ = writeln!(
        out,
        "| client | µs per request | ratio |\n|---|--:|--:|\n| generated (`chift`, `generate_access_token_token_post`) | {:.1} | {} |\n| by hand (reqwest `.json().send().error_for_status().json()`) | {:.1} | 1.00 |\n| by hand, plus the generated client's per-request 30 s timeout and `User-Agent` | {:.1} | {} |\n",
        overhead.generated_us,
        fmt_ratio(overhead.generated_us, overhead.hand_us),
        overhead.hand_us,
        overhead.hand_like_us,
        fmt_ratio(overhead.hand_like_us, overhead.hand_us),
    );
    let _ = writeln!(
        out,
        "Medians over {} rounds of {} requests per client, rotating which goes first, one \
         keep-alive connection each, one tokio server thread answering a fixed `Token`. \
         Paired (the median over rounds of generated/by hand within the same round, as the \
         generation ratios are taken): {:.3}.\n",
        overhead.rounds, overhead.batch, overhead.paired
    );
}

/// The document the absolute targets are judged on: the family's 1x member if there is a
/// family, else the largest document both generators handled.
pub fn reference<'r, 'd>(rows: &'r [Row<'d>]) -> Option<&'r Row<'d>> {
    rows.iter()
        .find(|row| row.doc.scale == Some(1))
        .or_else(|| {
            rows.iter()
                .filter(|row| {
                    row.measured.ours.done().is_some() && row.measured.peer.done().is_some()
                })
                .max_by_key(|row| row.doc.bytes.len())
        })
}

fn targets_table(out: &mut String, rows: &[Row], overhead: Option<&Overhead>) {
    let Some(row) = reference(rows) else {
        return;
    };
    let t = &row.measured.timings;
    let lines = row
        .measured
        .ours
        .done()
        .map_or(f64::NAN, |o| o.lines() as f64);
    let peer_lines = row
        .measured
        .peer
        .done()
        .map_or(f64::NAN, |p| p.text.lines().count() as f64);
    let checks = match &row.checked {
        Some((Checked::Seconds(a), Some(Checked::Seconds(b)))) => a / b,
        _ => f64::NAN,
    };
    let members = family(rows);
    let family_exponent = |value: &dyn Fn(&Row) -> f64| {
        if members.len() < 2 {
            return f64::NAN;
        }
        let points: Vec<(f64, f64)> = members
            .iter()
            .map(|r| (r.doc.bytes.len() as f64, value(r)))
            .collect();
        growth_exponent(&points)
    };
    let growth = family_exponent(&|r| r.measured.timings.ours);
    let t_of = |r: &Row| r.measured.timings.ours / r.measured.timings.floor_openapi;
    let growth_vs_floor = 1.0 + family_exponent(&t_of);
    let client = overhead.map_or(f64::NAN, |o| o.paired);
    let size = row.doc.bytes.len() as f64;
    let targets: [(&str, f64, f64); 9] = [
        (
            "generation time, ours/progenitor (paired)",
            t.paired_peer,
            0.5,
        ),
        (
            "generation time, ours/openapiv3 floor (paired)",
            t.paired_floor,
            10.0,
        ),
        ("generated lines, ours/progenitor", lines / peer_lines, 0.6),
        ("`cargo check`, ours/progenitor", checks, 0.5),
        ("growth exponent of our time over the family", growth, 1.1),
        (
            "the same, taking the floor's growth as linear",
            growth_vs_floor,
            1.1,
        ),
        (
            "peak heap / parsed document (`Value` heap)",
            row.peak.heap / row.peak.value_heap,
            5.0,
        ),
        (
            "peak heap / document file (stricter reading)",
            row.peak.heap / size,
            5.0,
        ),
        (
            "generated client / hand-written reqwest (paired)",
            client,
            1.05,
        ),
    ];
    let _ = writeln!(out, "## Targets (issue 7), on {}\n", row.doc.name);
    let _ = writeln!(
        out,
        "| target | measured | at most | met |\n|---|--:|--:|---|"
    );
    for (name, measured, limit) in targets {
        let met = if !measured.is_finite() {
            "not measured"
        } else if measured <= limit {
            "yes"
        } else {
            "no"
        };
        let _ = writeln!(out, "| {name} | {measured:.3} | {limit:.3} | {met} |");
    }
    let _ = writeln!(
        out,
        "\nTime ratios are of medians from this run; linear growth is judged as an exponent of \
         at most 1.1 between the smallest and the largest member of the family.\n"
    );
}
