//! `specs/generic-login.yaml`: `POST /api/v1/auth/login`, a form-urlencoded body; eleven error
//! statuses declared, all with the same envelope.

use ::generic_login::types::LoginForm;
use ::generic_login::{Client, LoginError, Server};

use super::support;

pub const SPEC: &str = "generic-login";

/// Every error status the spec declares.
const DECLARED_ERRORS: [u16; 11] = [400, 401, 403, 404, 409, 422, 426, 429, 500, 502, 504];

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

/// The credentials (no field is required; `scope` always has its default).
fn minimal_form() -> LoginForm {
    LoginForm::new()
        .with_username("user")
        .with_password("password")
}

/// Every field set, the nullable ones to values.
fn full_form() -> LoginForm {
    minimal_form()
        .with_grant_type("password")
        .with_scope("read write")
        .with_client_id(Some("client".to_string()))
        .with_client_secret(Some("client secret".into()))
}

/// The status each declared error variant stands for; a variant added later panics here.
fn status_of(error: &LoginError) -> u16 {
    match error {
        LoginError::BadRequest(_) => 400,
        LoginError::Unauthorized(_) => 401,
        LoginError::Forbidden(_) => 403,
        LoginError::NotFound(_) => 404,
        LoginError::Conflict(_) => 409,
        LoginError::UnprocessableEntity(_) => 422,
        LoginError::UpgradeRequired(_) => 426,
        LoginError::TooManyRequests(_) => 429,
        LoginError::InternalServerError(_) => 500,
        LoginError::BadGateway(_) => 502,
        LoginError::GatewayTimeout(_) => 504,
        other => panic!("a variant this test does not know: {other:?}"),
    }
}

#[tokio::test]
async fn valid_request_is_accepted_and_decodes() {
    let url = support::mock_url(SPEC);
    for (what, form) in [
        ("login with the required fields", minimal_form()),
        ("login with every field", full_form()),
    ] {
        let response = client(&url)
            .login(&form)
            .await
            .unwrap_or_else(|e| panic!("{what}: {e:?}; {}", support::see_log(SPEC)));
        assert_eq!(response.status.as_u16(), 200, "{what}");
        support::assert_no_violations(what, &response.headers);
        let _: ::generic_login::types::TokenResponse = response.body;
    }
}

#[tokio::test]
async fn every_declared_error_decodes_into_its_variant() {
    let url = support::mock_url(SPEC);
    for status in DECLARED_ERRORS {
        match client_preferring(&url, status).login(&minimal_form()).await {
            Err(error) if error.declared().is_some() => {
                let declared = error.declared().expect("declared");
                assert_eq!(status_of(declared), status, "{error:?}")
            }
            other => panic!("Prefer: code={status}: expected a typed error, got {other:?}"),
        }
    }
}

/// The page marks no field of the form required, so the spec requires none: a form with a
/// username only is accepted, and the mock answers with the page's own example
/// (`{"orgs": []}`), which decodes.
#[tokio::test]
async fn a_form_without_password_is_accepted_and_the_pages_example_decodes() {
    let url = support::mock_url(SPEC);
    let response = client(&url)
        .login(&LoginForm::new().with_username("user"))
        .await
        .unwrap_or_else(|e| panic!("{e:?}; {}", support::see_log(SPEC)));
    assert_eq!(response.status.as_u16(), 200);
    support::assert_no_violations("username only", &response.headers);
    assert_eq!(response.body.orgs, Some(Vec::new()));
    assert_eq!(response.body.access_token, None);
}
