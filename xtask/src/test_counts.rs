//! What `cargo test` printed, counted: a test run that ran nothing, or that left out the
//! contract tests, must not pass as a green run.

use std::collections::BTreeMap;

/// Tests counted from libtest's output (its default, one line per test).
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Counts {
    /// Tests passed, from the `test result:` lines of every test binary.
    pub passed: usize,
    /// Tests ignored, from the same lines.
    pub ignored: usize,
    /// Contract tests passed, by spec module (`contract::<module>::<test> ... ok`).
    pub contract_passed: BTreeMap<String, usize>,
}

impl Counts {
    /// Counts one line of `cargo test`'s standard output.
    pub fn read_line(&mut self, line: &str) {
        if let Some(summary) = line.strip_prefix("test result: ") {
            self.passed += count_of(summary, "passed");
            self.ignored += count_of(summary, "ignored");
        } else if let Some(test) = line.strip_prefix("test contract::") {
            if let Some((name, "ok")) = test.rsplit_once(" ... ") {
                if let Some((module, _)) = name.split_once("::") {
                    *self.contract_passed.entry(module.to_string()).or_default() += 1;
                }
            }
        }
    }

    /// How many contract tests of the spec `stem` passed (`generic-login` is the module
    /// `generic_login`).
    pub fn contract_tests_of(&self, stem: &str) -> usize {
        let module: String = stem
            .chars()
            .map(|c| {
                if c.is_ascii_alphanumeric() {
                    c.to_ascii_lowercase()
                } else {
                    '_'
                }
            })
            .collect();
        self.contract_passed.get(&module).copied().unwrap_or(0)
    }
}

/// The number before `what` in `ok. 20 passed; 0 failed; 1 ignored; ...`.
fn count_of(summary: &str, what: &str) -> usize {
    summary
        .split(';')
        .filter_map(|part| part.trim().strip_suffix(what))
        .filter_map(|number| number.trim().rsplit(' ').next()?.parse::<usize>().ok())
        .sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_summaries_and_contract_tests() {
        let mut counts = Counts::default();
        for line in [
            "running 3 tests",
            "test contract::chift::valid_request_is_accepted_and_decodes ... ok",
            "test contract::generic_login::request_without_password_is_rejected ... ok",
            "test contract::generic_login::other ... FAILED",
            "test contract::support::tests::request_violations_fail - should panic ... ok",
            "test wire::chift ... ok",
            "test result: ok. 20 passed; 0 failed; 1 ignored; 0 measured; 0 filtered out; finished in 0.20s",
            "test result: ok. 4 passed; 0 failed; 0 ignored; 0 measured; 2 filtered out; finished in 1s",
        ] {
            counts.read_line(line);
        }
        assert_eq!(counts.passed, 24);
        assert_eq!(counts.ignored, 1);
        assert_eq!(counts.contract_tests_of("chift"), 1);
        assert_eq!(counts.contract_tests_of("generic-login"), 1);
        assert_eq!(counts.contract_tests_of("chkk"), 0);
    }
}
