//! Tokens straight to text, without a syntax tree.
//!
//! Parsing the rendered tokens into a `syn::File` and printing that with `prettyplease` took
//! more than half of the processor time of generating a large client (30 of 53 ms on Oxide's
//! nexus spec), yet everything a layout needs is in the token sequence: the code is our own,
//! a closed set of item, statement and expression shapes. So the layout is decided token by
//! token: braces open indented blocks, `;` and `,` end lines inside them, attributes stand on
//! lines of their own, `#[doc]` becomes `///`; a parenthesised list that would run past
//! [`WIDTH`] puts one element on each line, and so does a method chain, one call per line.
//!
//! The meaning cannot change: tokens are written in order, and two tokens are only ever
//! written without a space between them where they cannot fuse into a different token (see
//! [`Unit::from_stream`] and [`needs_space`]); a trailing comma is added or dropped only where
//! it means nothing. Debug builds (every test) check that each printed piece lexes back to the
//! tokens it was printed from.

mod doc_text;
mod generics;
mod lines;
mod spacing;
mod units;

pub(super) use doc_text::unescape_string_literal;
pub(super) use spacing::keyword;

use doc_text::doc_comment_text;
use lines::{clause_tail, fits, without_trailing_comma, Chain};
use proc_macro2::{Delimiter, TokenStream};
use spacing::{needs_space, Prev, Role, Sequence};
use std::fmt::Write as _;
use units::Unit;

/// Lines longer than this break a parenthesised or bracketed list into one element per line.
const WIDTH: usize = 100;
const INDENT: &str = "    ";

/// How a token sequence is laid out.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Context {
    /// A brace block or a file: statements, items, fields, match arms on lines of their own.
    Block,
    /// Inside parentheses or brackets on one line.
    Inline,
    /// Inside parentheses or brackets, one element per line.
    Broken,
}

/// Prints token streams into one text.
pub(crate) struct Printer {
    out: String,
    indent: usize,
    line_start: usize,
    /// Columns that what is being printed leaves for text that follows it on the same line
    /// (the `]` of an attribute, the `,` after an element of a broken list).
    reserve: usize,
    /// Printing stops at the next unit once the text is longer than this (see
    /// [`prints_within`]); `usize::MAX` for a printer whose text is kept.
    give_up_after: usize,
}

impl Printer {
    pub(crate) fn new() -> Printer {
        Printer {
            out: String::new(),
            indent: 0,
            line_start: 0,
            reserve: 0,
            give_up_after: usize::MAX,
        }
    }

    pub(crate) fn finish(self) -> String {
        self.out
    }

    /// Items (and inner attributes) at the given depth of braces.
    pub(crate) fn items(&mut self, tokens: TokenStream, depth: usize) {
        self.indent = depth;
        self.sequence(&Unit::from_stream(tokens), Context::Block);
        self.end_line();
    }

    /// The opening line of a block whose contents follow as [`Printer::items`] one level deeper.
    pub(crate) fn open_block(&mut self, header: TokenStream) {
        self.indent = 0;
        self.sequence(&Unit::from_stream(header), Context::Block);
        self.out.push_str(" {");
        self.newline();
    }

    pub(crate) fn close_block(&mut self) {
        self.end_line();
        self.out.push('}');
        self.newline();
    }

    fn newline(&mut self) {
        self.out.push('\n');
        self.line_start = self.out.len();
    }

    /// Ends the current line unless nothing is on it yet.
    fn end_line(&mut self) {
        if self.out.len() > self.line_start {
            self.newline();
        }
    }

    fn write(&mut self, text: &str) {
        if self.out.len() == self.line_start {
            for _ in 0..self.indent {
                self.out.push_str(INDENT);
            }
        }
        self.out.push_str(text);
    }

    /// Writes `value`, returning where its text starts in the output.
    fn write_display(&mut self, value: &impl std::fmt::Display) -> usize {
        self.write("");
        let start = self.out.len();
        let _ = write!(self.out, "{value}");
        start
    }

