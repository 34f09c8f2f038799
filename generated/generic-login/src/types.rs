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
        ::std::option::Option<crate::runtime::Secret<::std::string::String>>,
    >,
}
impl LoginForm {
    /// From the required fields; the others start absent or at their default.
    pub fn new() -> Self {
        Self {
            grant_type: ::std::option::Option::None,
            username: ::std::option::Option::None,
            password: ::std::option::Option::None,
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
    /// Sets `username`.
    pub fn with_username(
        mut self,
        value: impl ::std::convert::Into<::std::string::String>,
    ) -> Self {
        self.username = ::std::option::Option::Some(value.into());
        self
    }
    /// Sets `password`.
    pub fn with_password(
        mut self,
        value: impl ::std::convert::Into<crate::runtime::Secret<::std::string::String>>,
    ) -> Self {
        self.password = ::std::option::Option::Some(value.into());
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
impl ::std::default::Default for LoginForm {
    fn default() -> Self {
        Self::new()
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
    #[serde(default, skip_serializing_if = "::std::option::Option::is_none")]
    pub access_token: ::std::option::Option<
        crate::runtime::Secret<::std::string::String>,
    >,
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
        ::serde_json::Value,
    >,
}
impl TokenResponse {
    /// From the required fields; the others start absent or at their default.
    pub fn new() -> Self {
        Self {
            access_token: ::std::option::Option::None,
            token_type: ::std::option::Option::None,
            orgs: ::std::option::Option::None,
            additional_properties: ::std::collections::BTreeMap::new(),
        }
    }
    /// Sets `access_token`.
    pub fn with_access_token(
        mut self,
        value: impl ::std::convert::Into<crate::runtime::Secret<::std::string::String>>,
    ) -> Self {
        self.access_token = ::std::option::Option::Some(value.into());
        self
    }
    /// Sets `token_type`.
    pub fn with_token_type(
        mut self,
        value: impl ::std::convert::Into<::std::string::String>,
    ) -> Self {
        self.token_type = ::std::option::Option::Some(value.into());
        self
    }
    /// Sets `orgs`.
    pub fn with_orgs(mut self, value: ::std::vec::Vec<crate::types::OrgInfo>) -> Self {
        self.orgs = ::std::option::Option::Some(value);
        self
    }
}
impl ::std::default::Default for TokenResponse {
    fn default() -> Self {
        Self::new()
    }
}
/// Organization info for auth responses.
#[derive(Debug, Clone, PartialEq, ::serde::Serialize, crate::runtime::Deserialize)]
#[non_exhaustive]
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
        ::serde_json::Value,
    >,
}
impl OrgInfo {
    /// From the required fields; the others start absent or at their default.
    pub fn new() -> Self {
        Self {
            id: ::std::option::Option::None,
            name: ::std::option::Option::None,
            additional_properties: ::std::collections::BTreeMap::new(),
        }
    }
    /// Sets `id`.
    pub fn with_id(
        mut self,
        value: impl ::std::convert::Into<::std::string::String>,
    ) -> Self {
        self.id = ::std::option::Option::Some(value.into());
        self
    }
    /// Sets `name`.
    pub fn with_name(
        mut self,
        value: impl ::std::convert::Into<::std::string::String>,
    ) -> Self {
        self.name = ::std::option::Option::Some(value.into());
        self
    }
}
impl ::std::default::Default for OrgInfo {
    fn default() -> Self {
        Self::new()
    }
}
/// Canonical API error envelope returned by the API.
#[derive(Debug, Clone, PartialEq, ::serde::Serialize, crate::runtime::Deserialize)]
#[non_exhaustive]
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
impl ErrorEnvelope {
    /// From the required fields; the others start absent or at their default.
    pub fn new() -> Self {
        Self {
            code: ::std::option::Option::None,
            detail: ::std::option::Option::None,
            errors: ::std::option::Option::None,
            r#type: ::std::option::Option::None,
        }
    }
    /// Sets `code`.
    pub fn with_code(mut self, value: i64) -> Self {
        self.code = ::std::option::Option::Some(value);
        self
    }
    /// Sets `detail`.
    pub fn with_detail(
        mut self,
        value: impl ::std::convert::Into<::std::string::String>,
    ) -> Self {
        self.detail = ::std::option::Option::Some(value.into());
        self
    }
    /// Sets `errors`.
    pub fn with_errors(
        mut self,
        value: ::std::vec::Vec<crate::types::ErrorDetail>,
    ) -> Self {
        self.errors = ::std::option::Option::Some(value);
        self
    }
    /// Sets `type`.
    pub fn with_type(
        mut self,
        value: impl ::std::convert::Into<::std::string::String>,
    ) -> Self {
        self.r#type = ::std::option::Option::Some(value.into());
        self
    }
}
impl ::std::default::Default for ErrorEnvelope {
    fn default() -> Self {
        Self::new()
    }
}
#[derive(Debug, Clone, PartialEq, ::serde::Serialize, crate::runtime::Deserialize)]
#[non_exhaustive]
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
impl ErrorDetail {
    /// From the required fields; the others start absent or at their default.
    pub fn new() -> Self {
        Self {
            loc: ::std::option::Option::None,
            msg: ::std::option::Option::None,
            r#type: ::std::option::Option::None,
        }
    }
    /// Sets `loc`.
    pub fn with_loc(
        mut self,
        value: ::std::vec::Vec<crate::types::ErrorDetailLocItem>,
    ) -> Self {
        self.loc = ::std::option::Option::Some(value);
        self
    }
    /// Sets `msg`.
    pub fn with_msg(
        mut self,
        value: impl ::std::convert::Into<::std::string::String>,
    ) -> Self {
        self.msg = ::std::option::Option::Some(value.into());
        self
    }
    /// Sets `type`.
    pub fn with_type(
        mut self,
        value: impl ::std::convert::Into<::std::string::String>,
    ) -> Self {
        self.r#type = ::std::option::Option::Some(value.into());
        self
    }
}
impl ::std::default::Default for ErrorDetail {
    fn default() -> Self {
        Self::new()
    }
}
#[derive(Debug, Clone, PartialEq, ::serde::Serialize, crate::runtime::Deserialize)]
#[serde(untagged)]
#[non_exhaustive]
pub enum ErrorDetailLocItem {
    String(::std::string::String),
    Integer(i64),
}
