//! Check phase: every generated crate becomes a member of one throw-away
//! workspace in the output directory, checked by a single
//! `cargo check --workspace --keep-going` so dependencies are built once and
//! cargo parallelises across crates. rustc's JSON messages are attributed to
//! crates by manifest path.

use std::collections::{HashMap, HashSet, VecDeque};
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStderr, ChildStdout, Command, ExitStatus, Stdio};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Mutex;
use std::time::{Duration, Instant};

use anyhow::{anyhow, Context, Result};
use serde_json::Value;

use super::classify::rustc_warning_class;
use super::progress;

/// What `cargo check` said about one generated crate.
#[derive(Clone, Debug, Default)]
pub struct Verdict {
    pub passed: bool,
    pub first_error: Option<String>,
    pub errors: usize,
    /// Reason class of every rustc warning in the crate.
    pub warnings: Vec<String>,
    /// A `compiler-artifact` arrived for the crate.
    artifact: bool,
}

#[derive(Clone, Debug, Default)]
pub struct CheckMeta {
    pub crates: usize,
    pub duration: Duration,
    pub timeout: Duration,
    pub timed_out: bool,
    /// Compilation units cargo reported (`Compiling`/`Checking` lines).
    pub units: usize,
    /// Things the summary should mention (dependency errors, broken manifests).
    pub notes: Vec<String>,
}

pub struct CheckResult {
    pub verdicts: HashMap<String, Verdict>,
    pub meta: CheckMeta,
}

/// Checks the crates `out/crates/<member>`; members whose manifest keeps the
/// whole workspace from loading are dropped one round at a time (each marked
/// failed) so one bad Cargo.toml cannot sink every other crate.
pub fn check_all(
    out: &Path,
    members: &[String],
    jobs: usize,
    timeout: Duration,
) -> Result<CheckResult> {
    compile_all(out, members, jobs, timeout, "check")
}

/// [`check_all`] with another cargo subcommand (`build`, for crates whose binaries run).
pub fn compile_all(
    out: &Path,
    members: &[String],
    jobs: usize,
    timeout: Duration,
    subcommand: &str,
) -> Result<CheckResult> {
    let started = Instant::now();
    let mut meta = CheckMeta {
        crates: members.len(),
        timeout,
        ..CheckMeta::default()
    };
    let mut verdicts = HashMap::new();
    let mut remaining: Vec<String> = members.to_vec();
    while !remaining.is_empty() {
        write_workspace(out, &remaining)?;
        let left = timeout.saturating_sub(started.elapsed());
        let run = run_cargo(out, &remaining, jobs, left, subcommand)?;
        meta.units += run.units;
        meta.timed_out |= run.timed_out;
        if !run.compiled_anything && !run.status.success() && !run.timed_out {
            let error = stderr_error(&run.stderr);
            let broken = broken_members(&run.stderr, &remaining);
            let (failed, retry): (Vec<String>, Vec<String>) = remaining
                .into_iter()
                .partition(|m| broken.is_empty() || broken.contains(m));
            if broken.is_empty() {
                meta.notes
                    .push(format!("cargo failed before compiling anything: {error}"));
            }
            for member in failed {
                let first_error = Some(format!("cargo: {error}"));
                verdicts.insert(
                    member,
                    Verdict {
                        first_error,
                        errors: 1,
                        ..Verdict::default()
                    },
                );
            }
            remaining = retry;
            continue;
        }
        if !run.dependency_errors.is_empty() {
            meta.notes.push(format!(
                "errors outside the generated crates (dependencies): {}",
                run.dependency_errors.join(" | ")
            ));
        }
        for member in remaining {
            let verdict = run.verdicts.get(&member).cloned().unwrap_or_default();
            verdicts.insert(member, finish_verdict(verdict, run.timed_out));
        }
        break;
    }
    if meta.timed_out {
        meta.notes.push(format!(
            "the check phase hit its {} s timeout; unchecked crates count as check-failed",
            timeout.as_secs()
        ));
    }
    meta.duration = started.elapsed();
    Ok(CheckResult { verdicts, meta })
}