    fn sequence(&mut self, units: &[Unit], context: Context) -> Sequence {
        let mut seq = Sequence::new();
        let mut chain = Chain::none(0);
        // Units up to this index were written with broken generics before them.
        let mut written_to = 0;
        for (index, unit) in units.iter().enumerate() {
            if self.out.len() > self.give_up_after {
                break;
            }
            if index < written_to {
                continue;
            }
            let at_line_start = self.out.len() == self.line_start;
            if index == chain.end && chain.indented {
                self.indent -= 1;
                chain.indented = false;
            }
            if context != Context::Inline && index >= chain.end && seq.prev == Prev::Start {
                let column = if at_line_start {
                    self.indent * INDENT.len()
                } else {
                    self.out.len() - self.line_start
                };
                chain = Chain::plan(units, index, column + self.reserve);
            }
            if chain.breaks.first() == Some(&index) {
                chain.breaks.remove(0);
                self.newline();
                if !chain.indented {
                    self.indent += 1;
                    chain.indented = true;
                }
            }
            // What a list measures itself with: up to the next break of a chain, if any.
            let rest_end = chain.breaks.first().copied().unwrap_or(units.len());
            let rest = &units[index + 1..rest_end.max(index + 1)];
            let role = match unit {
                Unit::Op(op) => Some(seq.role(op.as_str())),
                _ => None,
            };
            let at_line_start = self.out.len() == self.line_start;
            if !at_line_start && needs_space(seq.prev, unit, role) {
                self.out.push(' ');
            }
            seq.ends_with_comma = false;
            match unit {
                Unit::Word(ident) => {
                    let start = self.write_display(ident);
                    seq.prev = match keyword(&self.out[start..]) {
                        Some(keyword) => Prev::Keyword(keyword),
                        None => Prev::Word,
                    };
                }
                Unit::Lit(literal) => {
                    self.write_display(literal);
                    seq.prev = Prev::Lit;
                }
                Unit::Lifetime(name) => {
                    self.write("'");
                    self.write_display(name);
                    seq.prev = Prev::Lifetime;
                }
                Unit::Attr { inner, body } => {
                    let own_line = context == Context::Block;
                    self.attribute(*inner, body, own_line);
                    seq.prev = if own_line { Prev::Start } else { Prev::Attr };
                }
                Unit::Op(op) => {
                    let role = role.unwrap_or(Role::Binary);
                    if role == Role::AngleOpen && context != Context::Inline {
                        if let Some(close) = self.generics_to_break(units, index, rest_end) {
                            self.broken_generics(&units[index + 1..close], &mut seq);
                            written_to = close + 1;
                            continue;
                        }
                    }
                    let text = op.as_str();
                    self.write(text);
                    seq.prev = Prev::Op(role);
                    let top_level = seq.angles.is_empty() && !seq.in_closure_params;
                    if text == "," && top_level && context == Context::Broken {
                        seq.commas += 1;
                        seq.ends_with_comma = true;
                        self.newline();
                        seq.prev = Prev::Start;
                    } else if matches!(text, "," | ";") && top_level && context == Context::Block {
                        self.newline();
                        seq.prev = Prev::Start;
                    }
                }
                Unit::Group(delimiter, contents) => {
                    let after_name = seq.prev == Prev::Word;
                    let use_tree = matches!(seq.prev, Prev::Op(Role::Path));
                    let pattern = matches!(rest.first(), Some(Unit::Op(op)) if op.as_str() == "=>");
                    match delimiter {
                        Delimiter::Brace if use_tree || contents.is_empty() => {
                            self.write("{");
                            self.sequence(contents, Context::Inline);
                            self.write("}");
                        }
                        Delimiter::Brace if context == Context::Inline || pattern => {
                            self.short_block(contents)
                        }
                        Delimiter::Brace => self.block(contents),
                        _ => {
                            let may_break = context != Context::Inline;
                            self.list(*delimiter, contents, rest, may_break, after_name)
                        }
                    }
                    seq.prev = Prev::Close(*delimiter);
                    let ended_line = self.out.len() == self.line_start;
                    if *delimiter == Delimiter::Brace && context == Context::Block && !ended_line {
                        let continues = match rest.first() {
                            Some(Unit::Op(op)) => {
                                matches!(op.as_str(), "," | ";" | "." | "?" | "=>")
                            }
                            Some(Unit::Word(word)) => word == "else",
                            _ => false,
                        };
                        if !continues {
                            self.newline();
                            seq.prev = Prev::Start;
                        }
                    }
                }
            }
        }
        if chain.indented {
            self.indent -= 1;
        }
        seq
    }

    /// A brace group inside an expression or a pattern (`Foo { a, b }`): on one line when it
    /// holds no statements and fits, else as a block.
    fn short_block(&mut self, contents: &[Unit]) {
        let statements = contents.iter().any(|unit| match unit {
            Unit::Op(op) => op.as_str() == ";",
            Unit::Attr { .. } => true,
            _ => false,
        });
        if !statements {
            let start = self.out.len();
            self.write("{ ");
            self.sequence(contents, Context::Inline);
            self.out.push_str(" }");
            let fits = self.out.len() - self.line_start + self.reserve <= WIDTH;
            if fits && !self.out[start..].contains('\n') {
                return;
            }
            self.out.truncate(start);
        }
        self.block(contents);
    }

