//! The `client` module: `Client`, its builder, servers, credentials and one method per operation.

use super::operation::render_operation;
use super::security::{render_credentials, render_setters};
use super::servers::render_servers;
use crate::ir::Api;
use crate::Settings;
use proc_macro2::TokenStream;
use quote::quote;

/// The whole client module.
pub(crate) fn render_client(api: &Api, settings: &Settings) -> TokenStream {
    let servers = render_servers(api);
    let credentials = render_credentials(api);
    let setters = render_setters(api);
    let (methods, items): (Vec<_>, Vec<_>) = api
        .operations
        .iter()
        .map(|op| render_operation(api, op))
        .unzip();
    let user_agent = format!("{}/{}", settings.crate_name, settings.crate_version);
    // A spec without operations (types only) leaves the request machinery unused; the client
    // keeps the same shape as every other one rather than warning.
    let unused = api
        .operations
        .is_empty()
        .then(|| quote! { #[allow(dead_code)] });
    quote! {
        //! The client and its operations.

        #servers
        #credentials

        /// A client for the API. Cheap to clone: clones share one connection pool.
        #[derive(Debug, Clone)]
        #unused
        pub struct Client {
            base_url: ::std::string::String,
            http: ::reqwest::Client,
            credentials: Credentials,
            timeout: ::std::time::Duration,
            user_agent: ::std::string::String,
            headers: ::std::vec::Vec<(::std::string::String, crate::runtime::Secret<::std::string::String>)>,
            body_limit: usize,
        }

        /// Settings for a [`Client`]: timeout, user agent, default headers, credentials, and an
        /// optional `reqwest::Client` of your own.
        #[derive(Debug, Clone)]
        pub struct ClientBuilder {
            server: Server,
            http: ::std::option::Option<::reqwest::Client>,
            credentials: Credentials,
            timeout: ::std::time::Duration,
            user_agent: ::std::string::String,
            headers: ::std::vec::Vec<(::std::string::String, crate::runtime::Secret<::std::string::String>)>,
            body_limit: usize,
        }

        impl ClientBuilder {
            /// Time allowed for each whole request (default 30 s).
            pub fn timeout(mut self, timeout: ::std::time::Duration) -> Self {
                self.timeout = timeout;
                self
            }

            /// The `User-Agent` header sent with every request.
            pub fn user_agent(mut self, user_agent: impl ::std::convert::Into<::std::string::String>) -> Self {
                self.user_agent = user_agent.into();
                self
            }

            /// A header sent with every request. Its value prints as redacted in `Debug`, since
            /// default headers often carry an API key.
            pub fn default_header(mut self, name: impl ::std::convert::Into<::std::string::String>, value: impl ::std::convert::Into<::std::string::String>) -> Self {
                self.headers.push((name.into(), crate::runtime::Secret::new(value.into())));
                self
            }

            /// Uses your own `reqwest::Client` (proxies, TLS roots, connection pool). Timeout,
            /// user agent and default headers are still applied to each request; its redirect
            /// policy is its own (the default client follows no redirects).
            pub fn http_client(mut self, http: ::reqwest::Client) -> Self {
                self.http = Some(http);
                self
            }

            /// Largest response body read, in bytes (default 16 MiB).
            pub fn body_limit(mut self, bytes: usize) -> Self {
                self.body_limit = bytes;
                self
            }

            /// All credentials at once.
            pub fn credentials(mut self, credentials: Credentials) -> Self {
                self.credentials = credentials;
                self
            }

            #setters

            /// Builds the client.
            pub fn build(self) -> ::std::result::Result<Client, crate::runtime::BuildError> {
                let http = match self.http {
                    Some(http) => http,
                    // Redirects are not followed: a 3xx reply is answered by its declared
                    // status variant or as an unexpected status, and credentials are never
                    // re-sent to wherever a `Location` points.
                    None => ::reqwest::Client::builder()
                        .redirect(::reqwest::redirect::Policy::none())
                        .build()
                        .map_err(|error| crate::runtime::BuildError(error.to_string()))?,
                };
                Ok(Client {
                    base_url: self.server.url(),
                    http,
                    credentials: self.credentials,
                    timeout: self.timeout,
                    user_agent: self.user_agent,
                    headers: self.headers,
                    body_limit: self.body_limit,
                })
            }
        }

        impl Client {
            /// A builder for a client of `server`.
            pub fn builder(server: Server) -> ClientBuilder {
                ClientBuilder {
                    server,
                    http: None,
                    credentials: Credentials::default(),
                    timeout: crate::runtime::DEFAULT_TIMEOUT,
                    user_agent: ::std::string::String::from(#user_agent),
                    headers: ::std::vec::Vec::new(),
                    body_limit: crate::runtime::DEFAULT_BODY_LIMIT,
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
                &self.base_url
            }

            /// Builds a request with the client's settings applied.
            #unused
            fn prepare<E>(&self, parts: crate::runtime::RequestParts, method: ::reqwest::Method, path: &str) -> ::std::result::Result<::reqwest::RequestBuilder, crate::runtime::Error<E>> {
                let mut request = parts
                    .build(&self.http, method, &self.base_url, path)
                    .map_err(crate::runtime::Error::InvalidRequest)?
                    .timeout(self.timeout)
                    .header(::reqwest::header::USER_AGENT, &self.user_agent);
                for (name, value) in &self.headers {
                    request = request.header(name.as_str(), value.expose().as_str());
                }
                Ok(request)
            }

            #(#methods)*
        }

        #(#items)*
    }
}
