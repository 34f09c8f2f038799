// Generated from `specs/klearstack.yaml` by `cargo xtask codegen`; do not edit.

//! A typed mock server of this API, for the tests of programs that use it. Start it,
//! point a `Client` at it, and say per operation what it expects and answers, with the
//! crate's own types; a request no expectation matches fails the test.
/// The operations, as the mock server matches and names them.
const OPERATIONS: &[crate::runtime::mock::OperationInfo] = &[
    <operations::GetAccessToken as crate::runtime::mock::MockOperation>::INFO,
];
/// Header, query and property names whose values never show in a failure message.
const SECRETS: &[&str] = &["access_token", "password", "refresh_token"];
crate::runtime::mock_server!(OPERATIONS, SECRETS);
impl MockServer {
    /// Sets up what [`Client::get_access_token`](crate::Client) expects and answers.
    pub fn get_access_token(
        &self,
    ) -> crate::runtime::mock::OperationMock<'_, operations::GetAccessToken> {
        self.inner.operation()
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
    #[allow(clippy::redundant_closure)]
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
            crate::runtime::mock::example_or(
                "{\"refresh_token\":\"eyJ0eXAiOiJKV1QiLCJhbGciOiJIUzI1NiJ9.eyJ0b2tlbl90eXBlIjoicmVmcmVzaCIsImV4cCI6MTY1NjU3NjA5OCwiaWF0IjoxNjU2NTcdGkiOiI1ZmEzNGM4YjUyOGI0OWM3OWQzNjk5ZWJlNDRlYzUwZiIsInVzZXJfaWQiOjI2fQ.kvpMWPuxenw2c55nucfQCxHLipiO4DhK2TC5NKpJZEk\",\"access_token\":\"eyJ0eXAiOiJKV1QiLCJhbGciOiJIUzI1NiJ9.eyJ0b2tlbl90eXBlIjoiYWNjZXNzIiwiZXhwIjoxNjU2NTc2MDM4LCJpYTY1NzU5MTgsImp0aSI6IjQwMWZlYmJhODg4NDQ1MmRhN2Q3ZTA5ZjEwZmYwOWFkIiwidXNlcl9pZCI6MjZ9.sjU6iVbRRp7dTDt-l4rj7K7tKpPpaL7yskjstAUn2Zs\",\"release_version\":\"7.8.9\"}",
                || crate::types::AccessTokenResponse::new(),
            )
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
