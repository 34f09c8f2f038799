//! Maintainer tasks: `cargo xtask codegen [--check]`, `generate`, `corpus`, `test`, `bench`.
//! `cargo xtask --help` and `cargo xtask <command> --help` list the arguments
//! (`xtask/src/flags.rs`).

use std::ffi::OsString;
use xtask::flags::{Xtask, XtaskCmd};
use xtask::{bench, codegen, corpus, drift_eval, evolution, prism};

fn main() {
    let args: Vec<OsString> = std::env::args_os().skip(1).collect();
    let flags = match Xtask::from_vec(args.clone()) {
        Ok(flags) => flags,
        Err(error) if error.is_help() => {
            print!("{}", help_for(&error.to_string(), &args));
            std::process::exit(0);
        }
        Err(error) => {
            eprintln!("error: {error}\n(`cargo xtask --help` lists the commands and arguments)");
            std::process::exit(2);
        }
    };
    let result = match flags.subcommand {
        XtaskCmd::Codegen(flags) => codegen::run_codegen(&flags),
        XtaskCmd::Generate(flags) => codegen::run_generate(&flags),
        XtaskCmd::Corpus(flags) => corpus::run(flags),
        XtaskCmd::Test(flags) => prism::run_tests(&flags),
        XtaskCmd::Bench(flags) => bench::run(&flags),
        XtaskCmd::Diff(flags) => evolution::run_diff(&flags),
        XtaskCmd::DriftEval(flags) => drift_eval::run(&flags),
    };
    if let Err(error) = result {
        eprintln!("error: {error:#}");
        std::process::exit(1);
    }
}

/// The help to print: xflags writes every command's; after a command's name (`cargo xtask
/// generate --help`), only that command's part of it.
fn help_for(help: &str, args: &[OsString]) -> String {
    let command = args
        .iter()
        .filter_map(|arg| arg.to_str())
        .find(|arg| !arg.starts_with('-'));
    let section = command.and_then(|command| {
        let heading = format!("\nxtask {command}\n");
        let start = help.find(&heading)? + 1;
        let end = help[start..]
            .find("\n\nxtask ")
            .map_or(help.len(), |end| start + end);
        Some(format!("usage: cargo {}\n", help[start..end].trim_end()))
    });
    section.unwrap_or_else(|| format!("usage: cargo {}\n", help.trim_end()))
}
