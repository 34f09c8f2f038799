//! A generated `TokenSource` over real HTTP on 127.0.0.1, with tokio's clock paused so that an
//! hour of token lifetime passes in no time: first use logs in, the cache answers within the
//! lifetime, the margin triggers one renewal in the background, a hundred callers share one
//! request and its outcome (token, refusal, server error or timeout), cancelling the caller
//! that started a login wastes nothing, a failing renewal never reaches callers while the
//! token is valid, and invalidating a stale token during a renewal costs no second login.
//! DynamoSQL is the API under test: its response carries `expiresIn`, so the lifetime is exact.

mod common;

use common::{Reply, Server};
use dynamosql::types::{ApiResponse, AuthTokenBody};
use dynamosql::{AuthTokenError, Error, TokenSource};
use serde_json::json;
use std::sync::Arc;
use std::time::Duration;
use token_source::{AccessToken, Backoff, TokenError};
use tokio::time::{advance, sleep, Instant};

const HOUR: Duration = Duration::from_secs(3600);

type Outcome = Result<AccessToken, TokenError<Error<AuthTokenError>>>;

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

fn unavailable() -> Reply {
    Reply::json(503, json!({"success": false}))
}

fn client(server: &Server, timeout: Duration) -> dynamosql::Client {
    dynamosql::Client::builder(dynamosql::Server::Custom(server.url().to_string()))
        .timeout(timeout)
        .build()
        .expect("the client builds")
}

fn token_source(server: &Server) -> TokenSource {
    source_with_timeout(server, Duration::from_secs(30))
}

fn source_with_timeout(server: &Server, timeout: Duration) -> TokenSource {
    let body = AuthTokenBody::new("client-1", "s3cret");
    TokenSource::new(client(server, timeout), body)
}

async fn value(tokens: &TokenSource) -> String {
    tokens.token().await.expect("a token").expose().to_string()
}

/// `n` callers at once, each in its own task; each reports its outcome and when it came.
fn callers(
    tokens: &Arc<TokenSource>,
    n: usize,
) -> Vec<tokio::task::JoinHandle<(Outcome, Instant)>> {
    (0..n)
        .map(|_| {
            let tokens = Arc::clone(tokens);
            tokio::spawn(async move { (tokens.token().await, Instant::now()) })
        })
        .collect()
}

/// Waits, in steps of 1 ms on the paused clock, until `done` holds (a request reached the
/// server, a renewal was stored); fails after 10 s of it.
async fn until(mut done: impl AsyncFnMut() -> bool) {
    for _ in 0..10_000 {
        if done().await {
            return;
        }
        sleep(Duration::from_millis(1)).await;
    }
    panic!("not done within 10 s");
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
        assert_eq!(value(&tokens).await, "t1");
    }
    assert_eq!(server.requests().len(), 1);
}

#[tokio::test(start_paused = true)]
async fn inside_the_margin_the_old_token_is_served_while_it_is_renewed() {
    let slow = token_reply("t2").delayed(Duration::from_millis(500));
    let server = Server::sequence(vec![token_reply("t1"), slow]).await;
    let tokens = token_source(&server);
    tokens.token().await.expect("a token");
    advance(HOUR - Duration::from_secs(61)).await;
    assert_eq!(value(&tokens).await, "t1");
    assert_eq!(server.requests().len(), 1, "still outside the 60 s margin");
    advance(Duration::from_secs(2)).await;
    let asked = Instant::now();
    for _ in 0..5 {
        assert_eq!(value(&tokens).await, "t1");
    }
    assert_eq!(
        asked.elapsed(),
        Duration::ZERO,
        "nobody waits for the renewal"
    );
    until(async || value(&tokens).await == "t2").await;
    for _ in 0..5 {
        assert_eq!(value(&tokens).await, "t2");
    }
    assert_eq!(server.requests().len(), 2, "one renewal");
}

#[tokio::test(start_paused = true)]
async fn a_configured_margin_moves_the_renewal_and_is_bounded_by_half_the_lifetime() {
    let server = Server::sequence(vec![token_reply("t1"), token_reply("t2")]).await;
    let tokens = token_source(&server).with_margin(Duration::from_secs(600));
    tokens.token().await.expect("a token");
    advance(HOUR - Duration::from_secs(601)).await;
    assert_eq!(value(&tokens).await, "t1");
    assert_eq!(server.requests().len(), 1);
    advance(Duration::from_secs(2)).await;
    until(async || value(&tokens).await == "t2").await;
    assert_eq!(server.requests().len(), 2);

    // A margin longer than any lifetime: the first half of it is still served from the cache.
    let server = Server::sequence(vec![token_reply("t1"), token_reply("t2")]).await;
    let tokens = token_source(&server).with_margin(Duration::MAX);
    tokens.token().await.expect("a token");
    advance(HOUR / 2 - Duration::from_secs(1)).await;
    assert_eq!(value(&tokens).await, "t1");
    assert_eq!(server.requests().len(), 1);
    advance(Duration::from_secs(2)).await;
    until(async || value(&tokens).await == "t2").await;
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
    for caller in callers(&tokens, 100) {
        let (outcome, _) = caller.await.expect("the task ran");
        assert_eq!(outcome.expect("a token").expose(), "t2");
    }
    assert_eq!(
        server.requests().len(),
        2,
        "the first login and one renewal"
    );
}

