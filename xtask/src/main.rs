//! Maintainer tasks: `cargo xtask codegen [--check]`, `generate`, `corpus`, `test`, `bench`.

use anyhow::{bail, Result};
use xtask::{bench, codegen, corpus, drift_eval, evolution, prism};

const USAGE: &str = "\
usage: cargo xtask <command>

commands:
  codegen [--check]                     regenerate generated/ from specs/ (--check: write nothing, fail on drift)
  generate SPEC --out DIR [--name CRATE] [--report FILE]
                                        generate one client crate from any spec file
  corpus DIR [--jobs N] [--sample FILE] [--out DIR] [--min-valid PCT] [--min-all PCT]
             [--timeout SECS] [--check-timeout SECS] [--no-check]
                                        generate and `cargo check` every document in DIR
  diff OLD_SPEC NEW_SPEC [--format text|json] [--fail-on major|wire]
                                        what a spec change does to users: wire and semver verdict per change
  drift-eval [DIR] [--synthetic] [--only TEXT,..] [--no-judge] [--generator XTASK_BINARY]
                                        benchmark: our diff verdict against cargo-semver-checks on pairs of documents
  test                                  run every test CI runs (drift check, clippy, tests, contract tests)
  bench [SPEC...] [--runs N] [--check-runs N] [--family JSON_SPEC] [--no-check] [--no-client]
                                        time, size, `cargo check` and memory against progenitor (target/bench/report.md)
";

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if let Err(error) = run(&args) {
        eprintln!("error: {error:#}");
        std::process::exit(1);
    }
}

fn run(args: &[String]) -> Result<()> {
    let Some((command, rest)) = args.split_first() else {
        print!("{USAGE}");
        bail!("no command given");
    };
    match command.as_str() {
        "codegen" => codegen::run_codegen(rest),
        "generate" => codegen::run_generate(rest),
        "corpus" => corpus::run(rest),
        "test" => prism::run_tests(rest),
        "diff" => evolution::run_diff(rest),
        "drift-eval" => drift_eval::run(rest),
        "bench" => bench::run(rest),
        "help" | "--help" | "-h" => {
            print!("{USAGE}");
            Ok(())
        }
        other => {
            print!("{USAGE}");
            bail!("unknown command `{other}`")
        }
    }
}
