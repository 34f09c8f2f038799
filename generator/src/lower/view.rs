//! One uniform view of an `openapiv3` schema, whichever of its kinds the schema was read as.

use openapiv3::{
    AdditionalProperties, IntegerFormat, NumberFormat, ReferenceOr, Schema, SchemaKind,
    StringFormat, Type, VariantOrUnknownOrEmpty,
};

/// Properties of an object schema, in spec order.
pub type Properties<'s> = Vec<(&'s String, &'s ReferenceOr<Box<Schema>>)>;

/// What a schema describes, independent of how openapiv3 classified it.
pub enum Shape<'s> {
    /// A string, with its format and enum values.
    String {
        format: Option<&'s str>,
        values: Vec<Option<String>>,
    },
    /// An integer.
    Integer {
        format: Option<&'s str>,
        minimum: Option<f64>,
    },
    /// A number.
    Number { format: Option<&'s str> },
    /// A boolean.
    Boolean,
    /// An object.
    Object {
        properties: Properties<'s>,
        required: &'s [String],
        additional: Option<&'s AdditionalProperties>,
    },
    /// An array.
    Array {
        items: Option<&'s ReferenceOr<Box<Schema>>>,
    },
    /// `allOf`, with the schema's own object part (if any) merged in.
    AllOf {
        parts: &'s [ReferenceOr<Schema>],
        own: Option<Box<Shape<'s>>>,
    },
    /// `oneOf`.
    OneOf(&'s [ReferenceOr<Schema>]),
    /// `anyOf`.
    AnyOf(&'s [ReferenceOr<Schema>]),
    /// `not`.
    Not,
    /// No constraint: any JSON value.
    Any,
}

fn format_name<T: Copy>(
    format: &VariantOrUnknownOrEmpty<T>,
    name: impl Fn(T) -> &'static str,
) -> Option<&str> {
    match format {
        VariantOrUnknownOrEmpty::Item(item) => Some(name(*item)),
        VariantOrUnknownOrEmpty::Unknown(text) => Some(text.as_str()),
        VariantOrUnknownOrEmpty::Empty => None,
    }
}

fn string_format(f: StringFormat) -> &'static str {
    match f {
        StringFormat::Date => "date",
        StringFormat::DateTime => "date-time",
        StringFormat::Password => "password",
        StringFormat::Byte => "byte",
        StringFormat::Binary => "binary",
    }
}

fn integer_format(f: IntegerFormat) -> &'static str {
    match f {
        IntegerFormat::Int32 => "int32",
        IntegerFormat::Int64 => "int64",
    }
}

fn number_format(f: NumberFormat) -> &'static str {
    match f {
        NumberFormat::Float => "float",
        NumberFormat::Double => "double",
    }
}

/// Classifies a schema.
pub fn shape(schema: &Schema) -> Shape<'_> {
    match &schema.schema_kind {
        SchemaKind::Type(Type::String(s)) => Shape::String {
            format: format_name(&s.format, string_format),
            values: s.enumeration.clone(),
        },
        SchemaKind::Type(Type::Integer(i)) => Shape::Integer {
            format: format_name(&i.format, integer_format),
            minimum: i.minimum.map(|m| m as f64),
        },
        SchemaKind::Type(Type::Number(n)) => Shape::Number {
            format: format_name(&n.format, number_format),
        },
        SchemaKind::Type(Type::Boolean(_)) => Shape::Boolean,
        SchemaKind::Type(Type::Object(o)) => Shape::Object {
            properties: o.properties.iter().collect(),
            required: &o.required,
            additional: o.additional_properties.as_ref(),
        },
        SchemaKind::Type(Type::Array(a)) => Shape::Array {
            items: a.items.as_ref(),
        },
        SchemaKind::OneOf { one_of } => Shape::OneOf(one_of),
        SchemaKind::AnyOf { any_of } => Shape::AnyOf(any_of),
        SchemaKind::AllOf { all_of } => Shape::AllOf {
            parts: all_of,
            own: None,
        },
        SchemaKind::Not { .. } => Shape::Not,
        SchemaKind::Any(any) => any_shape(any),
    }
}

