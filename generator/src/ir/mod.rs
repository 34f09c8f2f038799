//! The intermediate representation: a closed set of plain types between lowering and rendering.
//! Types refer to each other by [`TypeId`]; no string here holds Rust syntax.

pub mod direction;
pub mod names;

/// Index of a [`TypeDef`] in [`Api::types`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct TypeId(pub usize);

/// Index of a [`SecurityScheme`] in [`Api::security_schemes`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct SchemeId(pub usize);

/// A whole API, ready to render.
#[derive(Debug, Clone, Default)]
pub struct Api {
    /// `info.title`.
    pub title: String,
    /// `info.version`, as written.
    pub version: String,
    /// `info.description`.
    pub doc: Option<String>,
    /// Named types, in a deterministic order.
    pub types: Vec<TypeDef>,
    /// Operations, in document order.
    pub operations: Vec<Operation>,
    /// Security schemes from `components.securitySchemes`.
    pub security_schemes: Vec<SecurityScheme>,
    /// Base URLs from `servers`.
    pub servers: Vec<Server>,
    /// Which operations share their response enums (decided when the IR is finalized).
    pub shared_enums: SharedEnums,
}

/// For each operation (by index), the operation whose response enums it uses: itself, or the
/// first one with the same responses.
#[derive(Debug, Clone, Default)]
pub struct SharedEnums {
    /// Owners of the error enums.
    pub errors: Vec<usize>,
    /// Owners of the success enums (of the operations that need one).
    pub successes: Vec<usize>,
    /// Owners of the mock's error replies and examples: the first operation with the same
    /// error enum whose errors also go on the wire alike (media types, statuses, examples).
    pub error_mocks: Vec<usize>,
}

/// The owners of one operation's enums.
#[derive(Debug, Clone, Copy)]
pub struct EnumOwners {
    /// The operation whose error enum this one uses.
    pub error: usize,
    /// The operation whose success enum this one uses.
    pub success: usize,
    /// The operation whose mock error replies and examples this one uses.
    pub error_mock: usize,
}

impl SharedEnums {
    /// The owners of the enums of the operation at `index` (itself, if none was decided).
    pub fn of_operation(&self, index: usize) -> EnumOwners {
        EnumOwners {
            error: self.errors.get(index).copied().unwrap_or(index),
            success: self.successes.get(index).copied().unwrap_or(index),
            error_mock: self.error_mocks.get(index).copied().unwrap_or(index),
        }
    }
}

/// A named type.
#[derive(Debug, Clone)]
pub struct TypeDef {
    /// Rust name, unique in the `types` module.
    pub name: String,
    /// Name in the spec (component name), when it has one.
    pub wire_name: Option<String>,
    /// JSON pointer of the schema this type comes from.
    pub origin: String,
    /// Documentation lines.
    pub doc: Option<String>,
    /// What the type is.
    pub kind: TypeKind,
}

/// The shape of a named type.
#[derive(Debug, Clone)]
pub enum TypeKind {
    /// An object with known properties.
    Struct(StructDef),
    /// A string enum.
    Enum(Vec<EnumVariant>),
    /// `oneOf` / `anyOf`: one of several shapes.
    Union(UnionDef),
    /// A name for another type: `type Name = ...;`.
    Alias(TypeRef),
    /// A one-field tuple struct, for a type that refers to itself (an alias cannot recurse).
    Newtype(TypeRef),
}

/// A struct's fields.
#[derive(Debug, Clone, Default)]
pub struct StructDef {
    /// Fields in spec order.
    pub fields: Vec<Field>,
    /// Value type of `additionalProperties`, kept in a flattened map.
    pub additional: Option<TypeRef>,
}

/// One struct field.
#[derive(Debug, Clone)]
pub struct Field {
    /// The value an example sends, chosen from the spec (see `lower::example`).
    pub example: Option<serde_json::Value>,
    /// Rust name (snake case, possibly raw).
    pub name: String,
    /// Property name on the wire.
    pub wire_name: String,
    /// The value's type, without the optionality wrapper described by `presence`.
    pub ty: TypeRef,
    /// Required, optional, nullable.
    pub presence: Presence,
    /// Spec default for an optional property, applied when it is absent.
    pub default: Option<DefaultValue>,
    /// Whether the value is a secret (redacted in `Debug`).
    pub secret: bool,
    /// Documentation.
    pub doc: Option<String>,
}

