//! What `#[derive(Deserialize)]` of `client-runtime-macros` expands to calls. A struct's
//! impl declares a tuple of its fields' slots (`Option<T>` each) and two small methods: one
//! reads field `index` from the map into its slot, one builds the struct from the slots. The
//! loop over the keys, the key matching, unknown and duplicate keys, and the naming of a
//! failing field are here, written once, so `cargo check` of a generated crate type-checks a
//! few lines per field instead of serde's visitors. Fields are decoded straight from the
//! deserializer, as serde's derive does: no value is built first.
//!
//! The wire format is serde's: fields by name, unknown fields ignored, a missing field an
//! error unless the field has a default or is an `Option`, a duplicate field an error,
//! string enums by their names, untagged enums by the first variant that fits.

use ::serde::de::{self, Deserialize, Deserializer, Error as _, MapAccess, Visitor};
use ::serde_json::{Map, Value};
use ::std::fmt;

/// The keys of an object that are not a struct's own fields, for its flattened map.
pub type Rest = Map<::std::string::String, Value>;

/// The fields of one struct while it is read: one `Option` slot per field, by position.
/// Implemented by the derive for a tuple struct of the slots, declared inside the impl.
pub trait Slots<'de>: Sized {
    /// The struct built from the slots.
    type Struct;
    /// The fields' names on the wire, by position.
    const NAMES: &'static [&'static str];
    /// Whether the struct keeps the other keys (it has a flattened map).
    const REST: bool;

    /// The position of the field named `key` on the wire (a `match` on the names, which
    /// the compiler turns into a few comparisons).
    fn index(key: &str) -> Option<usize>;

    /// Reads the value of field `index` from `map` into its slot (see [`slot`]); `false`
    /// if the slot was filled already (the field came twice).
    fn read<A: MapAccess<'de>>(&mut self, index: usize, map: &mut A) -> Result<bool, A::Error>;

    /// The struct, from the slots and the other keys (empty unless [`Slots::REST`]). Not
    /// generic: the error becomes the deserializer's in [`object`].
    fn build(self, rest: Rest) -> Result<Self::Struct, Unbuilt>;
}

/// Why a struct could not be built from its slots: a field is missing, or the flattened map
/// does not decode.
#[derive(Debug)]
pub enum Unbuilt {
    /// This field is missing.
    Missing(&'static str),
    /// Another reason.
    Other(::std::string::String),
}

impl Unbuilt {
    fn into_error<E: de::Error>(self) -> E {
        match self {
            Unbuilt::Missing(field) => E::missing_field(field),
            Unbuilt::Other(reason) => E::custom(reason),
        }
    }
}

impl fmt::Display for Unbuilt {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Unbuilt::Missing(field) => write!(f, "missing field `{field}`"),
            Unbuilt::Other(reason) => f.write_str(reason),
        }
    }
}

impl ::std::error::Error for Unbuilt {}

impl de::Error for Unbuilt {
    fn custom<T: fmt::Display>(reason: T) -> Self {
        Unbuilt::Other(reason.to_string())
    }

    fn missing_field(field: &'static str) -> Self {
        Unbuilt::Missing(field)
    }
}

/// Reads the next value of `map` into `slot`, unless it holds one already (`false`).
pub fn slot<'de, T: Deserialize<'de>, A: MapAccess<'de>>(
    slot: &mut Option<T>,
    map: &mut A,
) -> Result<bool, A::Error> {
    if slot.is_some() {
        return Ok(false);
    }
    *slot = Some(map.next_value()?);
    Ok(true)
}

/// The value of a field without a default: an absent field is an error, except that an
/// `Option` reads it as `None`, as with serde's derive.
pub fn required<'de, T: Deserialize<'de>>(
    slot: Option<T>,
    name: &'static str,
) -> Result<T, Unbuilt> {
    match slot {
        Some(value) => Ok(value),
        None => T::deserialize(Missing(name)),
    }
}

/// The flattened map of a struct: the keys that are not its own fields.
pub fn rest<T: de::DeserializeOwned>(rest: Rest) -> Result<T, Unbuilt> {
    T::deserialize(Value::Object(rest)).map_err(Unbuilt::custom)
}

/// A struct read from a JSON object into `slots`. Other keys are skipped unread, or kept for
/// the flattened map.
pub fn object<'de, D: Deserializer<'de>, S: Slots<'de>>(
    deserializer: D,
    expecting: &'static str,
    slots: S,
) -> Result<S::Struct, D::Error> {
    deserializer.deserialize_map(ObjectVisitor { expecting, slots })
}

struct ObjectVisitor<S> {
    expecting: &'static str,
    slots: S,
}