fn finish_verdict(mut verdict: Verdict, timed_out: bool) -> Verdict {
    verdict.passed = verdict.errors == 0 && verdict.artifact;
    if !verdict.passed && verdict.first_error.is_none() {
        verdict.first_error = Some(if timed_out {
            "check phase timed out before this crate was checked".to_string()
        } else {
            "no check result (a dependency failed to build?)".to_string()
        });
    }
    verdict
}

/// `out/Cargo.toml`: its own `[workspace]` table makes `out` a workspace root
/// even when it sits inside another workspace's `target/`.
fn write_workspace(out: &Path, members: &[String]) -> Result<()> {
    let mut toml = String::from(
        "# Written by `cargo xtask corpus` on every run; Cargo.lock next to it is kept.\n\
         [workspace]\nresolver = \"2\"\nmembers = [\n",
    );
    for member in members {
        toml.push_str(&format!("    \"crates/{member}\",\n"));
    }
    // Checking never needs debug info; skipping it speeds up build scripts.
    toml.push_str("]\n\n[profile.dev]\ndebug = false\n");
    let path = out.join("Cargo.toml");
    std::fs::write(&path, toml).with_context(|| format!("writing {}", path.display()))
}

struct CargoRun {
    status: ExitStatus,
    verdicts: HashMap<String, Verdict>,
    dependency_errors: Vec<String>,
    /// Any compiler message or artifact arrived (false: cargo died early).
    compiled_anything: bool,
    timed_out: bool,
    units: usize,
    /// cargo's stderr without the status lines (last lines only).
    stderr: Vec<String>,
}

fn run_cargo(
    out: &Path,
    members: &[String],
    jobs: usize,
    timeout: Duration,
    subcommand: &str,
) -> Result<CargoRun> {
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let mut child = Command::new(&cargo)
        .current_dir(out)
        .args([
            subcommand,
            "--workspace",
            "--keep-going",
            "--message-format=json",
            // Optional parts of a generated crate (its `mock` module) must compile too: a
            // user who turns one on meets the same document.
            "--all-features",
        ])
        .arg("--jobs")
        .arg(jobs.to_string())
        .arg("--manifest-path")
        .arg(out.join("Cargo.toml"))
        .arg("--target-dir")
        .arg(out.join("target"))
        // Each crate is checked once per generation: incremental state would only fill the
        // disk (gigabytes over the whole corpus).
        .env("CARGO_INCREMENTAL", "0")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .with_context(|| format!("running {}", PathBuf::from(&cargo).display()))?;
    let stdout = child.stdout.take().context("cargo stdout")?;
    let stderr = child.stderr.take().context("cargo stderr")?;
    let child = Mutex::new(child);
    let done = AtomicBool::new(false);
    let crates_dir = out.join("crates");
    let member_set: HashSet<&str> = members.iter().map(String::as_str).collect();
    let (parsed, timed_out, (units, stderr)) = std::thread::scope(|scope| {
        let stderr_reader = scope.spawn(|| read_stderr(stderr));
        let watchdog = scope.spawn(|| watchdog(&child, &done, timeout));
        let parsed = parse_messages(stdout, &crates_dir, &member_set);
        done.store(true, Ordering::Relaxed);
        let timed_out = watchdog
            .join()
            .map_err(|_| anyhow!("watchdog thread panicked"))?;
        let stderr = stderr_reader
            .join()
            .map_err(|_| anyhow!("stderr reader panicked"))?;
        Ok::<_, anyhow::Error>((parsed, timed_out, stderr))
    })?;
    let status = child
        .into_inner()
        .map_err(|_| anyhow!("cargo child lock poisoned"))?
        .wait()
        .context("waiting for cargo")?;
    Ok(CargoRun {
        status,
        verdicts: parsed.verdicts,
        dependency_errors: parsed.dependency_errors,
        compiled_anything: parsed.compiled_anything,
        timed_out,
        units,
        stderr,
    })
}

