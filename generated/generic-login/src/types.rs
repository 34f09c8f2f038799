// Generated from `specs/generic-login.yaml` by `cargo xtask codegen`; do not edit.

//! Types from the spec's schemas.
/// OAuth2 password-grant login form.
#[derive(Debug, Clone, PartialEq, ::serde::Serialize, crate::runtime::Deserialize)]
pub struct LoginForm {
    /// Grant Type
    #[serde(default, skip_serializing_if = "::std::option::Option::is_none")]
    pub grant_type: ::std::option::Option<::std::string::String>,
    /// Username
    #[serde(default, skip_serializing_if = "::std::option::Option::is_none")]
    pub username: ::std::option::Option<::std::string::String>,
    /// Password
    #[serde(default, skip_serializing_if = "::std::option::Option::is_none")]
    pub password: ::std::option::Option<crate::runtime::Secret<::std::string::String>>,
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
        ::std::option::Option<crate::runtime::Secret<::std::string::String>>
    >,
}
fn default_login_form_scope() -> ::std::string::String {
    ::std::string::String::from("")
}
/// Response containing an access token.
#[derive(Debug, Clone, PartialEq, ::serde::Serialize, crate::runtime::Deserialize)]
pub struct TokenResponse {
    /// The access token.
    #[serde(default, skip_serializing_if = "::std::option::Option::is_none")]
    pub access_token: ::std::option::Option<crate::runtime::Secret<::std::string::String>>,
    /// Token type, normally "bearer".
    #[serde(default, skip_serializing_if = "::std::option::Option::is_none")]
    pub token_type: ::std::option::Option<::std::string::String>,
    /// Organizations the user belongs to.
    #[serde(default, skip_serializing_if = "::std::option::Option::is_none")]
    pub orgs: ::std::option::Option<::std::vec::Vec<crate::types::OrgInfo>>,
    /// Properties not declared in the spec.
    #[serde(flatten)]
    pub additional_properties: ::std::collections::BTreeMap<
        ::std::string::String,
        ::serde_json::Value
    >,
}
/// Organization info for auth responses.
#[derive(Debug, Clone, PartialEq, ::serde::Serialize, crate::runtime::Deserialize)]
pub struct OrgInfo {
    /// Organization ID.
    #[serde(default, skip_serializing_if = "::std::option::Option::is_none")]
    pub id: ::std::option::Option<::std::string::String>,
    /// Organization name.
    #[serde(default, skip_serializing_if = "::std::option::Option::is_none")]
    pub name: ::std::option::Option<::std::string::String>,
    /// Properties not declared in the spec.
    #[serde(flatten)]
    pub additional_properties: ::std::collections::BTreeMap<
        ::std::string::String,
        ::serde_json::Value
    >,
}
/// Canonical API error envelope returned by the API.
#[derive(Debug, Clone, PartialEq, ::serde::Serialize, crate::runtime::Deserialize)]
pub struct ErrorEnvelope {
    /// HTTP status code
    #[serde(default, skip_serializing_if = "::std::option::Option::is_none")]
    pub code: ::std::option::Option<i64>,
    /// Human-readable error message
    #[serde(default, skip_serializing_if = "::std::option::Option::is_none")]
    pub detail: ::std::option::Option<::std::string::String>,
    #[serde(default, skip_serializing_if = "::std::option::Option::is_none")]
    pub errors: ::std::option::Option<::std::vec::Vec<crate::types::ErrorDetail>>,
    /// Stable machine-readable error type
    #[serde(default, skip_serializing_if = "::std::option::Option::is_none")]
    pub r#type: ::std::option::Option<::std::string::String>,
}
#[derive(Debug, Clone, PartialEq, ::serde::Serialize, crate::runtime::Deserialize)]
pub struct ErrorDetail {
    /// Where the validation error occurred
    #[serde(default, skip_serializing_if = "::std::option::Option::is_none")]
    pub loc: ::std::option::Option<::std::vec::Vec<crate::types::ErrorDetailLocItem>>,
    /// Human-readable validation message
    #[serde(default, skip_serializing_if = "::std::option::Option::is_none")]
    pub msg: ::std::option::Option<::std::string::String>,
    /// Machine-readable validation error type
    #[serde(default, skip_serializing_if = "::std::option::Option::is_none")]
    pub r#type: ::std::option::Option<::std::string::String>,
}
#[derive(Debug, Clone, PartialEq, ::serde::Serialize, crate::runtime::Deserialize)]
#[serde(untagged)]
pub enum ErrorDetailLocItem {
    String(::std::string::String),
    Integer(i64),
}
