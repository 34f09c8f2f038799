// Generated from `specs/klearstack.yaml` by `cargo xtask codegen`; do not edit.

//! Types from the spec's schemas.
/// Form fields of the get_access_token request.
#[derive(Debug, Clone, PartialEq, ::serde::Serialize, crate::runtime::Deserialize)]
#[non_exhaustive]
pub struct GetAccessTokenRequest {
    /// Username of the user to be logged in.
    pub username: ::std::string::String,
    /// Password of the user.
    pub password: crate::runtime::Secret<::std::string::String>,
    /// Name of the company for which the user is logging in.
    pub company_name: ::std::string::String,
}
impl GetAccessTokenRequest {
    /// From the required fields; the others start absent or at their default.
    pub fn new(
        username: impl ::std::convert::Into<::std::string::String>,
        password: impl ::std::convert::Into<
            crate::runtime::Secret<::std::string::String>,
        >,
        company_name: impl ::std::convert::Into<::std::string::String>,
    ) -> Self {
        Self {
            username: username.into(),
            password: password.into(),
            company_name: company_name.into(),
        }
    }
}
/// The access token, the refresh token and the server release.
#[derive(Debug, Clone, PartialEq, ::serde::Serialize, crate::runtime::Deserialize)]
#[non_exhaustive]
pub struct AccessTokenResponse {
    /// Access token (a JWT). Valid for some minutes; the page does not give the exact lifetime.
    pub access_token: crate::runtime::Secret<::std::string::String>,
    /// Refresh token (a JWT). Valid for some days; the page does not give the exact lifetime.
    pub refresh_token: crate::runtime::Secret<::std::string::String>,
    /// Release version of the KlearStack server, e.g. "7.8.9".
    pub release_version: ::std::string::String,
}
impl AccessTokenResponse {
    /// From the required fields; the others start absent or at their default.
    pub fn new(
        access_token: impl ::std::convert::Into<
            crate::runtime::Secret<::std::string::String>,
        >,
        refresh_token: impl ::std::convert::Into<
            crate::runtime::Secret<::std::string::String>,
        >,
        release_version: impl ::std::convert::Into<::std::string::String>,
    ) -> Self {
        Self {
            access_token: access_token.into(),
            refresh_token: refresh_token.into(),
            release_version: release_version.into(),
        }
    }
}
