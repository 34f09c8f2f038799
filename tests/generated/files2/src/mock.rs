// Generated from `tests/specs/files2.yaml` by `cargo xtask codegen`; do not edit.

//! A typed mock server of this API, for the tests of programs that use it. Start it,
//! point a `Client` at it, and say per operation what it expects and answers, with the
//! crate's own types; a request no expectation matches fails the test.
/// The operations, as the mock server matches and names them.
const OPERATIONS: &[crate::runtime::mock::OperationInfo] = &[
    <operations::ListFiles as crate::runtime::mock::MockOperation>::INFO,
    <operations::UploadFile as crate::runtime::mock::MockOperation>::INFO,
    <operations::GetFile as crate::runtime::mock::MockOperation>::INFO,
];
/// Header, query and property names whose values never show in a failure message.
const SECRETS: &[&str] = &["X-API-Key"];
crate::runtime::mock_server!(OPERATIONS, SECRETS);
impl MockServer {
    /// Sets up what [`Client::list_files`](crate::Client) expects and answers.
    pub fn list_files(
        &self,
    ) -> crate::runtime::mock::OperationMock<'_, operations::ListFiles> {
        self.inner.operation()
    }
    /// Sets up what [`Client::upload_file`](crate::Client) expects and answers.
    pub fn upload_file(
        &self,
    ) -> crate::runtime::mock::OperationMock<'_, operations::UploadFile> {
        self.inner.operation()
    }
    /// Sets up what [`Client::get_file`](crate::Client) expects and answers.
    pub fn get_file(
        &self,
    ) -> crate::runtime::mock::OperationMock<'_, operations::GetFile> {
        self.inner.operation()
    }
}
/// A client of `server` holding a placeholder credential for every security scheme,
/// so that a server checking credentials lets the example calls through.
pub fn example_client(server: crate::Server) -> crate::Client {
    crate::Client::builder(server)
        .basic_auth("user", "password")
        .api_key("YOUR-CREDENTIAL")
        .build()
        .unwrap_or_else(|error| panic!("a client with example credentials: {error}"))
}
/// Every operation's example call on `client`, in the order of the spec, none started:
/// what a conformance run sends to a server that validates requests.
pub fn example_calls(
    client: &crate::Client,
) -> ::std::vec::Vec<crate::runtime::mock::ExampleCall<'_>> {
    ::std::vec![
        crate ::runtime::mock::example_call:: < operations::ListFiles > (client), crate
        ::runtime::mock::example_call:: < operations::UploadFile > (client), crate
        ::runtime::mock::example_call:: < operations::GetFile > (client)
    ]
}
/// One type per operation, describing it to the mock server.
pub mod operations {
    /// `GET /files`: the mock of `Client::list_files`.
    #[derive(Debug)]
    pub enum ListFiles {}
    #[allow(clippy::redundant_closure)]
    impl crate::runtime::mock::MockOperation for ListFiles {
        type Body = ();
        type Ok = ::std::vec::Vec<crate::types::File>;
        type Error = crate::ListFilesError;
        type Client = crate::Client;
        const INFO: crate::runtime::mock::OperationInfo = crate::runtime::mock::OperationInfo {
            name: "list_files",
            method: "GET",
            path: "/files",
            body: crate::runtime::mock::BodyFormat::None,
        };
        fn ok_reply(ok: &Self::Ok) -> crate::runtime::mock::Reply {
            crate::runtime::mock::Reply::json(200, "application/json", ok)
        }
        fn error_reply(error: &Self::Error) -> crate::runtime::mock::Reply {
            match error {
                crate::ListFilesError::Unauthorized(body) => {
                    crate::runtime::mock::Reply::json(401, "application/json", body)
                }
            }
        }
        fn example_ok() -> Self::Ok {
            Vec::from([crate::types::File::new("f-1", "report.pdf", 1024)])
        }
        fn example_errors() -> ::std::vec::Vec<Self::Error> {
            ::std::vec::Vec::from([
                crate::ListFilesError::Unauthorized(
                    crate::types::Problem::new("Not found."),
                ),
            ])
        }
        #[allow(deprecated)]
        fn example_call(
            client: &crate::Client,
        ) -> crate::runtime::mock::CallFuture<'_, Self::Ok, Self::Error> {
            ::std::boxed::Box::pin(async move { client.list_files().await })
        }
    }
    /// `POST /files`: the mock of `Client::upload_file`.
    #[derive(Debug)]
    pub enum UploadFile {}
    #[allow(clippy::redundant_closure)]
    impl crate::runtime::mock::MockOperation for UploadFile {
        type Body = crate::types::UploadFileBody;
        type Ok = crate::types::File;
        type Error = crate::UploadFileError;
        type Client = crate::Client;
        const INFO: crate::runtime::mock::OperationInfo = crate::runtime::mock::OperationInfo {
            name: "upload_file",
            method: "POST",
            path: "/files",
            body: crate::runtime::mock::BodyFormat::Other,
        };
        fn ok_reply(ok: &Self::Ok) -> crate::runtime::mock::Reply {
            crate::runtime::mock::Reply::json(201, "application/json", ok)
        }
        fn error_reply(error: &Self::Error) -> crate::runtime::mock::Reply {
            match error {
                crate::UploadFileError::BadRequest(body) => {
                    crate::runtime::mock::Reply::json(400, "application/json", body)
                }
                crate::UploadFileError::Unauthorized(body) => {
                    crate::runtime::mock::Reply::json(401, "application/json", body)
                }
            }
        }
        fn example_ok() -> Self::Ok {
            crate::types::File::new("f-1", "report.pdf", 1024)
        }
        fn example_errors() -> ::std::vec::Vec<Self::Error> {
            ::std::vec::Vec::from([
                crate::UploadFileError::BadRequest(
                    crate::types::Problem::new("Not found."),
                ),
                crate::UploadFileError::Unauthorized(
                    crate::types::Problem::new("Not found."),
                ),
            ])
        }
        #[allow(deprecated)]
        fn example_call(
            client: &crate::Client,
        ) -> crate::runtime::mock::CallFuture<'_, Self::Ok, Self::Error> {
            ::std::boxed::Box::pin(async move {
                let body = crate::types::UploadFileBody::new(Vec::new(), "example");
                client.upload_file(&body).await
            })
        }
    }
    /// `GET /files/{fileId}`: the mock of `Client::get_file`.
    #[derive(Debug)]
    pub enum GetFile {}
    #[allow(clippy::redundant_closure)]
    impl crate::runtime::mock::MockOperation for GetFile {
        type Body = ();
        type Ok = crate::types::File;
        type Error = crate::GetFileError;
        type Client = crate::Client;
        const INFO: crate::runtime::mock::OperationInfo = crate::runtime::mock::OperationInfo {
            name: "get_file",
            method: "GET",
            path: "/files/{fileId}",
            body: crate::runtime::mock::BodyFormat::None,
        };
        fn ok_reply(ok: &Self::Ok) -> crate::runtime::mock::Reply {
            crate::runtime::mock::Reply::json(200, "application/json", ok)
        }
        fn error_reply(error: &Self::Error) -> crate::runtime::mock::Reply {
            match error {
                crate::GetFileError::NotFound(body) => {
                    crate::runtime::mock::Reply::json(404, "application/json", body)
                }
            }
        }
        fn example_ok() -> Self::Ok {
            crate::types::File::new("f-1", "report.pdf", 1024)
        }
        fn example_errors() -> ::std::vec::Vec<Self::Error> {
            ::std::vec::Vec::from([
                crate::GetFileError::NotFound(crate::types::Problem::new("Not found.")),
            ])
        }
        #[allow(deprecated)]
        fn example_call(
            client: &crate::Client,
        ) -> crate::runtime::mock::CallFuture<'_, Self::Ok, Self::Error> {
            ::std::boxed::Box::pin(async move {
                let file_id = String::from("example");
                client.get_file(&file_id).await
            })
        }
    }
}