/// How a property may appear on the wire.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Presence {
    /// Always present, never null.
    Required,
    /// Always present, may be null.
    RequiredNullable,
    /// May be absent, never null.
    Optional,
    /// May be absent or null: three distinct states.
    OptionalNullable,
    /// May be absent; absent means the spec's default.
    Defaulted,
}

/// A literal default from the spec, in a form every renderer can emit.
#[derive(Debug, Clone, PartialEq)]
pub enum DefaultValue {
    /// A string.
    String(String),
    /// A boolean.
    Bool(bool),
    /// An integer.
    Integer(i64),
    /// A float.
    Float(f64),
    /// A variant of a string enum (index into its variants).
    Variant(TypeId, usize),
    /// An empty list.
    EmptyList,
}

/// One value of a string enum.
#[derive(Debug, Clone)]
pub struct EnumVariant {
    /// Rust variant name.
    pub name: String,
    /// Value on the wire.
    pub wire_value: String,
}

/// A union of shapes.
#[derive(Debug, Clone)]
pub struct UnionDef {
    /// The alternatives.
    pub variants: Vec<UnionVariant>,
    /// Discriminator property, when declared and usable.
    pub tag: Option<String>,
}

/// One alternative of a union.
#[derive(Debug, Clone)]
pub struct UnionVariant {
    /// Rust variant name.
    pub name: String,
    /// Discriminator value, for tagged unions.
    pub tag_value: Option<String>,
    /// The alternative's type.
    pub ty: TypeRef,
}

/// A reference to a type.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum TypeRef {
    /// A named type.
    Named(TypeId),
    /// A primitive.
    Prim(Prim),
    /// A list.
    Vec(Box<TypeRef>),
    /// A map from string keys.
    Map(Box<TypeRef>),
    /// An optional value.
    Option(Box<TypeRef>),
    /// A boxed value, where recursion needs indirection.
    Box(Box<TypeRef>),
    /// A secret value, redacted in `Debug`.
    Secret(Box<TypeRef>),
    /// Any JSON value.
    Json,
}

/// Primitive types.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Prim {
    /// Text.
    String,
    /// `true`/`false`.
    Bool,
    /// 32-bit integer.
    I32,
    /// 64-bit integer.
    I64,
    /// Unsigned 64-bit integer.
    U64,
    /// 32-bit float.
    F32,
    /// 64-bit float.
    F64,
    /// A UUID.
    Uuid,
    /// An RFC 3339 timestamp.
    DateTime,
    /// A calendar date.
    Date,
    /// Raw bytes (`format: binary`).
    Bytes,
    /// No content.
    Unit,
}

/// An HTTP operation.
#[derive(Debug, Clone)]
pub struct Operation {
    /// Rust method name.
    pub name: String,
    /// Rust name stem for the operation's own types (`Login` -> `LoginError`).
    pub type_stem: String,
    /// `operationId`, when declared.
    pub wire_id: Option<String>,
    /// Upper-case HTTP method.
    pub method: String,
    /// Path template, e.g. `/pets/{petId}`.
    pub path: String,
    /// JSON pointer of the operation.
    pub origin: String,
    /// Summary and description.
    pub doc: Option<String>,
    /// Parameters.
    pub params: Vec<Param>,
    /// Request body.
    pub body: Option<Body>,
    /// Declared responses.
    pub responses: Vec<Response>,
    /// Alternatives of required schemes; empty means none is sent.
    pub security: Vec<Vec<SchemeId>>,
    /// Whether the operation is deprecated.
    pub deprecated: bool,
}

/// Where a parameter goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ParamLocation {
    /// A path template variable.
    Path,
    /// The query string.
    Query,
    /// A request header.
    Header,
    /// The `Cookie` header.
    Cookie,
}

/// Serialization style of a parameter: the runtime's own `Style`, the same source file
/// compiled here, so generated code names exactly the styles the runtime encodes.
#[path = "../../client-runtime/src/style.rs"]
mod param_style;
pub use param_style::Style as ParamStyle;

