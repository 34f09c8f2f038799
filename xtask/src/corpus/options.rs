//! Command-line options of `cargo xtask corpus`.

use std::path::PathBuf;

use anyhow::{bail, Context, Result};

#[derive(Debug)]
pub struct Options {
    pub dir: PathBuf,
    pub jobs: usize,
    pub sample: Option<PathBuf>,
    pub manifest: Option<PathBuf>,
    pub out: PathBuf,
    pub min_valid: Option<f64>,
    pub min_all: Option<f64>,
    pub timeout_secs: u64,
    pub check_timeout_secs: Option<u64>,
    pub no_check: bool,
}

impl Options {
    /// The options of `cargo xtask corpus`, with their defaults and checked ranges.
    pub fn from_flags(flags: crate::flags::Corpus) -> Result<Options> {
        let jobs = match flags.jobs {
            Some(0) => bail!("--jobs must be at least 1"),
            Some(jobs) => jobs,
            None => std::thread::available_parallelism().map_or(2, |n| n.get()),
        };
        Ok(Options {
            dir: flags.dir,
            jobs,
            sample: flags.sample,
            manifest: flags.manifest,
            out: flags
                .out
                .unwrap_or_else(|| crate::workspace_root().join("target").join("corpus")),
            min_valid: flags
                .min_valid
                .map(|pct| percent("--min-valid", &pct))
                .transpose()?,
            min_all: flags
                .min_all
                .map(|pct| percent("--min-all", &pct))
                .transpose()?,
            timeout_secs: flags.timeout.unwrap_or(60),
            check_timeout_secs: flags.check_timeout,
            no_check: flags.no_check,
        })
    }
}

fn number<T: std::str::FromStr>(flag: &str, value: &str) -> Result<T> {
    value
        .parse()
        .ok()
        .with_context(|| format!("{flag}: `{value}` is not a valid number"))
}

fn percent(flag: &str, value: &str) -> Result<f64> {
    let pct: f64 = number(flag, value.trim_end_matches('%'))?;
    if !(0.0..=100.0).contains(&pct) {
        bail!("{flag}: {pct} is not a percentage between 0 and 100");
    }
    Ok(pct)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(args: &[&str]) -> Result<Options> {
        let args = std::iter::once("corpus").chain(args.iter().copied());
        let flags = crate::flags::Xtask::from_vec(args.map(Into::into).collect())?;
        match flags.subcommand {
            crate::flags::XtaskCmd::Corpus(corpus) => Options::from_flags(corpus),
            other => bail!("parsed as another command: {other:?}"),
        }
    }

    #[test]
    fn parses_all_flags() -> Result<()> {
        let opts = parse(&[
            "specs",
            "--jobs",
            "3",
            "--sample",
            "s.txt",
            "--out",
            "/tmp/x",
            "--min-valid",
            "80%",
            "--min-all",
            "50",
            "--timeout",
            "5",
            "--no-check",
        ])?;
        assert_eq!(opts.dir, PathBuf::from("specs"));
        assert_eq!(opts.jobs, 3);
        assert_eq!(opts.sample, Some(PathBuf::from("s.txt")));
        assert_eq!(opts.out, PathBuf::from("/tmp/x"));
        assert_eq!(opts.min_valid, Some(80.0));
        assert_eq!(opts.min_all, Some(50.0));
        assert_eq!(opts.timeout_secs, 5);
        assert!(opts.no_check);
        Ok(())
    }

    #[test]
    fn rejects_bad_input() {
        assert!(parse(&[]).is_err());
        assert!(parse(&["a", "b"]).is_err());
        assert!(parse(&["a", "--jobs"]).is_err());
        assert!(parse(&["a", "--min-all", "120"]).is_err());
        assert!(parse(&["a", "--bogus"]).is_err());
    }
}