/// openapiv3 reads a schema that mixes keywords of several kinds as `Any`; this picks the
/// reading that keeps the most structure.
fn any_shape(any: &openapiv3::AnySchema) -> Shape<'_> {
    let object = || Shape::Object {
        properties: any.properties.iter().collect(),
        required: &any.required,
        additional: any.additional_properties.as_ref(),
    };
    let has_object_part = !any.properties.is_empty() || any.additional_properties.is_some();
    if !any.all_of.is_empty() {
        // `required` beside `allOf` asks for properties the parts declare.
        let own = (has_object_part || !any.required.is_empty()).then(|| Box::new(object()));
        return Shape::AllOf {
            parts: &any.all_of,
            own,
        };
    }
    if !any.one_of.is_empty() && !has_object_part {
        return Shape::OneOf(&any.one_of);
    }
    if !any.any_of.is_empty() && !has_object_part {
        return Shape::AnyOf(&any.any_of);
    }
    match any.typ.as_deref() {
        Some("object") => return object(),
        Some("array") => {
            return Shape::Array {
                items: any.items.as_ref(),
            }
        }
        Some("string") => {
            return Shape::String {
                format: any.format.as_deref(),
                values: any
                    .enumeration
                    .iter()
                    .map(|v| v.as_str().map(str::to_string))
                    .collect(),
            }
        }
        Some("integer") => {
            return Shape::Integer {
                format: any.format.as_deref(),
                minimum: any.minimum,
            }
        }
        Some("number") => {
            return Shape::Number {
                format: any.format.as_deref(),
            }
        }
        Some("boolean") => return Shape::Boolean,
        _ => {}
    }
    if has_object_part || !any.required.is_empty() {
        return object();
    }
    if any.items.is_some() {
        return Shape::Array {
            items: any.items.as_ref(),
        };
    }
    if !any.one_of.is_empty() {
        return Shape::OneOf(&any.one_of);
    }
    if !any.any_of.is_empty() {
        return Shape::AnyOf(&any.any_of);
    }
    if any.not.is_some() {
        return Shape::Not;
    }
    Shape::Any
}

/// The `required` lists of a `oneOf` whose branches only say which properties must be present
/// (`oneOf: [{required: [a]}, {required: [b]}]` beside the object's own properties): one of
/// those sets must be there. `None` for any other schema.
pub fn required_lists(schema: &Schema) -> Option<Vec<&[String]>> {
    let SchemaKind::Any(any) = &schema.schema_kind else {
        return None;
    };
    let lists = any
        .one_of
        .iter()
        .map(|branch| match branch {
            ReferenceOr::Item(Schema {
                schema_kind: SchemaKind::Any(branch),
                ..
            }) if branch.properties.is_empty()
                && branch.typ.is_none()
                && branch.one_of.is_empty()
                && branch.all_of.is_empty()
                && branch.any_of.is_empty() =>
            {
                Some(branch.required.as_slice())
            }
            _ => None,
        })
        .collect::<Option<Vec<_>>>()?;
    (!lists.is_empty()).then_some(lists)
}

/// The least number of properties an object schema asks for (`minProperties`).
pub fn min_properties(schema: &Schema) -> Option<usize> {
    match &schema.schema_kind {
        SchemaKind::Type(Type::Object(o)) => o.min_properties,
        SchemaKind::Any(any) => any.min_properties,
        _ => None,
    }
}

/// Whether a schema allows exactly one value (a one-value `enum`, or `const` once normalized).
pub fn single_value(schema: &Schema) -> bool {
    match &schema.schema_kind {
        SchemaKind::Type(Type::String(s)) => s.enumeration.len() == 1,
        SchemaKind::Type(Type::Integer(i)) => i.enumeration.len() == 1,
        SchemaKind::Any(any) => any.enumeration.len() == 1,
        _ => false,
    }
}
