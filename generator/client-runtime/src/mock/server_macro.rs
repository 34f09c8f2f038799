//! The `MockServer` wrapper every generated `mock` module declares: the same for all APIs but
//! for the operation list and secret names it starts with, so it lives here once.

/// Declares `MockServer` in a generated crate's `mock` module: a [`MockServer`] of the API's
/// `$operations` that redacts its `$secrets`, with a client of the crate pointed at it. The
/// module adds one method per operation in an `impl MockServer` of its own.
///
/// [`MockServer`]: crate::mock::MockServer
// `crate::Server` and `crate::Client` are meant to name the generated crate's own types.
#[allow(clippy::crate_in_macro_def)]
#[macro_export]
macro_rules! mock_server {
    ($operations:expr, $secrets:expr) => {
        /// A mock server of this API on a random local port.
        pub struct MockServer {
            inner: $crate::mock::MockServer,
        }

        impl MockServer {
            /// Starts the server.
            pub async fn start() -> Self {
                MockServer {
                    inner: $crate::mock::MockServer::start($operations, $secrets).await,
                }
            }

            /// Its base URL.
            pub fn uri(&self) -> ::std::string::String {
                self.inner.uri()
            }

            /// The [`Server`](crate::Server) to build a client of it with.
            pub fn server(&self) -> crate::Server {
                crate::Server::Custom(self.inner.uri())
            }

            /// A client of it with default settings and no credentials.
            pub fn client(&self) -> crate::Client {
                crate::Client::new(self.server())
                    .unwrap_or_else(|error| panic!("a client of the mock server: {error}"))
            }

            /// Panics if a request matched no expectation, or an expectation's `times` count
            /// was not met. Dropping the server checks the same.
            pub async fn verify(&self) {
                self.inner.verify().await
            }

            /// The requests no expectation matched, described with their secrets redacted.
            pub fn unmatched(&self) -> ::std::vec::Vec<::std::string::String> {
                self.inner.unmatched()
            }

            /// The untyped server underneath.
            pub fn runtime(&self) -> &$crate::mock::MockServer {
                &self.inner
            }
        }

        /// The untyped server's methods too (`operation::<Op>()`, `wiremock()`), so that code
        /// generic over operations can use any API's server.
        impl ::std::ops::Deref for MockServer {
            type Target = $crate::mock::MockServer;

            fn deref(&self) -> &Self::Target {
                &self.inner
            }
        }
    };
}
