//! The `client` module: `Client`, its builder, servers, credentials and one method per operation.

use super::operation::{decoders_used, render_items, render_method};
use super::security::{render_credentials, render_setters};
use super::servers::render_servers;
use crate::format::{Deferred, Piece};
use crate::ir::Api;
use crate::settings::Settings;
use quote::{format_ident, quote};

/// The client module, piece by piece: the fixed part, `impl Client` with one method per
/// operation, then each operation's items. Each piece is rendered when it is called for.
pub(crate) fn render_client<'a>(
    api: &'a Api,
    settings: &'a Settings,
) -> impl Iterator<Item = Deferred<'a>> + 'a {
    let methods = api
        .operations
        .iter()
        .map(move |op| -> Deferred { Box::new(move || Piece::Member(render_method(api, op))) });
    let items = (0..api.operations.len()).map(move |index| -> Deferred {
        let owners = api.shared_enums.of_operation(index);
        Box::new(move || Piece::Items(render_items(api, index, owners)))
    });
    let fixed: [Deferred; 3] = [
        Box::new(move || Piece::Items(fixed_items(api))),
        Box::new(move || Piece::ImplOpen {
            header: quote! { impl Client },
        }),
        Box::new(move || Piece::Member(fixed_members(settings))),
    ];
    fixed
        .into_iter()
        .chain(methods)
        .chain(std::iter::once(Box::new(|| Piece::ImplClose) as Deferred))
        .chain(items)
}

/// Everything before `impl Client`: imports, servers, credentials, `Client` and its builder.
fn fixed_items(api: &Api) -> proc_macro2::TokenStream {
    let servers = render_servers(api);
    let credentials = render_credentials(api);
    let setters = render_setters(api);
    // Short names for what every method uses, so that signatures and status arms fit on one
    // line. No item of this module can take these names: generated ones end in `Error`,
    // `Options`, `Body` or `Success`. Sorted, as `cargo fmt` would.
    let imports = (!api.operations.is_empty()).then(|| {
        let mut names = decoders_used(api);
        names.extend(["ApiResult", "RequestParts"]);
        let names = names.iter().map(|name| format_ident!("{name}"));
        quote! { use crate::runtime::{#(#names),*}; }
    });
    quote! {
        //! The client and its operations.

        #imports

        #servers
        #credentials

        /// A client for the API. Cheap to clone: clones share one connection pool.
        #[derive(Debug, Clone)]
        pub struct Client {
            transport: crate::runtime::Transport,
            credentials: Credentials,
        }

        /// Settings for a [`Client`]: timeout, user agent, default headers, credentials, and an
        /// optional `reqwest::Client` of your own.
        #[derive(Debug, Clone)]
        pub struct ClientBuilder {
            server: Server,
            settings: crate::runtime::TransportSettings,
            credentials: Credentials,
        }

        impl ClientBuilder {
            /// Time allowed for each whole request (default 30 s).
            pub fn timeout(mut self, timeout: ::std::time::Duration) -> Self {
                self.settings.timeout = timeout;
                self
            }

            /// The `User-Agent` header sent with every request.
            pub fn user_agent(mut self, user_agent: impl ::std::convert::Into<::std::string::String>) -> Self {
                self.settings.user_agent = user_agent.into();
                self
            }

            /// A header sent with every request. Its value prints as redacted in `Debug`, since
            /// default headers often carry an API key.
            pub fn default_header(mut self, name: impl ::std::convert::Into<::std::string::String>, value: impl ::std::convert::Into<::std::string::String>) -> Self {
                self.settings.headers.push((name.into(), crate::runtime::Secret::new(value.into())));
                self
            }

            /// Uses your own `reqwest::Client` (proxies, TLS roots, connection pool). Timeout,
            /// user agent and default headers are still applied to each request; its redirect
            /// policy is its own (the default client follows no redirects).
            pub fn http_client(mut self, http: ::reqwest::Client) -> Self {
                self.settings.http = Some(http);
                self
            }

            /// Largest response body read, in bytes (default 16 MiB).
            pub fn body_limit(mut self, bytes: usize) -> Self {
                self.settings.body_limit = bytes;
                self
            }

            /// All credentials at once.
            pub fn credentials(mut self, credentials: Credentials) -> Self {
                self.credentials = credentials;
                self
            }

            #setters

            /// Builds the client. Fails on a user agent or default header that is not a valid
            /// HTTP header.
            pub fn build(self) -> ::std::result::Result<Client, crate::runtime::BuildError> {
                Ok(Client {
                    transport: self.settings.build(self.server.url())?,
                    credentials: self.credentials,
                })
            }
        }
    }
}

/// The members of `impl Client` that every client has.
fn fixed_members(settings: &Settings) -> proc_macro2::TokenStream {
    let user_agent = format!("{}/{}", settings.crate_name, settings.crate_version);
    quote! {
            /// A builder for a client of `server`.
            pub fn builder(server: Server) -> ClientBuilder {
                ClientBuilder {
                    server,
                    settings: crate::runtime::TransportSettings::new(#user_agent),
                    credentials: Credentials::default(),
                }
            }

            /// A client of `server` with default settings and no credentials.
            pub fn new(server: Server) -> ::std::result::Result<Self, crate::runtime::BuildError> {
                Self::builder(server).build()
            }

            /// The credentials the client holds.
            pub fn credentials(&self) -> &Credentials {
                &self.credentials
            }

            /// The base URL requests go to.
            pub fn base_url(&self) -> &str {
                self.transport.base_url()
            }
    }
}