/// Runs 100 callers on a cold cache and checks they all got an error at one instant.
async fn hundred_errors(tokens: &Arc<TokenSource>) -> Vec<TokenError<Error<AuthTokenError>>> {
    let mut errors = Vec::new();
    let mut instants = Vec::new();
    for caller in callers(tokens, 100) {
        let (outcome, at) = caller.await.expect("the task ran");
        errors.push(outcome.expect_err("the endpoint fails"));
        instants.push(at);
    }
    let first = instants.iter().min().expect("callers");
    let last = instants.iter().max().expect("callers");
    assert_eq!(first, last, "one outcome, delivered to all at once");
    errors
}

#[tokio::test(start_paused = true)]
async fn a_hundred_callers_against_a_failing_endpoint_share_one_retried_failure() {
    let server = Server::start(unavailable()).await;
    let tokens = Arc::new(token_source(&server));
    let started = Instant::now();
    let errors = hundred_errors(&tokens).await;
    let backoff = Backoff::default();
    assert_eq!(server.requests().len(), 1 + backoff.retries as usize);
    // Three quick requests and two pauses of at most 0.5 s and 1 s.
    let elapsed = started.elapsed();
    assert!(
        elapsed <= backoff.first * 3 + Duration::from_millis(100),
        "{elapsed:?}"
    );
    for error in &errors {
        assert!(error.is_transient());
        assert_eq!(
            error.fetch_error().and_then(Error::status),
            Some(reqwest::StatusCode::SERVICE_UNAVAILABLE)
        );
    }
    // Callers within the pause that follows get the same error without a request.
    let again = tokens.token().await.expect_err("resting");
    assert_eq!(again.to_string(), errors[0].to_string());
    assert_eq!(server.requests().len(), 3);
}

#[tokio::test(start_paused = true)]
async fn a_hundred_callers_against_a_hanging_endpoint_time_out_together() {
    let server = Server::start(token_reply("never").delayed(HOUR)).await;
    let timeout = Duration::from_secs(2);
    let tokens = Arc::new(source_with_timeout(&server, timeout));
    let started = Instant::now();
    let errors = hundred_errors(&tokens).await;
    assert_eq!(server.requests().len(), 3);
    for error in &errors {
        assert!(
            error.fetch_error().is_some_and(Error::is_timeout),
            "{error:?}"
        );
    }
    let elapsed = started.elapsed();
    let bound = timeout * 3 + Backoff::default().first * 3;
    assert!(elapsed <= bound, "{elapsed:?}");
}

#[tokio::test(start_paused = true)]
async fn cancelling_the_caller_that_started_the_login_wastes_nothing() {
    let server = Server::start(token_reply("t1").delayed(Duration::from_millis(200))).await;
    let tokens = Arc::new(token_source(&server));
    let leader = callers(&tokens, 1).remove(0);
    until(async || server.requests().len() == 1).await;
    leader.abort();
    // A caller whose deadline is shorter than the request gives up; that changes nothing.
    let impatient = tokio::time::timeout(Duration::from_millis(10), tokens.token()).await;
    assert!(impatient.is_err());
    for waiter in callers(&tokens, 10) {
        let (outcome, _) = waiter.await.expect("the task ran");
        assert_eq!(outcome.expect("a token").expose(), "t1");
    }
    assert_eq!(value(&tokens).await, "t1");
    assert_eq!(server.requests().len(), 1, "no second request");
}

#[tokio::test(start_paused = true)]
async fn a_failing_renewal_inside_the_margin_serves_the_old_token_and_retries() {
    let replies = vec![
        token_reply("t1"),
        unavailable(),
        unavailable(),
        unavailable(),
        unavailable(),
        token_reply("t2"),
    ];
    let server = Server::sequence(replies).await;
    let tokens = token_source(&server);
    tokens.token().await.expect("a token");
    advance(HOUR - Duration::from_secs(50)).await;
    // Every call is answered at once with the valid token, never with the failures.
    until(async || {
        let asked = Instant::now();
        let token = value(&tokens).await;
        assert_eq!(asked.elapsed(), Duration::ZERO);
        assert!(token == "t1" || token == "t2", "{token}");
        token == "t2"
    })
    .await;
    assert_eq!(
        server.requests().len(),
        6,
        "renewed in the background until it worked"
    );
}

