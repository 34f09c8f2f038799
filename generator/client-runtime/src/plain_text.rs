//! A value's text when it serializes as one plain string (a token, a password), without
//! building a JSON value for it: how a `Secret` records what it holds on every request.
//! Anything else is declined, and read through `serde_json::Value` instead.

use ::serde::ser::{Impossible, Serialize, Serializer};
use ::std::fmt;

/// The text of `value` if it serializes as a string (through newtypes and `Some`).
pub(crate) fn of<T: Serialize + ?Sized>(value: &T) -> Option<::std::string::String> {
    value.serialize(PlainText).ok()
}

struct PlainText;

/// Not a plain string.
#[derive(Debug)]
struct Declined;

impl fmt::Display for Declined {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("not a plain string")
    }
}

impl ::std::error::Error for Declined {}

impl ::serde::ser::Error for Declined {
    fn custom<T: fmt::Display>(_message: T) -> Self {
        Declined
    }
}

type Text = ::std::result::Result<::std::string::String, Declined>;

/// Declines every kind of value but the ones listed before the macro call.
macro_rules! decline {
    ($($method:ident($($ty:ty),*)),* $(,)?) => {
        $(fn $method(self, $(_: $ty),*) -> Text {
            Err(Declined)
        })*
    };
}

impl Serializer for PlainText {
    type Ok = ::std::string::String;
    type Error = Declined;
    type SerializeSeq = Impossible<Self::Ok, Declined>;
    type SerializeTuple = Impossible<Self::Ok, Declined>;
    type SerializeTupleStruct = Impossible<Self::Ok, Declined>;
    type SerializeTupleVariant = Impossible<Self::Ok, Declined>;
    type SerializeMap = Impossible<Self::Ok, Declined>;
    type SerializeStruct = Impossible<Self::Ok, Declined>;
    type SerializeStructVariant = Impossible<Self::Ok, Declined>;

    fn serialize_str(self, text: &str) -> Text {
        Ok(text.to_string())
    }

    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Text {
        value.serialize(self)
    }

    fn serialize_newtype_struct<T: Serialize + ?Sized>(self, _: &'static str, value: &T) -> Text {
        value.serialize(self)
    }

    decline! {
        serialize_bool(bool), serialize_i8(i8), serialize_i16(i16), serialize_i32(i32),
        serialize_i64(i64), serialize_u8(u8), serialize_u16(u16), serialize_u32(u32),
        serialize_u64(u64), serialize_f32(f32), serialize_f64(f64), serialize_char(char),
        serialize_bytes(&[u8]), serialize_none(), serialize_unit(),
        serialize_unit_struct(&'static str),
        serialize_unit_variant(&'static str, u32, &'static str),
    }

    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: &T,
    ) -> Text {
        Err(Declined)
    }

    fn serialize_seq(self, _: Option<usize>) -> Result<Self::SerializeSeq, Declined> {
        Err(Declined)
    }

    fn serialize_tuple(self, _: usize) -> Result<Self::SerializeTuple, Declined> {
        Err(Declined)
    }

    fn serialize_tuple_struct(
        self,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleStruct, Declined> {
        Err(Declined)
    }

    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleVariant, Declined> {
        Err(Declined)
    }

    fn serialize_map(self, _: Option<usize>) -> Result<Self::SerializeMap, Declined> {
        Err(Declined)
    }

    fn serialize_struct(
        self,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeStruct, Declined> {
        Err(Declined)
    }

    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeStructVariant, Declined> {
        Err(Declined)
    }
}

#[cfg(test)]
mod tests {
    use super::of;

    #[test]
    fn strings_are_read_and_everything_else_declined() {
        assert_eq!(of("hunter22").as_deref(), Some("hunter22"));
        assert_eq!(of(&Some("x".to_string())).as_deref(), Some("x"));
        assert_eq!(of(&crate::Secret::new("s3cr3t")).as_deref(), Some("s3cr3t"));
        assert_eq!(of(&42), None);
        assert_eq!(of(&vec!["a"]), None);
        assert_eq!(of(&None::<String>), None);
    }
}