/// One parameter.
#[derive(Debug, Clone)]
pub struct Param {
    /// The value an example sends, chosen from the spec (see `lower::example`).
    pub example: Option<serde_json::Value>,
    /// Rust argument or field name.
    pub name: String,
    /// Name on the wire.
    pub wire_name: String,
    /// Location.
    pub location: ParamLocation,
    /// Whether it must be given.
    pub required: bool,
    /// Value type.
    pub ty: TypeRef,
    /// Serialization style.
    pub style: ParamStyle,
    /// Whether arrays and objects are exploded.
    pub explode: bool,
    /// Whether the value is a secret.
    pub secret: bool,
    /// Documentation.
    pub doc: Option<String>,
}

/// How a body is encoded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BodyKind {
    /// JSON.
    Json,
    /// `application/x-www-form-urlencoded`.
    Form,
    /// `multipart/form-data`.
    Multipart,
    /// Text.
    Text,
    /// Raw bytes.
    Bytes,
    /// No body.
    Empty,
}

/// A request body.
#[derive(Debug, Clone)]
pub struct Body {
    /// Whether the body must be sent.
    pub required: bool,
    /// One entry per media type offered, preferred first.
    pub variants: Vec<BodyVariant>,
    /// Documentation.
    pub doc: Option<String>,
}

/// A request body in one media type.
#[derive(Debug, Clone)]
pub struct BodyVariant {
    /// Rust variant name when the user chooses among several.
    pub name: String,
    /// Media type as declared.
    pub media_type: String,
    /// Encoding.
    pub kind: BodyKind,
    /// Value type.
    pub ty: TypeRef,
}

/// Which statuses a response covers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum StatusMatch {
    /// One status code.
    Code(u16),
    /// A range such as `4XX` (the leading digit).
    Range(u16),
    /// `default`: every status not otherwise declared.
    Default,
}

/// A declared response.
#[derive(Debug, Clone)]
pub struct Response {
    /// Statuses covered.
    pub status: StatusMatch,
    /// Rust variant name (`NotFound`, `Status599`, `ClientError`, `Default`).
    pub name: String,
    /// Description.
    pub doc: Option<String>,
    /// Body encoding.
    pub kind: BodyKind,
    /// Media type decoded, when there is a body.
    pub media_type: Option<String>,
    /// Body type.
    pub ty: TypeRef,
    /// Whether this response is a success (a 2xx code or the `2XX` range).
    pub success: bool,
    /// The spec's example of a JSON body, or one synthesized from its schema (see
    /// `lower::example_reply`); not yet checked against `ty`.
    pub example: Option<serde_json::Value>,
}

/// How a credential is attached.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SchemeKind {
    /// `Authorization: Bearer <token>` (HTTP bearer, OAuth2, OpenID Connect).
    Bearer,
    /// `Authorization: Basic base64(user:password)`.
    Basic,
    /// `Authorization: <scheme> <token>` for other HTTP schemes.
    HttpOther(String),
    /// An API key in a header.
    ApiKeyHeader(String),
    /// An API key in the query string.
    ApiKeyQuery(String),
    /// An API key in a cookie.
    ApiKeyCookie(String),
}

/// A security scheme.
#[derive(Debug, Clone)]
pub struct SecurityScheme {
    /// Rust name (snake case) for the setter and field.
    pub name: String,
    /// Name in `components.securitySchemes`.
    pub wire_name: String,
    /// How it is sent.
    pub kind: SchemeKind,
    /// Documentation.
    pub doc: Option<String>,
}

/// A server entry.
#[derive(Debug, Clone)]
pub struct Server {
    /// Rust variant name.
    pub name: String,
    /// URL template with `{variables}`.
    pub url: String,
    /// Description.
    pub doc: Option<String>,
    /// Variables with defaults.
    pub variables: Vec<ServerVariable>,
}

/// A server URL variable.
#[derive(Debug, Clone)]
pub struct ServerVariable {
    /// Rust field name.
    pub name: String,
    /// Name in the URL template.
    pub wire_name: String,
    /// Default value.
    pub default: String,
    /// The default is a placeholder (it leaves the URL without a usable host), so the user
    /// must give a value: the server has no `Default`.
    pub placeholder: bool,
    /// Allowed values, when restricted.
    pub allowed: Vec<String>,
    /// Description.
    pub doc: Option<String>,
}

impl TypeRef {
    /// Wraps in `Option`.
    pub fn optional(self) -> TypeRef {
        TypeRef::Option(Box::new(self))
    }
}
