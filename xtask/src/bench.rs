//! `cargo xtask bench`: builds and runs the benchmark crate `xtask/bench`, a workspace of its
//! own (so the normal build and tests never compile progenitor, the peer it measures against),
//! in release mode with its target directory under `target/bench`.

use anyhow::{bail, Context, Result};
use std::process::Command;

/// Runs the benchmark with `args` (`[SPEC...] [--runs N] [--check-runs N] [--family JSON_SPEC]
/// [--no-check] [--no-client] [--client-rounds N] [--client-only]`); it prints a markdown report
/// and writes `target/bench/report.md`.
pub fn run(args: &[String]) -> Result<()> {
    let root = crate::workspace_root();
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let status = Command::new(cargo)
        .arg("run")
        .arg("--release")
        .arg("--manifest-path")
        .arg(root.join("xtask/bench/Cargo.toml"))
        .arg("--target-dir")
        .arg(root.join("target/bench"))
        .arg("--")
        .args(args)
        .status()
        .context("running cargo run for xtask/bench")?;
    if !status.success() {
        bail!("the benchmark failed ({status})");
    }
    Ok(())
}
