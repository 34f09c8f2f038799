//! What `#[derive(Deserialize)]` of `client-runtime-macros` expands to calls. Each type's
//! impl is one call here with a closure that is not generic over the deserializer, so
//! `cargo check` of a generated crate type-checks a few lines per type instead of serde's
//! visitors; the generic part is here, checked once.
//!
//! The wire format is serde's: fields by name, unknown fields ignored, a missing field an
//! error unless the field has a default or is an `Option`, a duplicate field an error,
//! string enums by their names, untagged enums by the first variant that fits.

use ::serde::de::{self, DeserializeOwned, Deserializer, Error as _, MapAccess, Visitor};
use ::serde::Deserialize as _;
use ::serde_json::{Map, Value};
use ::std::fmt;

/// The fields of one JSON object, taken one by one as a struct is built: the values of the
/// struct's own fields by position, and (for a struct with a flattened map) the others.
pub struct Object {
    names: &'static [&'static str],
    values: ::std::vec::Vec<Option<Value>>,
    rest: Map<::std::string::String, Value>,
}

impl Object {
    /// Field `index`, which must be present; an `Option` field may be absent (it is then
    /// `None`).
    pub fn required<T: DeserializeOwned>(
        &mut self,
        index: usize,
    ) -> Result<T, ::serde_json::Error> {
        let name = self.name(index);
        match self.take(index) {
            Some(value) => decode_field(name, value),
            None => T::deserialize(Missing(name)),
        }
    }

    /// Field `index`, `Default::default()` when absent.
    pub fn or_default<T: DeserializeOwned + Default>(
        &mut self,
        index: usize,
    ) -> Result<T, ::serde_json::Error> {
        self.or_else(index, T::default)
    }

    /// Field `index`, `default()` when absent.
    pub fn or_else<T: DeserializeOwned>(
        &mut self,
        index: usize,
        default: fn() -> T,
    ) -> Result<T, ::serde_json::Error> {
        match self.take(index) {
            Some(value) => decode_field(self.name(index), value),
            None => Ok(default()),
        }
    }

    /// Field `index` read by a function of its own (serde's `with`), `Default::default()`
    /// when absent.
    pub fn with_or_default<T: Default>(
        &mut self,
        index: usize,
        read: impl FnOnce(Value) -> Result<T, ::serde_json::Error>,
    ) -> Result<T, ::serde_json::Error> {
        match self.take(index) {
            Some(value) => read(value).map_err(|error| {
                let (inner, reason) = split_path_owned(&error.to_string());
                let path = join_path(self.name(index), &inner);
                ::serde_json::Error::custom(format_args!("at `{path}`: {reason}"))
            }),
            None => Ok(T::default()),
        }
    }

    /// The fields that are not the struct's own (serde's `flatten`).
    pub fn rest<T: DeserializeOwned>(&mut self) -> Result<T, ::serde_json::Error> {
        T::deserialize(Value::Object(::std::mem::take(&mut self.rest)))
    }

    fn take(&mut self, index: usize) -> Option<Value> {
        self.values.get_mut(index).and_then(Option::take)
    }

    fn name(&self, index: usize) -> &'static str {
        self.names.get(index).copied().unwrap_or("?")
    }
}

/// Decodes field `key`'s value, naming the field where it did not decode: the error reads
/// `` at `data.items[0]`: reason ``, a path that [`split_path`] takes apart again, so that a
/// decode error names where a mismatch is even though fields are decoded from values read
/// earlier. The path inside an array or object is tracked as it is decoded; a string,
/// number, boolean or null has no inside, and is decoded without a tracker.
fn decode_field<T: DeserializeOwned>(key: &str, value: Value) -> Result<T, ::serde_json::Error> {
    let named = |tracked: &str, error: &::serde_json::Error| {
        let message = error.to_string();
        let (inner, reason) = split_path(&message);
        let path = join_path(&join_path(key, tracked), inner);
        ::serde_json::Error::custom(format_args!("at `{path}`: {reason}"))
    };
    if matches!(value, Value::Array(_) | Value::Object(_)) {
        serde_path_to_error::deserialize(value)
            .map_err(|error| named(&error.path().to_string(), error.inner()))
    } else {
        T::deserialize(value).map_err(|error| named("", &error))
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

fn split_path_owned(message: &str) -> (::std::string::String, ::std::string::String) {
    let (path, reason) = split_path(message);
    (path.to_string(), reason.to_string())
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

/// A struct whose fields are `names`: reads a JSON object, then `build` takes its fields.
/// Other keys are skipped unread.
pub fn object<'de, D, T>(
    deserializer: D,
    expecting: &'static str,
    names: &'static [&'static str],
    build: impl FnOnce(&mut Object) -> Result<T, ::serde_json::Error>,
) -> Result<T, D::Error>
where
    D: Deserializer<'de>,
{
    read_object(
        deserializer,
        ObjectVisitor {
            expecting,
            names,
            keep_rest: false,
        },
        build,
    )
}

/// A struct with a flattened map: as [`object`], but the keys that are not among `names`
/// are kept for [`Object::rest`].
pub fn object_with_rest<'de, D, T>(
    deserializer: D,
    expecting: &'static str,
    names: &'static [&'static str],
    build: impl FnOnce(&mut Object) -> Result<T, ::serde_json::Error>,
) -> Result<T, D::Error>
where
    D: Deserializer<'de>,
{
    read_object(
        deserializer,
        ObjectVisitor {
            expecting,
            names,
            keep_rest: true,
        },
        build,
    )
}

