//! Retries, per-call options and the request's tracing span, over real HTTP on tokio's paused
//! clock: attempt counts, delays within their jitter bounds, `Retry-After` in seconds and as an
//! HTTP date (capped), giving up, what is never retried, and credentials asked for again on
//! each attempt.

mod common;

use chkk::{CallOptions, RetryPolicy};
use common::{Reply, Server};
use serde_json::json;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::Duration;

fn token_reply() -> Reply {
    Reply::json(200, json!({"access_tokens": {}}))
}

fn chkk_client(server: &Server, policy: RetryPolicy) -> chkk::Client {
    chkk::Client::builder(chkk::Server::Custom(server.url().to_string()))
        .bearer_token("t")
        .retry(policy)
        .build()
        .expect("the client builds")
}

/// The time between consecutive requests, on the paused clock.
fn gaps(server: &Server) -> Vec<Duration> {
    let requests = server.requests();
    requests
        .windows(2)
        .map(|pair| pair[1].received - pair[0].received)
        .collect()
}

fn policy() -> RetryPolicy {
    RetryPolicy::conservative()
        .max_attempts(4)
        .initial_backoff(Duration::from_secs(1))
        .max_backoff(Duration::from_secs(3))
}

#[tokio::test(start_paused = true)]
async fn a_503_is_retried_with_full_jitter_backoff_until_it_succeeds() {
    let mut delays: Vec<Vec<Duration>> = Vec::new();
    for _ in 0..20 {
        let server = Server::sequence(vec![
            Reply::status(503),
            Reply::status(503),
            Reply::status(503),
            token_reply(),
        ])
        .await;
        let response = chkk_client(&server, policy())
            .login()
            .await
            .expect("the fourth attempt succeeds");
        assert_eq!(response.status, 200);
        assert_eq!(server.requests().len(), 4);
        delays.push(gaps(&server));
    }
    // Bounds 1 s, 2 s, then capped at 3 s; each delay drawn uniformly below its bound.
    let bounds = [1000u128, 2000, 3000];
    for gaps in &delays {
        for (gap, bound) in gaps.iter().zip(bounds) {
            assert!(gap.as_millis() <= bound, "{gaps:?}");
        }
    }
    for (index, bound) in bounds.iter().enumerate() {
        let drawn: Vec<u128> = delays.iter().map(|g| g[index].as_millis()).collect();
        let mean = drawn.iter().sum::<u128>() / drawn.len() as u128;
        assert!(
            mean > bound / 5 && mean < bound * 4 / 5,
            "retry {}: delays {drawn:?} are not spread below {bound} ms",
            index + 1
        );
    }
}

#[tokio::test(start_paused = true)]
async fn retry_after_in_seconds_is_honoured_and_capped() {
    let server = Server::sequence(vec![
        Reply::status(429).header("Retry-After", "7"),
        Reply::status(429).header("Retry-After", "3600"),
        token_reply(),
    ])
    .await;
    let policy = policy()
        .max_retry_after(Duration::from_secs(20))
        .max_elapsed(Duration::from_secs(60));
    chkk_client(&server, policy)
        .login()
        .await
        .expect("the third attempt succeeds");
    assert_eq!(
        gaps(&server),
        [Duration::from_secs(7), Duration::from_secs(20)]
    );
}

#[tokio::test(start_paused = true)]
async fn retry_after_as_an_http_date_is_honoured() {
    let at = std::time::SystemTime::now() + Duration::from_secs(5);
    let date = httpdate_text(at);
    let server = Server::sequence(vec![
        Reply::status(503).header("Retry-After", &date),
        token_reply(),
    ])
    .await;
    chkk_client(&server, policy())
        .login()
        .await
        .expect("the second attempt succeeds");
    let gap = gaps(&server)[0];
    // The date has whole seconds: the wait is what is left of them.
    assert!(
        gap > Duration::from_secs(3) && gap <= Duration::from_secs(5),
        "{gap:?}"
    );
}

/// An IMF-fixdate, as servers send in `Retry-After`.
fn httpdate_text(at: std::time::SystemTime) -> String {
    let seconds = at
        .duration_since(std::time::UNIX_EPOCH)
        .expect("after the epoch")
        .as_secs();
    let (days, rest) = (seconds / 86400, seconds % 86400);
    let (hour, minute, second) = (rest / 3600, rest % 3600 / 60, rest % 60);
    // Civil date from days since 1970-01-01 (Howard Hinnant's algorithm).
    let z = days as i64 + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    let weekday = ["Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"][(days % 7) as usize];
    let month_name = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ][(month - 1) as usize];
    format!("{weekday}, {day:02} {month_name} {year} {hour:02}:{minute:02}:{second:02} GMT")
}

#[tokio::test(start_paused = true)]
async fn it_gives_up_after_the_last_attempt_with_the_last_answer() {
    let server = Server::start(Reply::status(503).header("x-attempt", "any")).await;
    let error = chkk_client(&server, policy())
        .login()
        .await
        .expect_err("every attempt fails");
    assert_eq!(server.requests().len(), 4);
    assert_eq!(error.attempts(), 4);
    assert_eq!(
        error.status(),
        Some(reqwest::StatusCode::SERVICE_UNAVAILABLE)
    );
    assert_eq!(error.headers()["x-attempt"], "any");
    assert!(error.to_string().ends_with("(after 4 attempts)"), "{error}");
}

