// Generated from `specs/chift.yaml` by `cargo xtask codegen`; do not edit.

//! Types from the spec's schemas.
/// AuthItem
#[derive(Debug, Clone, PartialEq, ::serde::Serialize, crate::runtime::Deserialize)]
pub struct AuthItem {
    /// Clientid
    #[serde(rename = "clientId")]
    pub client_id: ::std::string::String,
    /// Clientsecret
    #[serde(rename = "clientSecret")]
    pub client_secret: crate::runtime::Secret<::std::string::String>,
    /// Accountid
    #[serde(rename = "accountId")]
    pub account_id: ::uuid::Uuid,
    /// Marketplaceid
    ///
    /// `None`: absent (not sent); `Some(None)`: sent as `null`; `Some(Some(v))`: sent as `v`.
    #[serde(rename = "marketplaceId", default, with = "crate::runtime::nullable")]
    #[serde(skip_serializing_if = "::std::option::Option::is_none")]
    pub marketplace_id: ::std::option::Option<::std::option::Option<::uuid::Uuid>>,
}
/// Token
#[derive(Debug, Clone, PartialEq, ::serde::Serialize, crate::runtime::Deserialize)]
pub struct Token {
    /// Access Token
    pub access_token: crate::runtime::Secret<::std::string::String>,
    /// Token Type
    pub token_type: ::std::string::String,
    /// Expires In
    pub expires_in: i64,
    /// Expires On
    pub expires_on: i64,
}
/// Validation Error
///
/// Spec name: `HTTPValidationError`.
#[derive(Debug, Clone, PartialEq, ::serde::Serialize, crate::runtime::Deserialize)]
pub struct HttpValidationError {
    /// Message
    pub message: ::std::string::String,
    /// Status
    #[serde(default = "default_http_validation_error_status")]
    pub status: ::std::string::String,
    /// Detail
    #[serde(default, skip_serializing_if = "::std::option::Option::is_none")]
    pub detail: ::std::option::Option<::std::vec::Vec<crate::types::ValidationError>>,
}
fn default_http_validation_error_status() -> ::std::string::String {
    ::std::string::String::from("error")
}
/// ValidationError
#[derive(Debug, Clone, PartialEq, ::serde::Serialize, crate::runtime::Deserialize)]
pub struct ValidationError {
    /// Location
    pub loc: ::std::vec::Vec<crate::types::ValidationErrorLocItem>,
    /// Message
    pub msg: ::std::string::String,
    /// Error Type
    pub r#type: ::std::string::String,
    /// Input
    #[serde(default, skip_serializing_if = "::std::option::Option::is_none")]
    pub input: ::std::option::Option<::serde_json::Value>,
    /// Context
    #[serde(default, skip_serializing_if = "::std::option::Option::is_none")]
    pub ctx: ::std::option::Option<
        ::std::collections::BTreeMap<::std::string::String, ::serde_json::Value>,
    >,
}
#[derive(Debug, Clone, PartialEq, ::serde::Serialize, crate::runtime::Deserialize)]
#[serde(untagged)]
pub enum ValidationErrorLocItem {
    String(::std::string::String),
    Integer(i64),
}