fn read_object<'de, D, T>(
    deserializer: D,
    visitor: ObjectVisitor,
    build: impl FnOnce(&mut Object) -> Result<T, ::serde_json::Error>,
) -> Result<T, D::Error>
where
    D: Deserializer<'de>,
{
    let mut object = deserializer.deserialize_map(visitor)?;
    build(&mut object).map_err(D::Error::custom)
}

struct ObjectVisitor {
    expecting: &'static str,
    names: &'static [&'static str],
    keep_rest: bool,
}

impl<'de> Visitor<'de> for ObjectVisitor {
    type Value = Object;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.expecting)
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Object, A::Error> {
        let mut object = Object {
            names: self.names,
            values: ::std::vec![None; self.names.len()],
            rest: Map::new(),
        };
        let seed = KeySeed {
            names: self.names,
            keep_rest: self.keep_rest,
        };
        while let Some(key) = map.next_key_seed(seed)? {
            match key {
                Key::Field(index) => {
                    if object.values[index].is_some() {
                        return Err(A::Error::duplicate_field(self.names[index]));
                    }
                    object.values[index] = Some(map.next_value()?);
                }
                Key::Other(name) => {
                    let value = map.next_value()?;
                    object.rest.insert(name, value);
                }
                Key::Skipped => {
                    map.next_value::<de::IgnoredAny>()?;
                }
            }
        }
        Ok(object)
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

#[derive(Clone, Copy)]
struct KeySeed {
    names: &'static [&'static str],
    keep_rest: bool,
}

impl<'de> de::DeserializeSeed<'de> for KeySeed {
    type Value = Key;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Key, D::Error> {
        deserializer.deserialize_str(self)
    }
}

impl Visitor<'_> for KeySeed {
    type Value = Key;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a field name")
    }

    fn visit_str<E: de::Error>(self, key: &str) -> Result<Key, E> {
        Ok(match self.names.iter().position(|name| *name == key) {
            Some(index) => Key::Field(index),
            None if self.keep_rest => Key::Other(key.to_string()),
            None => Key::Skipped,
        })
    }
}

/// An enum of unit variants named by strings: `variant` maps a wire name to its variant.
pub fn string_enum<'de, D, T>(
    deserializer: D,
    names: &'static [&'static str],
    variant: impl FnOnce(&str) -> Option<T>,
) -> Result<T, D::Error>
where
    D: Deserializer<'de>,
{
    let name = deserializer.deserialize_str(StringVisitor)?;
    variant(&name).ok_or_else(|| D::Error::unknown_variant(&name, names))
}

struct StringVisitor;

impl Visitor<'_> for StringVisitor {
    type Value = ::std::string::String;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a string")
    }

    fn visit_str<E: de::Error>(self, text: &str) -> Result<Self::Value, E> {
        Ok(text.to_string())
    }

    fn visit_string<E: de::Error>(self, text: ::std::string::String) -> Result<Self::Value, E> {
        Ok(text)
    }
}

/// An untagged enum: `variant` tries each variant's type on the value in turn.
pub fn untagged<'de, D, T>(
    deserializer: D,
    no_match: &'static str,
    variant: impl FnOnce(&Value) -> Option<T>,
) -> Result<T, D::Error>
where
    D: Deserializer<'de>,
{
    let value = Value::deserialize(deserializer)?;
    variant(&value).ok_or_else(|| D::Error::custom(no_match))
}

/// The deserializer of a field that is absent: an `Option` reads it as `None`, anything else
/// fails with "missing field", as serde's derive does.
struct Missing(&'static str);

impl<'de> Deserializer<'de> for Missing {
    type Error = ::serde_json::Error;

    fn deserialize_any<V: Visitor<'de>>(self, _visitor: V) -> Result<V::Value, Self::Error> {
        Err(::serde_json::Error::missing_field(self.0))
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Self::Error> {
        visitor.visit_none()
    }

    ::serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string
        bytes byte_buf unit unit_struct newtype_struct seq tuple
        tuple_struct map struct enum identifier ignored_any
    }
}
