//! generic-login over real HTTP: an `application/x-www-form-urlencoded` login (fields in spec
//! order, unset optional fields left out, special characters percent-encoded, the `scope`
//! default), and the same error envelope on eleven statuses decoded into eleven variants.

mod common;

use common::{Reply, Server};
use generic_login::types::{ErrorDetailLocItem, ErrorEnvelope, LoginForm};
use generic_login::LoginError;
use serde_json::json;

const PATH: &str = "/api/v1/auth/login";

/// Only the required fields, and `scope` at the spec's default (the empty string).
fn minimal_form() -> LoginForm {
    LoginForm::new()
        .with_username("alice")
        .with_password("hunter2")
}

fn client_for(server: &Server) -> generic_login::Client {
    generic_login::Client::new(generic_login::Server::Custom(server.url().to_string()))
        .expect("the client builds")
}

async fn sent_form(form: &LoginForm) -> String {
    let server = Server::start(Reply::json(200, json!({"access_token": "t"}))).await;
    client_for(&server)
        .login(form)
        .await
        .expect("the 200 decodes");
    server.single_request().body_text().to_string()
}

#[tokio::test]
async fn login_sends_a_form_and_decodes_200_with_defaults() {
    let server = Server::start(
        Reply::json(200, json!({"access_token": "at-123"})).header("set-cookie", "sid=1"),
    )
    .await;
    let response = client_for(&server)
        .login(&minimal_form())
        .await
        .expect("the 200 decodes");

    let request = server.single_request();
    assert_eq!(request.method, "POST");
    assert_eq!(request.target, PATH);
    let expected = "username=alice&password=hunter2&scope=";
    request.assert_headers(&[
        ("content-type", "application/x-www-form-urlencoded"),
        ("content-length", &expected.len().to_string()),
        ("user-agent", "generic-login/0.2.0"),
        ("accept", "application/json"),
        ("host", server.url().trim_start_matches("http://")),
    ]);
    assert_eq!(request.body_text(), expected);

    assert_eq!(response.status, 200);
    assert_eq!(response.headers["set-cookie"], "sid=1");
    let token = response.body;
    assert_eq!(
        token.access_token.as_ref().map(|t| t.expose().as_str()),
        Some("at-123")
    );
    // Absent from the body: absent in the value (the page gives no defaults).
    assert_eq!(token.token_type, None);
    assert_eq!(token.orgs, None);
}

#[tokio::test]
async fn login_decodes_orgs() {
    let reply = json!({
        "access_token": "at",
        "token_type": "Bearer",
        "orgs": [{"id": "o1", "name": "One"}, {"id": "o2", "name": "Two"}]
    });
    let server = Server::start(Reply::json(200, reply.clone())).await;
    let token = client_for(&server)
        .login(&minimal_form())
        .await
        .expect("the 200 decodes")
        .body;
    assert_eq!(token.token_type.as_deref(), Some("Bearer"));
    let orgs: Vec<(Option<&str>, Option<&str>)> = token
        .orgs
        .iter()
        .flatten()
        .map(|o| (o.id.as_deref(), o.name.as_deref()))
        .collect();
    assert_eq!(orgs, [(Some("o1"), Some("One")), (Some("o2"), Some("Two"))]);
}

#[tokio::test]
async fn the_pages_own_example_and_unseen_fields_decode() {
    // The page's 200 example is `{"orgs": []}`; an org entry without `id`/`name` (which the
    // page does not show) decodes, and fields the page does not show are kept.
    let server = Server::sequence(vec![
        Reply::json(200, json!({"orgs": []})),
        Reply::json(
            200,
            json!({"access_token": "at", "orgs": [{"slug": "acme"}], "refresh_token": "rt"}),
        ),
    ])
    .await;
    let client = client_for(&server);
    let first = client
        .login(&minimal_form())
        .await
        .expect("the example decodes");
    assert_eq!(first.body.orgs, Some(Vec::new()));
    assert_eq!(first.body.access_token, None);
    let second = client
        .login(&minimal_form())
        .await
        .expect("an open org decodes");
    let orgs = second.body.orgs.expect("orgs");
    assert_eq!(orgs[0].id, None);
    assert_eq!(orgs[0].additional_properties["slug"], json!("acme"));
    assert_eq!(
        second.body.additional_properties["refresh_token"],
        json!("rt")
    );
}

#[tokio::test]
async fn every_field_goes_out_in_spec_order() {
    let form = LoginForm::new()
        .with_username("alice")
        .with_password("hunter2")
        .with_grant_type("password")
        .with_scope("read write")
        .with_client_id(Some("cid".into()))
        .with_client_secret(Some("csecret".into()));
    assert_eq!(
        sent_form(&form).await,
        "grant_type=password&username=alice&password=hunter2&scope=read+write&client_id=cid&client_secret=csecret"
    );
}

#[tokio::test]
async fn null_optional_fields_are_left_out_of_the_form() {
    // A form cannot carry `null`: an explicit null is sent like an absent field.
    let form = minimal_form().with_client_id(None).with_client_secret(None);
    assert_eq!(
        sent_form(&form).await,
        "username=alice&password=hunter2&scope="
    );
}

