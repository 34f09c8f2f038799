//! The check, in debug builds, that printed text lexes back to the tokens it was printed from.

use crate::error::Error;
use proc_macro2::{Delimiter, Spacing, TokenStream, TokenTree};

/// A token as compared: punctuation with its spacing, groups as their delimiters.
#[derive(PartialEq, Debug)]
enum Flat {
    Open(Delimiter),
    Close(Delimiter),
    Punct(char, Spacing),
    Text(String),
    String(String),
}

fn flatten(tokens: TokenStream, out: &mut Vec<Flat>) {
    for token in tokens {
        match token {
            TokenTree::Group(group) => {
                out.push(Flat::Open(group.delimiter()));
                flatten(group.stream(), out);
                out.push(Flat::Close(group.delimiter()));
            }
            TokenTree::Punct(punct) => out.push(Flat::Punct(punct.as_char(), punct.spacing())),
            TokenTree::Ident(ident) => out.push(Flat::Text(ident.to_string())),
            TokenTree::Literal(literal) => {
                // A string is compared by its value: `r"x"` and `"x"` are the same string.
                let repr = literal.to_string();
                out.push(match super::layout::unescape_string_literal(&repr) {
                    Some(value) => Flat::String(value),
                    None => Flat::Text(repr),
                })
            }
        }
    }
}

/// Punctuation pairs that, written together, are one token of Rust's but mean what the two
/// apart mean: `>>` closing two generics, `&&` taking two references.
const HARMLESS_FUSIONS: [&str; 2] = [">>", "&&"];

/// Operators of two characters: two punctuation marks written together that form one of these
/// are one token, not two.
const FUSING_PAIRS: [&str; 22] = [
    "::", "->", "=>", "==", "!=", "<=", ">=", "&&", "||", "+=", "-=", "*=", "/=", "%=", "^=", "&=",
    "|=", "<<", ">>", "..", "<-", "//",
];

/// Whether `text` lexes to `expected`, up to spacing that cannot change a token.
pub(super) fn same_tokens(expected: TokenStream, text: &str, path: &str) -> Result<(), Error> {
    let printed: TokenStream = text.parse().map_err(|error| {
        Error::Internal(format!(
            "{path}: printed code does not lex: {error}\n{text}"
        ))
    })?;
    let (mut want, mut got) = (Vec::new(), Vec::new());
    flatten(expected, &mut want);
    flatten(printed, &mut got);
    let equivalent = |at: usize, printed: &Flat| match (&want[at], printed) {
        (a, b) if a == b => true,
        (Flat::Punct(c, _), Flat::Punct(d, spacing)) if c == d => {
            // Spacing counts only before another punctuation mark, and only where the two fuse.
            let Some(Flat::Punct(next, _)) = want.get(at + 1) else {
                return true;
            };
            let pair: String = [*c, *next].into_iter().collect();
            let fusing = FUSING_PAIRS.contains(&pair.as_str());
            match spacing {
                Spacing::Joint => !fusing || HARMLESS_FUSIONS.contains(&pair.as_str()),
                Spacing::Alone => !fusing,
            }
        }
        _ => false,
    };
    let (mut at, mut printed) = (0, 0);
    while at < want.len() && printed < got.len() {
        if equivalent(at, &got[printed]) {
            at += 1;
            printed += 1;
        } else if got[printed] == Flat::Punct(',', Spacing::Alone)
            && matches!(want[at], Flat::Close(_))
            && got.get(printed + 1) == Some(&want[at])
            && (has_comma(&want[..at]) || opened_after_name(&want[..at]))
        {
            // A trailing comma added to a list broken over lines: one with a comma already,
            // or a call's arguments or a function's parameters.
            printed += 1;
        } else if want[at] == Flat::Punct(',', Spacing::Alone)
            && matches!(want.get(at + 1), Some(Flat::Close(_)))
            && want.get(at + 1) == Some(&got[printed])
            && (has_comma(&want[..at]) || opened_after_name(&want[..at]))
        {
            // A trailing comma dropped from a list on one line, under the same conditions.
            at += 1;
        } else {
            break;
        }
    }
    if at == want.len() && printed == got.len() {
        return Ok(());
    }
    Err(Error::Internal(format!(
        "{path}: printed code differs from its tokens at token {at}: {:?} against {:?}\n{text}",
        want.get(at),
        got.get(printed)
    )))
}

/// Whether the innermost group still open at the end of `tokens` has a comma of its own.
fn has_comma(tokens: &[Flat]) -> bool {
    let mut depth = 0usize;
    for token in tokens.iter().rev() {
        match token {
            Flat::Close(_) => depth += 1,
            Flat::Open(_) if depth == 0 => return false,
            Flat::Open(_) => depth -= 1,
            Flat::Punct(',', _) if depth == 0 => return true,
            _ => {}
        }
    }
    false
}

/// Whether the innermost group still open at the end of `tokens` is parenthesised and follows
/// a name that is not a keyword (a call, a signature, a tuple struct).
fn opened_after_name(tokens: &[Flat]) -> bool {
    let mut depth = 0usize;
    for (index, token) in tokens.iter().enumerate().rev() {
        match token {
            Flat::Close(_) => depth += 1,
            Flat::Open(delimiter) if depth == 0 => {
                let name = match index.checked_sub(1).map(|before| &tokens[before]) {
                    Some(Flat::Text(name)) => name,
                    _ => return false,
                };
                let is_name = name.starts_with(|c: char| c.is_alphabetic() || c == '_');
                return *delimiter == Delimiter::Parenthesis
                    && is_name
                    && super::layout::keyword(name).is_none();
            }
            Flat::Open(_) => depth -= 1,
            _ => {}
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;
    use quote::quote;

    #[test]
    fn text_that_lexes_to_other_tokens_is_caught() {
        assert!(same_tokens(quote! { a: ::b::C }, "a: ::b::C", "f.rs").is_ok());
        assert!(same_tokens(quote! { a: ::b::C }, "a:::b::C", "f.rs").is_err());
        assert!(same_tokens(quote! { x = -1 }, "x == 1", "f.rs").is_err());
        assert!(same_tokens(quote! { a..b }, "a. .b", "f.rs").is_err());
        assert!(same_tokens(quote! { f(x) }, "f(y)", "f.rs").is_err());
        // `>>` closing two generics means what `> >` means.
        assert!(same_tokens(quote! { Option<Vec<u8> > }, "Option<Vec<u8>>", "f.rs").is_ok());
    }

    #[test]
    fn a_trailing_comma_may_change_only_where_it_means_nothing() {
        assert!(same_tokens(quote! { f(x) }, "f(x,)", "f.rs").is_ok());
        assert!(same_tokens(quote! { (a, b,) }, "(a, b)", "f.rs").is_ok());
        assert!(same_tokens(quote! { (x) }, "(x,)", "f.rs").is_err());
        assert!(same_tokens(quote! { (x,) }, "(x)", "f.rs").is_err());
    }

    #[test]
    fn doc_comments_are_the_attributes_they_stand_for() {
        let tokens = quote! { #[doc = " text"] struct S; };
        assert!(same_tokens(tokens, "/// text\nstruct S;", "f.rs").is_ok());
    }
}
