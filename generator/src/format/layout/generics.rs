//! Generic arguments too long for their line: one argument on each line, as a list is broken.

use super::lines::{clause_tail, fits_exactly};
use super::spacing::{Prev, Sequence};
use super::units::Unit;
use super::{Context, Printer, WIDTH};
use proc_macro2::Delimiter;

impl Printer {
    /// The index of the `>` that closes the generics opened by the `<` at `open`, when they
    /// are too long for the line together with the rest of their clause (up to `rest_end`)
    /// and can be broken.
    pub(super) fn generics_to_break(
        &self,
        units: &[Unit],
        open: usize,
        rest_end: usize,
    ) -> Option<usize> {
        let close = matching_angle(units, open)?;
        let (tail, tail_end) = clause_tail(&units[close + 1..rest_end.max(close + 1)]);
        // A parenthesised list after the generics (a function's parameters) breaks on its own
        // if need be: only its `(` has to fit on this line.
        let (tail, tail_end) = match tail.iter().position(is_parenthesised) {
            Some(list) => (&tail[..list], 1),
            None => (tail, tail_end),
        };
        let line = self.out.len() - self.line_start + self.reserve;
        let columns = WIDTH.saturating_sub(line + tail_end);
        let through_tail = &units[open..close + 1 + tail.len()];
        (!fits_exactly(through_tail, columns)).then_some(close)
    }

    /// Writes `<`, the `arguments` one to a line one level deeper, and `>` on a line of its
    /// own, closing the generics that `seq` opened at the `<`. No trailing comma is added:
    /// the verification reads a `,` before `>` as a token the tokens did not have.
    pub(super) fn broken_generics(&mut self, arguments: &[Unit], seq: &mut Sequence) {
        self.indented(["<", ">"], arguments, Context::Broken, |_, _| {});
        seq.prev = Prev::Op(seq.role(">"));
    }
}

fn is_parenthesised(unit: &Unit) -> bool {
    matches!(unit, Unit::Group(Delimiter::Parenthesis, _))
}

/// The index of the `>` matching the `<` at `open`, if it is a token of its own and comes
/// before the clause ends. A `>>` that closes these generics also closes those around them
/// (or inner ones with them): one token, which cannot be split over two lines.
fn matching_angle(units: &[Unit], open: usize) -> Option<usize> {
    let mut depth = 0usize;
    for (index, unit) in units.iter().enumerate().skip(open) {
        match unit {
            Unit::Op(op) => match op.as_str() {
                "<" => depth += 1,
                "<<" => depth += 2,
                ">" if depth == 1 => return Some(index),
                ">" => depth -= 1,
                ">>" if depth <= 2 => return None,
                ">>" => depth -= 2,
                ";" => return None,
                _ => {}
            },
            Unit::Group(Delimiter::Brace, contents) if !contents.is_empty() => return None,
            _ => {}
        }
    }
    None
}
