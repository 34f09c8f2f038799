//! A generated `TokenSource` over real HTTP on 127.0.0.1, with tokio's clock paused so that an
//! hour of token lifetime passes in no time: first use logs in, the cache answers within the
//! lifetime, the margin triggers one renewal, a hundred callers at expiry cause one request
//! (counted at the server), a failed renewal keeps a token that is still valid, and after
//! expiry the operation's own typed error comes back. DynamoSQL is the API under test: its
//! response carries `expiresIn`, so the lifetime is exact.

mod common;

use common::{Reply, Server};
use dynamosql::types::{ApiResponse, AuthTokenBody};
use dynamosql::{AuthTokenError, TokenSource};
use serde_json::json;
use std::sync::Arc;
use std::time::Duration;
use tokio::time::advance;

const HOUR: Duration = Duration::from_secs(3600);

fn token_reply(token: &str) -> Reply {
    Reply::json(
        200,
        json!({
            "success": true,
            "data": {"accessToken": token, "refreshToken": format!("r-{token}"), "expiresIn": 3600, "tokenType": "Bearer"}
        }),
    )
}

fn refused() -> Reply {
    Reply::json(
        401,
        json!({"success": false, "error": {"message": "invalid client"}}),
    )
}

fn token_source(server: &Server) -> TokenSource {
    let client = dynamosql::Client::new(dynamosql::Server::Custom(server.url().to_string()))
        .expect("the client builds");
    let body = AuthTokenBody::new("client-1", "s3cret");
    TokenSource::new(client, body)
}

#[tokio::test(start_paused = true)]
async fn first_use_logs_in_and_the_lifetime_is_served_from_the_cache() {
    let server = Server::start(token_reply("t1")).await;
    let tokens = token_source(&server);
    assert!(
        server.requests().is_empty(),
        "nothing is sent before first use"
    );
    let token = tokens.token().await.expect("a token");
    assert_eq!(token.expose(), "t1");
    assert_eq!(token.expose_refresh_token(), Some("r-t1"));
    assert_eq!(token.lifetime(), HOUR);
    let login = server.single_request();
    assert_eq!(login.path(), "/v1/auth/token");
    assert_eq!(
        serde_json::from_slice::<serde_json::Value>(&login.body).expect("JSON body"),
        json!({"clientId": "client-1", "clientSecret": "s3cret"})
    );
    // Up to the margin (60 s before expiry), every call is answered without a request.
    for _ in 0..11 {
        advance(Duration::from_secs(320)).await;
        assert_eq!(tokens.token().await.expect("a token").expose(), "t1");
    }
    assert_eq!(server.requests().len(), 1);
}

#[tokio::test(start_paused = true)]
async fn inside_the_margin_the_token_is_renewed_once() {
    let server = Server::sequence(vec![token_reply("t1"), token_reply("t2")]).await;
    let tokens = token_source(&server);
    tokens.token().await.expect("a token");
    advance(HOUR - Duration::from_secs(61)).await;
    assert_eq!(tokens.token().await.expect("a token").expose(), "t1");
    assert_eq!(server.requests().len(), 1, "still outside the 60 s margin");
    advance(Duration::from_secs(2)).await;
    assert_eq!(tokens.token().await.expect("a token").expose(), "t2");
    for _ in 0..5 {
        assert_eq!(tokens.token().await.expect("a token").expose(), "t2");
    }
    assert_eq!(
        server.requests().len(),
        2,
        "one renewal, then the cache again"
    );
}

#[tokio::test(start_paused = true)]
async fn a_configured_margin_moves_the_renewal() {
    let server = Server::sequence(vec![token_reply("t1"), token_reply("t2")]).await;
    let tokens = token_source(&server).with_margin(Duration::from_secs(600));
    tokens.token().await.expect("a token");
    advance(HOUR - Duration::from_secs(601)).await;
    assert_eq!(tokens.token().await.expect("a token").expose(), "t1");
    advance(Duration::from_secs(2)).await;
    assert_eq!(tokens.token().await.expect("a token").expose(), "t2");
    assert_eq!(server.requests().len(), 2);
}

