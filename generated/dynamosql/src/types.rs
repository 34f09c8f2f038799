// Generated from `specs/dynamosql.yaml` by `cargo xtask codegen`; do not edit.

//! Types from the spec's schemas.
#[derive(Debug, Clone, PartialEq, ::serde::Serialize, crate::runtime::Deserialize)]
pub struct ApiResponse {
    /// `true` when the request was processed without errors, `false` otherwise. Always present.
    pub success: bool,
    #[serde(default, skip_serializing_if = "::std::option::Option::is_none")]
    pub data: ::std::option::Option<::serde_json::Value>,
    #[serde(default, skip_serializing_if = "::std::option::Option::is_none")]
    pub error: ::std::option::Option<crate::types::ApiError>,
}
/// Present in the response body when `success` is `false`.
#[derive(Debug, Clone, PartialEq, ::serde::Serialize, crate::runtime::Deserialize)]
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
#[derive(Debug, Clone, PartialEq, ::serde::Serialize, crate::runtime::Deserialize)]
pub struct AuthTokenBody {
    /// The API client ID from the DynamoSQL portal.
    #[serde(rename = "clientId")]
    pub client_id: ::std::string::String,
    /// The API client secret. Treat as a password.
    #[serde(rename = "clientSecret")]
    pub client_secret: crate::runtime::Secret<::std::string::String>,
}
#[derive(Debug, Clone, PartialEq, ::serde::Serialize, crate::runtime::Deserialize)]
pub struct AuthTokenResponse {
    /// `true` when the request was processed without errors, `false` otherwise. Always present.
    pub success: bool,
    #[serde(default, skip_serializing_if = "::std::option::Option::is_none")]
    pub error: ::std::option::Option<crate::types::ApiError>,
    #[serde(default, skip_serializing_if = "::std::option::Option::is_none")]
    pub data: ::std::option::Option<crate::types::AuthTokenResponseData>,
}
#[derive(Debug, Clone, PartialEq, ::serde::Serialize, crate::runtime::Deserialize)]
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