/// Kills cargo once `timeout` has passed; returns whether it did.
fn watchdog(child: &Mutex<Child>, done: &AtomicBool, timeout: Duration) -> bool {
    let deadline = Instant::now() + timeout;
    while !done.load(Ordering::Relaxed) {
        if Instant::now() >= deadline {
            if let Ok(mut child) = child.lock() {
                // Killing cargo closes its stdout, which ends the reader loop.
                let _ = child.kill();
            }
            return true;
        }
        std::thread::sleep(Duration::from_millis(200));
    }
    false
}

/// Counts cargo's `Compiling`/`Checking` lines as progress and keeps the last
/// other lines for error reporting.
fn read_stderr(stderr: ChildStderr) -> (usize, Vec<String>) {
    const KEEP: usize = 400;
    let mut units = progress::Counter::new("check", 50);
    let mut kept = VecDeque::new();
    for line in BufReader::new(stderr)
        .lines()
        .map_while(std::result::Result::ok)
    {
        let trimmed = line.trim_start();
        if trimmed.starts_with("Compiling ") || trimmed.starts_with("Checking ") {
            units.tick(trimmed);
            continue;
        }
        if kept.len() == KEEP {
            kept.pop_front();
        }
        kept.push_back(line);
    }
    units.finish();
    let units = units.count();
    eprintln!("check: {units} units compiled or checked");
    (units, kept.into())
}

#[derive(Default)]
struct Parsed {
    verdicts: HashMap<String, Verdict>,
    dependency_errors: Vec<String>,
    compiled_anything: bool,
}

/// Reads cargo's JSON messages and attributes them to member crates.
fn parse_messages(stdout: ChildStdout, crates_dir: &Path, members: &HashSet<&str>) -> Parsed {
    let mut parsed = Parsed::default();
    for line in BufReader::new(stdout)
        .lines()
        .map_while(std::result::Result::ok)
    {
        let Ok(message) = serde_json::from_str::<Value>(&line) else {
            continue;
        };
        let reason = message.get("reason").and_then(Value::as_str).unwrap_or("");
        if reason != "compiler-message" && reason != "compiler-artifact" {
            continue;
        }
        parsed.compiled_anything = true;
        let member = member_of(&message, crates_dir, members);
        if reason == "compiler-artifact" {
            if let Some(member) = member {
                parsed.verdicts.entry(member).or_default().artifact = true;
            }
            continue;
        }
        let Some(diagnostic) = message.get("message") else {
            continue;
        };
        match (member, diagnostic_kind(diagnostic)) {
            (Some(member), Kind::Error) => {
                let verdict = parsed.verdicts.entry(member).or_default();
                verdict.errors += 1;
                verdict
                    .first_error
                    .get_or_insert_with(|| describe(diagnostic));
            }
            (Some(member), Kind::Warning) => {
                let lint = diagnostic.pointer("/code/code").and_then(Value::as_str);
                let text = diagnostic
                    .get("message")
                    .and_then(Value::as_str)
                    .unwrap_or("");
                let class = rustc_warning_class(lint, text);
                parsed
                    .verdicts
                    .entry(member)
                    .or_default()
                    .warnings
                    .push(class);
            }
            (None, Kind::Error) if parsed.dependency_errors.len() < 5 => {
                parsed.dependency_errors.push(describe(diagnostic));
            }
            _ => {}
        }
    }
    parsed
}

/// The member crate a message belongs to: `<crates_dir>/<member>/Cargo.toml`.
fn member_of(message: &Value, crates_dir: &Path, members: &HashSet<&str>) -> Option<String> {
    let manifest = Path::new(message.get("manifest_path")?.as_str()?);
    let dir = manifest.parent()?;
    if dir.parent()? != crates_dir {
        return None;
    }
    let name = dir.file_name()?.to_str()?;
    members.contains(name).then(|| name.to_string())
}

enum Kind {
    Error,
    Warning,
    /// Summaries such as "aborting due to 2 previous errors", notes, help.
    Other,
}

