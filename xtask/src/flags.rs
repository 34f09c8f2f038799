//! The command line of `cargo xtask`, declared once: the parser, `--help` for every command
//! and the errors for a wrong argument all come from this declaration (xflags, the parser
//! rust-analyzer's own xtask uses: no syn, builds in about a second).

use std::ffi::OsString;
use std::path::PathBuf;

xflags::xflags! {
    /// Maintainer tasks of the OpenAPI client generator workspace.
    cmd xtask {
        /// Regenerate generated/ from specs/.
        cmd codegen {
            /// Write nothing; fail when generated/ differs from what the generator writes.
            optional --check
        }
        /// Generate one client crate from any spec file.
        cmd generate {
            /// The OpenAPI document (YAML or JSON); `<stem>.settings.yaml` beside it is read
            /// when present.
            required spec: PathBuf
            /// The crate's directory, replaced whole.
            required --out dir: PathBuf
            /// The crate name (default: the settings' one, else the spec's file stem).
            optional --name crate_name: String
            /// Also write the generation's figures as JSON to this file.
            optional --report file: PathBuf
        }
        /// Generate and `cargo check` every document in a folder.
        cmd corpus {
            /// Folder of *.yaml / *.yml / *.json documents (DIR/../manifest-dev.tsv is read
            /// when present).
            required dir: PathBuf
            /// Parallel generator processes and cargo's -j (default: the number of CPUs).
            optional -j, --jobs n: usize
            /// Only the document ids listed in FILE (one per line, # comments).
            optional --sample file: PathBuf
            /// The manifest to read validity from (default: DIR/../manifest-dev.tsv).
            optional --manifest file: PathBuf
            /// Output folder (default: target/corpus in the workspace).
            optional --out dir: PathBuf
            /// Fail when fewer than PCT % of the manifest-valid documents pass (also: any
            /// generator panic fails).
            optional --min-valid pct: String
            /// Fail when fewer than PCT % of all documents pass.
            optional --min-all pct: String
            /// Per-document generation timeout in seconds (default 60).
            optional --timeout secs: u64
            /// Timeout of the whole cargo check phase in seconds (default max(900, 10 per
            /// crate)).
            optional --check-timeout secs: u64
            /// Generate only; skip cargo check.
            optional --no-check
        }
        /// Run every test CI runs: drift check, fmt, clippy, Prism contract tests, all tests.
        cmd test {
            /// Arguments for `cargo test`, after `--` (`-- -p integration-tests --test
            /// wire_chift`).
            repeated cargo_test_args: OsString
        }
        /// What a spec change does to users: each change with its wire and semver verdict.
        cmd diff {
            /// The old document (YAML or JSON).
            required old: PathBuf
            /// The new document.
            required new: PathBuf
            /// `text` (default) or `json`.
            optional --format format: String
            /// Exit with failure when the verdict is `major` or `wire` breaking.
            optional --fail-on level: String
        }
        /// Benchmark (not CI): our diff verdict against cargo-semver-checks on document pairs.
        cmd drift-eval {
            /// Folder searched for `<id>/old.*` + `new.*` pairs.
            optional dir: PathBuf
            /// Also twelve generic edits of each spec under specs/.
            optional --synthetic
            /// Only the pairs whose id contains one of these (comma-separated).
            optional --only list: String
            /// Run the diff only, not the judge.
            optional --no-judge
            /// Another build's xtask binary whose `generate` makes the crates.
            optional --generator binary: PathBuf
            /// Working folder (default: target/drift-eval).
            optional --work dir: PathBuf
        }
        /// Time, size, `cargo check` and memory against progenitor (target/bench/report.md).
        cmd bench {
            /// Documents to measure besides the workspace's specs.
            repeated specs: PathBuf
            /// Rounds of each generation measurement (default 10).
            optional --runs n: usize
            /// Rounds of each `cargo check` measurement (default 3).
            optional --check-runs n: usize
            /// Rounds of the client-overhead measurement (default 100).
            optional --client-rounds n: usize
            /// A JSON document to grow into a family of 1x, 2x, 4x and 8x copies.
            optional --family json_spec: PathBuf
            /// Skip the `cargo check` measurements.
            optional --no-check
            /// Skip the client-overhead measurement.
            optional --no-client
            /// Only the client-overhead measurement.
            optional --client-only
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(args: &[&str]) -> xflags::Result<Xtask> {
        Xtask::from_vec(args.iter().map(OsString::from).collect())
    }

    #[test]
    fn every_command_has_help() {
        for command in [
            "codegen",
            "generate",
            "corpus",
            "test",
            "bench",
            "diff",
            "drift-eval",
        ] {
            let error = parse(&[command, "--help"]).expect_err("help is not a command line");
            assert!(error.is_help(), "{command}: {error}");
            assert!(error.to_string().contains(&format!("xtask {command}\n")));
        }
        assert!(parse(&["--help"]).is_err_and(|error| error.is_help()));
    }

    #[test]
    fn arguments_after_double_dash_go_to_cargo_test() {
        let flags = parse(&["test", "--", "-p", "x", "--test", "y"]).unwrap();
        let XtaskCmd::Test(test) = flags.subcommand else {
            panic!("not the test command");
        };
        assert_eq!(test.cargo_test_args, ["-p", "x", "--test", "y"]);
        assert!(parse(&["test", "--nope"]).is_err());
    }

    #[test]
    fn wrong_arguments_are_errors_not_help() {
        for args in [
            &[][..],
            &["bogus"],
            &["codegen", "--bogus"],
            &["generate", "spec.yaml"],
            &["corpus", "dir", "--jobs", "x"],
            &["bench", "--runs"],
        ] {
            let error = parse(args).expect_err("a wrong command line");
            assert!(!error.is_help(), "{args:?}");
        }
    }
}
