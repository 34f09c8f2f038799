//! The client generated from a Swagger 2.0 document (`tests/specs/files2.yaml`, test-only) over real HTTP: the
//! base path joins the host as a path prefix, `collectionFormat: multi` repeats the name and
//! `csv` joins with commas, a formData `type: file` is a binary multipart part beside text and
//! repeated parts, and basic and API-key security each reach their own operations.

mod common;

use common::{Reply, Server};
use files2::types::{ListFilesFieldsItem, UploadFileBody};
use files2::{ListFilesOptions, UploadFileError};
use serde_json::json;

fn file_json() -> serde_json::Value {
    json!({"id": "f-1", "name": "report.pdf", "size": 4, "tags": ["q3"], "note": null})
}

/// A client for the local server with the spec's base path (`/api/v2`) after it, as
/// `Server::Default` has it after the spec's host.
fn client(server: &Server) -> files2::ClientBuilder {
    files2::Client::builder(files2::Server::Custom(format!("{}/api/v2", server.url())))
}

#[test]
fn the_default_server_is_host_and_base_path() {
    assert_eq!(
        files2::Server::Default.url(),
        "https://files.example.test/api/v2"
    );
}

#[tokio::test]
async fn list_sends_multi_and_csv_lists_and_the_api_key() {
    let server = Server::start(Reply::json(200, json!([file_json()]))).await;
    let client = client(&server)
        .api_key("key-123")
        .build()
        .expect("the client builds");
    let options = ListFilesOptions::default()
        .with_tag(vec!["red".into(), "blue green".into()])
        .with_fields(vec![ListFilesFieldsItem::Id, ListFilesFieldsItem::Name])
        .with_limit(10);
    let response = client
        .list_files_with(&options)
        .await
        .expect("the 200 decodes");

    let request = server.single_request();
    assert_eq!(request.method, "GET");
    assert_eq!(
        request.target,
        "/api/v2/files?tag=red&tag=blue%20green&fields=id,name&limit=10"
    );
    request.assert_headers(&[
        ("x-api-key", "key-123"),
        ("user-agent", "files2/0.1.0"),
        ("accept", "application/json"),
        ("host", server.url().trim_start_matches("http://")),
    ]);
    assert_eq!(response.status, 200);
    assert_eq!(response.body.len(), 1);
    assert_eq!(response.body[0].name, "report.pdf");
    // `x-nullable: true` on an optional property: present and null is `Some(None)`.
    assert_eq!(response.body[0].note, Some(None));
}

#[tokio::test]
async fn upload_sends_a_binary_file_part_repeated_tags_and_basic_credentials() {
    let server = Server::start(Reply::json(201, file_json())).await;
    let client = client(&server)
        .basic_auth("jane", "s3cret")
        .api_key("not-for-this-operation")
        .build()
        .expect("the client builds");
    let body = UploadFileBody::new(vec![0x25, 0x50, 0x00, 0xff], "report.pdf")
        .with_tags(vec!["q3".into(), "draft".into()]);
    let response = client.upload_file(&body).await.expect("the 201 decodes");

    let request = server.single_request();
    assert_eq!(request.method, "POST");
    assert_eq!(request.target, "/api/v2/files");
    // `amFuZTpzM2NyZXQ=` is base64 of `jane:s3cret`; the API key is not sent: the operation
    // declares basic security only.
    assert_eq!(
        request.header("authorization"),
        Some("Basic amFuZTpzM2NyZXQ=")
    );
    assert_eq!(request.header("x-api-key"), None);
    let content_type = request.header("content-type").expect("a content type");
    assert!(
        content_type.starts_with("multipart/form-data; boundary="),
        "{content_type}"
    );
    let parts = request.multipart();
    let names: Vec<&str> = parts.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(names, ["name", "tags", "tags", "file"]);
    let file = parts
        .iter()
        .find(|p| p.name == "file")
        .expect("a file part");
    assert_eq!(file.body, [0x25, 0x50, 0x00, 0xff]);
    assert!(
        file.filename.is_some(),
        "a file part has a file name: {file:?}"
    );
    let texts: Vec<(&str, &str)> = parts
        .iter()
        .filter(|p| p.name != "file")
        .map(|p| (p.name.as_str(), p.text()))
        .collect();
    assert_eq!(
        texts,
        [("name", "report.pdf"), ("tags", "q3"), ("tags", "draft")]
    );
    assert_eq!(response.status, 201);
    assert_eq!(response.body.id, "f-1");
}

#[tokio::test]
async fn a_shared_401_response_decodes_into_the_operation_error() {
    let server = Server::start(Reply::json(401, json!({"message": "who are you"}))).await;
    let client = client(&server).build().expect("the client builds");
    let body = UploadFileBody::new(b"x".to_vec(), "x");
    let result = client.upload_file(&body).await;
    match result.as_ref().map_err(files2::Error::declared) {
        Err(Some(UploadFileError::Unauthorized(problem))) => {
            assert_eq!(problem.message, "who are you");
        }
        _ => panic!("expected Unauthorized, got {result:?}"),
    }
}

#[tokio::test]
async fn get_file_puts_the_path_parameter_after_the_base_path() {
    let server = Server::start(Reply::json(200, file_json())).await;
    let client = client(&server)
        .api_key("key-123")
        .build()
        .expect("the client builds");
    let response = client.get_file("a/b c").await.expect("the 200 decodes");
    let request = server.single_request();
    assert_eq!(request.target, "/api/v2/files/a%2Fb%20c");
    assert_eq!(request.header("x-api-key"), Some("key-123"));
    assert_eq!(response.body.size, 4);
}
