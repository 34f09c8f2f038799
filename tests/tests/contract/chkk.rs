//! `specs/chkk.yaml`: `POST /login`, no body, an API key in the `Authorization` header; only 200
//! declared. Its 200 schema requires two properties it never defines (`continuation_token`,
//! `orgs`), so Prism flags its own response: those response violations are expected.

use ::chkk::{Client, ErrorKind, Server};

use super::support;

pub const SPEC: &str = "chkk";

fn client_with_key(url: &str) -> Client {
    Client::builder(Server::Custom(url.to_string()))
        .bearer_token("contract-test-key")
        .build()
        .expect("the client builds")
}

#[tokio::test]
async fn valid_request_is_accepted_and_decodes() {
    let url = support::mock_url(SPEC);
    let what = "POST /login with an Authorization key";
    let response = client_with_key(&url)
        .login()
        .await
        .unwrap_or_else(|e| panic!("{what}: {e:?}; {}", support::see_log(SPEC)));
    assert_eq!(response.status.as_u16(), 200, "{what}");
    support::assert_no_request_violations(what, &response.headers);
    // Prism fills every property the schema defines: both optional members are present, and the
    // nested `additionalProperties` maps decoded into `AccessToken`s.
    let body: ::chkk::types::LoginResponse = response.body;
    let orgs = body.access_tokens.expect("access_tokens is present");
    assert!(
        orgs.values().flat_map(|accounts| accounts.values()).count() > 0,
        "{what}: no AccessToken decoded"
    );
    assert!(body.user.is_some(), "{what}: user is missing");
}

/// Prism enforces the security requirement; the spec declares no 401, so the client reports it
/// as an unexpected status.
#[tokio::test]
async fn request_without_credentials_is_an_unexpected_401() {
    let url = support::mock_url(SPEC);
    let client = Client::builder(Server::Custom(url))
        .build()
        .expect("the client builds");
    match client.login().await {
        Err(error) if matches!(error.kind(), ErrorKind::UnexpectedStatus) => {
            assert_eq!(error.status().map(|s| s.as_u16()), Some(401))
        }
        other => {
            panic!("POST /login without credentials: expected UnexpectedStatus 401, got {other:?}")
        }
    }
}

/// No error status is declared, so none can be forced: Prism answers 404 for the request, and
/// the client reports that as an unexpected status too.
#[tokio::test]
async fn undeclared_status_cannot_be_forced() {
    let url = support::mock_url(SPEC);
    let client = Client::builder(Server::Custom(url))
        .bearer_token("contract-test-key")
        .default_header("Prefer", support::prefer_code(500))
        .build()
        .expect("the client builds");
    match client.login().await {
        Err(error) if matches!(error.kind(), ErrorKind::UnexpectedStatus) => {
            assert_eq!(error.status().map(|s| s.as_u16()), Some(404))
        }
        other => panic!("Prefer: code=500: expected UnexpectedStatus 404, got {other:?}"),
    }
}
