//! The report in words: a summary for the terminal, and a changelog entry for the crate.

use super::{DiffReport, Semver};

/// The report as lines for a terminal: the verdict, then one line per change.
pub fn render_text(report: &DiffReport) -> String {
    let mut out = format!(
        "semver: {}, wire: {}, {} change{}\n",
        report.semver.as_str(),
        if report.wire_breaking {
            "breaking"
        } else {
            "compatible"
        },
        report.changes.len(),
        if report.changes.len() == 1 { "" } else { "s" }
    );
    for c in &report.changes {
        let pointer = c
            .new_pointer
            .as_deref()
            .or(c.old_pointer.as_deref())
            .unwrap_or("");
        out.push_str(&format!(
            "  {:<5} {:<10} {}: {} ({pointer})\n",
            c.semver.as_str(),
            if c.wire_breaking { "wire-break" } else { "" },
            c.kind,
            c.message
        ));
    }
    out
}

/// A Keep a Changelog entry for `version` (`## [version]`, then sections by what changed for
/// a user of the crate). `None` when nothing changed that a user can see.
pub fn changelog_entry(version: &str, api_version: &str, report: &DiffReport) -> Option<String> {
    if report.changes.is_empty() {
        return None;
    }
    let section = |title: &str, pick: &dyn Fn(&super::Change) -> bool| -> String {
        let lines: Vec<String> = report
            .changes
            .iter()
            .filter(|c| pick(c))
            .map(|c| format!("- {}\n", c.message))
            .collect();
        if lines.is_empty() {
            String::new()
        } else {
            format!("### {title}\n\n{}\n", lines.concat())
        }
    };
    let removed = |c: &super::Change| c.kind.ends_with("_removed");
    let added = |c: &super::Change| c.kind.contains("_added") && c.semver != Semver::Major;
    let breaking = |c: &super::Change| c.semver == Semver::Major && !removed(c);
    let other = |c: &super::Change| c.semver != Semver::Major && !added(c);
    let mut out = format!("## [{version}] - API version {}\n\n", api_version.trim());
    if report.wire_breaking {
        out.push_str(
            "Clients built from the previous version can fail against this API version (see the \
             changes marked *wire*).\n\n",
        );
    }
    let mark = |c: &super::Change| c.wire_breaking;
    let with_marks = |text: String| -> String {
        let mut text = text;
        for c in report.changes.iter().filter(|c| mark(c)) {
            let line = format!("- {}\n", c.message);
            text = text.replace(&line, &format!("- *wire* {}\n", c.message));
        }
        text
    };
    out.push_str(&with_marks(section("Breaking", &breaking)));
    out.push_str(&with_marks(section("Removed", &removed)));
    out.push_str(&with_marks(section("Added", &added)));
    out.push_str(&with_marks(section("Changed", &other)));
    Some(out)
}
