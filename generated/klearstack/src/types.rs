// Generated from `specs/klearstack.yaml` by `cargo xtask codegen`; do not edit.

//! Types from the spec's schemas.
/// Form fields of the get_access_token request.
#[derive(Debug, Clone, PartialEq, ::serde::Serialize, crate::runtime::Deserialize)]
pub struct GetAccessTokenRequest {
    /// Username of the user to be logged in.
    pub username: ::std::string::String,
    /// Password of the user.
    pub password: crate::runtime::Secret<::std::string::String>,
    /// Name of the company for which the user is logging in.
    pub company_name: ::std::string::String,
}
/// The access token, the refresh token and the server release.
#[derive(Debug, Clone, PartialEq, ::serde::Serialize, crate::runtime::Deserialize)]
pub struct AccessTokenResponse {
    /// Access token (a JWT). Valid for some minutes; the page does not give the exact lifetime.
    #[serde(default, skip_serializing_if = "::std::option::Option::is_none")]
    pub access_token: ::std::option::Option<crate::runtime::Secret<::std::string::String>>,
    /// Refresh token (a JWT). Valid for some days; the page does not give the exact lifetime.
    #[serde(default, skip_serializing_if = "::std::option::Option::is_none")]
    pub refresh_token: ::std::option::Option<crate::runtime::Secret<::std::string::String>>,
    /// Release version of the KlearStack server, e.g. "7.8.9".
    #[serde(default, skip_serializing_if = "::std::option::Option::is_none")]
    pub release_version: ::std::option::Option<::std::string::String>,
    /// Properties not declared in the spec.
    #[serde(flatten)]
    pub additional_properties: ::std::collections::BTreeMap<
        ::std::string::String,
        ::serde_json::Value
    >,
}
