//! Scrubbing by value: the secrets a request sent (credentials, secret header and query
//! parameters, `Secret` fields of its body) are collected while the request is built, and
//! every `Debug` and `Display` of what the call returns replaces them with `[redacted]`, even
//! where the server echoed them back (a validation error quoting its input, a header, a text
//! body).

use ::std::cell::RefCell;
use ::std::fmt;
use ::std::sync::Arc;

/// Whether `value` has at least [`MIN_SECRET_LEN`] characters (counting no further).
fn long_enough(value: &str) -> bool {
    value.chars().nth(MIN_SECRET_LEN - 1).is_some()
}

/// What a secret is replaced by.
pub const REDACTED: &str = "[redacted]";

/// Secrets shorter than this are not searched for: a one- or two-letter value would match
/// inside every word and leave nothing readable, and hides nothing worth hiding.
pub const MIN_SECRET_LEN: usize = 4;

thread_local! {
    /// The secrets met while a request's values are serialized; `None` outside of that.
    static SINK: RefCell<Option<::std::vec::Vec<::std::string::String>>> =
        const { RefCell::new(None) };
}

/// Runs `serialize` and returns the secrets that `Secret` values serialized within it met.
/// Serialization is synchronous, so a thread-local sink sees exactly this call's values.
pub(crate) fn collecting<R>(
    serialize: impl FnOnce() -> R,
) -> (R, ::std::vec::Vec<::std::string::String>) {
    let outer = SINK.with(|sink| sink.replace(Some(::std::vec::Vec::new())));
    let result = serialize();
    let found = SINK.with(|sink| sink.replace(outer)).unwrap_or_default();
    if !found.is_empty() {
        // A nested collection (a body serialized inside another) reports to the outer one too.
        SINK.with(|sink| {
            if let Some(outer) = sink.borrow_mut().as_mut() {
                outer.extend(found.iter().cloned());
            }
        });
    }
    (result, found)
}

/// Records the text of a secret value being serialized, when a request is collecting.
pub(crate) fn record<T: ::serde::Serialize + ?Sized>(value: &T) {
    let active = SINK.with(|sink| sink.borrow().is_some());
    if !active {
        return;
    }
    let mut texts = ::std::vec::Vec::new();
    match crate::plain_text::of(value) {
        Some(text) => texts = ::std::vec![text],
        None => {
            if let Ok(value) = ::serde_json::to_value(value) {
                leaves(value, &mut texts);
            }
        }
    }
    SINK.with(|sink| {
        if let Some(found) = sink.borrow_mut().as_mut() {
            if found.is_empty() {
                *found = texts;
            } else {
                found.append(&mut texts);
            }
        }
    });
}

fn leaves(value: ::serde_json::Value, out: &mut ::std::vec::Vec<::std::string::String>) {
    match value {
        ::serde_json::Value::String(text) => out.push(text),
        ::serde_json::Value::Number(number) => out.push(number.to_string()),
        ::serde_json::Value::Array(items) => items.into_iter().for_each(|item| leaves(item, out)),
        ::serde_json::Value::Object(map) => map.into_iter().for_each(|(_, item)| leaves(item, out)),
        ::serde_json::Value::Bool(_) | ::serde_json::Value::Null => {}
    }
}

/// The secrets one call sent, searched for in every spelling they can come back in: as sent,
/// as a `Debug` string escapes them, inside JSON text, percent- and form-encoded. The
/// spellings are worked out on first use (printing, or a response header to check), so a call
/// that prints nothing pays only for keeping the values. Cheap to clone.
#[derive(Clone, Default)]
pub struct Secrets(Option<Arc<Known>>);

struct Known {
    /// The values as sent, each at least [`MIN_SECRET_LEN`] characters.
    values: ::std::vec::Vec<::std::string::String>,
    /// The length in bytes of the shortest value: no spelling is shorter, so shorter text
    /// holds none of them.
    shortest: usize,
    /// Every spelling of every value, longest first.
    spellings: ::std::sync::OnceLock<::std::vec::Vec<::std::string::String>>,
}

impl Secrets {
    /// The set of `values`; values shorter than [`MIN_SECRET_LEN`] are skipped.
    pub fn new<I: IntoIterator<Item = ::std::string::String>>(values: I) -> Self {
        let values: ::std::vec::Vec<::std::string::String> = values
            .into_iter()
            .filter(|value| long_enough(value))
            .collect();
        Secrets::of(values)
    }