#[tokio::test(start_paused = true)]
async fn no_retry_starts_past_the_total_time() {
    let server = Server::start(Reply::status(429).header("Retry-After", "20")).await;
    let policy = policy().max_elapsed(Duration::from_secs(10));
    let error = chkk_client(&server, policy).login().await.expect_err("429");
    assert_eq!(server.requests().len(), 1);
    assert_eq!(error.retry_after(), Some(Duration::from_secs(20)));
}

#[tokio::test(start_paused = true)]
async fn nothing_is_retried_by_default() {
    let server = Server::start(Reply::status(503)).await;
    chkk::Client::builder(chkk::Server::Custom(server.url().to_string()))
        .build()
        .expect("the client builds")
        .login()
        .await
        .expect_err("503");
    assert_eq!(server.requests().len(), 1);
}

#[tokio::test(start_paused = true)]
async fn a_post_is_not_retried_on_502_unless_it_has_an_idempotency_key() {
    let server = Server::start(Reply::status(502)).await;
    let client = chkk_client(&server, policy());
    client.login().await.expect_err("502");
    assert_eq!(server.requests().len(), 1, "a POST may have been acted on");
    let keyed = client.with_options(CallOptions::new().idempotency_key("key-1"));
    let error = keyed.login().await.expect_err("502");
    let requests = server.requests();
    assert_eq!(requests.len(), 5, "1 + 4 attempts with the key");
    assert!(requests[1..]
        .iter()
        .all(|r| r.header("idempotency-key") == Some("key-1")));
    assert_eq!(error.attempts(), 4);
}

#[tokio::test(start_paused = true)]
async fn a_refused_connection_is_retried() {
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|listener| listener.local_addr())
        .expect("a free port")
        .port();
    let client = chkk::Client::builder(chkk::Server::Custom(format!("http://127.0.0.1:{port}")))
        .retry(policy())
        .build()
        .expect("the client builds");
    let error = client.login().await.expect_err("no server");
    assert_eq!(error.attempts(), 4);
    assert!(
        matches!(error.kind(), chkk::ErrorKind::Transport(_)),
        "{error:?}"
    );
    assert!(
        error.to_string().starts_with(&format!(
            "`login`: POST http://127.0.0.1:{port}/login failed: "
        )),
        "{error}"
    );
}

#[tokio::test(start_paused = true)]
async fn a_multipart_body_is_never_sent_twice() {
    let server = Server::start(Reply::status(503)).await;
    let client = klearstack::Client::builder(klearstack::Server::Custom(server.url().to_string()))
        .retry(klearstack::RetryPolicy::conservative())
        .build()
        .expect("the client builds");
    let form = klearstack::types::GetAccessTokenRequest::new("u", "p", "c");
    let error = client.get_access_token(&form).await.expect_err("503");
    assert_eq!(server.requests().len(), 1);
    assert_eq!(error.attempts(), 1);
}

#[tokio::test(start_paused = true)]
async fn a_call_can_bring_its_own_retry_policy_headers_and_timeout() {
    let server = Server::sequence(vec![
        Reply::status(503),
        token_reply(),
        token_reply().delayed(Duration::from_secs(5)),
    ])
    .await;
    let client = chkk::Client::builder(chkk::Server::Custom(server.url().to_string()))
        .build()
        .expect("the client builds");
    let options = CallOptions::new()
        .retry(policy())
        .header("x-request-tag", "tag-1");
    client
        .with_options(options)
        .login()
        .await
        .expect("retried by the call's policy");
    let requests = server.requests();
    assert_eq!(requests.len(), 2);
    assert!(requests
        .iter()
        .all(|r| r.header("x-request-tag") == Some("tag-1")));
    // The client itself keeps its own settings...
    let short = client.with_options(CallOptions::new().timeout(Duration::from_millis(300)));
    let error = short
        .login()
        .await
        .expect_err("slower than the call's timeout");
    assert!(error.is_timeout(), "{error:?}");
    assert_eq!(server.requests()[2].header("x-request-tag"), None);
}

/// A credential source that counts how often it is asked.
struct Counting(Arc<AtomicUsize>);

impl chkk::CredentialSource for Counting {
    fn credential(&self) -> chkk::runtime::CredentialFuture<'_> {
        let n = self.0.fetch_add(1, Ordering::SeqCst) + 1;
        Box::pin(async move { Ok(chkk::Secret::new(format!("token-{n}"))) })
    }
}

#[tokio::test(start_paused = true)]
async fn credentials_are_resolved_again_for_each_attempt() {
    let server = Server::sequence(vec![Reply::status(503), token_reply()]).await;
    let asked = Arc::new(AtomicUsize::new(0));
    let client = chkk::Client::builder(chkk::Server::Custom(server.url().to_string()))
        .bearer_token_source(Counting(Arc::clone(&asked)))
        .retry(policy())
        .build()
        .expect("the client builds");
    client.login().await.expect("the retry succeeds");
    let sent: Vec<Option<String>> = server
        .requests()
        .iter()
        .map(|r| r.header("authorization").map(str::to_string))
        .collect();
    assert_eq!(sent, [Some("token-1".into()), Some("token-2".into())]);
    assert_eq!(asked.load(Ordering::SeqCst), 2);
}

#[tokio::test]
async fn a_post_without_a_body_says_content_length_zero() {
    let server = Server::start(token_reply()).await;
    chkk_client(&server, RetryPolicy::none())
        .login()
        .await
        .expect("the 200 decodes");
    let request = server.single_request();
    assert_eq!(request.method, "POST");
    assert_eq!(request.header("content-length"), Some("0"));
    assert!(request.body.is_empty());
}
