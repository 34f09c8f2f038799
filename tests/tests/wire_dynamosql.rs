//! DynamoSQL over real HTTP: `POST /v1/auth/token` with a JSON body and `security: []`; the 200
//! is an `allOf` envelope whose `success`, `data` and `error` are all reachable; 400, 401 and
//! 429 carry the same envelope and come back as three variants, chosen by status code.

mod common;

use common::{Reply, Server};
use dynamosql::types::{ApiResponse, AuthTokenBody};
use dynamosql::AuthTokenError;
use serde_json::json;

fn body() -> AuthTokenBody {
    AuthTokenBody::new("dsql-client", "dsql-secret-!@#")
}

fn client_for(server: &Server) -> dynamosql::Client {
    dynamosql::Client::builder(dynamosql::Server::Custom(server.url().to_string()))
        .cognito_jwt("held-jwt")
        .build()
        .expect("the client builds")
}

fn error_envelope(message: &str, code: &str) -> serde_json::Value {
    json!({
        "success": false,
        "error": { "message": message, "code": code, "requestId": "req-9" }
    })
}

#[tokio::test]
async fn token_sends_json_without_authorization_and_decodes_the_envelope() {
    let reply = json!({
        "success": true,
        "data": {
            "accessToken": "eyJhbGciOiJSUzI1NiIs.access",
            "refreshToken": "eyJjdHkiOiJKV1QiLCJl.refresh",
            "expiresIn": 3600,
            "tokenType": "Bearer"
        }
    });
    let server =
        Server::start(Reply::json(200, reply.clone()).header("x-amzn-requestid", "r1")).await;
    let response = client_for(&server)
        .auth_token(&body())
        .await
        .expect("the 200 decodes");

    let request = server.single_request();
    assert_eq!(request.method, "POST");
    assert_eq!(request.target, "/v1/auth/token");
    let expected = r#"{"clientId":"dsql-client","clientSecret":"dsql-secret-!@#"}"#;
    request.assert_headers(&[
        ("content-type", "application/json"),
        ("content-length", &expected.len().to_string()),
        ("user-agent", "dynamosql/0.1.0"),
        ("accept", "application/json"),
        ("host", server.url().trim_start_matches("http://")),
    ]);
    assert_eq!(request.body_text(), expected);

    assert_eq!(response.status, 200);
    assert_eq!(response.headers["x-amzn-requestid"], "r1");
    let envelope = response.body;
    assert!(envelope.success);
    assert_eq!(envelope.error, None);
    let data = envelope.data.expect("data is present");
    assert_eq!(
        data.access_token.as_ref().map(|t| t.expose().as_str()),
        Some("eyJhbGciOiJSUzI1NiIs.access")
    );
    assert_eq!(
        data.refresh_token.as_ref().map(|t| t.expose().as_str()),
        Some("eyJjdHkiOiJKV1QiLCJl.refresh")
    );
    assert_eq!(data.expires_in, Some(3600));
    assert_eq!(data.token_type.as_deref(), Some("Bearer"));
}

#[tokio::test]
async fn a_200_envelope_can_carry_an_error() {
    let server = Server::start(Reply::json(200, error_envelope("partial", "P1"))).await;
    let envelope = client_for(&server)
        .auth_token(&body())
        .await
        .expect("the 200 decodes")
        .body;
    assert!(!envelope.success);
    assert_eq!(envelope.data, None);
    let error = envelope.error.expect("error is present");
    assert_eq!(error.message.as_deref(), Some("partial"));
    assert_eq!(error.code.as_deref(), Some("P1"));
    assert_eq!(error.request_id.as_deref(), Some("req-9"));
}

#[tokio::test]
async fn a_200_without_success_does_not_decode() {
    // `success` is required by the envelope: its absence is a decode error, not a default.
    let server = Server::start(Reply::json(200, json!({"data": {}}))).await;
    let error = client_for(&server)
        .auth_token(&body())
        .await
        .expect_err("success is required");
    let decode = error.decode_error().expect("a decode error");
    assert_eq!(decode.path, ".");
    assert!(
        decode.reason.contains("missing field `success`"),
        "{decode:?}"
    );
    assert_eq!(error.status(), Some(reqwest::StatusCode::OK));
}

/// The declared error statuses and the variant each must produce.
fn variant_status(error: &AuthTokenError) -> (u16, &ApiResponse) {
    match error {
        AuthTokenError::BadRequest(body) => (400, body),
        AuthTokenError::Unauthorized(body) => (401, body),
        AuthTokenError::TooManyRequests(body) => (429, body),
        other => panic!("a variant this test does not know: {other:?}"),
    }
}

#[tokio::test]
async fn same_envelope_on_each_error_status_comes_back_as_its_own_variant() {
    for status in [400u16, 401, 429] {
        let server = Server::start(Reply::json(
            status,
            error_envelope(&format!("failed with {status}"), "E"),
        ))
        .await;
        let error = client_for(&server)
            .auth_token(&body())
            .await
            .expect_err("an error status");
        assert_eq!(error.status().map(|s| s.as_u16()), Some(status));
        assert_eq!(error.operation(), "authToken");
        let Some(declared) = error.into_declared() else {
            panic!("{status}: expected a declared status");
        };
        let (variant, envelope) = variant_status(&declared);
        assert_eq!(variant, status, "{declared:?}");
        assert!(!envelope.success);
        let message = envelope.error.as_ref().and_then(|e| e.message.as_deref());
        assert_eq!(message, Some(format!("failed with {status}").as_str()));
        assert_eq!(
            envelope
                .error
                .as_ref()
                .and_then(|e| e.request_id.as_deref()),
            Some("req-9")
        );
        assert!(server.single_request().header("authorization").is_none());
    }
}

#[tokio::test]
async fn the_error_envelope_keeps_an_arbitrary_data_value() {
    let reply = json!({"success": false, "data": [1, "two", {"three": 3}]});
    let server = Server::start(Reply::json(400, reply.clone())).await;
    let error = client_for(&server)
        .auth_token(&body())
        .await
        .expect_err("400");
    let Some(AuthTokenError::BadRequest(envelope)) = error.into_declared() else {
        panic!("expected BadRequest");
    };
    assert_eq!(envelope.data, Some(json!([1, "two", {"three": 3}])));
    assert_eq!(envelope.error, None);
}

#[tokio::test]
async fn an_undeclared_status_is_unexpected() {
    let server = Server::start(Reply::json(503, error_envelope("down", "D"))).await;
    let error = client_for(&server)
        .auth_token(&body())
        .await
        .expect_err("503");
    assert!(
        matches!(error.kind(), dynamosql::ErrorKind::UnexpectedStatus)
            && error.status() == Some(reqwest::StatusCode::SERVICE_UNAVAILABLE),
        "{error:?}"
    );
}

#[test]
fn default_server_is_the_spec_url() {
    assert_eq!(
        dynamosql::Server::default().url(),
        "https://api.dynamosql.com"
    );
}
