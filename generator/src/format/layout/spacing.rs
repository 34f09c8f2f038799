//! Where spaces go between units.

use super::units::Unit;
use proc_macro2::Delimiter;

/// What an operator does where it stands, which decides the spaces around it.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(super) enum Role {
    /// `a = b`, `x => y`, `A | B`: a space on each side.
    Binary,
    /// `&x`, `*x`, `!x`, `-1`: no space after.
    Prefix,
    /// `x?`.
    Postfix,
    /// `.`, `::`.
    Path,
    /// `..`, `..=`: tight after an operand, as in `0..n`.
    Range,
    /// `,`, `;`, `:`: no space before, one after.
    Separator,
    /// The `!` of a macro call.
    Bang,
    /// The `<` of generics (or of a qualified path).
    AngleOpen,
    /// The `>` of generics; `spaced_path` when a `::` after it starts a new path
    /// (`impl<T> ::std::fmt::Debug`), not a segment (`Vec::<u8>::new`).
    AngleClose { spaced_path: bool },
    /// The first `|` of a closure's parameters.
    ClosureOpen,
    /// The last `|` of a closure's parameters, or `||` of a closure without any.
    ClosureClose,
}

/// What was written last on the current line, as far as spacing is concerned.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(super) enum Prev {
    Start,
    Word,
    Keyword(&'static str),
    Lit,
    Lifetime,
    Attr,
    Close(Delimiter),
    Op(Role),
}

impl Prev {
    /// Whether an operand ends here, so that an operator after it is binary.
    pub(super) fn ends_operand(self) -> bool {
        matches!(
            self,
            Prev::Word
                | Prev::Lit
                | Prev::Lifetime
                | Prev::Close(_)
                | Prev::Op(Role::Postfix | Role::AngleClose { .. })
        )
    }
}

/// The state of one sequence being printed: what came last, which generics and closure
/// parameters are open.
pub(super) struct Sequence {
    pub(super) prev: Prev,
    /// Open `<`s: whether each follows `impl`.
    pub(super) angles: Vec<bool>,
    pub(super) in_closure_params: bool,
    /// Elements written in a [`Context::Broken`] sequence, and whether the last ended in `,`.
    pub(super) commas: usize,
    pub(super) ends_with_comma: bool,
}

impl Sequence {
    pub(super) fn new() -> Sequence {
        Sequence {
            prev: Prev::Start,
            angles: Vec::new(),
            in_closure_params: false,
            commas: 0,
            ends_with_comma: false,
        }
    }

    /// The role of `op` here, updating the open generics and closure parameters.
    pub(super) fn role(&mut self, op: &str) -> Role {
        let after_operand = self.prev.ends_operand();
        match op {
            "," | ";" | ":" => Role::Separator,
            "." | "::" => Role::Path,
            ".." | "..=" => Role::Range,
            "?" => Role::Postfix,
            "!" if self.prev == Prev::Word => Role::Bang,
            "&" | "*" | "-" | "&&" | "!" if !after_operand => Role::Prefix,
            "|" if self.in_closure_params => {
                self.in_closure_params = false;
                Role::ClosureClose
            }
            "|" if !after_operand => {
                self.in_closure_params = true;
                Role::ClosureOpen
            }
            "||" if !after_operand => Role::ClosureClose,
            "<" | "<<" if self.opens_generics() => {
                for _ in 0..op.len() {
                    self.angles.push(self.prev == Prev::Keyword("impl"));
                }
                Role::AngleOpen
            }
            ">" | ">>" if self.angles.len() >= op.len() => {
                let mut spaced_path = false;
                for _ in 0..op.len() {
                    spaced_path = self.angles.pop().unwrap_or(false);
                }
                Role::AngleClose { spaced_path }
            }
            _ => Role::Binary,
        }
    }

    /// Whether a `<` here opens generics: after a name or `::` (`Vec<`, `Vec::<`), after
    /// `impl` or `for`, or where no operand ends (a qualified path, `<T as Trait>::`).
    pub(super) fn opens_generics(&self) -> bool {
        matches!(
            self.prev,
            Prev::Word | Prev::Keyword("impl" | "for") | Prev::Op(Role::Path)
        ) || !self.prev.ends_operand()
    }
}

