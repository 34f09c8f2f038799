// Generated from `specs/generic-login.yaml` by `cargo xtask codegen`; do not edit.

//! Types from the spec's schemas.
/// OAuth2 password-grant login form.
#[derive(Debug, Clone, PartialEq, ::serde::Serialize, crate::runtime::Deserialize)]
pub struct LoginForm {
    /// Grant Type
    #[serde(default, skip_serializing_if = "::std::option::Option::is_none")]
    pub grant_type: ::std::option::Option<::std::string::String>,
    /// Username
    pub username: ::std::string::String,
    /// Password
    pub password: crate::runtime::Secret<::std::string::String>,
    /// Scope
    #[serde(default = "default_login_form_scope")]
    pub scope: ::std::string::String,
    /// Client Id
    ///
    /// `None`: absent (not sent); `Some(None)`: sent as `null`; `Some(Some(v))`: sent as `v`.
    #[serde(default, with = "crate::runtime::nullable")]
    #[serde(skip_serializing_if = "::std::option::Option::is_none")]
    pub client_id: ::std::option::Option<::std::option::Option<::std::string::String>>,
    /// Client Secret
    ///
    /// `None`: absent (not sent); `Some(None)`: sent as `null`; `Some(Some(v))`: sent as `v`.
    #[serde(default, with = "crate::runtime::nullable")]
    #[serde(skip_serializing_if = "::std::option::Option::is_none")]
    pub client_secret: ::std::option::Option<
        ::std::option::Option<crate::runtime::Secret<::std::string::String>>,
    >,
}
fn default_login_form_scope() -> ::std::string::String {
    ::std::string::String::from("")
}
/// Response containing an access token.
#[derive(Debug, Clone, PartialEq, ::serde::Serialize, crate::runtime::Deserialize)]
pub struct TokenResponse {
    /// The access token.
    pub access_token: crate::runtime::Secret<::std::string::String>,
    /// Token type, normally "bearer".
    #[serde(default = "default_token_response_token_type")]
    pub token_type: ::std::string::String,
    /// Organizations the user belongs to.
    #[serde(default = "default_token_response_orgs")]
    pub orgs: ::std::vec::Vec<crate::types::OrgInfo>,
}
fn default_token_response_token_type() -> ::std::string::String {
    ::std::string::String::from("bearer")
}
fn default_token_response_orgs() -> ::std::vec::Vec<crate::types::OrgInfo> {
    ::std::vec::Vec::new()
}
/// Organization info for auth responses.
#[derive(Debug, Clone, PartialEq, ::serde::Serialize, crate::runtime::Deserialize)]
pub struct OrgInfo {
    /// Organization ID.
    pub id: ::std::string::String,
    /// Organization name.
    pub name: ::std::string::String,
}
/// Canonical API error envelope returned by the API.
#[derive(Debug, Clone, PartialEq, ::serde::Serialize, crate::runtime::Deserialize)]
pub struct ErrorEnvelope {
    /// HTTP status code
    pub code: i64,
    /// Human-readable error message
    pub detail: ::std::string::String,
    #[serde(default, skip_serializing_if = "::std::option::Option::is_none")]
    pub errors: ::std::option::Option<::std::vec::Vec<crate::types::ErrorDetail>>,
    /// Stable machine-readable error type
    pub r#type: ::std::string::String,
}
#[derive(Debug, Clone, PartialEq, ::serde::Serialize, crate::runtime::Deserialize)]
pub struct ErrorDetail {
    /// Where the validation error occurred
    pub loc: ::std::vec::Vec<crate::types::ErrorDetailLocItem>,
    /// Human-readable validation message
    pub msg: ::std::string::String,
    /// Machine-readable validation error type
    pub r#type: ::std::string::String,
}
#[derive(Debug, Clone, PartialEq, ::serde::Serialize, crate::runtime::Deserialize)]
#[serde(untagged)]
pub enum ErrorDetailLocItem {
    String(::std::string::String),
    Integer(i64),
}
