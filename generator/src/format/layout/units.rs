//! Tokens read into units: operators, lifetimes and attributes whole, groups with their contents.

use proc_macro2::{Delimiter, Ident, Literal, Spacing, TokenStream, TokenTree};
use std::fmt::Write as _;

/// A token as the layout sees it: operators of several characters, lifetimes and attributes
/// are one unit each.
pub(super) enum Unit {
    Word(Ident),
    Lit(Literal),
    Lifetime(Ident),
    Op(Op),
    Attr { inner: bool, body: Vec<Unit> },
    Group(Delimiter, Contents),
}

/// The units inside a group, with the width they take on one line (an upper bound, see
/// [`Unit::width`]) worked out once, when the group is read.
pub(super) struct Contents {
    units: Vec<Unit>,
    width: usize,
}

impl std::ops::Deref for Contents {
    type Target = [Unit];

    fn deref(&self) -> &[Unit] {
        &self.units
    }
}

/// An operator of one to three ASCII characters, as one of the strings in [`SINGLE_OPS`] or
/// [`COMPOUND_OPS`].
#[derive(Clone, Copy)]
pub(super) struct Op(&'static str);

/// The punctuation characters of Rust; anything else `proc_macro2` would not have made.
pub(super) const SINGLE_OPS: [&str; 21] = [
    "=", "<", ">", "!", "~", "+", "-", "*", "/", "%", "^", "&", "|", "@", ".", ",", ";", ":", "#",
    "$", "?",
];

/// Every operator of more than one character; two adjacent `Punct`s are only joined into an
/// operator when the pair (or triple) is in this list, so `>` followed by `,` stays two units.
pub(super) const COMPOUND_OPS: [&str; 25] = [
    "<<=", ">>=", "...", "..=", "::", "->", "=>", "==", "!=", "<=", ">=", "&&", "||", "+=", "-=",
    "*=", "/=", "%=", "^=", "&=", "|=", "<<", ">>", "..", "<-",
];

impl Op {
    pub(super) fn single(c: char) -> Op {
        let mut buffer = [0; 4];
        let text: &str = c.encode_utf8(&mut buffer);
        Op(SINGLE_OPS
            .iter()
            .copied()
            .find(|op| *op == text)
            .unwrap_or("'"))
    }

    pub(super) fn as_str(&self) -> &'static str {
        self.0
    }

    /// This operator with `c` appended, when that is an operator of Rust.
    pub(super) fn extended(&self, c: char) -> Option<Op> {
        let longer_len = self.0.len() + c.len_utf8();
        COMPOUND_OPS
            .iter()
            .copied()
            .find(|op| op.len() == longer_len && op.starts_with(self.0) && op.ends_with(c))
            .map(Op)
    }
}

impl Unit {
    /// The units of a token stream, groups with their contents. The stream is taken so that
    /// its tokens are moved, not cloned.
    pub(super) fn from_stream(stream: TokenStream) -> Vec<Unit> {
        let mut units = Vec::new();
        let mut tokens = stream.into_iter().collect::<Vec<_>>().into_iter();
        while let Some(token) = tokens.next() {
            match token {
                TokenTree::Ident(ident) => units.push(Unit::Word(ident)),
                TokenTree::Literal(literal) => units.push(Unit::Lit(literal)),
                TokenTree::Group(group) => {
                    let delimiter = group.delimiter();
                    let stream = group.stream();
                    // Dropped first, so the stream is no longer shared and is moved, not copied.
                    drop(group);
                    let contents = Unit::from_stream(stream);
                    if delimiter == Delimiter::None {
                        units.extend(contents);
                    } else {
                        let width = width_of(&contents);
                        units.push(Unit::Group(
                            delimiter,
                            Contents {
                                units: contents,
                                width,
                            },
                        ));
                    }
                }
                TokenTree::Punct(punct) => {
                    let c = punct.as_char();
                    if c == '\'' && punct.spacing() == Spacing::Joint {
                        if let Some(TokenTree::Ident(_)) = tokens.as_slice().first() {
                            if let Some(TokenTree::Ident(name)) = tokens.next() {
                                units.push(Unit::Lifetime(name));
                            }
                            continue;
                        }
                    }
                    if c == '#' {
                        if let Some(attr) = take_attribute(&mut tokens) {
                            units.push(attr);
                            continue;
                        }
                    }
                    let mut op = Op::single(c);
                    let mut joint = punct.spacing() == Spacing::Joint;
                    while joint {
                        let Some(TokenTree::Punct(next)) = tokens.as_slice().first() else {
                            break;
                        };
                        let Some(longer) = op.extended(next.as_char()) else {
                            break;
                        };
                        joint = next.spacing() == Spacing::Joint;
                        op = longer;
                        tokens.next();
                    }
                    units.push(Unit::Op(op));
                }
            }
        }
        units
    }

    /// An upper bound of the unit's width on one line, with the spaces it may bring: one
    /// after a name or a separator, two around an operator, one before a group.
    pub(super) fn width(&self) -> usize {
        match self {
            Unit::Word(ident) => display_len(ident) + 1,
            Unit::Lifetime(ident) => display_len(ident) + 2,
            Unit::Lit(literal) => display_len(literal) + 1,
            Unit::Op(op) => match op.as_str() {
                "." | "::" | "?" => op.0.len(),
                "," | ";" | ":" => op.0.len() + 1,
                _ => op.0.len() + 2,
            },
            Unit::Attr { body, .. } => 4 + width_of(body),
            Unit::Group(_, contents) => 3 + contents.width,
        }
    }
}

/// `[..]` or `![..]` after a `#`, taken from `tokens`; nothing is taken otherwise.
pub(super) fn take_attribute(tokens: &mut std::vec::IntoIter<TokenTree>) -> Option<Unit> {
    let is_brackets = |token: Option<&TokenTree>| matches!(token, Some(TokenTree::Group(g)) if g.delimiter() == Delimiter::Bracket);
    let ahead = tokens.as_slice();
    let inner = match ahead.first() {
        Some(TokenTree::Punct(bang)) if bang.as_char() == '!' => true,
        token if is_brackets(token) => false,
        _ => return None,
    };
    if inner {
        // `#!` followed by anything but brackets is not an attribute: keep the `!` as it is.
        if !is_brackets(ahead.get(1)) {
            return None;
        }
        tokens.next();
    }
    match tokens.next() {
        Some(TokenTree::Group(group)) => {
            let stream = group.stream();
            drop(group);
            Some(Unit::Attr {
                inner,
                body: Unit::from_stream(stream),
            })
        }
        _ => None,
    }
}

pub(super) fn display_len(value: &impl std::fmt::Display) -> usize {
    struct Count(usize);
    impl std::fmt::Write for Count {
        fn write_str(&mut self, s: &str) -> std::fmt::Result {
            self.0 += s.len();
            Ok(())
        }
    }
    let mut count = Count(0);
    let _ = write!(count, "{value}");
    count.0
}

pub(super) fn width_of(units: &[Unit]) -> usize {
    units.iter().map(Unit::width).sum()
}
