//! `cargo xtask drift-eval DIR [--synthetic] [--only TEXT,..] [--no-judge]`: a benchmark, not a
//! CI step. For each pair of documents (`DIR/**/<id>/old.*` + `new.*`, and with
//! `--synthetic` the edits of `specs/*` and `tests/specs/*` in [`synthetic::EDITS`]) it runs our diff, generates
//! the old and the new crate, and asks cargo-semver-checks (the judge) whether the new crate
//! breaks code written against the old one. It prints the agreement table and writes it to
//! `target/drift-eval/report.md`.

mod synthetic;

use anyhow::{bail, Context, Result};
use generator::diff::{DiffReport, Semver};
use std::collections::hash_map::DefaultHasher;
use std::hash::{Hash, Hasher};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

/// The crate name every generated crate gets, so the judge compares like with like.
const CRATE: &str = "evolving-client";

/// Change kinds that only add to an API (or touch prose): a pair made only of these is
/// additive, and its generated crates should be semver-compatible.
const ADDITIVE: [&str; 16] = [
    "operation_added",
    "parameter_added_optional",
    "request_media_type_added",
    "response_status_added",
    "security_scheme_added",
    "server_added",
    "type_added",
    "field_added_optional",
    "additional_properties_added",
    "enum_value_added",
    "union_variant_added",
    "api_version_changed",
    "api_doc_changed",
    "operation_doc_changed",
    "type_doc_changed",
    "field_doc_changed",
];

struct Pair {
    id: String,
    old: Vec<u8>,
    new: Vec<u8>,
}

/// The judge's finding on one pair.
enum Verdict {
    /// cargo-semver-checks ran: the lints that require a major version, if any.
    Judged(Vec<String>),
    /// A crate could not be generated or documented, with why.
    Skipped(String),
    /// The judge was not asked (`--no-judge`).
    NotRun,
}

struct Row {
    id: String,
    ours: Option<DiffReport>,
    diff_time: Duration,
    verdict: Verdict,
}

pub fn run(flags: &crate::flags::DriftEval) -> Result<()> {
    let synthetic = flags.synthetic;
    let judge = !flags.no_judge;
    let only = flags.only.clone();
    let other_generator = flags.generator.clone();
    let work = flags.work.clone();
    let dir = flags.dir.clone();
    let root = crate::workspace_root();
    let mut pairs = match &dir {
        Some(dir) => real_pairs(dir)?,
        None if synthetic => Vec::new(),
        None => bail!("give a folder of pairs, or --synthetic"),
    };
    if synthetic {
        pairs.extend(synthetic_pairs(&root)?);
    }
    if let Some(list) = &only {
        pairs.retain(|p| list.split(',').any(|text| p.id.contains(text)));
    }
    let work = work.unwrap_or_else(|| root.join("target").join("drift-eval"));
    let mut rows = Vec::new();
    for (index, pair) in pairs.iter().enumerate() {
        eprintln!("[{}/{}] {}", index + 1, pairs.len(), pair.id);
        rows.push(evaluate(
            &root,
            &work,
            pair,
            judge,
            other_generator.as_deref(),
        ));
    }
    let table = render(&rows);
    print!("{table}");
    std::fs::create_dir_all(&work)?;
    std::fs::write(work.join("report.md"), &table)?;
    Ok(())
}

/// Every directory under `dir` holding `old.*` and `new.*`.
fn real_pairs(dir: &Path) -> Result<Vec<Pair>> {
    let mut found = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(current) = stack.pop() {
        let entries = std::fs::read_dir(&current)
            .with_context(|| format!("reading {}", current.display()))?;
        let mut old = None;
        let mut new = None;
        for entry in entries {
            let path = entry?.path();
            let name = path
                .file_stem()
                .and_then(|s| s.to_str())
                .unwrap_or_default();
            if path.is_dir() {
                stack.push(path);
            } else if name == "old" {
                old = Some(path);
            } else if name == "new" {
                new = Some(path);
            }
        }
        if let (Some(old), Some(new)) = (old, new) {
            let id = current
                .strip_prefix(dir)
                .unwrap_or(&current)
                .display()
                .to_string();
            found.push(Pair {
                id,
                old: std::fs::read(&old)?,
                new: std::fs::read(&new)?,
            });
        }
    }
    found.sort_by(|a, b| a.id.cmp(&b.id));
    Ok(found)
}

/// Each edit of each spec under `specs/` and `tests/specs/` that applies to it.
fn synthetic_pairs(root: &Path) -> Result<Vec<Pair>> {
    let mut pairs = Vec::new();
    for spec in crate::codegen::spec_files(root)? {
        let bytes = std::fs::read(&spec)?;
        let stem = spec.file_stem().and_then(|s| s.to_str()).unwrap_or("spec");
        let document = generator::load_document(&bytes)
            .with_context(|| format!("loading {}", spec.display()))?;
        for (name, edit) in synthetic::EDITS {
            if let Some(edited) = edit(&document) {
                pairs.push(Pair {
                    id: format!("synthetic/{stem}/{name}"),
                    old: bytes.clone(),
                    new: serde_json::to_vec_pretty(&edited)?,
                });
            }
        }
    }
    Ok(pairs)
}