impl<'de, S: Slots<'de>> Visitor<'de> for ObjectVisitor<S> {
    type Value = S::Struct;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.expecting)
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<S::Struct, A::Error> {
        let mut slots = self.slots;
        let mut rest = Rest::new();
        let seed = KeySeed::<S>(::std::marker::PhantomData);
        while let Some(key) = map.next_key_seed(seed)? {
            match key {
                Key::Field(index) => {
                    let name = S::NAMES.get(index).copied().unwrap_or("?");
                    match slots.read(index, &mut map) {
                        Ok(true) => {}
                        Ok(false) => return Err(A::Error::duplicate_field(name)),
                        Err(error) => return Err(named(name, &error)),
                    }
                }
                Key::Other(name) => {
                    let value = map.next_value()?;
                    rest.insert(name, value);
                }
                Key::Skipped => {
                    map.next_value::<de::IgnoredAny>()?;
                }
            }
        }
        slots.build(rest).map_err(Unbuilt::into_error)
    }
}

/// The error of field `field`, named: it reads `` at `data.items`: reason ``, a path that
/// [`split_path`] takes apart again. A nested struct of this derive named its own field
/// already, and its path is extended. The reason loses the position serde_json put on it:
/// the deserializer puts the same position on the error it returns.
fn named<E: de::Error>(field: &str, error: &E) -> E {
    let message = error.to_string();
    let (inner, reason) = split_path(&message);
    let path = join_path(field, inner);
    E::custom(format_args!("at `{path}`: {}", without_position(reason)))
}

/// `reason` without serde_json's `` at line L column C`` at its end.
fn without_position(reason: &str) -> &str {
    let digits = |text: &str| !text.is_empty() && text.bytes().all(|b| b.is_ascii_digit());
    match reason.rsplit_once(" at line ") {
        Some((before, place))
            if place
                .split_once(" column ")
                .is_some_and(|(line, column)| digits(line) && digits(column)) =>
        {
            before
        }
        _ => reason,
    }
}

/// The path an error message of this derive starts with (`` at `a.b`: ``), and the rest;
/// `""` and the whole message for any other error.
pub fn split_path(message: &str) -> (&str, &str) {
    message
        .strip_prefix("at `")
        .and_then(|rest| rest.split_once("`: "))
        .unwrap_or(("", message))
}

/// `outer` and `inner` joined as one JSON path (`.` is the whole value).
pub fn join_path(outer: &str, inner: &str) -> ::std::string::String {
    let outer = if outer == "." { "" } else { outer };
    let inner = if inner == "." { "" } else { inner };
    match (outer.is_empty(), inner.is_empty()) {
        (true, true) => ".".to_string(),
        (true, false) => inner.to_string(),
        (false, true) => outer.to_string(),
        (false, false) if inner.starts_with('[') => format!("{outer}{inner}"),
        (false, false) => format!("{outer}.{inner}"),
    }
}

/// A key of an object read as a struct: one of its fields (by position), another key kept
/// for a flattened map, or one skipped. Keys are matched where they are read, without being
/// copied.
enum Key {
    Field(usize),
    Other(::std::string::String),
    Skipped,
}

struct KeySeed<S>(::std::marker::PhantomData<S>);

impl<S> Clone for KeySeed<S> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<S> Copy for KeySeed<S> {}

impl<'de, S: Slots<'de>> de::DeserializeSeed<'de> for KeySeed<S> {
    type Value = Key;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Key, D::Error> {
        deserializer.deserialize_str(self)
    }
}

impl<'de, S: Slots<'de>> Visitor<'de> for KeySeed<S> {
    type Value = Key;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a field name")
    }

    fn visit_str<E: de::Error>(self, key: &str) -> Result<Key, E> {
        Ok(match S::index(key) {
            Some(index) => Key::Field(index),
            None if S::REST => Key::Other(key.to_string()),
            None => Key::Skipped,
        })
    }
}

/// An enum of unit variants named by strings: `variant` maps a wire name to its variant.
/// The name is matched where it is read, without being copied.
pub fn string_enum<'de, D, T>(
    deserializer: D,
    names: &'static [&'static str],
    variant: impl FnOnce(&str) -> Option<T>,
) -> Result<T, D::Error>
where
    D: Deserializer<'de>,
{
    deserializer.deserialize_str(VariantVisitor { names, variant })
}

struct VariantVisitor<F> {
    names: &'static [&'static str],
    variant: F,
}

impl<T, F: FnOnce(&str) -> Option<T>> Visitor<'_> for VariantVisitor<F> {
    type Value = T;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a string")
    }

    fn visit_str<E: de::Error>(self, text: &str) -> Result<T, E> {
        (self.variant)(text).ok_or_else(|| E::unknown_variant(text, self.names))
    }
}

/// An untagged enum: `variant` tries each variant's type on the value in turn. Where none
/// takes it, `reasons` says why each did not (variant name, [`why_not`]): "no variant
/// matched" alone leaves a reader of a large reply nothing to go on.
pub fn untagged<'de, D, T>(
    deserializer: D,
    no_match: &'static str,
    variant: impl FnOnce(&Value) -> Option<T>,
    reasons: impl FnOnce(&Value) -> Vec<(&'static str, ::std::string::String)>,
) -> Result<T, D::Error>
where
    D: Deserializer<'de>,
{
    let value = Value::deserialize(deserializer)?;
    let (found, explain) = {
        let _quiet = Quiet::enter();
        (variant(&value), _quiet.outermost())
    };
    match found {
        Some(found) => Ok(found),
        None if explain => {
            let reasons = {
                let _quiet = Quiet::enter();
                reasons(&value)
            };
            Err(D::Error::custom(no_variant(no_match, &reasons)))
        }
        None => Err(D::Error::custom(no_match)),
    }
}

