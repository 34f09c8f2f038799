//! Behaviour every generated client shares, over real HTTP: replies the spec does not declare
//! or that do not match it, bodies over the limit or cut short, a server slower than the
//! timeout, client settings (user agent, default headers, a `reqwest::Client` of one's own),
//! and secrets that never show in `Debug` or `Display` while `.expose()` still returns them.

mod common;

use common::{Reply, Server};
use generic_login::ErrorKind;
use serde_json::json;
use std::time::{Duration, Instant};

const SECRET: &str = "sEcReT-7a1c9e";

fn login_form() -> generic_login::types::LoginForm {
    generic_login::types::LoginForm::new()
        .with_username("alice")
        .with_password(SECRET)
        .with_client_secret(Some(SECRET.into()))
}

fn login_client(server: &Server) -> generic_login::Client {
    generic_login::Client::new(generic_login::Server::Custom(server.url().to_string()))
        .expect("the client builds")
}

async fn login_error(reply: Reply) -> generic_login::Error<generic_login::LoginError> {
    let server = Server::start(reply).await;
    login_client(&server)
        .login(&login_form())
        .await
        .expect_err("the reply is an error")
}

#[tokio::test]
async fn a_redirect_is_an_unexpected_status_and_is_not_followed() {
    let server = Server::start(
        Reply::json(302, json!({"detail": "moved"})).header("Location", "/elsewhere"),
    )
    .await;
    let error = login_client(&server)
        .login(&login_form())
        .await
        .expect_err("a 302 is an error");
    assert!(
        matches!(error.kind(), ErrorKind::UnexpectedStatus),
        "{error:?}"
    );
    assert_eq!(error.status(), Some(reqwest::StatusCode::FOUND));
    assert_eq!(error.headers()["location"], "/elsewhere");
    assert_eq!(
        server.requests().len(),
        1,
        "the form with the password went out once, to the server asked"
    );
}

#[tokio::test]
async fn an_undeclared_status_keeps_status_headers_and_raw_body() {
    let body = b"<html>I'm a teapot</html>\xff".to_vec();
    let error = login_error(
        Reply::bytes(418, "text/html", body.clone()).header("x-teapot", "short and stout"),
    )
    .await;
    assert_eq!(error.status(), Some(reqwest::StatusCode::IM_A_TEAPOT));
    assert!(
        matches!(error.kind(), ErrorKind::UnexpectedStatus),
        "{error:?}"
    );
    assert_eq!(error.headers()["x-teapot"], "short and stout");
    assert_eq!(error.headers()["content-type"], "text/html");
    assert_eq!(error.body().expect("kept").bytes(), body.as_slice());
    assert_eq!(error.operation(), "login");
}

#[tokio::test]
async fn malformed_json_on_a_success_is_a_decode_error_with_status_and_body() {
    let body = br#"{"access_token": "tok", "token_type": }"#;
    let error = login_error(Reply::bytes(200, "application/json", body.to_vec())).await;
    let decode = error.decode_error().expect("a decode error");
    assert!(decode.reason.contains("line 1"), "{decode:?}");
    assert_eq!(error.status(), Some(reqwest::StatusCode::OK));
    assert_eq!(error.body().expect("kept").bytes(), body);
}

#[tokio::test]
async fn malformed_json_on_a_declared_error_is_a_decode_error_too() {
    let error = login_error(Reply::bytes(429, "application/json", "slow down")).await;
    assert!(error.decode_error().is_some(), "{error:?}");
    assert_eq!(error.status(), Some(reqwest::StatusCode::TOO_MANY_REQUESTS));
    assert_eq!(error.body().expect("kept").text_lossy(), "slow down");
}

