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

/// The fields of one JSON object, taken one by one as a struct is built.
pub struct Object {
    fields: Map<::std::string::String, Value>,
}

impl Object {
    /// A field that must be present; an `Option` field may be absent (it is then `None`).
    pub fn required<T: DeserializeOwned>(
        &mut self,
        key: &'static str,
    ) -> Result<T, ::serde_json::Error> {
        match self.fields.remove(key) {
            Some(value) => decode_field(key, T::deserialize(value)),
            None => T::deserialize(Missing(key)),
        }
    }

    /// A field that is `Default::default()` when absent.
    pub fn or_default<T: DeserializeOwned + Default>(
        &mut self,
        key: &'static str,
    ) -> Result<T, ::serde_json::Error> {
        self.or_else(key, T::default)
    }

    /// A field that is `default()` when absent.
    pub fn or_else<T: DeserializeOwned>(
        &mut self,
        key: &'static str,
        default: fn() -> T,
    ) -> Result<T, ::serde_json::Error> {
        match self.fields.remove(key) {
            Some(value) => decode_field(key, T::deserialize(value)),
            None => Ok(default()),
        }
    }

    /// A field read by a function of its own (serde's `with`), `Default::default()` when
    /// absent.
    pub fn with_or_default<T: Default>(
        &mut self,
        key: &'static str,
        read: impl FnOnce(Value) -> Result<T, ::serde_json::Error>,
    ) -> Result<T, ::serde_json::Error> {
        match self.fields.remove(key) {
            Some(value) => decode_field(key, read(value)),
            None => Ok(T::default()),
        }
    }

    /// Every field not taken yet (serde's `flatten`).
    pub fn rest<T: DeserializeOwned>(&mut self) -> Result<T, ::serde_json::Error> {
        T::deserialize(Value::Object(::std::mem::take(&mut self.fields)))
    }
}

/// Names the field whose value did not decode, so that nested errors read as a path
/// (`` `data`: `items`: invalid type: ... ``).
fn decode_field<T>(
    key: &str,
    result: Result<T, ::serde_json::Error>,
) -> Result<T, ::serde_json::Error> {
    result.map_err(|error| ::serde_json::Error::custom(format_args!("`{key}`: {error}")))
}

/// A struct: reads a JSON object, then `build` takes its fields.
pub fn object<'de, D, T>(
    deserializer: D,
    expecting: &'static str,
    fields: &'static [&'static str],
    build: impl FnOnce(&mut Object) -> Result<T, ::serde_json::Error>,
) -> Result<T, D::Error>
where
    D: Deserializer<'de>,
{
    let fields = deserializer.deserialize_map(ObjectVisitor {
        expecting,
        known: fields,
    })?;
    build(&mut Object { fields }).map_err(D::Error::custom)
}

struct ObjectVisitor {
    expecting: &'static str,
    known: &'static [&'static str],
}

impl<'de> Visitor<'de> for ObjectVisitor {
    type Value = Map<::std::string::String, Value>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.expecting)
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let mut fields = Map::new();
        while let Some(key) = map.next_key::<::std::string::String>()? {
            let value: Value = map.next_value()?;
            if let Some(known) = self.known.iter().find(|known| **known == key) {
                if fields.contains_key(*known) {
                    return Err(A::Error::duplicate_field(known));
                }
            }
            fields.insert(key, value);
        }
        Ok(fields)
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
