// Generated from `specs/generic-login.yaml` by `cargo xtask codegen`; do not edit.

//! Types from the spec's schemas.
/// OAuth2 password-grant login form.
#[derive(Debug, Clone, PartialEq, ::serde::Serialize, crate::runtime::Deserialize)]
#[non_exhaustive]
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
impl LoginForm {
    /// From the required fields; the others start absent or at their default.
    pub fn new(
        username: impl ::std::convert::Into<::std::string::String>,
        password: impl ::std::convert::Into<
            crate::runtime::Secret<::std::string::String>,
        >,
    ) -> Self {
        Self {
            grant_type: ::std::option::Option::None,
            username: username.into(),
            password: password.into(),
            scope: default_login_form_scope(),
            client_id: ::std::option::Option::None,
            client_secret: ::std::option::Option::None,
        }
    }
    /// Sets `grant_type`.
    pub fn with_grant_type(
        mut self,
        value: impl ::std::convert::Into<::std::string::String>,
    ) -> Self {
        self.grant_type = ::std::option::Option::Some(value.into());
        self
    }
    /// Sets `scope`.
    pub fn with_scope(
        mut self,
        value: impl ::std::convert::Into<::std::string::String>,
    ) -> Self {
        self.scope = value.into();
        self
    }
    /// Sets `client_id`.
    pub fn with_client_id(
        mut self,
        value: ::std::option::Option<::std::string::String>,
    ) -> Self {
        self.client_id = ::std::option::Option::Some(value);
        self
    }
    /// Sets `client_secret`.
    pub fn with_client_secret(
        mut self,
        value: ::std::option::Option<crate::runtime::Secret<::std::string::String>>,
    ) -> Self {
        self.client_secret = ::std::option::Option::Some(value);
        self
    }
}
fn default_login_form_scope() -> ::std::string::String {
    ::std::string::String::from("")
}
/// Response containing an access token.
#[derive(Debug, Clone, PartialEq, ::serde::Serialize, crate::runtime::Deserialize)]
#[non_exhaustive]
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
impl TokenResponse {
    /// From the required fields; the others start absent or at their default.
    pub fn new(
        access_token: impl ::std::convert::Into<
            crate::runtime::Secret<::std::string::String>,
        >,
    ) -> Self {
        Self {
            access_token: access_token.into(),
            token_type: default_token_response_token_type(),
            orgs: default_token_response_orgs(),
        }
    }
    /// Sets `token_type`.
    pub fn with_token_type(
        mut self,
        value: impl ::std::convert::Into<::std::string::String>,
    ) -> Self {
        self.token_type = value.into();
        self
    }
    /// Sets `orgs`.
    pub fn with_orgs(mut self, value: ::std::vec::Vec<crate::types::OrgInfo>) -> Self {
        self.orgs = value;
        self
    }
}
fn default_token_response_token_type() -> ::std::string::String {
    ::std::string::String::from("bearer")
}
fn default_token_response_orgs() -> ::std::vec::Vec<crate::types::OrgInfo> {
    ::std::vec::Vec::new()
}
/// Organization info for auth responses.
#[derive(Debug, Clone, PartialEq, ::serde::Serialize, crate::runtime::Deserialize)]
#[non_exhaustive]
pub struct OrgInfo {
    /// Organization ID.
    pub id: ::std::string::String,
    /// Organization name.
    pub name: ::std::string::String,
}
impl OrgInfo {
    /// From the required fields; the others start absent or at their default.
    pub fn new(
        id: impl ::std::convert::Into<::std::string::String>,
        name: impl ::std::convert::Into<::std::string::String>,
    ) -> Self {
        Self {
            id: id.into(),
            name: name.into(),
        }
    }
}
/// Canonical API error envelope returned by the API.
#[derive(Debug, Clone, PartialEq, ::serde::Serialize, crate::runtime::Deserialize)]
#[non_exhaustive]
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
impl ErrorEnvelope {
    /// From the required fields; the others start absent or at their default.
    pub fn new(
        code: i64,
        detail: impl ::std::convert::Into<::std::string::String>,
        r#type: impl ::std::convert::Into<::std::string::String>,
    ) -> Self {
        Self {
            code,
            detail: detail.into(),
            errors: ::std::option::Option::None,
            r#type: r#type.into(),
        }
    }
    /// Sets `errors`.
    pub fn with_errors(
        mut self,
        value: ::std::vec::Vec<crate::types::ErrorDetail>,
    ) -> Self {
        self.errors = ::std::option::Option::Some(value);
        self
    }
}
#[derive(Debug, Clone, PartialEq, ::serde::Serialize, crate::runtime::Deserialize)]
#[non_exhaustive]
pub struct ErrorDetail {
    /// Where the validation error occurred
    pub loc: ::std::vec::Vec<crate::types::ErrorDetailLocItem>,
    /// Human-readable validation message
    pub msg: ::std::string::String,
    /// Machine-readable validation error type
    pub r#type: ::std::string::String,
}
impl ErrorDetail {
    /// From the required fields; the others start absent or at their default.
    pub fn new(
        loc: ::std::vec::Vec<crate::types::ErrorDetailLocItem>,
        msg: impl ::std::convert::Into<::std::string::String>,
        r#type: impl ::std::convert::Into<::std::string::String>,
    ) -> Self {
        Self {
            loc,
            msg: msg.into(),
            r#type: r#type.into(),
        }
    }
}
#[derive(Debug, Clone, PartialEq, ::serde::Serialize, crate::runtime::Deserialize)]
#[serde(untagged)]
#[non_exhaustive]
pub enum ErrorDetailLocItem {
    String(::std::string::String),
    Integer(i64),
}
