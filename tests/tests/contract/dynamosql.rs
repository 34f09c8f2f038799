//! `specs/dynamosql.yaml`: `POST /v1/auth/token`, a JSON body, an `allOf` success type with an
//! example; 400, 401 and 429 declared.

use ::dynamosql::types::AuthTokenBody;
use ::dynamosql::{AuthTokenError, Client, Server};

use super::support;

pub const SPEC: &str = "dynamosql";

fn client(url: &str) -> Client {
    Client::builder(Server::Custom(url.to_string()))
        .build()
        .expect("the client builds")
}

fn client_preferring(url: &str, status: u16) -> Client {
    Client::builder(Server::Custom(url.to_string()))
        .default_header("Prefer", support::prefer_code(status))
        .build()
        .expect("the client builds")
}

fn body() -> AuthTokenBody {
    AuthTokenBody::new("client", "secret")
}

/// The status each declared error variant stands for; a variant added later panics here.
fn status_of(error: &AuthTokenError) -> u16 {
    match error {
        AuthTokenError::BadRequest(_) => 400,
        AuthTokenError::Unauthorized(_) => 401,
        AuthTokenError::TooManyRequests(_) => 429,
        other => panic!("a variant this test does not know: {other:?}"),
    }
}

#[tokio::test]
async fn valid_request_is_accepted_and_decodes() {
    let url = support::mock_url(SPEC);
    let what = "POST /v1/auth/token";
    let response = client(&url)
        .auth_token(&body())
        .await
        .unwrap_or_else(|e| panic!("{what}: {e:?}; {}", support::see_log(SPEC)));
    assert_eq!(response.status.as_u16(), 200, "{what}");
    support::assert_no_violations(what, &response.headers);
    // The spec's example has `data`; it decoded into the object from the `allOf`'s second part.
    let body: ::dynamosql::types::AuthTokenResponse = response.body;
    let data: ::dynamosql::types::AuthTokenResponseData = body.data.expect("data is present");
    assert!(
        data.access_token.is_some(),
        "{what}: accessToken is missing"
    );
}

#[tokio::test]
async fn every_declared_error_decodes_into_its_variant() {
    let url = support::mock_url(SPEC);
    for status in [400, 401, 429] {
        match client_preferring(&url, status).auth_token(&body()).await {
            Err(error) if error.declared().is_some() => {
                let declared = error.declared().expect("declared");
                assert_eq!(status_of(declared), status, "{error:?}")
            }
            other => panic!("Prefer: code={status}: expected a typed error, got {other:?}"),
        }
    }
}

/// Without the required `clientSecret` Prism answers with the spec's 400 and names the property.
#[tokio::test]
async fn request_without_client_secret_is_rejected() {
    let url = support::mock_url(SPEC);
    let request = reqwest::Client::new()
        .post(format!("{url}/v1/auth/token"))
        .header("content-type", "application/json")
        .body(serde_json::json!({ "clientId": "client" }).to_string());
    let answer = support::send_by_hand(request).await;
    support::assert_rejected_for_missing(&answer, "clientSecret");
}
