//! Where lines break: lists and method chains too long for their line.

use super::units::Unit;
use super::{prints_within, WIDTH};
use proc_macro2::Delimiter;

/// The clause being printed in a block or a broken list, and where its method chain breaks.
pub(super) struct Chain {
    /// The index of the unit that ends the clause (`;`, `,`, a block) or of the last unit.
    pub(super) end: usize,
    /// Indices of the `.`s that start a line, in order.
    pub(super) breaks: Vec<usize>,
    /// Whether the lines after the first break are indented (undone at `end`).
    pub(super) indented: bool,
}

impl Chain {
    pub(super) fn none(end: usize) -> Chain {
        Chain {
            end,
            breaks: Vec::new(),
            indented: false,
        }
    }

    /// The clause starting at `start`, at `column`. When it does not fit on the line and its
    /// value (after any `=` or `=>`) is a chain of two or more `.`s with a call among them,
    /// each of those `.`s starts a line, as in `Client::builder(..)` / `.timeout(..)` /
    /// `.build()?`. A chain on `self` keeps its first field on the first line.
    pub(super) fn plan(units: &[Unit], start: usize, column: usize) -> Chain {
        let mut angles = 0usize;
        let mut end = start;
        let mut value_start = start;
        while end < units.len() {
            match &units[end] {
                Unit::Op(op) => match op.as_str() {
                    ";" => break,
                    "," if angles == 0 => break,
                    "=" | "=>" => value_start = end + 1,
                    other => step_generics(other, &mut angles),
                },
                Unit::Group(Delimiter::Brace, contents) if !contents.is_empty() => break,
                _ => {}
            }
            end += 1;
        }
        let clause = Chain::none(end);
        let columns = WIDTH.saturating_sub(column + terminator_width(units.get(end)));
        if fits_exactly(&units[start..end], columns) {
            return clause;
        }
        let dot = |index: usize| {
            matches!(&units[index], Unit::Op(op) if op.as_str() == ".")
                && matches!(units.get(index + 1), Some(Unit::Word(_)))
        };
        let mut dots: Vec<usize> = (value_start..end).filter(|index| dot(*index)).collect();
        let calls = dots
            .iter()
            .filter(|index| {
                matches!(
                    units.get(*index + 2),
                    Some(Unit::Group(Delimiter::Parenthesis, _))
                )
            })
            .count();
        if matches!(units.get(value_start), Some(Unit::Word(root)) if root == "self")
            && !dots.is_empty()
        {
            dots.remove(0);
        }
        // One `.` is worth a line of its own only after a call (`f(..)` / `.map_err(..)`).
        let root_is_call = dots.first().is_some_and(|first| {
            units[value_start..*first]
                .iter()
                .any(|unit| matches!(unit, Unit::Group(Delimiter::Parenthesis, _)))
        });
        if calls == 0 || dots.is_empty() || (dots.len() == 1 && !root_is_call) {
            return clause;
        }
        Chain {
            breaks: dots,
            ..clause
        }
    }
}

/// A list on one line drops its trailing comma where that cannot turn a tuple into a
/// parenthesised value: after another comma, or in a call or a signature.
pub(super) fn without_trailing_comma(contents: &[Unit], after_name: bool) -> &[Unit] {
    let Some((Unit::Op(last), init)) = contents.split_last() else {
        return contents;
    };
    if last.as_str() != "," {
        return contents;
    }
    let mut angles = 0usize;
    let another_comma = init.iter().any(|unit| match unit {
        Unit::Op(op) if op.as_str() == "," => angles == 0,
        Unit::Op(op) => {
            step_generics(op.as_str(), &mut angles);
            false
        }
        _ => false,
    });
    if another_comma || after_name {
        init
    } else {
        contents
    }
}

/// Moves `depth`, the generics open, past `op`: `<` and `<<` open one and two, `>` and `>>`
/// close them (`>>` is one token where two generics end together).
fn step_generics(op: &str, depth: &mut usize) {
    match op {
        "<" => *depth += 1,
        "<<" => *depth += 2,
        ">" => *depth = depth.saturating_sub(1),
        ">>" => *depth = depth.saturating_sub(2),
        _ => {}
    }
}

/// What follows a list up to the end of its clause: the next block, `;`, `=`, `=>`, or `,`
/// outside generics; with the columns of that end where it stays on the same line (` {`,
/// `;`). A signature's return type counts with its parameters.
pub(super) fn clause_tail(rest: &[Unit]) -> (&[Unit], usize) {
    let mut angles = 0usize;
    for (index, unit) in rest.iter().enumerate() {
        match unit {
            Unit::Op(op) => match op.as_str() {
                ";" | "=" | "=>" => return (&rest[..index], terminator_width(Some(unit))),
                "," if angles == 0 => return (&rest[..index], terminator_width(Some(unit))),
                other => step_generics(other, &mut angles),
            },
            Unit::Group(Delimiter::Brace, _) => {
                return (&rest[..index], terminator_width(Some(unit)))
            }
            _ => {}
        }
    }
    (rest, 0)
}

/// The columns that the unit ending a clause takes on the clause's last line: `;` and `,`
/// their own, ` =` and ` =>` theirs with a space, and a block its ` {`.
fn terminator_width(end: Option<&Unit>) -> usize {
    match end {
        Some(Unit::Op(op)) => match op.as_str() {
            ";" | "," => 1,
            text => text.len() + 1,
        },
        Some(Unit::Group(Delimiter::Brace, _)) => 2,
        _ => 0,
    }
}

/// Whether `units` fit in `columns` on one line: by the upper bound of [`Unit::width`] where
/// that is enough, else by printing them.
pub(super) fn fits_exactly(units: &[Unit], columns: usize) -> bool {
    fits(units, columns) || prints_within(units, columns)
}

/// Whether `units` fit in `columns` on one line, by the upper bound of [`Unit::width`]: a list
/// may break a few columns early, never late.
pub(super) fn fits(units: &[Unit], columns: usize) -> bool {
    let mut width = 0;
    for unit in units {
        width += unit.width();
        if width > columns {
            return false;
        }
    }
    true
}
