//! Progress on stderr: an `indicatif` bar redrawn in place on a terminal, plain lines now and
//! then otherwise (so CI logs stay short and readable).

use indicatif::{ProgressBar, ProgressStyle};
use std::io::IsTerminal;

/// Progress through a known number of items.
pub struct Progress {
    label: &'static str,
    total: usize,
    done: usize,
    /// The bar, on a terminal only.
    bar: Option<ProgressBar>,
    /// Tenths of the total reported as plain lines so far.
    last_tenth: usize,
}

impl Progress {
    pub fn new(label: &'static str, total: usize) -> Progress {
        let bar = stderr_is_terminal().then(|| {
            let style = ProgressStyle::with_template("{prefix} [{bar:30}] {pos}/{len} {wide_msg}")
                .unwrap_or_else(|_| ProgressStyle::default_bar())
                .progress_chars("=> ");
            ProgressBar::new(total as u64)
                .with_style(style)
                .with_prefix(label)
        });
        Progress {
            label,
            total,
            done: 0,
            bar,
            last_tenth: 0,
        }
    }

    /// Records one finished item; `name` is what just finished.
    pub fn tick(&mut self, name: &str) {
        self.done += 1;
        if let Some(bar) = &self.bar {
            bar.set_message(name.to_string());
            bar.inc(1);
            return;
        }
        let tenth = (self.done * 10).checked_div(self.total).unwrap_or(10);
        if tenth > self.last_tenth {
            self.last_tenth = tenth;
            eprintln!(
                "{} {}/{} ({}%)",
                self.label,
                self.done,
                self.total,
                tenth * 10
            );
        }
    }

    pub fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish();
        }
    }
}

/// A count with no known end (cargo's compilation units): a spinner with the count on a
/// terminal, a plain line every `every` otherwise.
pub struct Counter {
    label: &'static str,
    count: usize,
    every: usize,
    spinner: Option<ProgressBar>,
}

impl Counter {
    pub fn new(label: &'static str, every: usize) -> Counter {
        let spinner = stderr_is_terminal().then(|| {
            let style = ProgressStyle::with_template("{prefix}: {spinner} {pos} units  {wide_msg}")
                .unwrap_or_else(|_| ProgressStyle::default_spinner());
            ProgressBar::new_spinner()
                .with_style(style)
                .with_prefix(label)
        });
        Counter {
            label,
            count: 0,
            every: every.max(1),
            spinner,
        }
    }

    /// Counts one more; `name` is what it was.
    pub fn tick(&mut self, name: &str) {
        self.count += 1;
        match &self.spinner {
            Some(spinner) => {
                spinner.set_message(name.to_string());
                spinner.inc(1);
            }
            None if self.count.is_multiple_of(self.every) => {
                eprintln!("{}: {} units", self.label, self.count);
            }
            None => {}
        }
    }

    pub fn count(&self) -> usize {
        self.count
    }

    pub fn finish(&self) {
        if let Some(spinner) = &self.spinner {
            spinner.finish();
        }
    }
}

pub fn stderr_is_terminal() -> bool {
    std::io::stderr().is_terminal()
}
