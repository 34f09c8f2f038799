//! A `reqwest_middleware` client (the runtime's `middleware` feature) carries a generated
//! client's requests: the middleware sees each one, and the client's own settings, retries
//! and error reporting still apply.

mod common;

use common::{Reply, Server};
use reqwest_middleware::{ClientBuilder, Next};
use serde_json::json;
use std::sync::atomic::{AtomicUsize, Ordering};

static SEEN: AtomicUsize = AtomicUsize::new(0);

/// Counts the requests and marks them, as a tracing or caching middleware would touch them.
fn mark<'a>(
    mut request: reqwest::Request,
    extensions: &'a mut http::Extensions,
    next: Next<'a>,
) -> std::pin::Pin<
    Box<
        dyn std::future::Future<Output = reqwest_middleware::Result<reqwest::Response>> + Send + 'a,
    >,
> {
    SEEN.fetch_add(1, Ordering::SeqCst);
    request
        .headers_mut()
        .insert("x-middleware", "seen".parse().expect("a header value"));
    Box::pin(next.run(request, extensions))
}

#[tokio::test(start_paused = true)]
async fn a_middleware_client_carries_the_requests() {
    let server = Server::sequence(vec![
        Reply::status(503),
        Reply::json(200, json!({"access_tokens": {}})),
    ])
    .await;
    let middleware = ClientBuilder::new(reqwest::Client::new())
        .with(mark)
        .build();
    let client = chkk::Client::builder(chkk::Server::Custom(server.url().to_string()))
        .http_client(middleware)
        .bearer_token("key-for-middleware")
        .user_agent("with-middleware/1")
        .retry(chkk::RetryPolicy::conservative())
        .build()
        .expect("the client builds");
    let response = client.login().await.expect("the retry succeeds");
    assert_eq!(response.status, 200);
    assert_eq!(SEEN.load(Ordering::SeqCst), 2);
    for request in server.requests() {
        assert_eq!(request.header("x-middleware"), Some("seen"));
        assert_eq!(request.header("user-agent"), Some("with-middleware/1"));
        assert_eq!(request.header("authorization"), Some("key-for-middleware"));
    }
}
