// Generated from `specs/chkk.yaml` by `cargo xtask codegen`; do not edit.

//! Types from the spec's schemas.
#[derive(Debug, Clone, PartialEq, ::serde::Serialize, crate::runtime::Deserialize)]
#[non_exhaustive]
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
impl LoginResponse {
    /// From the required fields; the others start absent or at their default.
    pub fn new() -> Self {
        Self {
            access_tokens: ::std::option::Option::None,
            user: ::std::option::Option::None,
        }
    }
    /// Sets `access_tokens`.
    pub fn with_access_tokens(
        mut self,
        value: ::std::collections::BTreeMap<
            ::std::string::String,
            ::std::collections::BTreeMap<
                ::std::string::String,
                crate::types::AccessToken,
            >,
        >,
    ) -> Self {
        self.access_tokens = ::std::option::Option::Some(value);
        self
    }
    /// Sets `user`.
    pub fn with_user(mut self, value: crate::types::LoginResponseUser) -> Self {
        self.user = ::std::option::Option::Some(value);
        self
    }
}
impl ::std::default::Default for LoginResponse {
    fn default() -> Self {
        Self::new()
    }
}
/// An access token as used by the Chkk API for authentication
#[derive(Debug, Clone, PartialEq, ::serde::Serialize, crate::runtime::Deserialize)]
#[non_exhaustive]
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
impl AccessToken {
    /// From the required fields; the others start absent or at their default.
    pub fn new(
        access_token: impl ::std::convert::Into<
            crate::runtime::Secret<::std::string::String>,
        >,
        created: i64,
    ) -> Self {
        Self {
            access_token: access_token.into(),
            user_id: ::std::option::Option::None,
            aws_identity_arn: ::std::option::Option::None,
            org_id: ::std::option::Option::None,
            account_id: ::std::option::Option::None,
            created,
        }
    }
    /// Sets `user_id`.
    pub fn with_user_id(
        mut self,
        value: impl ::std::convert::Into<::std::string::String>,
    ) -> Self {
        self.user_id = ::std::option::Option::Some(value.into());
        self
    }
    /// Sets `aws_identity_arn`.
    pub fn with_aws_identity_arn(
        mut self,
        value: impl ::std::convert::Into<::std::string::String>,
    ) -> Self {
        self.aws_identity_arn = ::std::option::Option::Some(value.into());
        self
    }
    /// Sets `org_id`.
    pub fn with_org_id(
        mut self,
        value: impl ::std::convert::Into<::std::string::String>,
    ) -> Self {
        self.org_id = ::std::option::Option::Some(value.into());
        self
    }
    /// Sets `account_id`.
    pub fn with_account_id(
        mut self,
        value: impl ::std::convert::Into<::std::string::String>,
    ) -> Self {
        self.account_id = ::std::option::Option::Some(value.into());
        self
    }
}
/// Details of the logged in user
#[derive(Debug, Clone, PartialEq, ::serde::Serialize, crate::runtime::Deserialize)]
#[non_exhaustive]
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
impl LoginResponseUser {
    /// From the required fields; the others start absent or at their default.
    pub fn new(
        user_id: impl ::std::convert::Into<::std::string::String>,
        email: impl ::std::convert::Into<::std::string::String>,
    ) -> Self {
        Self {
            user_id: user_id.into(),
            email: email.into(),
            name: ::std::option::Option::None,
            profile_picture: ::std::option::Option::None,
        }
    }
    /// Sets `name`.
    pub fn with_name(
        mut self,
        value: impl ::std::convert::Into<::std::string::String>,
    ) -> Self {
        self.name = ::std::option::Option::Some(value.into());
        self
    }
    /// Sets `profile_picture`.
    pub fn with_profile_picture(
        mut self,
        value: impl ::std::convert::Into<::std::string::String>,
    ) -> Self {
        self.profile_picture = ::std::option::Option::Some(value.into());
        self
    }
}
