// Generated from `specs/klearstack.yaml` by `cargo xtask codegen`; do not edit.

//! A typed mock server of this API, for the tests of programs that use it. Start it,
//! point a `Client` at it, and say per operation what it expects and answers, with the
//! crate's own types; a request no expectation matches fails the test.
/// The operations, as the mock server matches and names them.
const OPERATIONS: &[crate::runtime::mock::OperationInfo] = &[
    crate::runtime::mock::OperationInfo {
        name: "get_access_token",
        method: "POST",
        path: "/access/klearstack/get_access_token",
        body: crate::runtime::mock::BodyFormat::Other,
    },
];
/// Header, query and property names whose values never show in a failure message.
const SECRETS: &[&str] = &["access_token", "password", "refresh_token"];
/// A mock server of this API on a random local port.
pub struct MockServer {
    inner: crate::runtime::mock::MockServer,
}
impl MockServer {
    /// Starts the server.
    pub async fn start() -> Self {
        MockServer {
            inner: crate::runtime::mock::MockServer::start(OPERATIONS, SECRETS).await,
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
    pub fn runtime(&self) -> &crate::runtime::mock::MockServer {
        &self.inner
    }
    /// Sets up what [`Client::get_access_token`](crate::Client) expects and answers.
    pub fn get_access_token(
        &self,
    ) -> crate::runtime::mock::OperationMock<'_, operations::GetAccessToken> {
        self.inner.operation()
    }
}
/// The untyped server's methods too (`operation::<Op>()`, `wiremock()`), so that code
/// generic over operations can use any API's server.
impl ::std::ops::Deref for MockServer {
    type Target = crate::runtime::mock::MockServer;
    fn deref(&self) -> &Self::Target {
        &self.inner
    }
}
/// A client of `server` holding a placeholder credential for every security scheme,
/// so that a server checking credentials lets the example calls through.
pub fn example_client(server: crate::Server) -> crate::Client {
    crate::Client::builder(server)
        .build()
        .unwrap_or_else(|error| panic!("a client with example credentials: {error}"))
}
/// Every operation's example call on `client`, in the order of the spec, none started:
/// what a conformance run sends to a server that validates requests.
pub fn example_calls(
    client: &crate::Client,
) -> ::std::vec::Vec<crate::runtime::mock::ExampleCall<'_>> {
    ::std::vec![
        crate ::runtime::mock::example_call:: < operations::GetAccessToken > (client)
    ]
}
/// One type per operation, describing it to the mock server.
pub mod operations {
    /// `POST /access/klearstack/get_access_token`: the mock of `Client::get_access_token`.
    #[derive(Debug)]
    pub enum GetAccessToken {}
    impl crate::runtime::mock::MockOperation for GetAccessToken {
        type Body = crate::types::GetAccessTokenRequest;
        type Ok = crate::types::AccessTokenResponse;
        type Error = crate::GetAccessTokenError;
        type Client = crate::Client;
        const INFO: crate::runtime::mock::OperationInfo = crate::runtime::mock::OperationInfo {
            name: "get_access_token",
            method: "POST",
            path: "/access/klearstack/get_access_token",
            body: crate::runtime::mock::BodyFormat::Other,
        };
        fn ok_reply(ok: &Self::Ok) -> crate::runtime::mock::Reply {
            crate::runtime::mock::Reply::json(200, "application/json", ok)
        }
        fn error_reply(error: &Self::Error) -> crate::runtime::mock::Reply {
            match error {
                crate::GetAccessTokenError::InternalServerError(body) => {
                    crate::runtime::mock::Reply::raw(
                        500,
                        "text/plain",
                        body.as_bytes().to_vec(),
                    )
                }
            }
        }
        fn example_ok() -> Self::Ok {
            crate::types::AccessTokenResponse::new()
        }
        fn example_errors() -> ::std::vec::Vec<Self::Error> {
            ::std::vec::Vec::from([
                crate::GetAccessTokenError::InternalServerError(String::from("example")),
            ])
        }
        #[allow(deprecated)]
        fn example_call(
            client: &crate::Client,
        ) -> crate::runtime::mock::CallFuture<'_, Self::Ok, Self::Error> {
            ::std::boxed::Box::pin(async move {
                let body = crate::types::GetAccessTokenRequest::new(
                    "Replace_User_Name_Here",
                    "Replace_Password_Here",
                    "Replace_Company_Name_Here",
                );
                client.get_access_token(&body).await
            })
        }
    }
}