    fn of(values: ::std::vec::Vec<::std::string::String>) -> Self {
        let Some(shortest) = values.iter().map(::std::string::String::len).min() else {
            return Secrets(None);
        };
        Secrets(Some(Arc::new(Known {
            values,
            shortest,
            spellings: ::std::sync::OnceLock::new(),
        })))
    }

    /// These secrets and `more` (values already among them, or too short, are skipped).
    /// Without a new value this is the same set, shared: a call that sends only the
    /// client's default secrets reuses its spellings.
    pub(crate) fn with(&self, mut more: ::std::vec::Vec<::std::string::String>) -> Self {
        let known = self
            .0
            .as_ref()
            .map_or(&[][..], |known| known.values.as_slice());
        let mut kept = 0;
        for index in 0..more.len() {
            let value = &more[index];
            if long_enough(value) && !known.contains(value) && !more[..kept].contains(value) {
                more.swap(kept, index);
                kept += 1;
            }
        }
        more.truncate(kept);
        if more.is_empty() {
            return self.clone();
        }
        if !known.is_empty() {
            more.splice(0..0, known.iter().cloned());
        }
        Secrets::of(more)
    }

    fn spellings(&self) -> &[::std::string::String] {
        match &self.0 {
            Some(known) => known.spellings.get_or_init(|| spell(&known.values)),
            None => &[],
        }
    }

    /// Whether there is nothing to scrub.
    pub fn is_empty(&self) -> bool {
        self.0.is_none()
    }

    /// Whether `text` holds any of the secrets.
    pub fn found_in(&self, text: &str) -> bool {
        // Every spelling other than the value itself has a `%`, `+` or `\\` in it: text without
        // them is searched for the values alone.
        let Some(known) = self.0.as_ref().filter(|known| text.len() >= known.shortest) else {
            return false;
        };
        if text.bytes().any(|b| matches!(b, b'%' | b'+' | b'\\')) {
            self.spellings().iter().any(|secret| holds(text, secret))
        } else {
            known.values.iter().any(|secret| holds(text, secret))
        }
    }

    /// `text` with every secret replaced by `[redacted]`, in one pass from the left so that a
    /// replacement is never searched again.
    pub fn scrub(&self, text: &str) -> ::std::string::String {
        if !self.found_in(text) {
            return text.to_string();
        }
        let mut out = ::std::string::String::with_capacity(text.len());
        let mut rest = text;
        let spellings = self.spellings();
        'outer: while !rest.is_empty() {
            for secret in spellings {
                if rest.starts_with(secret.as_str()) {
                    out.push_str(REDACTED);
                    rest = &rest[secret.len()..];
                    continue 'outer;
                }
            }
            let next = rest.chars().next().map_or(1, char::len_utf8);
            out.push_str(&rest[..next]);
            rest = &rest[next..];
        }
        out
    }

    /// Writes `value`'s `Debug` (or `{:#?}`) scrubbed.
    pub(crate) fn write_debug(
        &self,
        f: &mut fmt::Formatter<'_>,
        value: &dyn fmt::Debug,
    ) -> fmt::Result {
        let text = if f.alternate() {
            format!("{value:#?}")
        } else {
            format!("{value:?}")
        };
        f.write_str(&self.scrub(&text))
    }

    /// Replaces the secrets inside every string of a JSON value, so that a declared error
    /// body decoded from it holds none of them.
    pub(crate) fn scrub_json(&self, value: &mut ::serde_json::Value) {
        match value {
            ::serde_json::Value::String(text) if self.found_in(text) => {
                *text = self.scrub(text);
            }
            ::serde_json::Value::Array(items) => items.iter_mut().for_each(|i| self.scrub_json(i)),
            ::serde_json::Value::Object(map) => {
                let keys: ::std::vec::Vec<::std::string::String> = map
                    .keys()
                    .filter(|key| self.found_in(key))
                    .cloned()
                    .collect();
                for key in keys {
                    if let Some(item) = map.remove(&key) {
                        map.insert(self.scrub(&key), item);
                    }
                }
                map.values_mut().for_each(|item| self.scrub_json(item));
            }
            _ => {}
        }
    }

    /// Marks every header value that holds a secret as sensitive, so that `Debug` of the
    /// headers (reqwest's own) prints `Sensitive` instead of the value.
    pub(crate) fn mark_headers(&self, headers: &mut ::reqwest::header::HeaderMap) {
        let Some(known) = &self.0 else {
            return;
        };
        for value in headers.values_mut() {
            if value.len() < known.shortest {
                continue;
            }
            let holds = match value.to_str() {
                Ok(text) => self.found_in(text),
                Err(_) => self.found_in(&::std::string::String::from_utf8_lossy(value.as_bytes())),
            };
            if holds {
                value.set_sensitive(true);
            }
        }
    }
}

