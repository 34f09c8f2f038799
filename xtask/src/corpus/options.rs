//! Command-line options of `cargo xtask corpus`.

use std::path::PathBuf;

use anyhow::{bail, Context, Result};

pub const USAGE: &str = "\
usage: cargo xtask corpus DIR [--jobs N] [--sample FILE] [--manifest FILE] [--out DIR] [--min-valid PCT]
                              [--min-all PCT] [--timeout SECS] [--check-timeout SECS] [--no-check]

  DIR                 directory holding *.yaml / *.yml / *.json documents
                      (DIR/../manifest-dev.tsv is used when present)
  --jobs N            parallel generator processes and cargo's -j (default: CPU count)
  --sample FILE       only the document ids listed in FILE (one per line, # comments)
  --manifest FILE     the manifest to read validity from (default DIR/../manifest-dev.tsv)
  --out DIR           output directory (default: target/corpus in the workspace)
  --min-valid PCT     fail when fewer than PCT % of manifest-valid documents pass
  --min-all PCT       fail when fewer than PCT % of all documents pass
                      (with either bar, any generator panic also fails)
  --timeout SECS      per-document generation timeout (default 60)
  --check-timeout S   timeout of the whole cargo check phase (default max(900, 10 * crates))
  --no-check          generate only, skip cargo check
";

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
    pub fn parse(args: &[String]) -> Result<Options> {
        let mut dir = None;
        let mut opts = Options {
            dir: PathBuf::new(),
            jobs: std::thread::available_parallelism().map_or(2, |n| n.get()),
            sample: None,
            manifest: None,
            out: crate::workspace_root().join("target").join("corpus"),
            min_valid: None,
            min_all: None,
            timeout_secs: 60,
            check_timeout_secs: None,
            no_check: false,
        };
        let mut iter = args.iter();
        while let Some(arg) = iter.next() {
            let mut value = || {
                iter.next()
                    .with_context(|| format!("{arg} needs a value\n{USAGE}"))
            };
            match arg.as_str() {
                "--jobs" | "-j" => opts.jobs = number(arg, value()?)?,
                "--sample" => opts.sample = Some(PathBuf::from(value()?)),
                "--manifest" => opts.manifest = Some(PathBuf::from(value()?)),
                "--out" => opts.out = PathBuf::from(value()?),
                "--min-valid" => opts.min_valid = Some(percent(arg, value()?)?),
                "--min-all" => opts.min_all = Some(percent(arg, value()?)?),
                "--timeout" => opts.timeout_secs = number(arg, value()?)?,
                "--check-timeout" => opts.check_timeout_secs = Some(number(arg, value()?)?),
                "--no-check" => opts.no_check = true,
                "--help" | "-h" => {
                    print!("{USAGE}");
                    bail!("help requested");
                }
                flag if flag.starts_with('-') => bail!("unknown option `{flag}`\n{USAGE}"),
                positional if dir.is_none() => dir = Some(PathBuf::from(positional)),
                extra => bail!("unexpected argument `{extra}`\n{USAGE}"),
            }
        }
        opts.dir = dir.with_context(|| format!("missing corpus directory\n{USAGE}"))?;
        if opts.jobs == 0 {
            bail!("--jobs must be at least 1");
        }
        Ok(opts)
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
        let args: Vec<String> = args.iter().map(|s| s.to_string()).collect();
        Options::parse(&args)
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
