// Generated from `specs/chkk.yaml` by `cargo xtask codegen`; do not edit.

//! Types from the spec's schemas.
#[derive(Debug, Clone, PartialEq, ::serde::Serialize, crate::runtime::Deserialize)]
pub struct LoginResponse {
    /// Map keyed by **org ID**. Each entry is an object keyed by account slug that contains the bearer AccessToken for that account.
    #[serde(default, skip_serializing_if = "::std::option::Option::is_none")]
    pub access_tokens: ::std::option::Option<
        ::std::collections::BTreeMap<
            ::std::string::String,
            ::std::collections::BTreeMap<
                ::std::string::String,
                crate::types::AccessToken,
            >,
        >,
    >,
    #[serde(default, skip_serializing_if = "::std::option::Option::is_none")]
    pub user: ::std::option::Option<crate::types::LoginResponseUser>,
}
/// An access token as used by the Chkk API for authentication
#[derive(Debug, Clone, PartialEq, ::serde::Serialize, crate::runtime::Deserialize)]
pub struct AccessToken {
    /// The actual token to be used in Authorization header
    pub access_token: crate::runtime::Secret<::std::string::String>,
    /// The ID of the user represented by the access token
    #[serde(default, skip_serializing_if = "::std::option::Option::is_none")]
    pub user_id: ::std::option::Option<::std::string::String>,
    /// The ARN of the AWS Identity represented by the access token
    #[serde(default, skip_serializing_if = "::std::option::Option::is_none")]
    pub aws_identity_arn: ::std::option::Option<::std::string::String>,
    /// The ID of the organization represented by the access token
    #[serde(default, skip_serializing_if = "::std::option::Option::is_none")]
    pub org_id: ::std::option::Option<::std::string::String>,
    /// The ID of the account represented by the access token
    #[serde(default, skip_serializing_if = "::std::option::Option::is_none")]
    pub account_id: ::std::option::Option<::std::string::String>,
    /// Time at which the access token was created. Measured in seconds since the Unix epoch
    pub created: i64,
}
/// Details of the logged in user
#[derive(Debug, Clone, PartialEq, ::serde::Serialize, crate::runtime::Deserialize)]
pub struct LoginResponseUser {
    /// The ID of the user of the current identity
    pub user_id: ::std::string::String,
    /// The email address of the user of the current identity
    pub email: ::std::string::String,
    /// the name of the user of the current identity
    #[serde(default, skip_serializing_if = "::std::option::Option::is_none")]
    pub name: ::std::option::Option<::std::string::String>,
    /// The profile picture for the user
    #[serde(default, skip_serializing_if = "::std::option::Option::is_none")]
    pub profile_picture: ::std::option::Option<::std::string::String>,
}
