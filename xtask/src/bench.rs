//! `cargo xtask bench`: builds and runs the benchmark crate `xtask/bench`, a workspace of its
//! own (so the normal build and tests never compile progenitor, the peer it measures against),
//! in release mode with its target directory under `target/bench`.

use anyhow::{bail, Context, Result};
use std::ffi::OsString;
use std::process::Command;

/// Runs the benchmark with the options of `cargo xtask bench`; it prints a markdown report and
/// writes `target/bench/report.md`.
pub fn run(flags: &crate::flags::Bench) -> Result<()> {
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
        .args(bench_args(flags))
        .status()
        .context("running cargo run for xtask/bench")?;
    if !status.success() {
        bail!("the benchmark failed ({status})");
    }
    Ok(())
}

/// The benchmark binary's arguments for `flags`: the same names, checked here already.
fn bench_args(flags: &crate::flags::Bench) -> Vec<OsString> {
    let mut args: Vec<OsString> = flags.specs.iter().map(|spec| spec.into()).collect();
    let counts = [
        ("--runs", flags.runs),
        ("--check-runs", flags.check_runs),
        ("--client-rounds", flags.client_rounds),
    ];
    for (name, count) in counts {
        if let Some(count) = count {
            args.extend([name.into(), count.to_string().into()]);
        }
    }
    if let Some(family) = &flags.family {
        args.extend(["--family".into(), family.into()]);
    }
    let switches = [
        ("--no-check", flags.no_check),
        ("--no-client", flags.no_client),
        ("--client-only", flags.client_only),
    ];
    args.extend(
        switches
            .into_iter()
            .filter(|(_, on)| *on)
            .map(|(name, _)| name.into()),
    );
    args
}