/// Whether a space goes between what was written last and the next unit.
pub(super) fn needs_space(prev: Prev, next: &Unit, role: Option<Role>) -> bool {
    if prev == Prev::Start {
        return false;
    }
    match (next, role) {
        (Unit::Op(_), Some(Role::Separator | Role::Postfix | Role::Bang | Role::ClosureClose)) => {
            // `||` closes nothing: it is a whole parameter list, spaced like an opening `|`.
            matches!(next, Unit::Op(op) if op.as_str() == "||") && space_after(prev)
        }
        (Unit::Op(_), Some(Role::AngleClose { .. })) => false,
        (Unit::Op(op), Some(Role::Path)) if op.as_str() == "." => false,
        (Unit::Op(_), Some(Role::Path)) => match prev {
            Prev::Keyword(_) => true,
            Prev::Op(Role::AngleClose { spaced_path }) => spaced_path,
            Prev::Op(role) => matches!(role, Role::Binary | Role::Separator | Role::ClosureClose),
            _ => false,
        },
        (Unit::Op(_), Some(Role::Range)) => !prev.ends_operand() && space_after(prev),
        (Unit::Op(_), Some(Role::Binary)) => true,
        (Unit::Op(_), Some(Role::AngleOpen)) => {
            !matches!(
                prev,
                Prev::Word | Prev::Keyword("impl") | Prev::Op(Role::Path)
            ) && space_after(prev)
        }
        (Unit::Group(Delimiter::Parenthesis | Delimiter::Bracket, _), _) => match prev {
            Prev::Word | Prev::Close(_) => false,
            Prev::Keyword(keyword) => keyword != "pub" && keyword != "fn",
            Prev::Op(Role::AngleClose { .. }) => false,
            _ => space_after(prev),
        },
        (Unit::Group(Delimiter::Brace, _), _) => {
            !matches!(prev, Prev::Op(Role::Path | Role::Prefix | Role::Bang))
        }
        _ => space_after(prev),
    }
}

/// Whether what was written last wants a space after it, before a name, literal or group.
pub(super) fn space_after(prev: Prev) -> bool {
    match prev {
        Prev::Start => false,
        Prev::Op(role) => !matches!(
            role,
            Role::Prefix
                | Role::Path
                | Role::Range
                | Role::Bang
                | Role::AngleOpen
                | Role::ClosureOpen
        ),
        _ => true,
    }
}

/// The keyword `name` is, as a `'static` string, if it is one of the keywords that end no
/// operand: after them, `&` and `*` are prefixes and `|` opens a closure. (`self`, `Self`,
/// `super` and `crate` are left out: they are paths, like any name.)
pub(crate) fn keyword(name: &str) -> Option<&'static str> {
    // Every keyword is 2 to 8 lowercase letters: most names are rejected on that alone. A
    // `match` compares with each keyword of the same length inline; a binary search called
    // `memcmp` at every step, for every name printed.
    let bytes = name.as_bytes();
    if !(2..=8).contains(&bytes.len()) || !bytes[0].is_ascii_lowercase() {
        return None;
    }
    Some(match name {
        "as" => "as",
        "async" => "async",
        "await" => "await",
        "break" => "break",
        "const" => "const",
        "continue" => "continue",
        "dyn" => "dyn",
        "else" => "else",
        "enum" => "enum",
        "extern" => "extern",
        "fn" => "fn",
        "for" => "for",
        "if" => "if",
        "impl" => "impl",
        "in" => "in",
        "let" => "let",
        "loop" => "loop",
        "match" => "match",
        "mod" => "mod",
        "move" => "move",
        "mut" => "mut",
        "pub" => "pub",
        "ref" => "ref",
        "return" => "return",
        "static" => "static",
        "struct" => "struct",
        "trait" => "trait",
        "type" => "type",
        "unsafe" => "unsafe",
        "use" => "use",
        "where" => "where",
        "while" => "while",
        "yield" => "yield",
        _ => return None,
    })
}
