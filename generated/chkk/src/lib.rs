// Generated from `specs/chkk.yaml` by `cargo xtask codegen`; do not edit.

#![doc = include_str!("../README.md")]
#![allow(clippy::too_many_arguments)]
#![allow(clippy::match_overlapping_arm)]
#![allow(clippy::match_single_binding)]
#![allow(clippy::large_enum_variant)]
#![allow(clippy::result_large_err)]
#![allow(clippy::doc_lazy_continuation)]
#![allow(clippy::doc_overindented_list_items)]
#![allow(clippy::tabs_in_doc_comments)]
#![allow(clippy::empty_docs)]
#![allow(clippy::enum_variant_names)]
#![allow(clippy::upper_case_acronyms)]
#![allow(clippy::should_implement_trait)]
#![allow(clippy::derivable_impls)]
#![allow(rustdoc::broken_intra_doc_links)]
#![allow(rustdoc::bare_urls)]
#![allow(rustdoc::invalid_html_tags)]
#[rustfmt::skip]
pub mod types;
#[rustfmt::skip]
mod client;
/// Support code shared by every generated client: errors, responses, secrets,
/// credentials and request encoding.
pub use ::client_runtime as runtime;
/// Typed test doubles: a mock server of this API (feature `mock`).
#[cfg(feature = "mock")]
#[rustfmt::skip]
pub mod mock;
pub use client::*;
pub use runtime::{CallOptions, CredentialSource, Error, ErrorKind, RawBody};
pub use runtime::{ResponseValue, RetryPolicy, Secret};
#[rustfmt::skip]
mod token;
pub use ::token_source;
pub use token::TokenSource;