#[tokio::test]
async fn a_body_of_the_wrong_shape_is_a_decode_error_naming_path_and_reason() {
    let cases = [
        (
            json!({"orgs": {"id": "o"}}),
            "orgs",
            "invalid type: map, expected a sequence",
        ),
        (
            json!({"orgs": [{"id": "o"}, {"id": 5}]}),
            "orgs[1].id",
            "invalid type: integer `5`, expected a string",
        ),
        (
            json!({"access_token": ["x"]}),
            "access_token",
            "invalid type: sequence, expected a string",
        ),
        (
            json!([1]),
            ".",
            "invalid type: sequence, expected struct TokenResponse",
        ),
    ];
    for (body, path, reason) in cases {
        let error = login_error(Reply::json(200, body.clone()).header("x-request-id", "r-1")).await;
        let decode = error.decode_error().expect("a decode error");
        assert_eq!(decode.path, path, "{body}");
        assert!(decode.reason.starts_with(reason), "{body}: {decode:?}");
        assert_eq!(error.status(), Some(reqwest::StatusCode::OK));
        assert_eq!(error.headers()["x-request-id"], "r-1");
        let display = error.to_string();
        assert!(
            display.contains(&format!("at `{path}`: {reason}")),
            "{display}"
        );
        assert!(!display.contains('\n'));
    }
}

#[tokio::test]
async fn invalid_utf8_in_json_is_a_decode_error() {
    let error = login_error(Reply::bytes(
        200,
        "application/json",
        b"{\"access_token\": \"\xff\xfe\"}".to_vec(),
    ))
    .await;
    assert!(error.decode_error().is_some(), "{error:?}");
    assert_eq!(
        error.body().expect("kept").bytes(),
        b"{\"access_token\": \"\xff\xfe\"}"
    );
}

async fn with_limit(
    reply: Reply,
    limit: usize,
) -> Result<(), generic_login::Error<generic_login::LoginError>> {
    let server = Server::start(reply).await;
    generic_login::Client::builder(generic_login::Server::Custom(server.url().to_string()))
        .body_limit(limit)
        .build()
        .expect("the client builds")
        .login(&login_form())
        .await
        .map(|_| ())
}

/// A valid token response padded to exactly `size` bytes.
fn token_of_size(size: usize) -> Vec<u8> {
    let head = r#"{"access_token":"t","orgs":[]}"#;
    let mut body = head.as_bytes().to_vec();
    body.resize(size, b' ');
    body
}

#[tokio::test]
async fn a_body_over_the_limit_is_too_large_whether_announced_or_streamed() {
    for reply in [
        Reply::bytes(200, "application/json", token_of_size(4096)),
        Reply::bytes(200, "application/json", token_of_size(4096)).chunked(),
        Reply::bytes(503, "text/plain", vec![b'x'; 4096]).chunked(),
    ] {
        let status = reply.status;
        let error = with_limit(reply, 1000).await.expect_err("too large");
        assert!(
            matches!(error.kind(), ErrorKind::BodyTooLarge { limit: 1000 }),
            "{error:?}"
        );
        assert_eq!(error.status().map(|s| s.as_u16()), Some(status));
    }
}

#[tokio::test]
async fn a_body_at_the_limit_is_read() {
    with_limit(
        Reply::bytes(200, "application/json", token_of_size(1000)),
        1000,
    )
    .await
    .expect("a body of exactly the limit decodes");
    with_limit(
        Reply::bytes(200, "application/json", token_of_size(1000)).chunked(),
        1000,
    )
    .await
    .expect("a streamed body of exactly the limit decodes");
}

#[tokio::test]
async fn a_body_cut_short_is_a_transport_error() {
    let error =
        login_error(Reply::bytes(200, "application/json", token_of_size(2000)).truncated(100))
            .await;
    assert!(matches!(error.kind(), ErrorKind::Transport(_)), "{error:?}");
    assert!(std::error::Error::source(&error).is_some());
}

#[tokio::test]
async fn a_slow_server_is_a_timeout_within_the_configured_time() {
    let server = Server::start(
        Reply::json(200, json!({"access_token": "late"})).delayed(Duration::from_secs(2)),
    )
    .await;
    let client =
        generic_login::Client::builder(generic_login::Server::Custom(server.url().to_string()))
            .timeout(Duration::from_millis(200))
            .build()
            .expect("the client builds");
    let started = Instant::now();
    let error = client.login(&login_form()).await.expect_err("too slow");
    let elapsed = started.elapsed();
    assert!(error.is_timeout(), "{error:?}");
    assert!(elapsed >= Duration::from_millis(200), "{elapsed:?}");
    assert!(elapsed < Duration::from_millis(1500), "{elapsed:?}");
    assert_eq!(
        error.to_string(),
        format!("`login`: POST {}/api/v1/auth/login timed out", server.url())
    );
}

