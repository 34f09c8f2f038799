// Generated from `specs/chkk.yaml` by `cargo xtask codegen`; do not edit.

//! A typed mock server of this API, for the tests of programs that use it. Start it,
//! point a `Client` at it, and say per operation what it expects and answers, with the
//! crate's own types; a request no expectation matches fails the test.
/// The operations, as the mock server matches and names them.
const OPERATIONS: &[crate::runtime::mock::OperationInfo] = &[
    <operations::Login as crate::runtime::mock::MockOperation>::INFO,
];
/// Header, query and property names whose values never show in a failure message.
const SECRETS: &[&str] = &["Authorization", "access_token"];
crate::runtime::mock_server!(OPERATIONS, SECRETS);
impl MockServer {
    /// Sets up what [`Client::login`](crate::Client) expects and answers.
    pub fn login(&self) -> crate::runtime::mock::OperationMock<'_, operations::Login> {
        self.inner.operation()
    }
}
/// A client of `server` holding a placeholder credential for every security scheme,
/// so that a server checking credentials lets the example calls through.
pub fn example_client(server: crate::Server) -> crate::Client {
    crate::Client::builder(server)
        .bearer_token("YOUR-CREDENTIAL")
        .build()
        .unwrap_or_else(|error| panic!("a client with example credentials: {error}"))
}
/// Every operation's example call on `client`, in the order of the spec, none started:
/// what a conformance run sends to a server that validates requests.
pub fn example_calls(
    client: &crate::Client,
) -> ::std::vec::Vec<crate::runtime::mock::ExampleCall<'_>> {
    ::std::vec![crate ::runtime::mock::example_call:: < operations::Login > (client)]
}
/// One type per operation, describing it to the mock server.
pub mod operations {
    /// `POST /login`: the mock of `Client::login`.
    #[derive(Debug)]
    pub enum Login {}
    #[allow(clippy::redundant_closure)]
    impl crate::runtime::mock::MockOperation for Login {
        type Body = ();
        type Ok = crate::types::LoginResponse;
        type Error = crate::LoginError;
        type Client = crate::Client;
        const INFO: crate::runtime::mock::OperationInfo = crate::runtime::mock::OperationInfo {
            name: "login",
            method: "POST",
            path: "/login",
            body: crate::runtime::mock::BodyFormat::None,
        };
        fn ok_reply(ok: &Self::Ok) -> crate::runtime::mock::Reply {
            crate::runtime::mock::Reply::json(200, "application/json", ok)
        }
        fn error_reply(error: &Self::Error) -> crate::runtime::mock::Reply {
            match *error {}
        }
        fn example_ok() -> Self::Ok {
            crate::types::LoginResponse::new()
        }
        fn example_errors() -> ::std::vec::Vec<Self::Error> {
            ::std::vec::Vec::from([])
        }
        #[allow(deprecated)]
        fn example_call(
            client: &crate::Client,
        ) -> crate::runtime::mock::CallFuture<'_, Self::Ok, Self::Error> {
            ::std::boxed::Box::pin(async move { client.login().await })
        }
    }
}
