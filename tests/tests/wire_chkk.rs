//! Chkk over real HTTP: `POST /login` with the raw API key in `Authorization` (an `apiKey`
//! scheme, so no `Bearer ` prefix), and a realistic 200 that lacks the `continuation_token` and
//! `orgs` names the schema wrongly lists as required.

mod common;

use common::{Reply, Server};
use serde_json::json;

/// A 200 shaped like Chkk's real answer: nested `access_tokens[org][account]`, and none of the
/// names the schema lists as required but never defines.
fn realistic_login_body() -> serde_json::Value {
    json!({
        "access_tokens": {
            "org_2b1f": {
                "acct_prod": {
                    "access_token": "chkk-at-prod-7f3a",
                    "user_id": "usr_81c2",
                    "org_id": "org_2b1f",
                    "account_id": "acct_prod",
                    "created": 1_717_171_717
                },
                "acct_dev": {
                    "access_token": "chkk-at-dev-91bd",
                    "aws_identity_arn": "arn:aws:iam::123456789012:role/chkk",
                    "created": 1_717_171_800
                }
            },
            "org_9e44": {
                "acct_main": { "access_token": "chkk-at-main-0c11", "created": 1_700_000_000 }
            }
        },
        "user": {
            "user_id": "usr_81c2",
            "email": "dev@example.com",
            "name": "Dev Eloper",
            "profile_picture": "https://example.com/p.png"
        },
        "next": null
    })
}

fn client_for(base_url: String) -> chkk::Client {
    chkk::Client::builder(chkk::Server::Custom(base_url))
        .bearer_token("ck_live_key-123")
        .build()
        .expect("the client builds")
}

#[tokio::test]
async fn login_sends_the_raw_key_and_decodes_the_nested_token_map() {
    let server =
        Server::start(Reply::json(200, realistic_login_body()).header("x-request-id", "req-42"))
            .await;
    // The spec's server carries a path prefix (`/v1`): the operation path goes after it.
    let client = client_for(format!("{}/v1", server.url()));

    let response = client.login().await.expect("the 200 decodes");

    let request = server.single_request();
    assert_eq!(request.method, "POST");
    assert_eq!(request.target, "/v1/login");
    request.assert_headers(&[
        ("authorization", "ck_live_key-123"),
        // A POST without a body says so: some proxies answer 411 otherwise.
        ("content-length", "0"),
        ("user-agent", "chkk/0.1.0"),
        ("accept", "application/json"),
        ("host", server.url().trim_start_matches("http://")),
    ]);
    assert!(request.body.is_empty());

    assert_eq!(response.status, reqwest::StatusCode::OK);
    assert_eq!(response.headers["x-request-id"], "req-42");
    let body = response.body;
    let tokens = body.access_tokens.expect("access_tokens is present");
    assert_eq!(tokens.len(), 2);
    let prod = &tokens["org_2b1f"]["acct_prod"];
    assert_eq!(prod.access_token.expose(), "chkk-at-prod-7f3a");
    assert_eq!(prod.created, 1_717_171_717);
    assert_eq!(prod.user_id.as_deref(), Some("usr_81c2"));
    assert_eq!(prod.org_id.as_deref(), Some("org_2b1f"));
    assert_eq!(prod.account_id.as_deref(), Some("acct_prod"));
    let dev = &tokens["org_2b1f"]["acct_dev"];
    assert_eq!(dev.access_token.expose(), "chkk-at-dev-91bd");
    assert_eq!(
        dev.aws_identity_arn.as_deref(),
        Some("arn:aws:iam::123456789012:role/chkk")
    );
    assert_eq!(dev.user_id, None);
    assert_eq!(
        tokens["org_9e44"]["acct_main"].access_token.expose(),
        "chkk-at-main-0c11"
    );
    let user = body.user.expect("user is present");
    assert_eq!(user.user_id, "usr_81c2");
    assert_eq!(user.email, "dev@example.com");
    assert_eq!(user.name.as_deref(), Some("Dev Eloper"));
    assert_eq!(
        user.profile_picture.as_deref(),
        Some("https://example.com/p.png")
    );
}

#[tokio::test]
async fn login_decodes_an_empty_object() {
    let server = Server::start(Reply::json(200, json!({}))).await;
    let response = client_for(server.url().to_string())
        .login()
        .await
        .expect("an empty object decodes");
    assert_eq!(response.body.access_tokens, None);
    assert_eq!(response.body.user, None);
    assert_eq!(server.single_request().target, "/login");
}

#[tokio::test]
async fn login_without_a_key_sends_no_authorization() {
    let server = Server::start(Reply::json(200, json!({}))).await;
    let client = chkk::Client::new(chkk::Server::Custom(server.url().to_string()))
        .expect("the client builds");
    client.login().await.expect("the 200 decodes");
    assert_eq!(server.single_request().header("authorization"), None);
}

#[tokio::test]
async fn login_rejects_a_token_without_its_required_fields() {
    // `access_token` and `created` are required by `AccessToken` and defined: a body without
    // them does not match, and says so with the status and the raw body.
    let body = json!({"access_tokens": {"org": {"acct": {"user_id": "u"}}}});
    let server = Server::start(Reply::json(200, body.clone())).await;
    let error = client_for(server.url().to_string())
        .login()
        .await
        .expect_err("a decode error");
    let decode = error.decode_error().expect("a decode error");
    assert_eq!(decode.path, "access_tokens.org.acct");
    assert!(decode.reason.starts_with("missing field `"), "{decode:?}");
    assert_eq!(error.status(), Some(reqwest::StatusCode::OK));
    assert_eq!(
        error.body().expect("kept").bytes(),
        serde_json::to_vec(&body).unwrap().as_slice()
    );
}

#[tokio::test]
async fn login_has_no_declared_error_so_a_401_is_unexpected() {
    let server =
        Server::start(Reply::json(401, json!({"message": "bad key"})).header("x-trace", "t1"))
            .await;
    let error = client_for(server.url().to_string())
        .login()
        .await
        .expect_err("401");
    assert!(
        matches!(error.kind(), chkk::ErrorKind::UnexpectedStatus),
        "{error:?}"
    );
    assert_eq!(error.status(), Some(reqwest::StatusCode::UNAUTHORIZED));
    assert_eq!(error.headers()["x-trace"], "t1");
    assert_eq!(
        error.body().expect("kept").bytes(),
        br#"{"message":"bad key"}"#
    );
}

#[test]
fn default_server_is_the_spec_url_with_its_prefix() {
    assert_eq!(chkk::Server::default().url(), "https://api.us.chkk.io/v1");
    let client = chkk::Client::new(chkk::Server::default()).expect("the client builds");
    assert_eq!(client.base_url(), "https://api.us.chkk.io/v1");
}

#[test]
fn generation_warns_about_required_names_that_are_not_properties() {
    let spec = std::fs::read(concat!(env!("CARGO_MANIFEST_DIR"), "/../specs/chkk.yaml"))
        .expect("the spec is readable");
    let (_, warnings, _) = generator::lower_to_ir(&spec).expect("the spec lowers");
    let warnings: Vec<String> = warnings.iter().map(ToString::to_string).collect();
    for name in ["continuation_token", "orgs"] {
        assert!(
            warnings.iter().any(
                |w| w.starts_with("#/components/schemas/LoginResponse/required")
                    && w.contains(&format!("`{name}`"))
            ),
            "no warning with a pointer for `{name}`: {warnings:#?}"
        );
    }
}