/// Whether `text` holds `needle`. Short text (a header value, a JSON string) is scanned
/// directly: setting up `str::contains`' searcher costs more than such a search.
fn holds(text: &str, needle: &str) -> bool {
    let Some((first, rest)) = needle.as_bytes().split_first() else {
        return true;
    };
    if text.len() > 256 {
        return text.contains(needle);
    }
    text.as_bytes()
        .windows(needle.len())
        .any(|window| window[0] == *first && window[1..] == *rest)
}

fn trim_quotes(text: &str) -> &str {
    text.strip_prefix('"')
        .and_then(|t| t.strip_suffix('"'))
        .unwrap_or(text)
}

/// Each value as sent and as JSON, `Debug`, percent- and form-encoding write it, longest
/// first so that a secret that contains another is replaced whole.
fn spell(values: &[::std::string::String]) -> ::std::vec::Vec<::std::string::String> {
    let mut all: ::std::vec::Vec<::std::string::String> = ::std::vec::Vec::new();
    for value in values {
        let debug = format!("{value:?}");
        let json = ::serde_json::to_string(value).unwrap_or_default();
        let percent = crate::request::encode_component(value);
        let form: ::std::string::String =
            ::form_urlencoded::byte_serialize(value.as_bytes()).collect();
        for spelling in [
            trim_quotes(&debug),
            trim_quotes(&json),
            percent.as_str(),
            form.as_str(),
            value.as_str(),
        ] {
            if !spelling.is_empty() {
                all.push(spelling.to_string());
            }
        }
    }
    all.sort_by(|a, b| b.len().cmp(&a.len()).then_with(|| a.cmp(b)));
    all.dedup();
    all
}

impl fmt::Debug for Secrets {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let count = self.0.as_ref().map_or(0, |known| known.values.len());
        write!(f, "Secrets({count} values)")
    }
}

/// Header names whose values are credentials or sessions whoever sent them; their values never
/// print, secret or not.
pub(crate) fn always_hidden(name: &::reqwest::header::HeaderName) -> bool {
    use ::reqwest::header::{AUTHORIZATION, COOKIE, PROXY_AUTHORIZATION, SET_COOKIE};
    [AUTHORIZATION, PROXY_AUTHORIZATION, COOKIE, SET_COOKIE].contains(name)
}

/// Headers for `Debug`: names with their values, except values marked sensitive or under a
/// name that always holds credentials.
pub(crate) struct HeadersDebug<'a>(pub &'a ::reqwest::header::HeaderMap);

impl fmt::Debug for HeadersDebug<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_map()
            .entries(self.0.iter().map(|(name, value)| {
                let shown = if value.is_sensitive() || always_hidden(name) {
                    ::std::borrow::Cow::Borrowed(REDACTED)
                } else {
                    ::std::string::String::from_utf8_lossy(value.as_bytes())
                };
                (name.as_str(), shown)
            }))
            .finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_spelling_is_replaced_in_one_pass() {
        let secrets = Secrets::new(["pa ss/\"w+rd".to_string(), "ss/\"w".to_string()]);
        let text = r#"raw pa ss/"w+rd, json "pa ss/\"w+rd", form pa+ss%2F%22w%2Brd, part ss/"w"#;
        assert_eq!(
            secrets.scrub(text),
            r#"raw [redacted], json "[redacted]", form [redacted], part [redacted]"#
        );
    }

    #[test]
    fn short_values_are_not_searched_for() {
        let secrets = Secrets::new(["t".to_string(), "ab".to_string(), "abc".to_string()]);
        assert!(secrets.is_empty());
        assert_eq!(secrets.scrub("the attempts"), "the attempts");
    }

    #[test]
    fn secret_fields_are_recorded_only_while_collecting() {
        let value = crate::Secret::new("hunter22".to_string());
        assert_eq!(::serde_json::to_string(&value).unwrap(), "\"hunter22\"");
        let (_, found) = collecting(|| ::serde_json::to_string(&[&value, &value]));
        assert_eq!(found, ["hunter22", "hunter22"]);
        let (_, outside) = collecting(|| ::serde_json::to_string(&"plain"));
        assert!(outside.is_empty());
    }
}
