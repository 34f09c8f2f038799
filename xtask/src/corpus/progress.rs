//! One-line progress display on stderr: redrawn in place on a terminal, a
//! plain line every 10 % otherwise (so CI logs stay short).

use std::io::{IsTerminal, Write};

pub struct Progress {
    label: &'static str,
    total: usize,
    done: usize,
    tty: bool,
    last_tenth: usize,
}

const WIDTH: usize = 30;

impl Progress {
    pub fn new(label: &'static str, total: usize) -> Progress {
        Progress {
            label,
            total,
            done: 0,
            tty: std::io::stderr().is_terminal(),
            last_tenth: 0,
        }
    }

    /// Records one finished item; `name` is what just finished.
    pub fn tick(&mut self, name: &str) {
        self.done += 1;
        if self.tty {
            let filled = (self.done * WIDTH).checked_div(self.total).unwrap_or(WIDTH);
            let bar = if filled >= WIDTH {
                "=".repeat(WIDTH)
            } else {
                format!("{}>{}", "=".repeat(filled), " ".repeat(WIDTH - filled - 1))
            };
            let name: String = name.chars().take(50).collect();
            let line = format!("{} [{bar}] {}/{} {name}", self.label, self.done, self.total);
            redraw(&line);
        } else {
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
    }

    pub fn finish(&self) {
        if self.tty {
            eprintln!();
        }
    }
}

/// Redraws the current terminal line (`\r` + clear to end of line).
pub fn redraw(line: &str) {
    let mut stderr = std::io::stderr().lock();
    // Progress output is best effort; a closed stderr must not fail the run.
    let _ = write!(stderr, "\r{line}\x1b[K");
    let _ = stderr.flush();
}

pub fn stderr_is_terminal() -> bool {
    std::io::stderr().is_terminal()
}
