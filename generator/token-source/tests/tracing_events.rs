//! The `tracing` events the cache emits: logins, retries, failures, obtained tokens and
//! rejected expiry values (naming the field), and never a token or refresh token in any of
//! them. A small recording subscriber stands in for a real one.

use serde_json::json;
use std::fmt::{self, Write};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;
use token_source::{AccessToken, Failure, Fetch, FetchFuture, TokenCache, TokenFields};
use tracing::field::{Field, Visit};
use tracing::span::{Attributes, Id, Record};
use tracing::{Event, Metadata, Subscriber};

/// Every event as one line: level, then each field as `name=value`.
#[derive(Clone, Default)]
struct Recorder(Arc<Mutex<Vec<String>>>);

struct Line<'a>(&'a mut String);

impl Visit for Line<'_> {
    fn record_debug(&mut self, field: &Field, value: &dyn fmt::Debug) {
        let _ = write!(self.0, " {}={:?}", field.name(), value);
    }
}

impl Subscriber for Recorder {
    fn enabled(&self, _: &Metadata<'_>) -> bool {
        true
    }
    fn new_span(&self, _: &Attributes<'_>) -> Id {
        Id::from_u64(1)
    }
    fn record(&self, _: &Id, _: &Record<'_>) {}
    fn record_follows_from(&self, _: &Id, _: &Id) {}
    fn event(&self, event: &Event<'_>) {
        let mut line = event.metadata().level().to_string();
        event.record(&mut Line(&mut line));
        self.0.lock().expect("lock").push(line);
    }
    fn enter(&self, _: &Id) {}
    fn exit(&self, _: &Id) {}
}

impl Recorder {
    fn lines(&self) -> Vec<String> {
        self.0.lock().expect("lock").clone()
    }
}

#[derive(Debug)]
struct Unavailable;

impl fmt::Display for Unavailable {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("503 from the token endpoint")
    }
}

impl std::error::Error for Unavailable {}

/// Succeeds on the first login, fails the next three, then succeeds again.
#[derive(Default)]
struct Flaky(AtomicUsize);

impl Fetch for Flaky {
    type Error = Unavailable;

    fn login(&self) -> FetchFuture<'_, Unavailable> {
        let n = self.0.fetch_add(1, Ordering::SeqCst);
        Box::pin(async move {
            if (1..=3).contains(&n) {
                return Err(Unavailable);
            }
            Ok(
                AccessToken::new(format!("secret-token-{n}"), Duration::from_secs(600))
                    .with_refresh_token("secret-refresh"),
            )
        })
    }

    fn failure(&self, _: &Unavailable) -> Failure {
        Failure::Transient
    }
}

#[test]
fn logins_retries_and_failures_are_traced_without_the_token() {
    let recorder = Recorder::default();
    let _guard = tracing::subscriber::set_default(recorder.clone());
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_time()
        .start_paused(true)
        .build()
        .expect("a runtime");
    runtime.block_on(async {
        let cache = TokenCache::new(Flaky::default());
        cache.token().await.expect("a token");
        // Inside the margin: the renewal fails three times in the background.
        tokio::time::advance(Duration::from_secs(590)).await;
        for _ in 0..100 {
            cache.token().await.expect("the old token");
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        assert_eq!(cache.fetcher().0.load(Ordering::SeqCst), 5);
    });
    let lines = recorder.lines();
    let text = lines.join("\n");
    for expected in [
        "logging in",
        "access token obtained",
        "renewing the token in the background",
        "token request failed; retrying",
        "could not obtain an access token",
        "503 from the token endpoint",
    ] {
        assert!(text.contains(expected), "no `{expected}` in:\n{text}");
    }
    assert!(!text.contains("secret-"), "a token was traced:\n{text}");
}

#[test]
fn rejected_expiry_values_are_warnings_naming_the_field() {
    let recorder = Recorder::default();
    let _guard = tracing::subscriber::set_default(recorder.clone());
    let fields = TokenFields::new("/t").expires_in("/data/ttl");
    for ttl in [json!(-5), json!("NaN"), json!(1e300)] {
        fields
            .read(&json!({"t": "secret-token", "data": {"ttl": ttl}}))
            .expect("a token");
    }
    let lines = recorder.lines();
    assert_eq!(lines.len(), 3, "{lines:#?}");
    for line in &lines {
        assert!(line.starts_with("WARN"), "{line}");
        assert!(line.contains(r#"field="/data/ttl""#), "{line}");
        assert!(!line.contains("secret-token"), "{line}");
    }
    assert!(lines[0].contains("negative") && lines[1].contains("not finite"));
    assert!(lines[2].contains("clamped"));
}
