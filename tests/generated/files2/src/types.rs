// Generated from `tests/specs/files2.yaml` by `cargo xtask codegen`; do not edit.

//! Types from the spec's schemas.
#[derive(Debug, Clone, PartialEq, ::serde::Serialize, crate::runtime::Deserialize)]
#[non_exhaustive]
pub struct File {
    pub id: ::std::string::String,
    pub name: ::std::string::String,
    pub size: i64,
    #[serde(default, skip_serializing_if = "::std::option::Option::is_none")]
    pub tags: ::std::option::Option<::std::vec::Vec<::std::string::String>>,
    /// `None`: absent (not sent); `Some(None)`: sent as `null`; `Some(Some(v))`: sent as `v`.
    #[serde(default, with = "crate::runtime::nullable")]
    #[serde(skip_serializing_if = "::std::option::Option::is_none")]
    pub note: ::std::option::Option<::std::option::Option<::std::string::String>>,
}
impl File {
    /// From the required fields; the others start absent or at their default.
    pub fn new(
        id: impl ::std::convert::Into<::std::string::String>,
        name: impl ::std::convert::Into<::std::string::String>,
        size: i64,
    ) -> Self {
        Self {
            id: id.into(),
            name: name.into(),
            size,
            tags: ::std::option::Option::None,
            note: ::std::option::Option::None,
        }
    }
    /// Sets `tags`.
    pub fn with_tags(mut self, value: ::std::vec::Vec<::std::string::String>) -> Self {
        self.tags = ::std::option::Option::Some(value);
        self
    }
    /// Sets `note`.
    pub fn with_note(
        mut self,
        value: ::std::option::Option<::std::string::String>,
    ) -> Self {
        self.note = ::std::option::Option::Some(value);
        self
    }
}
#[derive(Debug, Clone, PartialEq, ::serde::Serialize, crate::runtime::Deserialize)]
#[non_exhaustive]
pub struct Problem {
    pub message: ::std::string::String,
}
impl Problem {
    /// From the required fields; the others start absent or at their default.
    pub fn new(message: impl ::std::convert::Into<::std::string::String>) -> Self {
        Self { message: message.into() }
    }
}
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[derive(::serde::Serialize, crate::runtime::Deserialize)]
#[non_exhaustive]
pub enum ListFilesFieldsItem {
    #[serde(rename = "id")]
    Id = 926444256,
    #[serde(rename = "name")]
    Name = 221887974,
    #[serde(rename = "size")]
    Size = 597743964,
    #[serde(rename = "tags")]
    Tags = 1947659168,
}
impl ::std::fmt::Display for ListFilesFieldsItem {
    fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
        f.write_str(
            match self {
                Self::Id => "id",
                Self::Name => "name",
                Self::Size => "size",
                Self::Tags => "tags",
            },
        )
    }
}
#[derive(Debug, Clone, PartialEq, ::serde::Serialize, crate::runtime::Deserialize)]
#[non_exhaustive]
pub struct UploadFileBody {
    /// The file's content.
    pub file: ::std::vec::Vec<u8>,
    pub name: ::std::string::String,
    #[serde(default, skip_serializing_if = "::std::option::Option::is_none")]
    pub tags: ::std::option::Option<::std::vec::Vec<::std::string::String>>,
}
impl UploadFileBody {
    /// From the required fields; the others start absent or at their default.
    pub fn new(
        file: ::std::vec::Vec<u8>,
        name: impl ::std::convert::Into<::std::string::String>,
    ) -> Self {
        Self {
            file,
            name: name.into(),
            tags: ::std::option::Option::None,
        }
    }
    /// Sets `tags`.
    pub fn with_tags(mut self, value: ::std::vec::Vec<::std::string::String>) -> Self {
        self.tags = ::std::option::Option::Some(value);
        self
    }
}