#[tokio::test]
async fn a_user_and_password_in_the_base_url_are_sent_as_basic_authentication() {
    let server = Server::start(Reply::json(200, json!({"access_token": "t"}))).await;
    let url = server.url().replacen("http://", "http://user:pa55word@", 1);
    generic_login::Client::new(generic_login::Server::Custom(url))
        .expect("the client builds")
        .login(&login_form())
        .await
        .expect("the 200 decodes");
    let request = server.single_request();
    assert_eq!(
        request.header("authorization"),
        Some("Basic dXNlcjpwYTU1d29yZA==")
    );
}

#[tokio::test]
async fn user_agent_and_default_headers_are_sent() {
    let server = Server::start(Reply::json(200, json!({"access_token": "t"}))).await;
    generic_login::Client::builder(generic_login::Server::Custom(server.url().to_string()))
        .user_agent("my-app/2.0")
        .default_header("x-tenant", "acme")
        .default_header("x-trace", "on")
        .default_header("x-api-key", SECRET)
        .build()
        .expect("the client builds")
        .login(&login_form())
        .await
        .expect("the 200 decodes");
    let request = server.single_request();
    assert_eq!(request.header("user-agent"), Some("my-app/2.0"));
    assert_eq!(request.header("x-tenant"), Some("acme"));
    assert_eq!(request.header("x-trace"), Some("on"));
    assert_eq!(request.header("x-api-key"), Some(SECRET));
}

#[tokio::test]
async fn a_reqwest_client_of_ones_own_is_used_with_the_builders_settings() {
    let mut defaults = reqwest::header::HeaderMap::new();
    defaults.insert("x-own-client", "yes".parse().expect("a header value"));
    let own = reqwest::Client::builder()
        .default_headers(defaults)
        .build()
        .expect("a reqwest client");
    let server = Server::sequence(vec![
        Reply::json(200, json!({"access_token": "t"})),
        Reply::json(200, json!({"access_token": "t"})).delayed(Duration::from_secs(2)),
    ])
    .await;
    let client = chkk::Client::builder(chkk::Server::Custom(server.url().to_string()))
        .http_client(own)
        .bearer_token(SECRET)
        .timeout(Duration::from_millis(200))
        .build()
        .expect("the client builds");
    client.login().await.expect("the 200 decodes");
    let request = &server.requests()[0];
    assert_eq!(request.header("x-own-client"), Some("yes"));
    assert_eq!(request.header("user-agent"), Some("chkk/0.1.0"));
    assert_eq!(request.header("authorization"), Some(SECRET));
    // The builder's timeout still applies to a client of one's own.
    let error = client.login().await.expect_err("too slow");
    assert!(error.is_timeout(), "{error:?}");
}

/// Asserts that neither `Debug` (plain and pretty) nor `Display` shows the secret.
fn assert_hidden(what: &str, debug: String, pretty: String) {
    assert!(!debug.contains(SECRET), "{what} Debug leaks: {debug}");
    assert!(
        !pretty.contains(SECRET),
        "{what} pretty Debug leaks: {pretty}"
    );
}

macro_rules! hidden {
    ($value:expr) => {{
        let value = &$value;
        assert_hidden(
            stringify!($value),
            format!("{value:?}"),
            format!("{value:#?}"),
        );
    }};
}

#[test]
fn request_bodies_hide_passwords_and_client_secrets() {
    let chift = chift::types::AuthItem::new("id", SECRET, uuid::Uuid::nil());
    hidden!(chift);
    assert_eq!(chift.client_secret.expose(), SECRET);
    let dynamosql = dynamosql::types::AuthTokenBody::new("id", SECRET);
    hidden!(dynamosql);
    assert_eq!(dynamosql.client_secret.expose(), SECRET);
    let klearstack = klearstack::types::GetAccessTokenRequest::new("u", SECRET, "c");
    hidden!(klearstack);
    assert_eq!(klearstack.password.expose(), SECRET);
    let login = login_form();
    hidden!(login);
    assert_eq!(
        login.password.as_ref().map(|p| p.expose().as_str()),
        Some(SECRET)
    );
    let client_secret = login.client_secret.clone().flatten().expect("set");
    assert_eq!(client_secret.expose(), SECRET);
    assert_eq!(client_secret.into_inner(), SECRET);
}