/// `generator`: another build's `xtask` binary whose `generate` makes the crates (to judge
/// the output of an earlier generator); by default this build's generator.
fn evaluate(
    root: &Path,
    work: &Path,
    pair: &Pair,
    judge: bool,
    other_generator: Option<&Path>,
) -> Row {
    let start = Instant::now();
    let ours = generator::diff::diff_specs(&pair.old, &pair.new).ok();
    let diff_time = start.elapsed();
    let verdict = if !judge {
        Verdict::NotRun
    } else {
        let doc = |spec: &[u8]| rustdoc(root, work, spec, other_generator);
        match (doc(&pair.old), doc(&pair.new)) {
            (Ok(old), Ok(new)) => match semver_checks(&old, &new) {
                Ok(lints) => Verdict::Judged(lints),
                Err(e) => Verdict::Skipped(format!("judge: {e:#}")),
            },
            (Err(e), _) => Verdict::Skipped(format!("old: {e:#}")),
            (_, Err(e)) => Verdict::Skipped(format!("new: {e:#}")),
        }
    };
    Row {
        id: pair.id.clone(),
        ours,
        diff_time,
        verdict,
    }
}

/// The rustdoc JSON of the crate generated from `spec`, cached by the spec's bytes.
fn rustdoc(
    root: &Path,
    work: &Path,
    spec: &[u8],
    other_generator: Option<&Path>,
) -> Result<PathBuf> {
    let mut hasher = DefaultHasher::new();
    spec.hash(&mut hasher);
    other_generator.hash(&mut hasher);
    // A rebuilt generator may generate differently: its binary's time stamp is in the key.
    let binary = other_generator.map_or_else(std::env::current_exe, |p| Ok(p.to_path_buf()));
    binary
        .and_then(std::fs::metadata)
        .and_then(|m| m.modified())
        .ok()
        .hash(&mut hasher);
    let cached = work
        .join("rustdoc")
        .join(format!("{:016x}.json", hasher.finish()));
    if cached.is_file() {
        return Ok(cached);
    }
    let workspace = work.join("ws");
    let crate_dir = workspace.join("crate");
    let _ = std::fs::remove_dir_all(&crate_dir);
    std::fs::create_dir_all(&workspace)?;
    match other_generator {
        None => write_crate(root, spec, &crate_dir)?,
        Some(binary) => {
            let spec_path = work.join("spec.json");
            std::fs::write(&spec_path, spec)?;
            let output = Command::new(binary)
                .arg("generate")
                .arg(&spec_path)
                .arg("--out")
                .arg(&crate_dir)
                .args(["--name", CRATE])
                .output()
                .context("running the other generator")?;
            if !output.status.success() {
                bail!(
                    "generating: {}",
                    String::from_utf8_lossy(&output.stderr).trim()
                );
            }
        }
    }
    std::fs::write(
        workspace.join("Cargo.toml"),
        "[workspace]\nresolver = \"2\"\nmembers = [\"crate\"]\n",
    )?;
    std::fs::copy(root.join("Cargo.lock"), workspace.join("Cargo.lock"))?;
    let target = work.join("target");
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let output = Command::new(cargo)
        .args(["rustdoc", "-q", "--lib", "-p", CRATE, "--"])
        .args(["-Z", "unstable-options", "--output-format", "json"])
        .current_dir(&workspace)
        .env("RUSTC_BOOTSTRAP", "1")
        .env("CARGO_TARGET_DIR", &target)
        .output()
        .context("running cargo rustdoc")?;
    if !output.status.success() {
        let stderr = String::from_utf8_lossy(&output.stderr);
        let first = stderr
            .lines()
            .find(|l| l.starts_with("error"))
            .unwrap_or("");
        bail!("the crate does not document: {first}");
    }
    std::fs::create_dir_all(cached.parent().context("a parent")?)?;
    std::fs::copy(
        target
            .join("doc")
            .join(format!("{}.json", CRATE.replace('-', "_"))),
        &cached,
    )?;
    Ok(cached)
}

/// Generates the crate for `spec` with this build's generator into `dir`.
fn write_crate(root: &Path, spec: &[u8], dir: &Path) -> Result<()> {
    let mut settings = generator::Settings::new(CRATE);
    settings.runtime_path = root
        .join("generator/client-runtime")
        .to_string_lossy()
        .into_owned();
    let generation = generator::generate(spec, &settings).context("generating")?;
    for file in &generation.files {
        let path = dir.join(&file.path);
        std::fs::create_dir_all(path.parent().context("a parent")?)?;
        std::fs::write(&path, &file.contents)?;
    }
    Ok(())
}

