//! `cargo xtask bench`: our generator against progenitor 0.15 and the parse floor, measured in
//! one run on the same machine, interleaved, as medians over `--runs` rounds. Prints markdown
//! tables and writes them to `target/bench/report.md`.
//!
//! ```text
//! bench [SPEC...] [--runs N] [--check-runs N] [--family JSON_SPEC] [--no-check]
//!       [--no-client] [--client-rounds N] [--client-only]
//! ```
//!
//! This crate is its own workspace, outside the root one, so that the tests never compile the
//! peer generator.

mod alloc;
mod anatomy;
mod check;
mod client;
mod docs;
mod measure;
mod progress;
mod report;
mod stats;

use anyhow::{bail, Context, Result};
use std::path::{Path, PathBuf};

#[global_allocator]
static ALLOCATOR: alloc::Counting = alloc::Counting;

/// Sizes of the family made from `--family`: this many copies of the document.
const FAMILY_SCALES: [usize; 4] = [1, 2, 4, 8];

struct Options {
    specs: Vec<PathBuf>,
    family: Option<PathBuf>,
    runs: usize,
    check_runs: usize,
    check: bool,
    client: bool,
    client_rounds: usize,
    client_only: bool,
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("--peak") => peak_child(&args[1..]),
        _ => parse_options(&args).and_then(|options| run(&options)),
    };
    if let Err(error) = result {
        eprintln!("error: {error:#}");
        std::process::exit(1);
    }
}

fn parse_options(args: &[String]) -> Result<Options> {
    let mut options = Options {
        specs: Vec::new(),
        family: None,
        runs: 10,
        check_runs: 3,
        check: true,
        client: true,
        client_rounds: 100,
        client_only: false,
    };
    let mut args = args.iter();
    while let Some(arg) = args.next() {
        let mut value = |name: &str| {
            args.next()
                .cloned()
                .with_context(|| format!("{name} needs a value"))
        };
        match arg.as_str() {
            "--runs" => options.runs = value("--runs")?.parse()?,
            "--check-runs" => options.check_runs = value("--check-runs")?.parse()?,
            "--client-rounds" => options.client_rounds = value("--client-rounds")?.parse()?,
            "--family" => options.family = Some(PathBuf::from(value("--family")?)),
            "--no-check" => options.check = false,
            "--no-client" => options.client = false,
            "--client-only" => options.client_only = true,
            flag if flag.starts_with("--") => bail!(
                "unknown option `{flag}`\nusage: bench [SPEC...] [--runs N] [--check-runs N] \
                 [--client-rounds N] [--family JSON_SPEC] [--no-check] [--no-client] [--client-only]"
            ),
            spec => options.specs.push(PathBuf::from(spec)),
        }
    }
    anyhow::ensure!(options.runs > 0, "--runs must be at least 1");
    Ok(options)
}

fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn run(options: &Options) -> Result<()> {
    let root = workspace_root().canonicalize()?;
    let out_dir = root.join("target/bench");
    let load_before = load_average();
    let mut docs = Vec::new();
    let specs = if options.client_only {
        Vec::new()
    } else {
        docs::workspace_specs(&root)?
    };
    for path in specs.iter().chain(&options.specs) {
        docs.push(docs::Doc::read(path)?);
    }
    if let Some(source) = options.family.as_ref().filter(|_| !options.client_only) {
        docs.extend(docs::family(
            source,
            &FAMILY_SCALES,
            &out_dir.join("family"),
        )?);
    }
    let mut rows = Vec::new();
    let steps = progress::Steps::new("bench", docs.len());
    for doc in &docs {
        steps.start(format!(
            "bench: {} ({} bytes): {} interleaved rounds",
            doc.name,
            doc.bytes.len(),
            options.runs
        ));
        let settings = settings_for(doc);
        let measured = measure::measure(doc, &settings, options.runs);
        let peak = run_peak_child(doc)?;
        rows.push(report::Row {
            doc,
            measured,
            peak,
            checked: None,
        });
        steps.done();
    }
    steps.finish();
    if options.check {
        check_all(&root, &mut rows, options.check_runs)?;
    }
    let overhead = if options.client {
        eprintln!("bench: client overhead, {} rounds", options.client_rounds);
        Some(client::measure(options.client_rounds, 200)?)
    } else {
        None
    };
    let anatomy = report::reference(&rows).map(|row| {
        eprintln!("bench: formatting anatomy on {}", row.doc.name);
        anatomy::formatter(
            &row.doc.name,
            row.measured.ours.done(),
            row.doc,
            options.runs,
        )
    });
    let context = report::Context {
        runs: options.runs,
        check_runs: options.check.then_some(options.check_runs),
        load: (load_before, load_average()),
    };
    let text = report::render(&rows, overhead.as_ref(), anatomy.as_ref(), &context);
    print!("{text}");
    std::fs::create_dir_all(&out_dir)?;
    // A client-only run leaves the last full report in place.
    let path = out_dir.join(if options.client_only {
        "report-client.md"
    } else {
        "report.md"
    });
    std::fs::write(&path, &text).with_context(|| format!("writing {}", path.display()))?;
    eprintln!("bench: wrote {}", path.display());
    Ok(())
}

