//! Facts about the OpenAPI document format that several stages need.

/// The keys of a path item that hold operations.
pub(crate) const HTTP_METHODS: [&str; 8] = [
    "get", "put", "post", "delete", "options", "head", "patch", "trace",
];
