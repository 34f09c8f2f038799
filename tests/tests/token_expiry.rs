//! Odd expiry values from a token endpoint over HTTP on 127.0.0.1: zero, negative, huge,
//! not-a-number and past values in `expires_in`, `expires_on` and a JWT `exp`. None panics;
//! each gets the documented lifetime (zero and invalid values are "no expiry known", so the
//! next source or the configured default applies; huge ones are clamped to `MAX_LIFETIME`),
//! and the token is then served from the cache, not fetched again by every caller.

mod common;

use base64::Engine;
use common::{Reply, Server};
use serde_json::{json, Value};
use std::time::{Duration, SystemTime, UNIX_EPOCH};
use token_source::{AccessToken, CLOCK_SKEW, MAX_LIFETIME};

fn now_epoch() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .expect("after 1970")
        .as_secs()
}

/// An unsigned JWT whose payload's `exp` is `exp`, written as is.
fn jwt_with_exp(exp: &str) -> String {
    let encode = |bytes: &[u8]| base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes);
    format!(
        "{}.{}.c2ln",
        encode(br#"{"alg":"none"}"#),
        encode(format!(r#"{{"sub":"u","exp":{exp}}}"#).as_bytes())
    )
}

/// Logs in twice through a fresh generic-login source answering `token`; the second call
/// must come from the cache.
async fn generic_login_lifetime(token: &str) -> Duration {
    let server = Server::start(Reply::json(200, json!({"access_token": token}))).await;
    let client =
        generic_login::Client::new(generic_login::Server::Custom(server.url().to_string()))
            .expect("client");
    let form = generic_login::types::LoginForm::new()
        .with_username("u")
        .with_password("p");
    let tokens = generic_login::TokenSource::new(client, form);
    let token = tokens.token().await.expect("a token");
    assert_eq!(
        tokens.token().await.expect("cached").expose(),
        token.expose()
    );
    assert_eq!(server.requests().len(), 1, "served from the cache");
    token.lifetime()
}

#[tokio::test(start_paused = true)]
async fn odd_jwt_exp_claims_give_the_documented_lifetime() {
    // `default_lifetime_seconds: 900` in specs/generic-login.settings.yaml.
    let default = Duration::from_secs(900);
    let past = (now_epoch() - 100).to_string();
    let cases = [
        ("0", default),
        ("-5", default),
        (r#""NaN""#, default),
        (r#""inf""#, default),
        (r#""soon""#, default),
        ("null", default),
        (past.as_str(), default),
        ("1e300", MAX_LIFETIME - CLOCK_SKEW),
        (&i64::MAX.to_string(), MAX_LIFETIME - CLOCK_SKEW),
        (&u64::MAX.to_string(), MAX_LIFETIME - CLOCK_SKEW),
    ];
    for (exp, expected) in cases {
        let lifetime = generic_login_lifetime(&jwt_with_exp(exp)).await;
        assert_eq!(lifetime, expected, "exp {exp}");
    }
}

fn dynamo_reply(expires_in: Value) -> Reply {
    Reply::json(
        200,
        json!({"success": true, "data": {"accessToken": "t", "expiresIn": expires_in}}),
    )
}

async fn dynamo_token(
    expires_in: Value,
) -> (
    Result<AccessToken, token_source::TokenError<dynamosql::Error<dynamosql::AuthTokenError>>>,
    Server,
) {
    let server = Server::start(dynamo_reply(expires_in)).await;
    let client = dynamosql::Client::new(dynamosql::Server::Custom(server.url().to_string()))
        .expect("client");
    let body = dynamosql::types::AuthTokenBody::new("i", "s");
    let tokens = dynamosql::TokenSource::new(client, body);
    let first = tokens.token().await;
    // Whatever the first outcome, the second call sends nothing: the token is cached, or
    // the refusal is answered again during its backoff pause.
    let second = tokens.token().await;
    assert_eq!(first.is_ok(), second.is_ok());
    assert_eq!(server.requests().len(), 1);
    (first, server)
}

#[tokio::test(start_paused = true)]
async fn odd_expires_in_values_give_the_documented_lifetime() {
    // `default_lifetime_seconds: 3600` in specs/dynamosql.settings.yaml.
    let default = Duration::from_secs(3600);
    for (expires_in, expected) in [
        (json!(0), default),
        (json!(-5), default),
        (json!(null), default),
        (json!(90), Duration::from_secs(90)),
        (json!(i64::MAX), MAX_LIFETIME),
    ] {
        let (token, _server) = dynamo_token(expires_in.clone()).await;
        let lifetime = token.expect("a token").lifetime();
        assert_eq!(lifetime, expected, "expiresIn {expires_in}");
    }
}

#[tokio::test(start_paused = true)]
async fn expires_in_values_the_spec_does_not_allow_are_permanent_decode_errors() {
    // DynamoSQL declares `expiresIn` an integer: the typed response refuses these before
    // the token source sees them, as a decode error that is not retried.
    for expires_in in [json!(1e300), json!(u64::MAX), json!("NaN"), json!("3600")] {
        let (token, _server) = dynamo_token(expires_in.clone()).await;
        let error = token.expect_err("does not decode");
        assert!(!error.is_transient(), "{expires_in}");
        let failed = error.fetch_error().expect("the operation's error");
        assert!(failed.decode_error().is_some(), "{expires_in}: {failed:?}");
        assert_eq!(failed.status(), Some(reqwest::StatusCode::OK));
    }
}

#[tokio::test(start_paused = true)]
async fn a_zero_expires_in_does_not_override_a_valid_expires_on() {
    let expires_on = now_epoch() + 1000;
    let server = Server::start(Reply::json(
        200,
        json!({"access_token": "c", "token_type": "bearer", "expires_in": 0, "expires_on": expires_on}),
    ))
    .await;
    let client =
        chift::Client::new(chift::Server::Custom(server.url().to_string())).expect("client");
    let body = chift::types::AuthItem::new("c", "s", uuid::Uuid::nil());
    let token = chift::TokenSource::new(client, body)
        .token()
        .await
        .expect("a token");
    let expected = 1000 - CLOCK_SKEW.as_secs();
    let lifetime = token.lifetime().as_secs();
    assert!(
        (expected - 2..=expected).contains(&lifetime),
        "{lifetime} s"
    );
}