fn settings_for(doc: &docs::Doc) -> generator::Settings {
    let mut settings = generator::Settings::new(&format!("ours-{}", doc.slug()));
    settings.source = doc
        .path
        .file_name()
        .map(|name| name.to_string_lossy().into_owned())
        .unwrap_or_default();
    // The crates are checked in `target/bench-crates/<name>/`.
    settings.runtime_path = "../../../generator/client-runtime".into();
    settings
}

fn check_all(root: &Path, rows: &mut [report::Row], runs: usize) -> Result<()> {
    let mut pairs = Vec::new();
    let mut row_of_pair = Vec::new();
    for (index, row) in rows.iter().enumerate() {
        let Some(ours) = row.measured.ours.done() else {
            continue;
        };
        let slug = row.doc.slug();
        let ours = check::Crate {
            name: format!("ours-{slug}"),
            files: ours
                .files
                .iter()
                .map(|f| (f.path.clone(), f.contents.clone()))
                .collect(),
        };
        let peer = row.measured.peer.done().map(|peer| check::Crate {
            name: format!("progenitor-{slug}"),
            files: vec![
                (
                    "Cargo.toml".into(),
                    peer_manifest(&format!("progenitor-{slug}"), &peer.dependencies),
                ),
                ("src/lib.rs".into(), peer.text.clone()),
            ],
        });
        pairs.push((ours, peer));
        row_of_pair.push(index);
    }
    let results = check::check_pairs(&root.join("target/bench-crates"), &pairs, runs)?;
    for (index, result) in row_of_pair.into_iter().zip(results) {
        rows[index].checked = Some(result);
    }
    Ok(())
}

fn peer_manifest(name: &str, dependencies: &[String]) -> String {
    format!(
        "[package]\nname = \"{name}\"\nversion = \"0.1.0\"\nedition = \"2021\"\npublish = false\n\n\
         [dependencies]\n{}\n",
        dependencies.join("\n")
    )
}

/// Peak memory of one generation of `doc`, measured in a fresh child process.
fn run_peak_child(doc: &docs::Doc) -> Result<report::Peak> {
    let output = std::process::Command::new(std::env::current_exe()?)
        .arg("--peak")
        .arg(&doc.path)
        .arg(&doc.name)
        .output()
        .context("starting the peak-memory child")?;
    let stdout = String::from_utf8_lossy(&output.stdout);
    let numbers: Vec<f64> = stdout
        .split_whitespace()
        .skip(1)
        .filter_map(|word| word.parse().ok())
        .collect();
    match numbers[..] {
        [heap, value_heap, vm_hwm_kib] => Ok(report::Peak {
            heap,
            value_heap,
            vm_hwm: vm_hwm_kib * 1024.0,
        }),
        _ => Ok(report::Peak {
            heap: f64::NAN,
            value_heap: f64::NAN,
            vm_hwm: f64::NAN,
        }),
    }
}

/// The child side of (f): prints `peak <generation heap peak> <parsed Value heap> <VmHWM KiB>`.
fn peak_child(args: &[String]) -> Result<()> {
    let [path, _name] = args else {
        bail!("usage: bench --peak SPEC NAME");
    };
    let doc = docs::Doc::read(Path::new(path))?;
    let settings = settings_for(&doc);
    let base = alloc::start();
    let value = measure::parse_value(&doc);
    let value_heap = alloc::current() - base;
    drop(value);
    let base = alloc::start();
    let generation = generator::generate(&doc.bytes, &settings);
    let heap = alloc::peak() - base;
    drop(generation);
    println!("peak {heap} {value_heap} {}", vm_hwm_kib()?);
    Ok(())
}

fn vm_hwm_kib() -> Result<u64> {
    let status = std::fs::read_to_string("/proc/self/status")?;
    status
        .lines()
        .find_map(|line| line.strip_prefix("VmHWM:"))
        .and_then(|rest| rest.split_whitespace().next())
        .and_then(|kib| kib.parse().ok())
        .context("no VmHWM in /proc/self/status")
}

fn load_average() -> String {
    std::fs::read_to_string("/proc/loadavg")
        .ok()
        .and_then(|text| text.split_whitespace().next().map(str::to_string))
        .unwrap_or_else(|| "?".into())
}
