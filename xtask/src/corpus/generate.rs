//! Generation phase: one `xtask generate` subprocess per document, a few in
//! parallel, each with a timeout.

use std::fs::File;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, ExitStatus, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use super::docs::Doc;
use super::progress::Progress;
use super::sync;
use super::{Outcome, Report, Stage};

pub struct Context {
    /// The xtask binary to run `generate` with.
    pub exe: PathBuf,
    pub out: PathBuf,
    pub timeout: Duration,
}

/// Generates every document with `jobs` workers; results are in `docs` order.
pub fn generate_all(docs: &[Doc], ctx: &Context, jobs: usize) -> Vec<Outcome> {
    let next = AtomicUsize::new(0);
    let (send, receive) = mpsc::channel();
    let mut results: Vec<Option<Outcome>> = vec![None; docs.len()];
    std::thread::scope(|scope| {
        for _ in 0..jobs.min(docs.len()) {
            let send = send.clone();
            let next = &next;
            scope.spawn(move || loop {
                let index = next.fetch_add(1, Ordering::Relaxed);
                let Some(doc) = docs.get(index) else { break };
                if send.send((index, generate_one(doc, ctx))).is_err() {
                    break;
                }
            });
        }
        // Only the workers' clones may keep the channel open.
        drop(send);
        let mut progress = Progress::new("generate", docs.len());
        for (index, outcome) in receive {
            progress.tick(&docs[index].id);
            results[index] = Some(outcome);
        }
        progress.finish();
    });
    results
        .into_iter()
        .map(|r| r.unwrap_or_else(|| lost_outcome("worker thread died before reporting")))
        .collect()
}

fn lost_outcome(why: &str) -> Outcome {
    Outcome {
        stage: Stage::GenerateFailed,
        generate_ms: 0,
        report: None,
        error: Some(why.to_string()),
        generator_warnings: Vec::new(),
        rustc_warnings: Vec::new(),
    }
}

/// Runs `xtask generate` for one document and classifies how it ended.
fn generate_one(doc: &Doc, ctx: &Context) -> Outcome {
    // Generated into staging/, then synced into crates/ (see sync.rs).
    let staging = ctx.out.join("staging").join(&doc.crate_name);
    let crate_dir = ctx.out.join("crates").join(&doc.crate_name);
    let report_path = ctx.out.join("reports").join(format!("{}.json", doc.id));
    let log_path = ctx.out.join("logs").join(format!("{}.log", doc.id));
    let started = Instant::now();
    let run = spawn_logged(doc, ctx, &staging, &report_path, &log_path)
        .and_then(|child| wait_with_timeout(child, ctx.timeout));
    let generate_ms = started.elapsed().as_millis();
    let log = std::fs::read_to_string(&log_path).unwrap_or_default();
    let report = read_report(&report_path);
    let (stage, error) = match run {
        Err(e) => (
            Stage::GenerateFailed,
            Some(format!("could not run the generator: {e}")),
        ),
        Ok(None) => (
            Stage::Timeout,
            Some(format!(
                "generation timed out after {} s",
                ctx.timeout.as_secs()
            )),
        ),
        Ok(Some(status)) => classify_exit(status, &log, &staging),
    };
    let (stage, error) = match stage {
        Stage::Generated => match sync::replace_dir(&staging, &crate_dir) {
            Ok(()) => (stage, error),
            Err(e) => (Stage::GenerateFailed, Some(format!("{e:#}"))),
        },
        _ => (stage, error),
    };
    Outcome {
        stage,
        generate_ms,
        report,
        error,
        generator_warnings: warnings(&log),
        rustc_warnings: Vec::new(),
    }
}

/// Starts the generator with stdout and stderr going to one log file, which
/// never blocks the child the way an unread pipe could.
fn spawn_logged(
    doc: &Doc,
    ctx: &Context,
    crate_dir: &Path,
    report: &Path,
    log_path: &Path,
) -> std::io::Result<Child> {
    let log = File::create(log_path)?;
    Command::new(&ctx.exe)
        .arg("generate")
        .arg(&doc.path)
        .arg("--out")
        .arg(crate_dir)
        .arg("--name")
        .arg(&doc.crate_name)
        .arg("--report")
        .arg(report)
        .stdin(Stdio::null())
        .stdout(log.try_clone()?)
        .stderr(log)
        // Full backtraces would bury the panic message we classify on.
        .env("RUST_BACKTRACE", "0")
        .spawn()
}

/// Waits for `child`; `Ok(None)` means it was killed after `timeout`.
fn wait_with_timeout(mut child: Child, timeout: Duration) -> std::io::Result<Option<ExitStatus>> {
    let deadline = Instant::now() + timeout;
    // Most documents take milliseconds, so start polling fast and back off.
    let mut pause = Duration::from_millis(2);
    loop {
        if let Some(status) = child.try_wait()? {
            return Ok(Some(status));
        }
        if Instant::now() >= deadline {
            // The child may exit between try_wait and kill; either way reap it.
            let _ = child.kill();
            child.wait()?;
            return Ok(None);
        }
        std::thread::sleep(pause);
        pause = (pause * 2).min(Duration::from_millis(100));
    }
}

