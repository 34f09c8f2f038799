//! What every generated client has whatever its API: `Client` and `ClientBuilder` with their
//! settings ([`client!`](crate::client)), and choosing and attaching credentials per
//! operation requirement ([`Security`]). A generated crate declares only what differs: its
//! servers, its security schemes and their setters, and its operations.

use crate::{CredentialError, CredentialSources, RequestParts, Secret};

/// A generated crate's credentials: one optional value per security scheme of the spec, and
/// sources (token sources) by scheme.
pub trait SchemeCredentials: Sync {
    /// The spec's security schemes.
    type Scheme: Copy + PartialEq + Send + Sync + 'static;

    /// The sources set, by scheme.
    fn sources(&self) -> &CredentialSources<Self::Scheme>;

    /// Whether a fixed value is set for `scheme`.
    fn has_value(&self, scheme: Self::Scheme) -> bool;

    /// Attaches the fixed value set for `scheme`.
    fn attach(&self, scheme: Self::Scheme, parts: &mut RequestParts);

    /// Attaches `value`, from a source, for `scheme`.
    fn attach_value(
        &self,
        scheme: Self::Scheme,
        value: &Secret<::std::string::String>,
        parts: &mut RequestParts,
    );

    /// Whether the credentials for `scheme` are set, as a value or a source.
    fn has(&self, scheme: Self::Scheme) -> bool {
        self.sources().get(&scheme).is_some() || self.has_value(scheme)
    }
}

/// Attaches the first alternative of `alternatives` whose credentials are all set, awaiting
/// the sources among them (a source takes precedence over a fixed value). An operation whose
/// alternatives are all unmet is sent without credentials, and the server decides.
pub async fn authorize<C: SchemeCredentials>(
    credentials: &C,
    alternatives: &[&[C::Scheme]],
    parts: &mut RequestParts,
) -> ::std::result::Result<(), CredentialError> {
    let chosen = alternatives
        .iter()
        .find(|schemes| !schemes.is_empty() && schemes.iter().all(|s| credentials.has(*s)));
    for scheme in chosen.into_iter().flat_map(|schemes| schemes.iter()) {
        match credentials.sources().get(scheme) {
            Some(source) => {
                let value = source.credential().await.map_err(CredentialError)?;
                credentials.attach_value(*scheme, &value, parts);
                parts.credential_from(source, &value);
            }
            None => credentials.attach(*scheme, parts),
        }
    }
    Ok(())
}

/// An operation's security requirement (alternatives of schemes) over a client's
/// credentials: what [`crate::Transport::send`] attaches to each attempt.
pub struct Security<'a, C: SchemeCredentials> {
    credentials: &'a C,
    alternatives: &'a [&'a [C::Scheme]],
}

impl<'a, C: SchemeCredentials> Security<'a, C> {
    /// The requirement `alternatives` met from `credentials`.
    pub fn new(credentials: &'a C, alternatives: &'a [&'a [C::Scheme]]) -> Self {
        Security {
            credentials,
            alternatives,
        }
    }
}

impl<C: SchemeCredentials> crate::Authorize for Security<'_, C> {
    fn uses_sources(&self) -> bool {
        let sources = self.credentials.sources();
        self.alternatives
            .iter()
            .flat_map(|schemes| schemes.iter())
            .any(|scheme| sources.get(scheme).is_some())
    }

    fn authorize<'a>(
        &'a self,
        parts: &'a mut RequestParts,
    ) -> impl ::std::future::Future<Output = ::std::result::Result<(), CredentialError>> + Send + 'a
    {
        authorize(self.credentials, self.alternatives, parts)
    }
}

/// Declares `Client` and `ClientBuilder` in a generated crate's client module, with every
/// setting that is the same for all APIs. The module declares `Server` (with `url()`) and
/// `Credentials`, and adds its credential setters in an `impl ClientBuilder` of its own.
#[macro_export]
macro_rules! client {
    ($user_agent:expr) => {
        /// A client for the API. Cheap to clone: clones share one connection pool.
        #[derive(Debug, Clone)]
        pub struct Client {
            transport: $crate::Transport,
            credentials: ::std::sync::Arc<Credentials>,
        }

        /// Settings for a [`Client`]: timeout, user agent, default headers, retries,
        /// credentials, and an optional HTTP client of your own.
        #[derive(Debug, Clone)]
        pub struct ClientBuilder {
            server: Server,
            settings: $crate::TransportSettings,
            credentials: Credentials,
        }

        impl ClientBuilder {
            /// Time allowed for each whole request (default 30 s).
            pub fn timeout(mut self, timeout: ::std::time::Duration) -> Self {
                self.settings.timeout = timeout;
                self
            }

            /// The `User-Agent` header sent with every request.
            pub fn user_agent(
                mut self,
                user_agent: impl ::std::convert::Into<::std::string::String>,
            ) -> Self {
                self.settings.user_agent = user_agent.into();
                self
            }

            /// A header sent with every request. Its value prints as redacted in `Debug` and
            /// is scrubbed from what calls return, since default headers often carry an API
            /// key.
            pub fn default_header(
                mut self,
                name: impl ::std::convert::Into<::std::string::String>,
                value: impl ::std::convert::Into<::std::string::String>,
            ) -> Self {
                self.settings
                    .headers
                    .push((name.into(), $crate::Secret::new(value.into())));
                self
            }

            /// Uses your own HTTP client: a `reqwest::Client` (proxies, TLS roots, connection
            /// pool) or, with the runtime's `middleware` feature, a
            /// `reqwest_middleware::ClientWithMiddleware`. Timeout, user agent and default
            /// headers are still applied to each request; its redirect policy is its own (the
            /// default client follows no redirects).
            pub fn http_client(
                mut self,
                http: impl ::std::convert::Into<$crate::HttpClient>,
            ) -> Self {
                self.settings.http = Some(http.into());
                self
            }

            /// Largest response body read, in bytes (default 16 MiB).
            pub fn body_limit(mut self, bytes: usize) -> Self {
                self.settings.body_limit = bytes;
                self
            }

            /// How failed requests are retried. By default they are not; see
            /// [`RetryPolicy`]($crate::RetryPolicy) for what each policy retries, token
            /// requests (POSTs) included.
            pub fn retry(mut self, policy: $crate::RetryPolicy) -> Self {
                self.settings.retry = policy;
                self
            }

            /// All credentials at once.
            pub fn credentials(mut self, credentials: Credentials) -> Self {
                self.credentials = credentials;
                self
            }

            /// Builds the client. Fails on a user agent or default header that is not a valid
            /// HTTP header.
            pub fn build(self) -> ::std::result::Result<Client, $crate::BuildError> {
                Ok(Client {
                    transport: self.settings.build(self.server.url())?,
                    credentials: ::std::sync::Arc::new(self.credentials),
                })
            }
        }

        impl Client {
            /// A builder for a client of `server`.
            pub fn builder(server: Server) -> ClientBuilder {
                ClientBuilder {
                    server,
                    settings: $crate::TransportSettings::new($user_agent),
                    credentials: Credentials::default(),
                }
            }

            /// A client of `server` with default settings and no credentials.
            pub fn new(server: Server) -> ::std::result::Result<Self, $crate::BuildError> {
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

            /// This client with `options` (timeout, extra headers, idempotency key, retry
            /// policy) for the calls made through the copy it returns, which shares the
            /// connection pool: `client.with_options(options).login(&form).await`.
            pub fn with_options(&self, options: $crate::CallOptions) -> Self {
                Client {
                    transport: self.transport.with_options(options),
                    credentials: ::std::sync::Arc::clone(&self.credentials),
                }
            }
        }
    };
}
