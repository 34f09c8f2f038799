//! `tests/specs/files2.yaml`, a test-only Swagger 2.0 document that Prism reads as written (not our 3.0
//! conversion): `GET /files` with `multi` and `csv` query lists under an API key, a multipart
//! upload with a file part under basic credentials, and a path parameter. Prism ignores the
//! base path, so the client's base URL is the mock's.

use ::files2::types::{ListFilesFieldsItem, UploadFileBody};
use ::files2::{Client, Error, GetFileError, ListFilesError, ListFilesOptions, Server};

use super::support;

pub const SPEC: &str = "files2";

fn client(url: &str) -> ::files2::ClientBuilder {
    Client::builder(Server::Custom(url.to_string()))
        .api_key("key-123")
        .basic_auth("jane", "s3cret")
}

fn options() -> ListFilesOptions {
    ListFilesOptions::default()
        .with_tag(vec!["red".into(), "blue".into()])
        .with_fields(vec![ListFilesFieldsItem::Id, ListFilesFieldsItem::Size])
        .with_limit(5)
}

/// Prism splits `fields` at commas and checks each item against the enum, so a wrongly
/// joined list would be refused.
#[tokio::test]
async fn listing_with_multi_and_csv_lists_is_accepted_and_decodes() {
    let url = support::mock_url(SPEC);
    let client = client(&url).build().expect("the client builds");
    let what = "list_files";
    let response = client
        .list_files_with(&options())
        .await
        .unwrap_or_else(|e| panic!("{what}: {e:?}; {}", support::see_log(SPEC)));
    assert_eq!(response.status, 200, "{what}");
    support::assert_no_violations(what, &response.headers);
    let _: Vec<::files2::types::File> = response.body;
}

#[tokio::test]
async fn upload_with_a_file_part_and_basic_credentials_is_accepted() {
    let url = support::mock_url(SPEC);
    let client = client(&url).build().expect("the client builds");
    let body = UploadFileBody::new(vec![0x25, 0x50, 0x44, 0x46], "report.pdf")
        .with_tags(vec!["q3".into(), "draft".into()]);
    let what = "upload_file";
    let response = client
        .upload_file(&body)
        .await
        .unwrap_or_else(|e| panic!("{what}: {e:?}; {}", support::see_log(SPEC)));
    assert_eq!(response.status, 201, "{what}");
    support::assert_no_violations(what, &response.headers);
}

#[tokio::test]
async fn declared_errors_decode_into_their_variants() {
    let url = support::mock_url(SPEC);
    let forced = |status: u16| {
        client(&url)
            .default_header("Prefer", support::prefer_code(status))
            .build()
            .expect("the client builds")
    };
    let result = forced(404).get_file("f-1").await;
    match result.as_ref().map_err(Error::declared) {
        Err(Some(GetFileError::NotFound(problem))) => {
            assert!(!problem.message.is_empty());
        }
        _ => panic!("Prefer: code=404: expected NotFound, got {result:?}"),
    }
    // The 401 is a shared response (`#/responses/Unauthorized`) in the 2.0 document.
    let result = forced(401).list_files_with(&options()).await;
    match result.as_ref().map_err(Error::declared) {
        Err(Some(ListFilesError::Unauthorized(problem))) => {
            assert!(!problem.message.is_empty());
        }
        _ => panic!("Prefer: code=401: expected Unauthorized, got {result:?}"),
    }
}

/// Validation is live: an item outside the enum inside the comma-separated list is refused,
/// and so is an upload without credentials.
#[tokio::test]
async fn invalid_requests_are_rejected() {
    let url = support::mock_url(SPEC);
    let request = reqwest::Client::new()
        .get(format!("{url}/files?fields=id,bogus"))
        .header("X-API-Key", "key-123");
    let answer = support::send_by_hand(request).await;
    assert_eq!(answer.status, 422, "{}", answer.body);
    assert!(
        answer
            .violations
            .iter()
            .any(|v| v.code == "enum" && v.location.iter().any(|l| l == "fields")),
        "{:#?}",
        answer.violations
    );
    // Labelled: the multipart reader Prism uses stops on a file part without a media type.
    let file = reqwest::multipart::Part::bytes(vec![1])
        .file_name("x")
        .mime_str("application/octet-stream")
        .expect("a media type");
    let form = reqwest::multipart::Form::new()
        .text("name", "x")
        .part("file", file);
    let request = reqwest::Client::new()
        .post(format!("{url}/files"))
        .multipart(form);
    let answer = support::send_by_hand(request).await;
    assert_eq!(answer.status, 401, "{}", answer.body);
}