fn classify_exit(status: ExitStatus, log: &str, crate_dir: &Path) -> (Stage, Option<String>) {
    if !status.success() {
        // Exit code 101 plus "panicked at" is an unwinding panic in main; a
        // panic that the generator caught and turned into exit 1 is still a bug
        // of the same kind, so any failed exit with a panic message counts.
        if let Some(panic) = panic_message(log) {
            return (Stage::Panic, Some(panic));
        }
        // A stack overflow (deep or cyclic schemas) aborts instead of unwinding.
        if let Some(signal) = signal_of(status) {
            let what = if log.contains("overflowed its stack") {
                "stack overflow".to_string()
            } else {
                format!("killed by signal {signal}")
            };
            return (Stage::Panic, Some(format!("crashed: {what}")));
        }
        let error = error_line(log).unwrap_or_else(|| format!("generator exited with {status}"));
        return (Stage::GenerateFailed, Some(error));
    }
    if !crate_dir.join("Cargo.toml").is_file() {
        return (
            Stage::GenerateFailed,
            Some("generator succeeded but wrote no Cargo.toml".to_string()),
        );
    }
    (Stage::Generated, None)
}

#[cfg(unix)]
fn signal_of(status: ExitStatus) -> Option<i32> {
    std::os::unix::process::ExitStatusExt::signal(&status)
}

#[cfg(not(unix))]
fn signal_of(_status: ExitStatus) -> Option<i32> {
    None
}

/// `panicked at LOCATION: MESSAGE` from a panic in the log, if any.
/// Handles both the current two-line format (`panicked at src/x.rs:1:2:` then
/// the message) and the older `panicked at 'message', src/x.rs:1:2`.
pub fn panic_message(log: &str) -> Option<String> {
    let mut lines = log.lines();
    while let Some(line) = lines.next() {
        let Some(at) = line.find("panicked at ") else {
            continue;
        };
        let rest = line[at + "panicked at ".len()..].trim();
        if let Some(location) = rest.strip_suffix(':') {
            let message = lines.next().unwrap_or("").trim();
            return Some(format!("panicked at {location}: {message}"));
        }
        return Some(format!("panicked at {rest}"));
    }
    None
}

/// The generator's error: the last `error:` line (anyhow's `{:#}` chain), or
/// the last non-empty line when there is none.
pub fn error_line(log: &str) -> Option<String> {
    let lines: Vec<&str> = log
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    lines
        .iter()
        .rev()
        .find_map(|l| l.strip_prefix("error:"))
        .or_else(|| lines.last().copied())
        .map(|l| l.trim().to_string())
}

/// The generator's warnings: the text after `warning: ` on each log line
/// (lines look like `<spec>: warning: #/pointer: message`).
pub fn warnings(log: &str) -> Vec<String> {
    log.lines()
        .filter_map(|line| {
            line.split_once("warning: ")
                .map(|(_, w)| w.trim().to_string())
        })
        .collect()
}

/// Reads the generator's report; a missing or malformed report is `None` and
/// each missing field stays `None`.
pub fn read_report(path: &Path) -> Option<Report> {
    let text = std::fs::read_to_string(path).ok()?;
    let json: serde_json::Value = serde_json::from_str(&text).ok()?;
    let number = |key: &str| json.get(key).and_then(serde_json::Value::as_u64);
    let text_of = |v: &serde_json::Value, key: &str| {
        v.get(key)
            .and_then(serde_json::Value::as_str)
            .unwrap_or("?")
            .to_string()
    };
    let fallbacks = json
        .get("fallbacks")
        .and_then(serde_json::Value::as_array)
        .map(|list| {
            list.iter()
                .map(|f| (text_of(f, "pointer"), text_of(f, "reason")))
                .collect()
        })
        .unwrap_or_default();
    Some(Report {
        operations_in_document: number("operations_in_document"),
        operations_generated: number("operations_generated"),
        schemas_total: number("schemas_total"),
        schemas_fallback: number("schemas_fallback"),
        fallbacks,
        warnings: number("warnings"),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn panic_formats() {
        let new = "thread 'main' panicked at generator/src/a.rs:10:5:\nboom `X`\nnote: ...";
        assert_eq!(
            panic_message(new).as_deref(),
            Some("panicked at generator/src/a.rs:10:5: boom `X`")
        );
        let old = "thread 'main' panicked at 'boom', src/a.rs:1:2";
        assert_eq!(
            panic_message(old).as_deref(),
            Some("panicked at 'boom', src/a.rs:1:2")
        );
        assert_eq!(panic_message("error: nope"), None);
    }

    #[test]
    fn error_line_prefers_error_prefix() {
        assert_eq!(
            error_line("warning: x\nerror: bad: worse\n\n").as_deref(),
            Some("bad: worse")
        );
        assert_eq!(error_line("just text\n").as_deref(), Some("just text"));
        assert_eq!(error_line(""), None);
    }

    #[test]
    fn warnings_are_read_from_the_log() {
        let log = "a.yaml: warning: #/x: skipped\na.yaml: 1 operations\nwarning: plain\n";
        assert_eq!(warnings(log), ["#/x: skipped", "plain"]);
    }

    #[test]
    fn report_tolerates_missing_fields() -> anyhow::Result<()> {
        let dir = std::env::temp_dir().join(format!("xtask-corpus-test-{}", std::process::id()));
        std::fs::create_dir_all(&dir)?;
        let path = dir.join("r.json");
        std::fs::write(
            &path,
            r##"{"operations_in_document": 3, "fallbacks": [{"pointer": "#/a", "reason": "r"}]}"##,
        )?;
        let report = read_report(&path);
        std::fs::remove_dir_all(&dir)?;
        let report = report.ok_or_else(|| anyhow::anyhow!("no report"))?;
        assert_eq!(report.operations_in_document, Some(3));
        assert_eq!(report.operations_generated, None);
        assert_eq!(report.fallbacks, vec![("#/a".to_string(), "r".to_string())]);
        Ok(())
    }
}
