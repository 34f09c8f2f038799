//! (e) `cargo check` of each generated crate with its dependencies already built: both crates of
//! every document go into one scratch workspace with one target directory, everything is checked
//! once to warm the dependencies, then each crate is touched and checked again, ours and
//! progenitor's interleaved, and the median is kept. Incremental compilation is off so that a
//! touched crate is really checked again.

use crate::stats::median;
use anyhow::{Context, Result};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

/// A crate to check: its package name and files.
pub struct Crate {
    /// Package name (also the directory name in the scratch workspace).
    pub name: String,
    /// `(relative path, contents)` pairs.
    pub files: Vec<(String, String)>,
}

/// What `cargo check` made of one crate.
pub enum Checked {
    /// Median seconds of the timed checks.
    Seconds(f64),
    /// The crate does not compile; the first error line.
    Fails(String),
}

/// Writes `crates` into `<dir>` as one workspace, warms it, and times `runs` checks of each
/// pair (ours, peer), interleaved. Returns one result per crate, in order.
pub fn check_pairs(
    dir: &Path,
    pairs: &[(Crate, Option<Crate>)],
    runs: usize,
) -> Result<Vec<(Checked, Option<Checked>)>> {
    write_workspace(dir, pairs)?;
    eprintln!(
        "bench: warming dependencies in {} (cargo check --workspace)",
        dir.display()
    );
    let _ = cargo(dir, &["check", "--workspace", "--keep-going", "--quiet"]).status();
    let mut results = Vec::new();
    let progress = crate::progress::Steps::new("check", pairs.len());
    for (ours, peer) in pairs {
        progress.start(format!(
            "bench: cargo check {} / {}",
            ours.name,
            peer.as_ref().map_or("-", |p| &p.name)
        ));
        let mut ours_state = first_check(dir, ours)?;
        let mut peer_state = match peer {
            Some(peer) => Some(first_check(dir, peer)?),
            None => None,
        };
        for round in 0..runs {
            let mut steps: Vec<(&Crate, &mut State)> = vec![(ours, &mut ours_state)];
            if let (Some(peer), Some(state)) = (peer, peer_state.as_mut()) {
                steps.push((peer, state));
            }
            if round % 2 == 1 {
                steps.reverse();
            }
            for (krate, state) in steps {
                if let State::Compiles(samples) = state {
                    samples.push(timed_check(dir, krate)?);
                }
            }
        }
        results.push((ours_state.finish(), peer_state.map(State::finish)));
        progress.done();
    }
    progress.finish();
    Ok(results)
}

enum State {
    Compiles(Vec<f64>),
    Fails(String),
}

impl State {
    fn finish(self) -> Checked {
        match self {
            State::Compiles(samples) => Checked::Seconds(median(&samples)),
            State::Fails(why) => Checked::Fails(why),
        }
    }
}

/// One untimed check that tells whether the crate compiles at all (a no-op for a crate the
/// warm-up already checked; a crate that failed is checked again, for its errors).
fn first_check(dir: &Path, krate: &Crate) -> Result<State> {
    let output = cargo(
        dir,
        &[
            "check",
            "-p",
            &krate.name,
            "--offline",
            "--message-format",
            "short",
        ],
    )
    .output()
    .context("running cargo check")?;
    if output.status.success() {
        return Ok(State::Compiles(Vec::new()));
    }
    let stderr = String::from_utf8_lossy(&output.stderr);
    let errors = stderr.lines().filter(|l| l.contains("error")).count();
    let first = stderr
        .lines()
        .find(|l| l.contains("error"))
        .unwrap_or("cargo check failed")
        .to_string();
    Ok(State::Fails(format!(
        "{errors} error lines; first: {first}"
    )))
}

fn timed_check(dir: &Path, krate: &Crate) -> Result<f64> {
    touch(&dir.join(&krate.name).join("src/lib.rs"))?;
    let start = Instant::now();
    let status = cargo(dir, &["check", "-p", &krate.name, "--offline", "--quiet"])
        .status()
        .context("running cargo check")?;
    let seconds = start.elapsed().as_secs_f64();
    anyhow::ensure!(
        status.success(),
        "{} stopped compiling between runs",
        krate.name
    );
    Ok(seconds)
}

fn cargo(dir: &Path, args: &[&str]) -> Command {
    let program = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let mut command = Command::new(program);
    command
        .args(args)
        .arg("--target-dir")
        .arg(dir.join("target"))
        .current_dir(dir)
        .env("CARGO_INCREMENTAL", "0")
        .env_remove("CARGO_TARGET_DIR")
        .env_remove("CARGO_BUILD_TARGET_DIR")
        .env_remove("RUSTC_WRAPPER");
    command
}

fn touch(path: &Path) -> Result<()> {
    let file = std::fs::File::options()
        .append(true)
        .open(path)
        .with_context(|| format!("opening {}", path.display()))?;
    file.set_modified(std::time::SystemTime::now())?;
    Ok(())
}

/// Writes the workspace manifest and every crate, replacing earlier copies of them (the lock
/// file and target directory are kept, so dependencies stay built between runs).
fn write_workspace(dir: &Path, pairs: &[(Crate, Option<Crate>)]) -> Result<()> {
    std::fs::create_dir_all(dir)?;
    let crates: Vec<&Crate> = pairs
        .iter()
        .flat_map(|(ours, peer)| std::iter::once(ours).chain(peer.as_ref()))
        .collect();
    let members: Vec<String> = crates
        .iter()
        .map(|c| format!("    \"{}\",\n", c.name))
        .collect();
    let manifest = format!(
        "# Scratch workspace written by `cargo xtask bench`; rewritten on every run.\n\
         [workspace]\nresolver = \"2\"\nmembers = [\n{}]\n",
        members.concat()
    );
    std::fs::write(dir.join("Cargo.toml"), manifest)?;
    for krate in crates {
        let root: PathBuf = dir.join(&krate.name);
        if root.exists() {
            std::fs::remove_dir_all(&root)?;
        }
        for (path, contents) in &krate.files {
            let path = root.join(path);
            if let Some(parent) = path.parent() {
                std::fs::create_dir_all(parent)?;
            }
            std::fs::write(&path, contents)
                .with_context(|| format!("writing {}", path.display()))?;
        }
    }
    Ok(())
}