    /// A brace block: contents indented on lines of their own, the closing brace on its own
    /// line at the depth of the line that opened it.
    fn block(&mut self, contents: &[Unit]) {
        self.indented(["{", "}"], contents, Context::Block, |_, _| {});
    }

    /// `open`, then `contents` one level deeper on lines of their own, then `close` on a line
    /// of its own; `end` writes what the contents end with (a trailing comma). In a
    /// [`Context::Broken`] list each line keeps a column for its `,`.
    fn indented(
        &mut self,
        [open, close]: [&str; 2],
        contents: &[Unit],
        context: Context,
        end: impl FnOnce(&mut Printer, &Sequence),
    ) {
        self.write(open);
        self.newline();
        self.indent += 1;
        let columns = usize::from(context == Context::Broken);
        let reserve = std::mem::replace(&mut self.reserve, columns);
        let seq = self.sequence(contents, context);
        self.reserve = reserve;
        end(self, &seq);
        self.end_line();
        self.indent -= 1;
        self.write(close);
    }

    /// A parenthesised or bracketed list: on one line if it fits together with what follows it
    /// up to the end of its clause, else (where `may_break`) one element per line. Lists inside
    /// a list on one line stay on it: the outermost list that does not fit is the one broken.
    /// `after_name` says the list is a call's arguments, a function's parameters or a tuple
    /// struct's fields, where a trailing comma is allowed even after a single element.
    fn list(
        &mut self,
        delimiter: Delimiter,
        contents: &[Unit],
        rest: &[Unit],
        may_break: bool,
        after_name: bool,
    ) {
        let (open, close) = match delimiter {
            Delimiter::Parenthesis => ("(", ")"),
            _ => ("[", "]"),
        };
        let start = self.out.len();
        self.write(open);
        self.sequence(
            without_trailing_comma(contents, after_name),
            Context::Inline,
        );
        self.write(close);
        if !may_break || contents.is_empty() || self.out[start..].contains('\n') {
            return;
        }
        let line = self.out.len() - self.line_start + self.reserve;
        let (tail, tail_end) = clause_tail(rest);
        // The tail's first unit may bring a space that printing it alone does not show.
        // Printed alone, the tail lacks the space its first unit may bring.
        let fits_tail = |columns: usize| {
            fits(tail, columns) || (columns > 0 && prints_within(tail, columns - 1))
        };
        if line + tail_end <= WIDTH && fits_tail(WIDTH - line - tail_end) {
            return;
        }
        self.out.truncate(start);
        self.indented([open, close], contents, Context::Broken, |printer, seq| {
            let trailing_comma_allowed =
                seq.commas > 0 || (after_name && delimiter == Delimiter::Parenthesis);
            if trailing_comma_allowed && !seq.ends_with_comma {
                printer.write(",");
            }
        });
    }

    /// An attribute; `#[doc = "text"]` as a `///text` line where the text allows.
    fn attribute(&mut self, inner: bool, body: &[Unit], own_line: bool) {
        if own_line {
            if let Some(text) = doc_comment_text(body, inner) {
                self.write(if inner { "//!" } else { "///" });
                self.out.push_str(&text);
                self.newline();
                return;
            }
        }
        self.write(if inner { "#![" } else { "#[" });
        // On a line of its own, a long list in the attribute may break (`#[serde(..)]`).
        let context = if own_line {
            Context::Block
        } else {
            Context::Inline
        };
        let reserve = std::mem::replace(&mut self.reserve, 1);
        self.sequence(body, context);
        self.reserve = reserve;
        self.write("]");
        if own_line {
            self.newline();
        }
    }
}

/// Whether `units`, printed by themselves, take one line of at most `columns`. Used where the
/// upper bound of [`Unit::width`] says a line would be too long; printing stops once past
/// `columns`, so a clause far too long costs no more than one that nearly fits.
fn prints_within(units: &[Unit], columns: usize) -> bool {
    let mut printer = Printer::new();
    printer.give_up_after = columns;
    printer.sequence(units, Context::Inline);
    let text = printer.finish();
    text.len() <= columns && !text.contains('\n')
}

#[cfg(test)]
mod tests;
