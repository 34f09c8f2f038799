// Generated from `specs/dynamosql.yaml` by `cargo xtask codegen`; do not edit.

//! Types from the spec's schemas.
#[derive(Debug, Clone, PartialEq, ::serde::Serialize, crate::runtime::Deserialize)]
#[non_exhaustive]
pub struct ApiResponse {
    /// `true` when the request was processed without errors, `false` otherwise. Always present.
    pub success: bool,
    #[serde(default, skip_serializing_if = "::std::option::Option::is_none")]
    pub data: ::std::option::Option<::serde_json::Value>,
    #[serde(default, skip_serializing_if = "::std::option::Option::is_none")]
    pub error: ::std::option::Option<crate::types::ApiError>,
}
impl ApiResponse {
    /// From the required fields; the others start absent or at their default.
    pub fn new(success: bool) -> Self {
        Self {
            success,
            data: ::std::option::Option::None,
            error: ::std::option::Option::None,
        }
    }
    /// Sets `data`.
    pub fn with_data(mut self, value: ::serde_json::Value) -> Self {
        self.data = ::std::option::Option::Some(value);
        self
    }
    /// Sets `error`.
    pub fn with_error(mut self, value: crate::types::ApiError) -> Self {
        self.error = ::std::option::Option::Some(value);
        self
    }
}
/// Present in the response body when `success` is `false`.
#[derive(Debug, Clone, PartialEq, ::serde::Serialize, crate::runtime::Deserialize)]
#[non_exhaustive]
pub struct ApiError {
    /// Human-readable description of what went wrong.
    #[serde(default, skip_serializing_if = "::std::option::Option::is_none")]
    pub message: ::std::option::Option<::std::string::String>,
    /// Machine-readable error code, when available.
    #[serde(default, skip_serializing_if = "::std::option::Option::is_none")]
    pub code: ::std::option::Option<::std::string::String>,
    /// Request correlation ID. Include this when contacting support.
    #[serde(
        rename = "requestId",
        default,
        skip_serializing_if = "::std::option::Option::is_none"
    )]
    pub request_id: ::std::option::Option<::std::string::String>,
}
impl ApiError {
    /// From the required fields; the others start absent or at their default.
    pub fn new() -> Self {
        Self {
            message: ::std::option::Option::None,
            code: ::std::option::Option::None,
            request_id: ::std::option::Option::None,
        }
    }
    /// Sets `message`.
    pub fn with_message(
        mut self,
        value: impl ::std::convert::Into<::std::string::String>,
    ) -> Self {
        self.message = ::std::option::Option::Some(value.into());
        self
    }
    /// Sets `code`.
    pub fn with_code(
        mut self,
        value: impl ::std::convert::Into<::std::string::String>,
    ) -> Self {
        self.code = ::std::option::Option::Some(value.into());
        self
    }
    /// Sets `requestId`.
    pub fn with_request_id(
        mut self,
        value: impl ::std::convert::Into<::std::string::String>,
    ) -> Self {
        self.request_id = ::std::option::Option::Some(value.into());
        self
    }
}
impl ::std::default::Default for ApiError {
    fn default() -> Self {
        Self::new()
    }
}
#[derive(Debug, Clone, PartialEq, ::serde::Serialize, crate::runtime::Deserialize)]
#[non_exhaustive]
pub struct AuthTokenBody {
    /// The API client ID from the DynamoSQL portal.
    #[serde(rename = "clientId")]
    pub client_id: ::std::string::String,
    /// The API client secret. Treat as a password.
    #[serde(rename = "clientSecret")]
    pub client_secret: crate::runtime::Secret<::std::string::String>,
}
impl AuthTokenBody {
    /// From the required fields; the others start absent or at their default.
    pub fn new(
        client_id: impl ::std::convert::Into<::std::string::String>,
        client_secret: impl ::std::convert::Into<
            crate::runtime::Secret<::std::string::String>,
        >,
    ) -> Self {
        Self {
            client_id: client_id.into(),
            client_secret: client_secret.into(),
        }
    }
}
#[derive(Debug, Clone, PartialEq, ::serde::Serialize, crate::runtime::Deserialize)]
#[non_exhaustive]
pub struct AuthTokenResponse {
    /// `true` when the request was processed without errors, `false` otherwise. Always present.
    pub success: bool,
    #[serde(default, skip_serializing_if = "::std::option::Option::is_none")]
    pub error: ::std::option::Option<crate::types::ApiError>,
    #[serde(default, skip_serializing_if = "::std::option::Option::is_none")]
    pub data: ::std::option::Option<crate::types::AuthTokenResponseData>,
}
impl AuthTokenResponse {
    /// From the required fields; the others start absent or at their default.
    pub fn new(success: bool) -> Self {
        Self {
            success,
            error: ::std::option::Option::None,
            data: ::std::option::Option::None,
        }
    }
    /// Sets `error`.
    pub fn with_error(mut self, value: crate::types::ApiError) -> Self {
        self.error = ::std::option::Option::Some(value);
        self
    }
    /// Sets `data`.
    pub fn with_data(mut self, value: crate::types::AuthTokenResponseData) -> Self {
        self.data = ::std::option::Option::Some(value);
        self
    }
}
#[derive(Debug, Clone, PartialEq, ::serde::Serialize, crate::runtime::Deserialize)]
#[non_exhaustive]
pub struct AuthTokenResponseData {
    /// JWT bearer token.
    #[serde(
        rename = "accessToken",
        default,
        skip_serializing_if = "::std::option::Option::is_none"
    )]
    pub access_token: ::std::option::Option<
        crate::runtime::Secret<::std::string::String>,
    >,
    /// Token used to obtain a new access token.
    #[serde(
        rename = "refreshToken",
        default,
        skip_serializing_if = "::std::option::Option::is_none"
    )]
    pub refresh_token: ::std::option::Option<
        crate::runtime::Secret<::std::string::String>,
    >,
    /// Token lifetime in seconds.
    #[serde(
        rename = "expiresIn",
        default,
        skip_serializing_if = "::std::option::Option::is_none"
    )]
    pub expires_in: ::std::option::Option<i64>,
    #[serde(
        rename = "tokenType",
        default,
        skip_serializing_if = "::std::option::Option::is_none"
    )]
    pub token_type: ::std::option::Option<::std::string::String>,
}
impl AuthTokenResponseData {
    /// From the required fields; the others start absent or at their default.
    pub fn new() -> Self {
        Self {
            access_token: ::std::option::Option::None,
            refresh_token: ::std::option::Option::None,
            expires_in: ::std::option::Option::None,
            token_type: ::std::option::Option::None,
        }
    }
    /// Sets `accessToken`.
    pub fn with_access_token(
        mut self,
        value: impl ::std::convert::Into<crate::runtime::Secret<::std::string::String>>,
    ) -> Self {
        self.access_token = ::std::option::Option::Some(value.into());
        self
    }
    /// Sets `refreshToken`.
    pub fn with_refresh_token(
        mut self,
        value: impl ::std::convert::Into<crate::runtime::Secret<::std::string::String>>,
    ) -> Self {
        self.refresh_token = ::std::option::Option::Some(value.into());
        self
    }
    /// Sets `expiresIn`.
    pub fn with_expires_in(mut self, value: i64) -> Self {
        self.expires_in = ::std::option::Option::Some(value);
        self
    }
    /// Sets `tokenType`.
    pub fn with_token_type(
        mut self,
        value: impl ::std::convert::Into<::std::string::String>,
    ) -> Self {
        self.token_type = ::std::option::Option::Some(value.into());
        self
    }
}
impl ::std::default::Default for AuthTokenResponseData {
    fn default() -> Self {
        Self::new()
    }
}