#[tokio::test]
async fn special_characters_are_percent_encoded() {
    let form = LoginForm::new()
        .with_username("a&b=c d+e")
        .with_password("pä ss/%?#")
        .with_scope("openid profile+email");
    let body = sent_form(&form).await;
    assert_eq!(
        body,
        "username=a%26b%3Dc+d%2Be&password=p%C3%A4+ss%2F%25%3F%23&scope=openid+profile%2Bemail"
    );
    // And a standard form decoder reads back exactly what was set.
    let decoded: Vec<(String, String)> = reqwest::Url::parse(&format!("http://x/?{body}"))
        .expect("a URL")
        .query_pairs()
        .map(|(k, v)| (k.into_owned(), v.into_owned()))
        .collect();
    let expected = [
        ("username", "a&b=c d+e"),
        ("password", "pä ss/%?#"),
        ("scope", "openid profile+email"),
    ];
    let expected: Vec<(String, String)> = expected
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect();
    assert_eq!(decoded, expected);
}

#[test]
fn scope_defaults_to_empty_when_read_back() {
    let form: LoginForm =
        serde_json::from_value(json!({"username": "u", "password": "p"})).expect("decodes");
    assert_eq!(form.scope, "");
    assert_eq!(form.grant_type, None);
    assert_eq!(form.client_id, None);
}

/// The error statuses the spec declares, in order.
const DECLARED: [u16; 11] = [400, 401, 403, 404, 409, 422, 426, 429, 500, 502, 504];

/// The status each variant stands for. The enum is `#[non_exhaustive]`, so a variant the
/// spec gains later fails here at run time rather than at compile time.
fn variant_status(error: &LoginError) -> (u16, &ErrorEnvelope) {
    match error {
        LoginError::BadRequest(e) => (400, e),
        LoginError::Unauthorized(e) => (401, e),
        LoginError::Forbidden(e) => (403, e),
        LoginError::NotFound(e) => (404, e),
        LoginError::Conflict(e) => (409, e),
        LoginError::UnprocessableEntity(e) => (422, e),
        LoginError::UpgradeRequired(e) => (426, e),
        LoginError::TooManyRequests(e) => (429, e),
        LoginError::InternalServerError(e) => (500, e),
        LoginError::BadGateway(e) => (502, e),
        LoginError::GatewayTimeout(e) => (504, e),
        other => panic!("a variant this test does not know: {other:?}"),
    }
}

#[tokio::test]
async fn the_same_envelope_on_eleven_statuses_is_eleven_variants() {
    // The page's own example: the very same body under every status.
    let envelope =
        json!({"code": 401, "detail": "Authentication failed", "type": "authentication_error"});
    let server = Server::sequence(
        DECLARED
            .iter()
            .map(|status| Reply::json(*status, envelope.clone()))
            .collect(),
    )
    .await;
    let client = client_for(&server);
    let mut seen = Vec::new();
    for status in DECLARED {
        let error = client
            .login(&minimal_form())
            .await
            .expect_err("an error status");
        assert_eq!(error.status().map(|s| s.as_u16()), Some(status));
        let Some(declared) = error.declared() else {
            panic!("{status}: expected a declared status, got {error:?}");
        };
        let (variant, body) = variant_status(declared);
        assert_eq!(variant, status, "{declared:?}");
        assert_eq!(body.code, Some(401));
        assert_eq!(body.detail.as_deref(), Some("Authentication failed"));
        assert_eq!(body.r#type.as_deref(), Some("authentication_error"));
        assert_eq!(body.errors, None);
        seen.push(std::mem::discriminant(declared));
    }
    seen.dedup();
    assert_eq!(seen.len(), DECLARED.len());
    assert_eq!(server.requests().len(), DECLARED.len());
}

#[tokio::test]
async fn a_422_with_validation_details_decodes() {
    let envelope = json!({
        "code": 422,
        "detail": "Validation error",
        "type": "validation_error",
        "errors": [{"loc": ["body", "username", 0], "msg": "field required", "type": "missing"}]
    });
    let server = Server::start(Reply::json(422, envelope.clone())).await;
    let error = client_for(&server)
        .login(&minimal_form())
        .await
        .expect_err("422");
    let Some(LoginError::UnprocessableEntity(body)) = error.into_declared() else {
        panic!("expected UnprocessableEntity");
    };
    let errors = body.errors.expect("errors is present");
    assert_eq!(
        errors[0].loc,
        Some(vec![
            ErrorDetailLocItem::String("body".into()),
            ErrorDetailLocItem::String("username".into()),
            ErrorDetailLocItem::Integer(0)
        ])
    );
    assert_eq!(errors[0].msg.as_deref(), Some("field required"));
    assert_eq!(errors[0].r#type.as_deref(), Some("missing"));
}

#[tokio::test]
async fn undeclared_statuses_are_unexpected() {
    for status in [402u16, 418, 503] {
        let server = Server::start(Reply::json(status, json!({"code": status}))).await;
        let error = client_for(&server)
            .login(&minimal_form())
            .await
            .expect_err("an error status");
        assert!(
            matches!(error.kind(), generic_login::ErrorKind::UnexpectedStatus)
                && error.status().map(|s| s.as_u16()) == Some(status),
            "{status}: {error:?}"
        );
    }
}

#[test]
fn default_server_is_the_spec_url() {
    assert_eq!(
        generic_login::Server::default().url(),
        "https://example.com"
    );
}
