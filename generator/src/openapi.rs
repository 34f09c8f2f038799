//! Facts about the OpenAPI document format that several stages need.

/// The keys of a path item that hold operations.
pub(crate) const HTTP_METHODS: [&str; 8] = [
    "get", "put", "post", "delete", "options", "head", "patch", "trace",
];

/// The kinds of object under `#/components`: every stage that names one uses this list.
/// `pathItems` is OpenAPI 3.1's; `openapiv3` reads the 3.0 model, which has no such kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum ComponentKind {
    Schemas,
    Responses,
    Parameters,
    Examples,
    RequestBodies,
    Headers,
    SecuritySchemes,
    Links,
    Callbacks,
    PathItems,
}

impl ComponentKind {
    /// Every kind, in the order the specification lists them.
    pub(crate) const ALL: [ComponentKind; 10] = [
        ComponentKind::Schemas,
        ComponentKind::Responses,
        ComponentKind::Parameters,
        ComponentKind::Examples,
        ComponentKind::RequestBodies,
        ComponentKind::Headers,
        ComponentKind::SecuritySchemes,
        ComponentKind::Links,
        ComponentKind::Callbacks,
        ComponentKind::PathItems,
    ];

    /// The key under `components`.
    pub(crate) const fn key(self) -> &'static str {
        match self {
            ComponentKind::Schemas => "schemas",
            ComponentKind::Responses => "responses",
            ComponentKind::Parameters => "parameters",
            ComponentKind::Examples => "examples",
            ComponentKind::RequestBodies => "requestBodies",
            ComponentKind::Headers => "headers",
            ComponentKind::SecuritySchemes => "securitySchemes",
            ComponentKind::Links => "links",
            ComponentKind::Callbacks => "callbacks",
            ComponentKind::PathItems => "pathItems",
        }
    }

    /// The kind whose key under `components` is `key`.
    pub(crate) fn from_key(key: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|kind| kind.key() == key)
    }
}