#[tokio::test(start_paused = true)]
async fn a_hundred_callers_at_expiry_cause_exactly_one_request() {
    // The renewal takes a while to answer, so every caller arrives while it is in flight.
    let slow = token_reply("t2").delayed(Duration::from_millis(200));
    let server = Server::sequence(vec![token_reply("t1"), slow]).await;
    let tokens = Arc::new(token_source(&server));
    tokens.token().await.expect("a token");
    advance(HOUR).await;
    let callers: Vec<_> = (0..100)
        .map(|_| {
            let tokens = Arc::clone(&tokens);
            tokio::spawn(async move { tokens.token().await.map(|t| t.expose().to_string()) })
        })
        .collect();
    for caller in callers {
        let token = caller.await.expect("the task ran").expect("a token");
        assert_eq!(token, "t2");
    }
    assert_eq!(
        server.requests().len(),
        2,
        "the first login and one renewal"
    );
}

#[tokio::test(start_paused = true)]
async fn a_failed_renewal_keeps_a_token_that_is_still_valid() {
    let server = Server::sequence(vec![token_reply("t1"), refused(), token_reply("t3")]).await;
    let tokens = token_source(&server);
    tokens.token().await.expect("a token");
    advance(HOUR - Duration::from_secs(30)).await;
    let token = tokens.token().await.expect("the old token, not the error");
    assert_eq!(token.expose(), "t1");
    assert_eq!(server.requests().len(), 2, "the renewal was tried");
    // A moment later the server is not asked again at once...
    advance(Duration::from_secs(1)).await;
    assert_eq!(tokens.token().await.expect("a token").expose(), "t1");
    assert_eq!(server.requests().len(), 2);
    // ...but after a short pause it is, and the new token replaces the old one.
    advance(token_source::RETRY_PAUSE).await;
    assert_eq!(tokens.token().await.expect("a token").expose(), "t3");
    assert_eq!(server.requests().len(), 3);
}

#[tokio::test(start_paused = true)]
async fn a_failed_renewal_after_expiry_is_the_operations_typed_error() {
    let server = Server::sequence(vec![token_reply("t1"), refused(), token_reply("t3")]).await;
    let tokens = token_source(&server);
    tokens.token().await.expect("a token");
    advance(HOUR).await;
    let error = tokens.token().await.expect_err("the token has expired");
    match error.declared() {
        Some(AuthTokenError::Unauthorized(ApiResponse { success, error, .. })) => {
            assert!(!success);
            let message = error.as_ref().and_then(|e| e.message.as_deref());
            assert_eq!(message, Some("invalid client"));
        }
        _ => panic!("expected the declared 401, got {error:?}"),
    }
    // Nothing stale was cached over the failure: the next call logs in again.
    assert_eq!(tokens.token().await.expect("a token").expose(), "t3");
    assert_eq!(server.requests().len(), 3);
}

#[tokio::test(start_paused = true)]
async fn a_failed_first_login_is_the_typed_error_and_invalidate_forces_a_login() {
    let server = Server::sequence(vec![refused(), token_reply("t2"), token_reply("t3")]).await;
    let tokens = token_source(&server);
    let error = tokens.token().await.expect_err("refused");
    assert!(matches!(
        error.declared(),
        Some(AuthTokenError::Unauthorized(_))
    ));
    assert_eq!(tokens.token().await.expect("a token").expose(), "t2");
    tokens.invalidate().await;
    assert_eq!(tokens.token().await.expect("a token").expose(), "t3");
    assert_eq!(server.requests().len(), 3);
}

#[tokio::test(start_paused = true)]
async fn a_response_without_the_token_is_a_decode_error_that_keeps_no_body() {
    let server = Server::start(Reply::json(200, json!({"success": true, "data": {}}))).await;
    let error = token_source(&server).token().await.expect_err("no token");
    let decode = error.decode_error().expect("a decode error");
    assert_eq!(error.status(), Some(reqwest::StatusCode::OK));
    assert!(error.body().is_none(), "a login body is never kept");
    assert_eq!(
        decode.reason,
        "the response has no access token at `/data/accessToken`"
    );
}

#[tokio::test(start_paused = true)]
async fn neither_the_token_source_nor_its_tokens_print_secrets() {
    let server = Server::start(token_reply("t-visible-only-on-purpose")).await;
    let tokens = token_source(&server);
    let token = tokens.token().await.expect("a token");
    let printed = format!("{tokens:?} {token:?} {token}");
    for secret in ["s3cret", "t-visible-only-on-purpose", "r-t-visible"] {
        assert!(!printed.contains(secret), "`{secret}` printed: {printed}");
    }
}