fn diagnostic_kind(diagnostic: &Value) -> Kind {
    let level = diagnostic
        .get("level")
        .and_then(Value::as_str)
        .unwrap_or("");
    let text = diagnostic
        .get("message")
        .and_then(Value::as_str)
        .unwrap_or("");
    let summary = text.starts_with("aborting due to")
        || text.starts_with(|c: char| c.is_ascii_digit()) && text.contains("warning");
    match level {
        _ if summary => Kind::Other,
        l if l.starts_with("error") => Kind::Error,
        "warning" => Kind::Warning,
        _ => Kind::Other,
    }
}

/// `E0412: cannot find type `Foo` in this scope (src/types.rs:12)`
fn describe(diagnostic: &Value) -> String {
    let text = diagnostic
        .get("message")
        .and_then(Value::as_str)
        .unwrap_or("?");
    let code = diagnostic.pointer("/code/code").and_then(Value::as_str);
    let primary = diagnostic
        .get("spans")
        .and_then(Value::as_array)
        .and_then(|spans| {
            spans
                .iter()
                .find(|s| s.get("is_primary").and_then(Value::as_bool) == Some(true))
        });
    let location = primary.map(|span| {
        let file = span.get("file_name").and_then(Value::as_str).unwrap_or("?");
        let line = span.get("line_start").and_then(Value::as_u64).unwrap_or(0);
        format!(" ({file}:{line})")
    });
    let first_line = text.lines().next().unwrap_or("");
    match code {
        Some(code) => format!("{code}: {first_line}{}", location.unwrap_or_default()),
        None => format!("{first_line}{}", location.unwrap_or_default()),
    }
}

/// Members named in cargo's error output (manifest paths, `c-foo v0.1.0`,
/// `` `c-foo` ``), found as whole words made of name characters.
fn broken_members(stderr: &[String], members: &[String]) -> HashSet<String> {
    let names: HashSet<&str> = members.iter().map(String::as_str).collect();
    stderr
        .iter()
        .flat_map(|line| line.split(|c: char| !(c.is_ascii_alphanumeric() || c == '-')))
        .filter(|word| names.contains(word))
        .map(str::to_string)
        .collect()
}

/// cargo's error and its "Caused by" chain as one line.
fn stderr_error(stderr: &[String]) -> String {
    let start = stderr
        .iter()
        .position(|l| l.starts_with("error"))
        .unwrap_or(0);
    let text: Vec<&str> = stderr[start..]
        .iter()
        .map(|l| l.trim())
        .filter(|l| !l.is_empty() && *l != "Caused by:")
        .collect();
    if text.is_empty() {
        "cargo exited without output".to_string()
    } else {
        text.join(" | ")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn describes_rustc_errors() -> Result<()> {
        let diagnostic: Value = serde_json::from_str(
            r#"{"level":"error","message":"cannot find type `Foo` in this scope\nmore",
                "code":{"code":"E0412"},
                "spans":[{"is_primary":false,"file_name":"a.rs","line_start":1},
                         {"is_primary":true,"file_name":"src/types.rs","line_start":12}]}"#,
        )?;
        assert!(matches!(diagnostic_kind(&diagnostic), Kind::Error));
        assert_eq!(
            describe(&diagnostic),
            "E0412: cannot find type `Foo` in this scope (src/types.rs:12)"
        );
        Ok(())
    }

    #[test]
    fn summaries_are_not_counted() -> Result<()> {
        let abort: Value = serde_json::from_str(
            r#"{"level":"error","message":"aborting due to 2 previous errors"}"#,
        )?;
        let warned: Value =
            serde_json::from_str(r#"{"level":"warning","message":"3 warnings emitted"}"#)?;
        assert!(matches!(diagnostic_kind(&abort), Kind::Other));
        assert!(matches!(diagnostic_kind(&warned), Kind::Other));
        Ok(())
    }

    #[test]
    fn finds_broken_members_as_whole_words() {
        let members = vec!["c-a".to_string(), "c-a-b".to_string(), "c-z".to_string()];
        let stderr =
            vec!["error: failed to parse manifest at `/tmp/o/crates/c-a-b/Cargo.toml`".to_string()];
        let broken = broken_members(&stderr, &members);
        assert_eq!(broken, HashSet::from(["c-a-b".to_string()]));
    }
}
