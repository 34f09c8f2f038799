//! `#[doc]` attributes as `///` comments.

use super::units::Unit;

/// The text of a `doc = "..."` attribute body when it can be written as a comment: a plain
/// string literal whose value is one line without control characters, and which does not
/// turn `///` into `////` (an ordinary comment).
pub(super) fn doc_comment_text(body: &[Unit], inner: bool) -> Option<String> {
    let [Unit::Word(name), Unit::Op(eq), Unit::Lit(literal)] = body else {
        return None;
    };
    if name != "doc" || eq.as_str() != "=" {
        return None;
    }
    let text = unescape_string_literal(&literal.to_string())?;
    let commentable = !text.chars().any(|c| c.is_control() || is_bidi_control(c))
        && (inner || !text.starts_with('/'));
    commentable.then_some(text)
}

/// Characters that change the direction of the text around them; rustc rejects them in
/// comments, while a string literal may hold them escaped.
pub(super) fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}')
}

/// The value of a string literal (`"..."` with escapes, or raw), or `None` for anything else
/// (byte strings, an escape this does not know).
pub(crate) fn unescape_string_literal(repr: &str) -> Option<String> {
    if let Some(raw) = repr.strip_prefix('r') {
        let hashes = raw.len() - raw.trim_start_matches('#').len();
        let raw = raw.get(hashes..raw.len().checked_sub(hashes)?)?;
        return Some(raw.strip_prefix('"')?.strip_suffix('"')?.to_string());
    }
    let inner = repr.strip_prefix('"')?.strip_suffix('"')?;
    let mut out = String::with_capacity(inner.len());
    let mut chars = inner.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next()? {
            'n' => out.push('\n'),
            'r' => out.push('\r'),
            't' => out.push('\t'),
            '0' => out.push('\0'),
            '\\' => out.push('\\'),
            '"' => out.push('"'),
            '\'' => out.push('\''),
            'u' => {
                if chars.next()? != '{' {
                    return None;
                }
                let digits: String = chars.by_ref().take_while(|c| *c != '}').collect();
                out.push(char::from_u32(u32::from_str_radix(&digits, 16).ok()?)?);
            }
            'x' => {
                let digits: String = chars.by_ref().take(2).collect();
                out.push(char::from_u32(u32::from_str_radix(&digits, 16).ok()?)?);
            }
            _ => return None,
        }
    }
    Some(out)
}
