//! `specs/klearstack.yaml`: `POST /access/klearstack/get_access_token`, a multipart form; a
//! plain-text 500 declared, no 4xx (so Prism rejects invalid requests with its own
//! `problem+json`).

use ::klearstack::types::GetAccessTokenRequest;
use ::klearstack::{Client, Error, GetAccessTokenError, Server};

use super::support;

pub const SPEC: &str = "klearstack";

const PATH: &str = "/access/klearstack/get_access_token";

fn client(url: &str) -> Client {
    Client::builder(Server::Custom(url.to_string()))
        .build()
        .expect("the client builds")
}

fn body() -> GetAccessTokenRequest {
    GetAccessTokenRequest::new("user", "password", "company")
}

#[tokio::test]
async fn valid_request_is_accepted_and_decodes() {
    let url = support::mock_url(SPEC);
    let what = "multipart get_access_token";
    let response = client(&url)
        .get_access_token(&body())
        .await
        .unwrap_or_else(|e| panic!("{what}: {e:?}; {}", support::see_log(SPEC)));
    assert_eq!(response.status.as_u16(), 200, "{what}");
    support::assert_no_violations(what, &response.headers);
    let _: ::klearstack::types::AccessTokenResponse = response.body;
}

/// The 500 is declared as `text/plain`: the client hands over the text.
#[tokio::test]
async fn declared_500_decodes_into_its_text_variant() {
    let url = support::mock_url(SPEC);
    let client = Client::builder(Server::Custom(url))
        .default_header("Prefer", support::prefer_code(500))
        .build()
        .expect("the client builds");
    let result = client.get_access_token(&body()).await;
    match result.as_ref().map_err(Error::declared) {
        Err(Some(GetAccessTokenError::InternalServerError(text))) => {
            let text: &String = text;
            assert!(!text.is_empty(), "the 500's text is empty");
        }
        _ => panic!("Prefer: code=500: expected InternalServerError, got {result:?}"),
    }
}

/// Without the required `company_name` part Prism rejects the form and names the property.
#[tokio::test]
async fn request_without_company_name_is_rejected() {
    let url = support::mock_url(SPEC);
    let form = reqwest::multipart::Form::new()
        .text("username", "user")
        .text("password", "password");
    let request = reqwest::Client::new()
        .post(format!("{url}{PATH}"))
        .multipart(form);
    let answer = support::send_by_hand(request).await;
    support::assert_rejected_for_missing(&answer, "company_name");
}
