//! Progress through the measured documents on stderr: an `indicatif` bar on a terminal, one
//! plain line per document otherwise (the lines CI logs and report readers expect).

use indicatif::{ProgressBar, ProgressStyle};
use std::io::IsTerminal;

/// Progress through `total` steps of one kind.
pub struct Steps {
    bar: Option<ProgressBar>,
}

impl Steps {
    pub fn new(label: &'static str, total: usize) -> Steps {
        let bar = std::io::stderr().is_terminal().then(|| {
            let style = ProgressStyle::with_template("{prefix} [{bar:30}] {pos}/{len} {wide_msg}")
                .unwrap_or_else(|_| ProgressStyle::default_bar())
                .progress_chars("=> ");
            ProgressBar::new(total as u64)
                .with_style(style)
                .with_prefix(label)
        });
        Steps { bar }
    }

    /// Says what the next step is: the bar's message, or a line of its own.
    pub fn start(&self, what: String) {
        match &self.bar {
            Some(bar) => bar.set_message(what),
            None => eprintln!("{what}"),
        }
    }

    /// Counts the step started last as done.
    pub fn done(&self) {
        if let Some(bar) = &self.bar {
            bar.inc(1);
        }
    }

    pub fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish();
        }
    }
}
