//! Stage 8: IR to token streams. The only place that uses `quote!`; nothing here reads openapiv3.

mod cargo;
mod client;
mod constructors;
mod docs;
mod example_union;
mod examples;
mod mock;
mod operation;
mod reply_fit;
mod security;
mod servers;
mod token_source;
mod typeref;
mod types;

use crate::format::{Deferred, Piece};
use crate::ir::Api;
use crate::lower::token_plan::TokenPlan;
use crate::settings::Settings;
use proc_macro2::TokenStream;

/// One file of the crate: Rust modules still to be rendered (piece by piece, as they are
/// printed, on whichever thread prints them), other files as text.
pub(crate) enum Rendered {
    /// A Rust module, rendered by [`pieces`].
    Rust { path: String, module: Module },
    /// Any other text, written as is after the header.
    Text { path: String, text: String },
}

/// The generated Rust modules.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Module {
    Lib,
    Types,
    Client,
    TokenSource,
    /// The typed mock server, compiled with the crate's `mock` feature.
    Mock,
}

/// The pieces of `module`, each rendered when it is called for. Cheap to make: a printer
/// running on several threads makes it on each and renders only the pieces it prints.
pub(crate) fn pieces<'a>(
    module: Module,
    api: &'a Api,
    settings: &'a Settings,
    plan: Option<&'a TokenPlan>,
) -> Box<dyn Iterator<Item = Deferred<'a>> + 'a> {
    match module {
        Module::Lib => Box::new(std::iter::once(
            Box::new(move || Piece::Items(lib_rs(plan))) as Deferred,
        )),
        Module::Types => Box::new(types::render_types(api)),
        Module::Client => Box::new(client::render_client(api, settings)),
        Module::TokenSource => Box::new(plan.into_iter().map(move |plan| -> Deferred {
            Box::new(move || Piece::Items(token_source::render_token_source(api, plan)))
        })),
        Module::Mock => {
            Box::new(std::iter::once(
                Box::new(move || Piece::Items(mock::render_mock(api))) as Deferred,
            ))
        }
    }
}

/// Every file of the crate; with a token plan, also its `TokenSource`. The order is the order
/// in which the printing threads claim the pieces (the files are sorted by path afterwards):
/// the modules printed as one piece come first, the mock module (the largest) before all, so
/// that a thread takes each at the start while the others share out the modules printed
/// piece by piece, and no large piece is left to be printed alone at the end.
pub(crate) fn render(api: &Api, settings: &Settings, plan: Option<&TokenPlan>) -> Vec<Rendered> {
    let usage = typeref::Usage::of(api);
    let mut files = vec![
        Rendered::Text {
            path: "Cargo.toml".into(),
            text: cargo::manifest(settings, &usage, plan),
        },
        Rendered::Text {
            path: "README.md".into(),
            text: examples::readme(api, settings, plan),
        },
        Rendered::Rust {
            path: "src/mock.rs".into(),
            module: Module::Mock,
        },
    ];
    if plan.is_some() {
        files.push(Rendered::Rust {
            path: "src/token.rs".into(),
            module: Module::TokenSource,
        });
    }
    files.extend([
        Rendered::Rust {
            path: "src/lib.rs".into(),
            module: Module::Lib,
        },
        Rendered::Rust {
            path: "src/types.rs".into(),
            module: Module::Types,
        },
        Rendered::Rust {
            path: "src/client.rs".into(),
            module: Module::Client,
        },
    ]);
    files
}

/// Lints that spec-derived code trips over without being wrong: descriptions written as
/// Markdown for other tools, and signatures whose shape the spec decides.
/// Status matches list exact codes before the `2XX` range that contains them, and an
/// operation with only a `default` response matches on `_` alone: both are meant.
const ALLOWED_LINTS: [&str; 16] = [
    "clippy::too_many_arguments",
    "clippy::match_overlapping_arm",
    "clippy::match_single_binding",
    "clippy::large_enum_variant",
    "clippy::result_large_err",
    "clippy::doc_lazy_continuation",
    "clippy::doc_overindented_list_items",
    "clippy::tabs_in_doc_comments",
    "clippy::empty_docs",
    "clippy::enum_variant_names",
    "clippy::upper_case_acronyms",
    "clippy::should_implement_trait",
    "clippy::derivable_impls",
    "rustdoc::broken_intra_doc_links",
    "rustdoc::bare_urls",
    "rustdoc::invalid_html_tags",
];

fn lib_rs(plan: Option<&TokenPlan>) -> TokenStream {
    let allows = ALLOWED_LINTS.iter().map(|lint| {
        let path = lint
            .parse::<TokenStream>()
            .unwrap_or_else(|_| quote::quote!(unused));
        quote::quote! { #![allow(#path)] }
    });
    let modules = quote::quote! {
        #![doc = include_str!("../README.md")]
        #(#allows)*

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
        // Two short lists, each on one line whether prettyplease or rustfmt lays it out.
        pub use runtime::{CallOptions, CredentialSource, Error, ErrorKind, RawBody};
        pub use runtime::{ResponseValue, RetryPolicy, Secret};
    };
    // The token source's crate is re-exported, so users name `AccessToken` and
    // `TokenProvider` without a dependency of their own. The `use` items are in the order
    // `cargo fmt` sorts them, since this file is not skipped by it.
    let token = plan.map(|_| {
        quote::quote! {
            #[rustfmt::skip]
            mod token;

            pub use ::token_source;
            pub use token::TokenSource;
        }
    });
    quote::quote! { #modules #token }
}
