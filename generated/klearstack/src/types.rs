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
    #[serde(default, skip_serializing_if = "::std::option::Option::is_none")]
    pub access_token: ::std::option::Option<
        crate::runtime::Secret<::std::string::String>,
    >,
    /// Refresh token (a JWT). Valid for some days; the page does not give the exact lifetime.
    #[serde(default, skip_serializing_if = "::std::option::Option::is_none")]
    pub refresh_token: ::std::option::Option<
        crate::runtime::Secret<::std::string::String>,
    >,
    /// Release version of the KlearStack server, e.g. "7.8.9".
    #[serde(default, skip_serializing_if = "::std::option::Option::is_none")]
    pub release_version: ::std::option::Option<::std::string::String>,
    /// Properties not declared in the spec.
    #[serde(flatten)]
    pub additional_properties: ::std::collections::BTreeMap<
        ::std::string::String,
        ::serde_json::Value,
    >,
}
impl AccessTokenResponse {
    /// From the required fields; the others start absent or at their default.
    pub fn new() -> Self {
        Self {
            access_token: ::std::option::Option::None,
            refresh_token: ::std::option::Option::None,
            release_version: ::std::option::Option::None,
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
    /// Sets `refresh_token`.
    pub fn with_refresh_token(
        mut self,
        value: impl ::std::convert::Into<crate::runtime::Secret<::std::string::String>>,
    ) -> Self {
        self.refresh_token = ::std::option::Option::Some(value.into());
        self
    }
    /// Sets `release_version`.
    pub fn with_release_version(
        mut self,
        value: impl ::std::convert::Into<::std::string::String>,
    ) -> Self {
        self.release_version = ::std::option::Option::Some(value.into());
        self
    }
}
impl ::std::default::Default for AccessTokenResponse {
    fn default() -> Self {
        Self::new()
    }
}
