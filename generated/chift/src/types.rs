// Generated from `specs/chift.yaml` by `cargo xtask codegen`; do not edit.

//! Types from the spec's schemas.
/// AuthItem
#[derive(Debug, Clone, PartialEq, ::serde::Serialize, crate::runtime::Deserialize)]
#[non_exhaustive]
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
impl AuthItem {
    /// From the required fields; the others start absent or at their default.
    pub fn new(
        client_id: impl ::std::convert::Into<::std::string::String>,
        client_secret: impl ::std::convert::Into<
            crate::runtime::Secret<::std::string::String>,
        >,
        account_id: ::uuid::Uuid,
    ) -> Self {
        Self {
            client_id: client_id.into(),
            client_secret: client_secret.into(),
            account_id,
            marketplace_id: ::std::option::Option::None,
        }
    }
    /// Sets `marketplaceId`.
    pub fn with_marketplace_id(
        mut self,
        value: ::std::option::Option<::uuid::Uuid>,
    ) -> Self {
        self.marketplace_id = ::std::option::Option::Some(value);
        self
    }
}
/// Token
#[derive(Debug, Clone, PartialEq, ::serde::Serialize, crate::runtime::Deserialize)]
#[non_exhaustive]
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
impl Token {
    /// From the required fields; the others start absent or at their default.
    pub fn new(
        access_token: impl ::std::convert::Into<
            crate::runtime::Secret<::std::string::String>,
        >,
        token_type: impl ::std::convert::Into<::std::string::String>,
        expires_in: i64,
        expires_on: i64,
    ) -> Self {
        Self {
            access_token: access_token.into(),
            token_type: token_type.into(),
            expires_in,
            expires_on,
        }
    }
}
/// Validation Error
///
/// Spec name: `HTTPValidationError`.
#[derive(Debug, Clone, PartialEq, ::serde::Serialize, crate::runtime::Deserialize)]
#[non_exhaustive]
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
impl HttpValidationError {
    /// From the required fields; the others start absent or at their default.
    pub fn new(message: impl ::std::convert::Into<::std::string::String>) -> Self {
        Self {
            message: message.into(),
            status: default_http_validation_error_status(),
            detail: ::std::option::Option::None,
        }
    }
    /// Sets `status`.
    pub fn with_status(
        mut self,
        value: impl ::std::convert::Into<::std::string::String>,
    ) -> Self {
        self.status = value.into();
        self
    }
    /// Sets `detail`.
    pub fn with_detail(
        mut self,
        value: ::std::vec::Vec<crate::types::ValidationError>,
    ) -> Self {
        self.detail = ::std::option::Option::Some(value);
        self
    }
}
fn default_http_validation_error_status() -> ::std::string::String {
    ::std::string::String::from("error")
}
/// ValidationError
#[derive(Debug, Clone, PartialEq, ::serde::Serialize, crate::runtime::Deserialize)]
#[non_exhaustive]
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
impl ValidationError {
    /// From the required fields; the others start absent or at their default.
    pub fn new(
        loc: ::std::vec::Vec<crate::types::ValidationErrorLocItem>,
        msg: impl ::std::convert::Into<::std::string::String>,
        r#type: impl ::std::convert::Into<::std::string::String>,
    ) -> Self {
        Self {
            loc,
            msg: msg.into(),
            r#type: r#type.into(),
            input: ::std::option::Option::None,
            ctx: ::std::option::Option::None,
        }
    }
    /// Sets `input`.
    pub fn with_input(mut self, value: ::serde_json::Value) -> Self {
        self.input = ::std::option::Option::Some(value);
        self
    }
    /// Sets `ctx`.
    pub fn with_ctx(
        mut self,
        value: ::std::collections::BTreeMap<::std::string::String, ::serde_json::Value>,
    ) -> Self {
        self.ctx = ::std::option::Option::Some(value);
        self
    }
}
#[derive(Debug, Clone, PartialEq, ::serde::Serialize, crate::runtime::Deserialize)]
#[serde(untagged)]
#[non_exhaustive]
pub enum ValidationErrorLocItem {
    String(::std::string::String),
    Integer(i64),
}