/// The lints cargo-semver-checks fails that require a major version, releasing as minor.
fn semver_checks(old: &Path, new: &Path) -> Result<Vec<String>> {
    let output = Command::new("cargo")
        .args(["semver-checks", "check-release", "--color", "never"])
        .arg("--baseline-rustdoc")
        .arg(old)
        .arg("--current-rustdoc")
        .arg(new)
        .args(["--release-type", "minor"])
        .output()
        .context("running cargo semver-checks (cargo install cargo-semver-checks --locked)")?;
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    if !text.contains("Summary") {
        bail!("no summary from cargo-semver-checks: {}", text.trim());
    }
    if !text.contains("requires new major version") {
        return Ok(Vec::new());
    }
    let mut lints: Vec<String> = text
        .lines()
        .filter_map(|l| l.strip_prefix("--- failure "))
        .filter_map(|l| l.split(':').next())
        .map(str::to_string)
        .collect();
    lints.dedup();
    Ok(lints)
}

fn is_additive(report: &DiffReport) -> bool {
    !report.changes.is_empty() && report.changes.iter().all(|c| ADDITIVE.contains(&c.kind))
}

fn render(rows: &[Row]) -> String {
    let mut out = String::from(
        "| pair | ours | wire | additive | judge | major lints | our major changes | diff ms |\n\
         |---|---|---|---|---|---|---|---|\n",
    );
    let mut tally = Tally::default();
    for row in rows {
        let (ours, wire, additive, majors) = match &row.ours {
            Some(r) => (
                r.semver.as_str(),
                if r.wire_breaking { "breaking" } else { "ok" },
                is_additive(r),
                major_kinds(r),
            ),
            None => ("error", "", false, String::new()),
        };
        let (judge, lints) = match &row.verdict {
            Verdict::Judged(l) if l.is_empty() => ("compatible".to_string(), String::new()),
            Verdict::Judged(l) => ("major".to_string(), l.join(", ")),
            Verdict::Skipped(why) => (format!("skipped ({why})"), String::new()),
            Verdict::NotRun => ("-".to_string(), String::new()),
        };
        tally.count(row, additive);
        out.push_str(&format!(
            "| {} | {ours} | {wire} | {} | {judge} | {lints} | {majors} | {} |\n",
            row.id,
            if additive { "yes" } else { "" },
            row.diff_time.as_millis()
        ));
    }
    out.push_str(&tally.summary());
    out
}

fn major_kinds(report: &DiffReport) -> String {
    let mut kinds: Vec<&str> = report
        .changes
        .iter()
        .filter(|c| c.semver == Semver::Major)
        .map(|c| c.kind)
        .collect();
    kinds.sort();
    kinds.dedup();
    kinds.join(", ")
}

#[derive(Default)]
struct Tally {
    judged: usize,
    agree: usize,
    false_minor: Vec<String>,
    major_unseen: Vec<String>,
    additive: usize,
    additive_compatible: usize,
    slowest: (Duration, String),
}

impl Tally {
    fn count(&mut self, row: &Row, additive: bool) {
        if row.diff_time > self.slowest.0 {
            self.slowest = (row.diff_time, row.id.clone());
        }
        let (Some(ours), Verdict::Judged(lints)) = (&row.ours, &row.verdict) else {
            return;
        };
        self.judged += 1;
        let we_say_major = ours.semver == Semver::Major;
        let judge_major = !lints.is_empty();
        if we_say_major == judge_major {
            self.agree += 1;
        } else if judge_major {
            self.false_minor.push(row.id.clone());
        } else {
            self.major_unseen.push(row.id.clone());
        }
        if additive {
            self.additive += 1;
            if !judge_major {
                self.additive_compatible += 1;
            }
        }
    }

    fn summary(&self) -> String {
        let pct = |a: usize, b: usize| {
            if b == 0 {
                0.0
            } else {
                100.0 * a as f64 / b as f64
            }
        };
        format!(
            "\nJudged pairs: {}; agreement (major vs not): {} ({:.1}%).\n\
             False minor/patch (judge finds a major break we do not): {} {:?}\n\
             We say major, judge finds none (our report names the change): {} {:?}\n\
             Additive pairs semver-compatible: {}/{} ({:.1}%).\n\
             Slowest diff: {} ms ({}).\n",
            self.judged,
            self.agree,
            pct(self.agree, self.judged),
            self.false_minor.len(),
            self.false_minor,
            self.major_unseen.len(),
            self.major_unseen,
            self.additive_compatible,
            self.additive,
            pct(self.additive_compatible, self.additive),
            self.slowest.0.as_millis(),
            self.slowest.1,
        )
    }
}