#[tokio::test(start_paused = true)]
async fn a_refusal_is_returned_at_once_to_all_and_the_next_attempt_waits_a_backoff() {
    let server = Server::sequence(vec![refused(), token_reply("t2")]).await;
    let tokens = Arc::new(token_source(&server));
    for error in hundred_errors(&tokens).await {
        assert!(!error.is_transient());
        assert!(matches!(
            error.fetch_error().and_then(Error::declared),
            Some(AuthTokenError::Unauthorized(_))
        ));
    }
    assert_eq!(server.requests().len(), 1, "a refusal is not retried");
    assert!(tokens.token().await.is_err(), "within the backoff");
    assert_eq!(server.requests().len(), 1);
    advance(Backoff::default().max).await;
    assert_eq!(value(&tokens).await, "t2");
}

#[tokio::test(start_paused = true)]
async fn a_failed_renewal_after_expiry_is_the_operations_typed_error() {
    let server = Server::sequence(vec![token_reply("t1"), refused(), token_reply("t3")]).await;
    let tokens = token_source(&server);
    tokens.token().await.expect("a token");
    advance(HOUR).await;
    let error = tokens.token().await.expect_err("the token has expired");
    match error.fetch_error().and_then(Error::declared) {
        Some(AuthTokenError::Unauthorized(ApiResponse { success, error, .. })) => {
            assert!(!success);
            let message = error.as_ref().and_then(|e| e.message.as_deref());
            assert_eq!(message, Some("invalid client"));
        }
        other => panic!("expected the declared 401, got {other:?}"),
    }
    // Nothing stale was cached over the failure: after the backoff, the next call logs in.
    advance(Backoff::default().max).await;
    assert_eq!(value(&tokens).await, "t3");
    assert_eq!(server.requests().len(), 3);
}

#[tokio::test(start_paused = true)]
async fn invalidating_a_stale_token_during_its_renewal_costs_no_second_login() {
    let slow = token_reply("t2").delayed(Duration::from_millis(200));
    let server = Server::sequence(vec![token_reply("t1"), slow, token_reply("t3")]).await;
    let tokens = Arc::new(token_source(&server));
    let stale = tokens.token().await.expect("a token");
    advance(HOUR - Duration::from_secs(30)).await;
    assert_eq!(
        value(&tokens).await,
        "t1",
        "served while the renewal starts"
    );
    until(async || server.requests().len() == 2).await;
    // Ten callers saw the stale token refused meanwhile.
    for _ in 0..10 {
        tokens.invalidate(&stale);
    }
    for caller in callers(&tokens, 10) {
        let (outcome, _) = caller.await.expect("the task ran");
        assert_eq!(outcome.expect("a token").expose(), "t2");
    }
    tokens.invalidate(&stale);
    assert_eq!(
        value(&tokens).await,
        "t2",
        "a late invalidation keeps the new token"
    );
    assert_eq!(server.requests().len(), 2);
    // Invalidating the current token does force one login.
    let current = tokens.token().await.expect("a token");
    tokens.invalidate(&current);
    tokens.invalidate(&current);
    assert_eq!(value(&tokens).await, "t3");
    assert_eq!(server.requests().len(), 3);
}

#[tokio::test(start_paused = true)]
async fn a_response_without_the_token_is_a_decode_error_that_keeps_no_body() {
    let server = Server::start(Reply::json(200, json!({"success": true, "data": {}}))).await;
    let error = token_source(&server).token().await.expect_err("no token");
    assert!(!error.is_transient(), "a missing token is not retried");
    let failed = error.fetch_error().expect("the operation's error");
    let decode = failed.decode_error().expect("a decode error");
    assert_eq!(failed.status(), Some(reqwest::StatusCode::OK));
    assert!(failed.body().is_none(), "a login body is never kept");
    assert_eq!(
        decode.reason,
        "the response has no access token at `/data/accessToken`"
    );
    assert_eq!(server.requests().len(), 1);
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

#[tokio::test(start_paused = true)]
async fn declared_statuses_are_sorted_into_retried_and_final_ones() {
    // DynamoSQL declares 400, 401 and 429: the 429 is retried within the same login...
    let too_many = Reply::json(429, json!({"success": false}));
    let server = Server::sequence(vec![too_many, token_reply("t2")]).await;
    assert_eq!(value(&token_source(&server)).await, "t2");
    assert_eq!(server.requests().len(), 2);
    // ...the 400 is not.
    let bad = Reply::json(400, json!({"success": false}));
    let server = Server::sequence(vec![bad, token_reply("t2")]).await;
    let error = token_source(&server).token().await.expect_err("final");
    assert!(matches!(
        error.fetch_error().and_then(Error::declared),
        Some(AuthTokenError::BadRequest(_))
    ));
    assert_eq!(server.requests().len(), 1);
}