#[test]
fn token_responses_hide_their_tokens() {
    let chift: chift::types::Token = serde_json::from_value(json!({
        "access_token": SECRET, "token_type": "bearer", "expires_in": 1, "expires_on": 2
    }))
    .expect("decodes");
    hidden!(chift);
    assert_eq!(chift.access_token.expose(), SECRET);
    let dynamosql: dynamosql::types::AuthTokenResponse = serde_json::from_value(json!({
        "success": true, "data": {"accessToken": SECRET, "refreshToken": SECRET}
    }))
    .expect("decodes");
    hidden!(dynamosql);
    let klearstack: klearstack::types::AccessTokenResponse = serde_json::from_value(json!({
        "access_token": SECRET, "refresh_token": SECRET, "release_version": "1"
    }))
    .expect("decodes");
    hidden!(klearstack);
    assert_eq!(
        klearstack
            .refresh_token
            .as_ref()
            .map(|t| t.expose().as_str()),
        Some(SECRET)
    );
    let login: generic_login::types::TokenResponse =
        serde_json::from_value(json!({"access_token": SECRET})).expect("decodes");
    hidden!(login);
    let chkk: chkk::types::LoginResponse = serde_json::from_value(json!({
        "access_tokens": {"org": {"acct": {"access_token": SECRET, "created": 1}}}
    }))
    .expect("decodes");
    hidden!(chkk);
    // Serializing is the wire form: there the value is plain, on purpose.
    assert!(serde_json::to_string(&chkk)
        .expect("serializes")
        .contains(SECRET));
}

#[test]
fn credentials_clients_and_builders_hide_what_they_hold() {
    let chkk = chkk::Client::builder(chkk::Server::default()).bearer_token(SECRET);
    hidden!(chkk);
    let chkk = chkk.build().expect("builds");
    hidden!(chkk);
    hidden!(chkk.credentials());
    let held = chkk.credentials().bearer_token.as_ref().expect("set");
    assert_eq!(held.expose(), SECRET);
    // A default header is a common place for a key the spec does not declare.
    let chift = chift::Client::builder(chift::Server::default())
        .bearer_auth(SECRET)
        .default_header("x-api-key", SECRET);
    hidden!(chift);
    hidden!(chift.build().expect("builds"));
    let dynamosql = dynamosql::Client::builder(dynamosql::Server::default()).cognito_jwt(SECRET);
    hidden!(dynamosql);
    let dynamosql = dynamosql.build().expect("builds");
    hidden!(dynamosql);
    hidden!(dynamosql.credentials());
}

#[tokio::test]
async fn a_response_value_shows_header_names_but_not_values() {
    let server = Server::start(
        Reply::json(200, json!({"access_token": SECRET})).header("set-cookie", SECRET),
    )
    .await;
    let response = login_client(&server)
        .login(&login_form())
        .await
        .expect("the 200 decodes");
    hidden!(response);
    assert!(format!("{response:?}").contains("set-cookie"));
    assert_eq!(
        response
            .body
            .access_token
            .as_ref()
            .map(|t| t.expose().as_str()),
        Some(SECRET)
    );
}

/// Errors of every kind built from replies that carry the secret in headers and body.
async fn errors_carrying_the_secret() -> Vec<generic_login::Error<generic_login::LoginError>> {
    let with_secret = |reply: Reply| reply.header("x-session-token", SECRET);
    let replies = [
        with_secret(Reply::json(418, json!({"access_token": SECRET}))),
        with_secret(Reply::bytes(
            200,
            "application/json",
            format!("{{\"access_token\": {SECRET}"),
        )),
        with_secret(Reply::json(200, json!({"access_token": [SECRET]}))),
        with_secret(Reply::bytes(200, "application/json", SECRET.repeat(100))),
    ];
    let mut errors = Vec::new();
    for reply in replies {
        let server = Server::start(reply).await;
        let client =
            generic_login::Client::builder(generic_login::Server::Custom(server.url().to_string()))
                .body_limit(1000)
                .build()
                .expect("the client builds");
        errors.push(client.login(&login_form()).await.expect_err("an error"));
    }
    errors
}

