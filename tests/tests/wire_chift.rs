//! Chift over real HTTP: `POST /token` with a JSON body. The operation says `security: []`, so
//! no `Authorization` header goes out even when the client holds a bearer token; and
//! `marketplaceId` absent, `null` and a uuid are three different bodies.

mod common;

use chift::types::{AuthItem, ValidationErrorLocItem};
use chift::GenerateAccessTokenTokenPostError as TokenError;
use common::{Reply, Server};
use serde_json::json;

const ACCOUNT: &str = "0b6a0f5e-8d1c-4a52-9a55-1c6f1d2e3f40";
const MARKETPLACE: &str = "7d444840-9dc0-11d1-b245-5ffdce74fad2";

fn item(marketplace_id: Option<Option<uuid::Uuid>>) -> AuthItem {
    let mut item = AuthItem::new("client-1", "s3cr3t-value", ACCOUNT.parse().expect("a uuid"));
    item.marketplace_id = marketplace_id;
    item
}

fn token_body() -> serde_json::Value {
    json!({
        "access_token": "eyJhbGciOiJIUzI1NiJ9.chift",
        "token_type": "bearer",
        "expires_in": 1800,
        "expires_on": 1_717_173_517
    })
}

/// A client that holds a bearer token: `/token` must not send it anyway.
fn client_for(server: &Server) -> chift::Client {
    chift::Client::builder(chift::Server::Custom(server.url().to_string()))
        .bearer_auth("held-bearer-token")
        .build()
        .expect("the client builds")
}

/// Sends one request and returns the body bytes the server received.
async fn sent_body(marketplace_id: Option<Option<uuid::Uuid>>) -> String {
    let server = Server::start(Reply::json(200, token_body())).await;
    client_for(&server)
        .generate_access_token_token_post(&item(marketplace_id))
        .await
        .expect("the 200 decodes");
    server.single_request().body_text().to_string()
}

#[tokio::test]
async fn token_sends_json_without_authorization_and_decodes_200() {
    let server = Server::start(Reply::json(200, token_body()).header("x-request-id", "abc")).await;
    let response = client_for(&server)
        .generate_access_token_token_post(&item(None))
        .await
        .expect("the 200 decodes");

    let request = server.single_request();
    assert_eq!(request.method, "POST");
    assert_eq!(request.target, "/token");
    let expected = format!(
        r#"{{"clientId":"client-1","clientSecret":"s3cr3t-value","accountId":"{ACCOUNT}"}}"#
    );
    request.assert_headers(&[
        ("content-type", "application/json"),
        ("content-length", &expected.len().to_string()),
        ("user-agent", "chift/0.1.0"),
        ("accept", "application/json"),
        ("host", server.url().trim_start_matches("http://")),
    ]);
    assert_eq!(request.body_text(), expected);

    assert_eq!(response.status, 200);
    assert_eq!(response.headers["x-request-id"], "abc");
    let token = response.into_body();
    assert_eq!(token.access_token.expose(), "eyJhbGciOiJIUzI1NiJ9.chift");
    assert_eq!(token.token_type, "bearer");
    assert_eq!(token.expires_in, 1800);
    assert_eq!(token.expires_on, 1_717_173_517);
}

#[tokio::test]
async fn marketplace_id_absent_null_and_uuid_are_three_bodies() {
    let absent = sent_body(None).await;
    let null = sent_body(Some(None)).await;
    let value = sent_body(Some(Some(MARKETPLACE.parse().expect("a uuid")))).await;
    let head =
        format!(r#"{{"clientId":"client-1","clientSecret":"s3cr3t-value","accountId":"{ACCOUNT}""#);
    assert_eq!(absent, format!("{head}}}"));
    assert_eq!(null, format!(r#"{head},"marketplaceId":null}}"#));
    assert_eq!(
        value,
        format!(r#"{head},"marketplaceId":"{MARKETPLACE}"}}"#)
    );
}

#[test]
fn marketplace_id_reads_back_as_absent_null_or_uuid() {
    let read = |text: &str| -> AuthItem { serde_json::from_str(text).expect("decodes") };
    let head = format!(r#""clientId":"c","clientSecret":"s","accountId":"{ACCOUNT}""#);
    assert_eq!(read(&format!("{{{head}}}")).marketplace_id, None);
    assert_eq!(
        read(&format!(r#"{{{head},"marketplaceId":null}}"#)).marketplace_id,
        Some(None)
    );
    assert_eq!(
        read(&format!(r#"{{{head},"marketplaceId":"{MARKETPLACE}"}}"#)).marketplace_id,
        Some(Some(MARKETPLACE.parse().expect("a uuid")))
    );
}

#[tokio::test]
async fn token_422_decodes_into_its_variant_with_defaults_and_mixed_locations() {
    let body = json!({
        "message": "Validation error",
        "detail": [
            {"loc": ["body", "accountId"], "msg": "value is not a valid uuid", "type": "type_error.uuid"},
            {"loc": ["body", "items", 3], "msg": "bad", "type": "value_error", "input": {"x": 1}, "ctx": {"limit": 2}}
        ]
    });
    let server = Server::start(Reply::json(422, body.clone())).await;
    let error = client_for(&server)
        .generate_access_token_token_post(&item(None))
        .await
        .expect_err("422 is an error");
    assert_eq!(
        error.status(),
        Some(reqwest::StatusCode::UNPROCESSABLE_ENTITY)
    );
    assert_eq!(error.headers()["content-type"], "application/json");
    let Some(TokenError::UnprocessableEntity(validation)) = error.into_declared() else {
        panic!("expected UnprocessableEntity");
    };
    assert_eq!(validation.message, "Validation error");
    // `status` is absent from the body; the spec's default fills it.
    assert_eq!(validation.status, "error");
    let detail = validation.detail.expect("detail is present");
    assert_eq!(detail.len(), 2);
    assert_eq!(
        detail[0].loc,
        vec![
            ValidationErrorLocItem::String("body".into()),
            ValidationErrorLocItem::String("accountId".into())
        ]
    );
    assert_eq!(detail[0].msg, "value is not a valid uuid");
    assert_eq!(detail[0].r#type, "type_error.uuid");
    assert_eq!(detail[1].loc[2], ValidationErrorLocItem::Integer(3));
    assert_eq!(detail[1].input, Some(json!({"x": 1})));
    assert_eq!(
        detail[1].ctx.as_ref().map(|c| c["limit"].clone()),
        Some(json!(2))
    );
    assert!(server.single_request().header("authorization").is_none());
}

#[tokio::test]
async fn token_401_is_not_declared() {
    let server = Server::start(Reply::json(401, json!({"detail": "no"}))).await;
    let error = client_for(&server)
        .generate_access_token_token_post(&item(None))
        .await
        .expect_err("401 is an error");
    assert!(
        matches!(error.kind(), chift::ErrorKind::UnexpectedStatus)
            && error.status() == Some(reqwest::StatusCode::UNAUTHORIZED),
        "{error:?}"
    );
}

#[test]
fn default_server_is_the_spec_url() {
    assert_eq!(chift::Server::default(), chift::Server::Chift);
    assert_eq!(chift::Server::Chift.url(), "https://api.chift.eu");
}
