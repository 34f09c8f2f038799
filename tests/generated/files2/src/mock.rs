// Generated from `tests/specs/files2.yaml` by `cargo xtask codegen`; do not edit.

//! A typed mock server of this API, for the tests of programs that use it. Start it,
//! point a `Client` at it, and say per operation what it expects and answers, with the
//! crate's own types; a request no expectation matches fails the test.
use crate::runtime::mock;
/// The operations, as the mock server matches and names them.
const OPERATIONS: &[mock::OperationInfo] = &[
    <operations::ListFiles as mock::MockOperation>::INFO,
    <operations::UploadFile as mock::MockOperation>::INFO,
    <operations::GetFile as mock::MockOperation>::INFO,
];
/// Header, query and property names whose values never show in a failure message.
const SECRETS: &[&str] = &["X-API-Key"];
crate::runtime::mock_server!(OPERATIONS, SECRETS);
impl MockServer {
    /// Sets up what [`Client::list_files`](crate::Client) expects and answers.
    pub fn list_files(&self) -> mock::OperationMock<'_, operations::ListFiles> {
        self.inner.operation()
    }
    /// Sets up what [`Client::upload_file`](crate::Client) expects and answers.
    pub fn upload_file(&self) -> mock::OperationMock<'_, operations::UploadFile> {
        self.inner.operation()
    }
    /// Sets up what [`Client::get_file`](crate::Client) expects and answers.
    pub fn get_file(&self) -> mock::OperationMock<'_, operations::GetFile> {
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
pub fn example_calls(client: &crate::Client) -> ::std::vec::Vec<mock::ExampleCall<'_>> {
    ::std::vec![
        mock::example_call:: < operations::ListFiles > (client), mock::example_call:: <
        operations::UploadFile > (client), mock::example_call:: < operations::GetFile >
        (client)
    ]
}
/// One type per operation, describing it to the mock server.
pub mod operations {
    #![allow(clippy::redundant_closure, deprecated)]
    use crate::runtime::mock;
    /// `GET /files`: the mock of `Client::list_files`.
    #[derive(Debug)]
    pub enum ListFiles {}
    impl mock::MockOperation for ListFiles {
        type Body = ();
        type Ok = ::std::vec::Vec<crate::types::File>;
        type Error = crate::ListFilesError;
        type Errors = ListFiles;
        type Client = crate::Client;
        const INFO: mock::OperationInfo = mock::OperationInfo {
            name: "list_files",
            method: "GET",
            path: "/files",
            body: mock::BodyFormat::None,
        };
        fn ok_reply(ok: &Self::Ok) -> mock::Reply {
            mock::Reply::json(200, "application/json", ok)
        }
        fn example_ok() -> Self::Ok {
            Vec::from([crate::types::File::new("f-1", "report.pdf", 1024)])
        }
        fn example_call(
            client: &crate::Client,
        ) -> mock::CallFuture<'_, Self::Ok, Self::Error> {
            ::std::boxed::Box::pin(async move { client.list_files().await })
        }
    }
    impl mock::MockErrors for ListFiles {
        type Error = crate::ListFilesError;
        fn reply(error: &Self::Error) -> mock::Reply {
            match error {
                crate::ListFilesError::Unauthorized(body) => {
                    mock::Reply::json(401, "application/json", body)
                }
            }
        }
        fn examples() -> ::std::vec::Vec<Self::Error> {
            ::std::vec::Vec::from([
                crate::ListFilesError::Unauthorized(
                    crate::types::Problem::new("Not found."),
                ),
            ])
        }
    }
    /// `POST /files`: the mock of `Client::upload_file`.
    #[derive(Debug)]
    pub enum UploadFile {}
    impl mock::MockOperation for UploadFile {
        type Body = crate::types::UploadFileBody;
        type Ok = crate::types::File;
        type Error = crate::UploadFileError;
        type Errors = UploadFile;
        type Client = crate::Client;
        const INFO: mock::OperationInfo = mock::OperationInfo {
            name: "upload_file",
            method: "POST",
            path: "/files",
            body: mock::BodyFormat::Other,
        };
        fn ok_reply(ok: &Self::Ok) -> mock::Reply {
            mock::Reply::json(201, "application/json", ok)
        }
        fn example_ok() -> Self::Ok {
            crate::types::File::new("f-1", "report.pdf", 1024)
        }
        fn example_call(
            client: &crate::Client,
        ) -> mock::CallFuture<'_, Self::Ok, Self::Error> {
            ::std::boxed::Box::pin(async move {
                let body = crate::types::UploadFileBody::new(Vec::new(), "example");
                client.upload_file(&body).await
            })
        }
    }
    impl mock::MockErrors for UploadFile {
        type Error = crate::UploadFileError;
        fn reply(error: &Self::Error) -> mock::Reply {
            match error {
                crate::UploadFileError::BadRequest(body) => {
                    mock::Reply::json(400, "application/json", body)
                }
                crate::UploadFileError::Unauthorized(body) => {
                    mock::Reply::json(401, "application/json", body)
                }
            }
        }
        fn examples() -> ::std::vec::Vec<Self::Error> {
            ::std::vec::Vec::from([
                crate::UploadFileError::BadRequest(
                    crate::types::Problem::new("Not found."),
                ),
                crate::UploadFileError::Unauthorized(
                    crate::types::Problem::new("Not found."),
                ),
            ])
        }
    }
    /// `GET /files/{fileId}`: the mock of `Client::get_file`.
    #[derive(Debug)]
    pub enum GetFile {}
    impl mock::MockOperation for GetFile {
        type Body = ();
        type Ok = crate::types::File;
        type Error = crate::GetFileError;
        type Errors = GetFile;
        type Client = crate::Client;
        const INFO: mock::OperationInfo = mock::OperationInfo {
            name: "get_file",
            method: "GET",
            path: "/files/{fileId}",
            body: mock::BodyFormat::None,
        };
        fn ok_reply(ok: &Self::Ok) -> mock::Reply {
            mock::Reply::json(200, "application/json", ok)
        }
        fn example_ok() -> Self::Ok {
            crate::types::File::new("f-1", "report.pdf", 1024)
        }
        fn example_call(
            client: &crate::Client,
        ) -> mock::CallFuture<'_, Self::Ok, Self::Error> {
            ::std::boxed::Box::pin(async move {
                let file_id = String::from("example");
                client.get_file(&file_id).await
            })
        }
    }
    impl mock::MockErrors for GetFile {
        type Error = crate::GetFileError;
        fn reply(error: &Self::Error) -> mock::Reply {
            match error {
                crate::GetFileError::NotFound(body) => {
                    mock::Reply::json(404, "application/json", body)
                }
            }
        }
        fn examples() -> ::std::vec::Vec<Self::Error> {
            ::std::vec::Vec::from([
                crate::GetFileError::NotFound(crate::types::Problem::new("Not found.")),
            ])
        }
    }
}