#[tokio::test]
async fn errors_never_show_secrets_in_debug_or_display() {
    let errors = errors_carrying_the_secret().await;
    assert!(matches!(errors[0].kind(), ErrorKind::UnexpectedStatus));
    assert!(matches!(errors[1].kind(), ErrorKind::Decode(_)));
    assert!(matches!(errors[2].kind(), ErrorKind::Decode(_)));
    assert!(matches!(errors[3].kind(), ErrorKind::BodyTooLarge { .. }));
    for error in &errors {
        hidden!(error);
        let display = error.to_string();
        assert!(!display.contains(SECRET), "Display leaks: {display}");
    }
    // The raw bytes are still there for whoever asks for them on purpose; the text is
    // scrubbed, and the header that echoes the secret is marked sensitive.
    let body = errors[0].body().expect("kept");
    assert!(String::from_utf8_lossy(body.bytes()).contains(SECRET));
    assert!(!body.text_lossy().contains(SECRET));
    let echoed = &errors[0].headers()["x-session-token"];
    assert_eq!(echoed, SECRET);
    assert!(echoed.is_sensitive());
}

#[tokio::test]
async fn a_transport_error_does_not_show_a_key_sent_in_the_url() {
    // A port that was just free: the connection is refused. The URL carries the secret in
    // its query, as it does when an API key travels there; the error names the URL without
    // query values.
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|listener| listener.local_addr())
        .expect("a free port")
        .port();
    let client = chkk::Client::builder(chkk::Server::Custom(format!(
        "http://127.0.0.1:{port}/v1?key={SECRET}"
    )))
    .timeout(Duration::from_secs(5))
    .build()
    .expect("the client builds");
    let error = client.login().await.expect_err("no server");
    assert!(
        matches!(error.kind(), chkk::ErrorKind::Transport(_)),
        "{error:?}"
    );
    hidden!(error);
    let display = error.to_string();
    assert!(!display.contains(SECRET), "{display}");
    assert!(
        display.starts_with(&format!(
            "`login`: POST http://127.0.0.1:{port}/v1/login?key=… failed: "
        )),
        "{display}"
    );
}

#[tokio::test]
async fn a_declared_error_keeps_status_headers_and_retry_after() {
    let envelope = json!({"code": 429, "detail": "slow down", "type": "rate_limited"});
    let error = login_error(Reply::json(429, envelope).header("Retry-After", "7")).await;
    assert_eq!(error.status(), Some(reqwest::StatusCode::TOO_MANY_REQUESTS));
    assert_eq!(error.headers()["retry-after"], "7");
    assert_eq!(error.retry_after(), Some(Duration::from_secs(7)));
    assert_eq!(error.operation(), "login");
    assert_eq!(error.method(), Some(&reqwest::Method::POST));
    assert!(
        error.body().is_none(),
        "a declared error's body is its typed value"
    );
    match error.declared() {
        Some(generic_login::LoginError::TooManyRequests(envelope)) => {
            assert_eq!(envelope.detail.as_deref(), Some("slow down"))
        }
        other => panic!("expected TooManyRequests, got {other:?}"),
    }
}

#[tokio::test]
async fn every_error_kind_displays_one_line_naming_the_operation() {
    let long_body = format!("{{\"detail\": \"{}\"}}", "x".repeat(5000));
    let cases = [
        (Reply::json(404, json!({"detail": "no"})), "answered 404 Not Found, a declared error"),
        (
            Reply::bytes(418, "text/plain", long_body.clone()),
            "answered 418 I'm a teapot, a status the API does not declare (5014 bytes of body)",
        ),
        (
            Reply::bytes(200, "application/json", "{\"orgs\": 1}"),
            "answered 200 OK with a body that does not match its schema at `orgs`: invalid type: integer `1`, expected a sequence",
        ),
    ];
    for (reply, expected) in cases {
        let server = Server::start(reply).await;
        let error = login_client(&server)
            .login(&login_form())
            .await
            .expect_err("an error");
        let display = error.to_string();
        let prefix = format!("`login`: POST {}/api/v1/auth/login ", server.url());
        assert!(display.starts_with(&prefix), "{display}");
        assert!(display.contains(expected), "{display}");
        assert!(
            !display.contains('\n') && !display.contains("xxxx"),
            "{display}"
        );
        // Debug has it all, the body bounded.
        let debug = format!("{error:?}");
        assert!(
            debug.contains("status: 4") || debug.contains("status: 2"),
            "{debug}"
        );
        assert!(debug.len() < 4000, "{} bytes of Debug", debug.len());
    }
}
