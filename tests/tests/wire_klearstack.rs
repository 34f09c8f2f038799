//! KlearStack over real HTTP: a `multipart/form-data` login with three named text parts, a
//! plain-text 500 that arrives as a `String`, and a base URL that is a server variable (default
//! and override), joined to the operation path with or without slashes and prefixes.

mod common;

use common::{Reply, Server};
use klearstack::types::GetAccessTokenRequest;
use klearstack::GetAccessTokenError;
use serde_json::json;

const PATH: &str = "/access/klearstack/get_access_token";

fn form() -> GetAccessTokenRequest {
    GetAccessTokenRequest::new("jane.doe@example.com", "p@ss w0rd&=ü", "Acme & Söhne")
}

fn token_body() -> serde_json::Value {
    json!({
        "access_token": "eyJ0eXAiOiJKV1Qi.access",
        "refresh_token": "eyJ0eXAiOiJKV1Qi.refresh",
        "release_version": "7.8.9"
    })
}

/// A client whose server variable `baseUrl` is set to `base_url`.
fn client_at(base_url: String) -> klearstack::Client {
    klearstack::Client::new(klearstack::Server::YourKlearStackInstance { base_url })
        .expect("the client builds")
}

#[tokio::test]
async fn login_sends_three_named_parts_and_decodes_200() {
    let server = Server::start(Reply::json(200, token_body()).header("x-release", "7.8.9")).await;
    let response = client_at(server.url().to_string())
        .get_access_token(&form())
        .await
        .expect("the 200 decodes");

    let request = server.single_request();
    assert_eq!(request.method, "POST");
    assert_eq!(request.target, PATH);
    request.assert_headers(&[
        ("content-type", "*"),
        ("content-length", &request.body.len().to_string()),
        ("user-agent", "klearstack/0.2.0"),
        ("accept", "application/json, text/plain"),
        ("host", server.url().trim_start_matches("http://")),
    ]);
    let content_type = request.header("content-type").expect("a content type");
    assert!(
        content_type.starts_with("multipart/form-data; boundary="),
        "{content_type}"
    );
    let parts = request.multipart();
    let fields: Vec<(&str, &str)> = parts.iter().map(|p| (p.name.as_str(), p.text())).collect();
    assert_eq!(
        fields,
        [
            ("username", "jane.doe@example.com"),
            ("password", "p@ss w0rd&=ü"),
            ("company_name", "Acme & Söhne"),
        ]
    );
    // Text fields are plain form fields, not file uploads.
    assert!(parts.iter().all(|p| p.filename.is_none()), "{parts:?}");

    assert_eq!(response.status, 200);
    assert_eq!(response.headers["x-release"], "7.8.9");
    assert_eq!(
        response
            .body
            .access_token
            .as_ref()
            .map(|t| t.expose().as_str()),
        Some("eyJ0eXAiOiJKV1Qi.access")
    );
    assert_eq!(
        response
            .body
            .refresh_token
            .as_ref()
            .map(|t| t.expose().as_str()),
        Some("eyJ0eXAiOiJKV1Qi.refresh")
    );
    assert_eq!(response.body.release_version.as_deref(), Some("7.8.9"));
}

#[tokio::test]
async fn plain_text_500_arrives_as_a_string() {
    let message =
        "One or Many Required parameters from company name must be missing, E.g error “Company Name”,";
    let server = Server::start(Reply::bytes(500, "text/plain; charset=utf-8", message)).await;
    let error = client_at(server.url().to_string())
        .get_access_token(&form())
        .await
        .expect_err("500");
    match error.declared() {
        Some(GetAccessTokenError::InternalServerError(text)) => assert_eq!(text, message),
        _ => panic!("expected InternalServerError, got {error:?}"),
    }
}

