//! The request's tracing span, seen by a subscriber: operation id, method, path template,
//! attempt, status and duration, and never a secret or a query value. In a test binary of its
//! own: tracing caches whether a call site is enabled, and other tests running first without
//! a subscriber would race with this one's.

mod common;

use common::{Reply, Server};
use serde_json::json;
use std::sync::Arc;
use std::time::Duration;

fn token_reply() -> Reply {
    Reply::json(200, json!({"access_tokens": {}}))
}

fn policy() -> chkk::RetryPolicy {
    chkk::RetryPolicy::conservative()
        .max_attempts(4)
        .initial_backoff(Duration::from_secs(1))
}

/// A span's name and its fields, as recorded at creation or later.
type Seen = (String, Vec<(String, String)>);

/// Spans as a subscriber sees them.
#[derive(Default, Clone)]
struct Spans(Arc<std::sync::Mutex<Vec<Seen>>>);

struct Fields<'a>(&'a mut Vec<(String, String)>);

impl tracing::field::Visit for Fields<'_> {
    fn record_debug(&mut self, field: &tracing::field::Field, value: &dyn std::fmt::Debug) {
        self.0
            .push((field.name().to_string(), format!("{value:?}")));
    }

    fn record_str(&mut self, field: &tracing::field::Field, value: &str) {
        self.0.push((field.name().to_string(), value.to_string()));
    }
}

impl tracing::Subscriber for Spans {
    fn enabled(&self, _: &tracing::Metadata<'_>) -> bool {
        true
    }

    fn new_span(&self, span: &tracing::span::Attributes<'_>) -> tracing::span::Id {
        let mut spans = self.0.lock().expect("lock");
        let mut fields = Vec::new();
        span.record(&mut Fields(&mut fields));
        spans.push((span.metadata().name().to_string(), fields));
        tracing::span::Id::from_u64(spans.len() as u64)
    }

    fn record(&self, id: &tracing::span::Id, values: &tracing::span::Record<'_>) {
        let mut spans = self.0.lock().expect("lock");
        if let Some((_, fields)) = spans.get_mut(id.into_u64() as usize - 1) {
            values.record(&mut Fields(fields));
        }
    }

    fn record_follows_from(&self, _: &tracing::span::Id, _: &tracing::span::Id) {}

    fn event(&self, _: &tracing::Event<'_>) {}

    fn enter(&self, _: &tracing::span::Id) {}

    fn exit(&self, _: &tracing::span::Id) {}
}

#[tokio::test(start_paused = true)]
async fn each_request_runs_in_a_span_without_secrets_or_query_values() {
    let spans = Spans::default();
    let _guard = tracing::subscriber::set_default(spans.clone());
    let server = Server::sequence(vec![Reply::status(503), token_reply()]).await;
    let client = chkk::Client::builder(chkk::Server::Custom(format!(
        "{}/v1?tenant=query-value-5a",
        server.url()
    )))
    .bearer_token("bearer-secret-71")
    .retry(policy())
    .build()
    .expect("the client builds");
    client.login().await.expect("the retry succeeds");
    let spans = spans.0.lock().expect("lock").clone();
    let requests: Vec<&Vec<(String, String)>> = spans
        .iter()
        .filter(|(name, _)| name == "request")
        .map(|(_, fields)| fields)
        .collect();
    assert_eq!(requests.len(), 1, "{spans:?}");
    let field = |name: &str| {
        requests[0]
            .iter()
            .rev()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.clone())
    };
    assert_eq!(field("operation").as_deref(), Some("login"));
    assert_eq!(field("method").as_deref(), Some("POST"));
    assert_eq!(field("path").as_deref(), Some("/login"));
    assert_eq!(field("attempt").as_deref(), Some("2"));
    assert_eq!(field("status").as_deref(), Some("200"));
    assert!(field("duration_ms").is_some(), "{requests:?}");
    let everything = format!("{spans:?}");
    assert!(!everything.contains("bearer-secret-71"), "{everything}");
    assert!(!everything.contains("query-value-5a"), "{everything}");
}