::std::thread_local! {
    /// How many untagged enums are trying their variants on this thread, around the value
    /// being decoded.
    static TRYING: ::std::cell::Cell<usize> = const { ::std::cell::Cell::new(0) };
}

/// Marks the variants of an untagged enum as being tried, until dropped (also on a panic).
/// Only the outermost enum that takes no variant says why: an enum nested in a variant being
/// tried fails quietly, since the outer one may yet take another variant, and working out
/// reasons at every level of a recursive type would multiply the work by two per level, which a
/// hostile reply could make unbounded.
struct Quiet;

impl Quiet {
    fn enter() -> Quiet {
        TRYING.with(|trying| trying.set(trying.get() + 1));
        Quiet
    }

    /// Whether no other enum is trying variants around this one.
    fn outermost(&self) -> bool {
        TRYING.with(|trying| trying.get() == 1)
    }
}

impl Drop for Quiet {
    fn drop(&mut self) {
        TRYING.with(|trying| trying.set(trying.get().saturating_sub(1)));
    }
}

/// How much of each variant's reason an untagged enum's error keeps: a reason may quote a long
/// value, and the message must stay readable.
const REASON_CHARS: usize = 240;

/// How many variants' reasons an untagged enum's error lists (a union may have dozens).
const REASONS: usize = 8;

/// `no_match (A: reason; B: reason)`, the first [`REASONS`] variants' reasons.
fn no_variant(no_match: &str, reasons: &[(&str, ::std::string::String)]) -> ::std::string::String {
    if reasons.is_empty() {
        return no_match.to_string();
    }
    let mut text = format!("{no_match} (");
    for (index, (variant, reason)) in reasons.iter().take(REASONS).enumerate() {
        if index > 0 {
            text.push_str("; ");
        }
        text.push_str(variant);
        text.push_str(": ");
        match reason.char_indices().nth(REASON_CHARS) {
            Some((end, _)) => {
                text.push_str(&reason[..end]);
                text.push('…');
            }
            None => text.push_str(reason),
        }
    }
    if reasons.len() > REASONS {
        text.push_str(&format!("; {} more", reasons.len() - REASONS));
    }
    text.push(')');
    text
}

/// Why `value` is not a `T`, with the path inside the value where it failed
/// (``at `chat.id`: missing field `id` ``). Called only once every variant has failed, so
/// tracking the path costs nothing on a value that decodes.
pub fn why_not<T: ::serde::de::DeserializeOwned>(value: &Value) -> ::std::string::String {
    match serde_path_to_error::deserialize::<_, T>(value) {
        Ok(_) => "decodes when tried alone".to_string(),
        Err(error) => match failed_at(error) {
            (path, reason) if path == "." => reason,
            (path, reason) => format!("at `{path}`: {reason}"),
        },
    }
}

/// Where decoding failed, and why: the path serde_path_to_error tracked, and the reason
/// without the path our derive puts in its messages. The derive decodes fields straight from
/// the deserializer, so the tracker follows it into every field, array and map: its path is
/// the whole one. Only where the tracker saw nothing below the top (a value that was read whole
/// first: a flattened map, a field decoded by a function of its own) is the derive's path the
/// better one.
pub(crate) fn failed_at(
    error: serde_path_to_error::Error<::serde_json::Error>,
) -> (::std::string::String, ::std::string::String) {
    let tracked = error.path().to_string();
    let message = error.inner().to_string();
    let (inner, reason) = split_path(&message);
    let path = match tracked.as_str() {
        "" | "." => join_path("", inner),
        _ => tracked,
    };
    (path, reason.to_string())
}

/// The deserializer of a field that is absent: an `Option` reads it as `None`, anything else
/// fails with "missing field", as serde's derive does.
struct Missing(&'static str);

impl<'de> Deserializer<'de> for Missing {
    type Error = Unbuilt;

    fn deserialize_any<V: Visitor<'de>>(self, _visitor: V) -> Result<V::Value, Unbuilt> {
        Err(Unbuilt::Missing(self.0))
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Unbuilt> {
        visitor.visit_none()
    }

    ::serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string
        bytes byte_buf unit unit_struct newtype_struct seq tuple
        tuple_struct map struct enum identifier ignored_any
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_union_error_keeps_a_readable_length() {
        let long = "é".repeat(REASON_CHARS + 10);
        let reasons: Vec<(&str, ::std::string::String)> =
            (0..REASONS + 3).map(|_| ("V", long.clone())).collect();
        let text = no_variant("no match", &reasons);
        assert!(text.starts_with("no match (V: "), "{text}");
        assert!(text.ends_with("…; 3 more)"), "{text}");
        assert_eq!(text.matches("V: ").count(), REASONS);
        assert_eq!(text.matches('é').count(), REASONS * REASON_CHARS);
        assert_eq!(no_variant("no match", &[]), "no match");
    }
}