#[tokio::test]
async fn plain_text_500_with_invalid_utf8_is_still_read() {
    let server = Server::start(Reply::bytes(
        500,
        "text/plain",
        b"bad \xff\xfe byte".to_vec(),
    ))
    .await;
    let error = client_at(server.url().to_string())
        .get_access_token(&form())
        .await
        .expect_err("500");
    match error.declared() {
        Some(GetAccessTokenError::InternalServerError(text)) => {
            assert_eq!(text, "bad \u{fffd}\u{fffd} byte")
        }
        _ => panic!("expected InternalServerError, got {error:?}"),
    }
}

#[tokio::test]
async fn an_empty_500_is_an_empty_string() {
    let server = Server::start(Reply::status(500)).await;
    let error = client_at(server.url().to_string())
        .get_access_token(&form())
        .await
        .expect_err("500");
    assert!(
        matches!(error.declared(), Some(GetAccessTokenError::InternalServerError(t)) if t.is_empty()),
        "{error:?}"
    );
}

#[test]
fn the_placeholder_host_is_a_required_argument() {
    // The spec's default (`https://your-klearstack-host`) is a placeholder: `Server` has no
    // `Default`, so the host must be given.
    let client = include_str!("../../generated/klearstack/src/client.rs");
    assert!(!client.contains("Default for Server"));
    assert!(client.contains("Required: the spec's default"));
    // A spec whose host is real keeps its default.
    let chift = include_str!("../../generated/chift/src/client.rs");
    assert!(chift.contains("Default for Server"));
    let own = klearstack::Server::YourKlearStackInstance {
        base_url: "https://acme.klearstack.example".into(),
    };
    assert_eq!(own.url(), "https://acme.klearstack.example");
    let client = klearstack::Client::new(own).expect("the client builds");
    assert_eq!(client.base_url(), "https://acme.klearstack.example");
}

#[tokio::test]
async fn path_joins_with_and_without_slashes_and_prefixes() {
    let cases = [
        ("", PATH.to_string()),
        ("/", PATH.to_string()),
        ("/tenant", format!("/tenant{PATH}")),
        ("/tenant/", format!("/tenant{PATH}")),
        ("/a/b", format!("/a/b{PATH}")),
    ];
    for (suffix, expected) in cases {
        let server = Server::start(Reply::json(200, token_body())).await;
        let base = format!("{}{suffix}", server.url());
        // Both the server variable and `Server::Custom` go through the same joining.
        client_at(base.clone())
            .get_access_token(&form())
            .await
            .expect("the 200 decodes");
        klearstack::Client::new(klearstack::Server::Custom(base.clone()))
            .expect("the client builds")
            .get_access_token(&form())
            .await
            .expect("the 200 decodes");
        let targets: Vec<String> = server.requests().into_iter().map(|r| r.target).collect();
        assert_eq!(targets, [expected.clone(), expected], "base URL `{base}`");
    }
}

#[tokio::test]
async fn an_invalid_base_url_is_an_error_before_sending() {
    let client = client_at("not a url".into());
    let error = client
        .get_access_token(&form())
        .await
        .expect_err("an invalid base URL");
    assert!(
        matches!(error.kind(), klearstack::ErrorKind::InvalidRequest(m) if m.contains("invalid URL")),
        "{error:?}"
    );
    assert!(
        error
            .to_string()
            .starts_with("`get_access_token`: invalid request: invalid URL"),
        "{error}"
    );
}

#[tokio::test]
async fn an_undeclared_status_is_unexpected() {
    let server = Server::start(Reply::bytes(401, "text/plain", "unauthorized")).await;
    let error = client_at(server.url().to_string())
        .get_access_token(&form())
        .await
        .expect_err("401");
    assert!(
        matches!(error.kind(), klearstack::ErrorKind::UnexpectedStatus),
        "{error:?}"
    );
    assert_eq!(error.status(), Some(reqwest::StatusCode::UNAUTHORIZED));
    assert_eq!(error.body().expect("kept").text_lossy(), "unauthorized");
}
