//! Generated clients under bad replies: for each of the five generated crates, a real HTTP
//! server on 127.0.0.1 answers the crate's operation with arbitrary status codes, headers and
//! bodies (random bytes, non-UTF-8, random JSON, the expected JSON cut short, bodies beyond the
//! body limit, JSON nested 10,000 deep) framed with a length, chunked, or cut off mid-body. The
//! operation must always return a `Result` (a panic fails the test), never hand back more than
//! the body limit, and refuse a body beyond it. A few hundred cases in all, the same on every
//! run; `REPLY_CASES=n` sets the number per crate and `PROPTEST_RNG_SEED=n` draws other ones.

mod common;
#[path = "fuzz_support/seed.rs"]
mod seed;

use common::{Reply, Server};
use proptest::prelude::*;
use proptest::test_runner::{Config, FileFailurePersistence};
use serde_json::{json, Value};
use std::time::Duration;

/// The body limit every client under test is built with.
const LIMIT: usize = 16 * 1024;

fn config() -> Config {
    let cases = std::env::var("REPLY_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(60);
    seed::seeded(Config {
        cases,
        failure_persistence: Some(Box::new(FileFailurePersistence::Off)),
        ..Config::default()
    })
}

/// How the body goes on the wire.
#[derive(Debug, Clone)]
enum Framing {
    Length,
    Chunked,
    /// A `Content-Length` for the whole body, then only this fraction (per mille) of it.
    Cut(u16),
}

#[derive(Debug, Clone)]
struct BadReply {
    status: u16,
    headers: Vec<(String, String)>,
    body: Vec<u8>,
    framing: Framing,
}

impl BadReply {
    fn reply(&self) -> Reply {
        let mut reply = Reply::status(self.status);
        for (name, value) in &self.headers {
            reply = reply.header(name, value);
        }
        reply.body = self.body.clone();
        match self.framing {
            Framing::Length => reply,
            Framing::Chunked => reply.chunked(),
            Framing::Cut(per_mille) => {
                let sent = self.body.len() * usize::from(per_mille) / 1000;
                reply.truncated(sent)
            }
        }
    }

    /// Whether the client must refuse this reply as too large: a body beyond the limit, sent
    /// whole, with a status that can carry a body.
    fn must_be_too_large(&self) -> bool {
        let body_allowed = !(100..200).contains(&self.status) && ![204, 304].contains(&self.status);
        body_allowed && self.body.len() > LIMIT && !matches!(self.framing, Framing::Cut(_))
    }
}

fn status() -> impl Strategy<Value = u16> {
    prop_oneof![
        12 => prop::sample::select(vec![200u16, 201, 204, 400, 401, 403, 404, 409, 422, 429, 500, 503]),
        6 => 200u16..600,
        1 => 600u16..1000,
        // Informational statuses make the client wait for a final reply that never comes;
        // the client's timeout ends the wait, so they are few.
        1 => 100u16..200,
    ]
}

fn header() -> impl Strategy<Value = (String, String)> {
    let content_types = prop::sample::select(vec![
        "application/json",
        "application/json; charset=utf-8",
        "application/problem+json",
        "text/plain",
        "text/html; charset=latin1",
        "application/octet-stream",
        "",
        "garbage",
        "multipart/form-data; boundary=x",
    ]);
    prop_oneof![
        content_types.prop_map(|v| ("Content-Type".to_string(), v.to_string())),
        (
            prop::sample::select(vec![
                "Content-Encoding",
                "Retry-After",
                "Set-Cookie",
                "Location",
                "X-Request-Id",
                "Connection",
                "WWW-Authenticate",
            ]),
            "[ -~]{0,40}",
        )
            .prop_map(|(n, v)| (n.to_string(), v.trim().to_string())),
    ]
}

const FIELDS: [&str; 16] = [
    "access_token",
    "token_type",
    "expires_in",
    "refresh_token",
    "detail",
    "loc",
    "msg",
    "type",
    "message",
    "error",
    "data",
    "status",
    "orgs",
    "id",
    "user",
    "access_tokens",
];

fn json_value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(|n| json!(n)),
        any::<f64>()
            .prop_map(|f| serde_json::Number::from_f64(f).map_or(Value::Null, Value::Number)),
        "[^\u{0}]{0,16}".prop_map(Value::String),
    ];
    leaf.prop_recursive(4, 48, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::vec((prop::sample::select(FIELDS.to_vec()), inner), 0..6).prop_map(
                |entries| {
                    Value::Object(
                        entries
                            .into_iter()
                            .map(|(k, v)| (k.to_string(), v))
                            .collect(),
                    )
                }
            ),
        ]
    })
}

/// `expected` is a body the operation's success status would decode.
fn body(expected: Value) -> impl Strategy<Value = Vec<u8>> {
    let text = expected.to_string().into_bytes();
    let cut_text = text.clone();
    prop_oneof![
        Just(text),
        (0usize..1000)
            .prop_map(move |per_mille| { cut_text[..cut_text.len() * per_mille / 1000].to_vec() }),
        json_value().prop_map(|v| v.to_string().into_bytes()),
        prop::collection::vec(any::<u8>(), 0..512),
        json_value().prop_map(|v| {
            // Valid JSON with a byte that is not UTF-8 in the middle.
            let mut bytes = v.to_string().into_bytes();
            let middle = bytes.len() / 2;
            bytes.insert(middle, 0xff);
            bytes
        }),
        (LIMIT + 1..LIMIT * 4).prop_map(|n| {
            let mut bytes = b"{\"access_token\": \"".to_vec();
            bytes.resize(n, b'a');
            bytes
        }),
        Just(format!("{}{}", "[".repeat(10_000), "]".repeat(10_000)).into_bytes()),
        Just(Vec::new()),
    ]
}

fn framing() -> impl Strategy<Value = Framing> {
    prop_oneof![
        3 => Just(Framing::Length),
        2 => Just(Framing::Chunked),
        1 => (0u16..1000).prop_map(Framing::Cut),
    ]
}

fn bad_reply(expected: Value) -> impl Strategy<Value = BadReply> {
    (
        status(),
        prop::collection::vec(header(), 0..4),
        body(expected),
        framing(),
    )
        .prop_map(|(status, headers, body, framing)| BadReply {
            status,
            headers,
            body,
            framing,
        })
}

fn runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("a runtime")
}

/// One property per crate: build its client with the body limit and a short timeout, call its
/// operation against the bad reply, and check what comes back.
macro_rules! under_bad_replies {
    ($test:ident, $krate:ident, $expected:expr, |$builder:ident| $credentials:expr, |$client:ident| $call:expr) => {
        proptest! {
            #![proptest_config(config())]

            #[test]
            fn $test(reply in bad_reply($expected)) {
                runtime().block_on(async {
                    let server = Server::start(reply.reply()).await;
                    let $builder = $krate::Client::builder($krate::Server::Custom(
                        server.url().to_string(),
                    ))
                    .timeout(Duration::from_secs(2))
                    .body_limit(LIMIT);
                    let $client = $credentials.build().expect("the client builds");
                    let result = $call.await;
                    if let Some(body) = result.as_ref().err().and_then(|error| error.body()) {
                        prop_assert!(body.bytes().len() <= LIMIT, "{} bytes kept", body.bytes().len());
                    }
                    if reply.must_be_too_large() {
                        prop_assert!(
                            matches!(result.as_ref().map_err(|e| e.kind()), Err($krate::ErrorKind::BodyTooLarge { limit: LIMIT, .. })),
                            "a body beyond the limit was not refused as too large"
                        );
                    }
                    if std::env::var_os("REPLY_TRACE").is_some() {
                        let outcome = match &result {
                            Ok(_) => "ok".to_string(),
                            Err(error) => format!("{error:?}").chars().take(40).collect(),
                        };
                        eprintln!("reply-trace {} {} {:?}", reply.status, reply.body.len(), outcome);
                    }
                    // At least once: a 3xx with a `Location` is followed (up to reqwest's limit).
                    prop_assert!(!server.requests().is_empty(), "the operation reached the server");
                    Ok(())
                })?;
            }
        }
    };
}

under_bad_replies!(
    chift_token_under_bad_replies,
    chift,
    json!({"access_token": "t", "token_type": "bearer", "expires_in": 1800, "expires_on": 1}),
    |builder| builder,
    |client| {
        let body: chift::types::AuthItem = serde_json::from_value(json!({
            "clientId": "c", "clientSecret": "s", "accountId": "7f0c1a52-4d2a-4d3c-9a55-1b2c3d4e5f60"
        }))
        .expect("a request body");
        async move { client.generate_access_token_token_post(&body).await }
    }
);

under_bad_replies!(
    chkk_login_under_bad_replies,
    chkk,
    json!({"access_tokens": {"o": {"a": {"access_token": "t"}}}}),
    |builder| builder.bearer_token("key"),
    |client| async move { client.login().await }
);

under_bad_replies!(
    dynamosql_token_under_bad_replies,
    dynamosql,
    json!({"success": true, "data": {"accessToken": "t", "expiresIn": 3600}}),
    |builder| builder,
    |client| {
        let body: dynamosql::types::AuthTokenBody =
            serde_json::from_value(json!({"clientId": "c", "clientSecret": "s"}))
                .expect("a request body");
        async move { client.auth_token(&body).await }
    }
);

under_bad_replies!(
    generic_login_under_bad_replies,
    generic_login,
    json!({"access_token": "t", "token_type": "bearer"}),
    |builder| builder,
    |client| {
        let body: generic_login::types::LoginForm =
            serde_json::from_value(json!({"username": "u", "password": "p"}))
                .expect("a request body");
        async move { client.login(&body).await }
    }
);

under_bad_replies!(
    klearstack_token_under_bad_replies,
    klearstack,
    json!({"access_token": "a", "refresh_token": "r", "release_version": "1"}),
    |builder| builder,
    |client| {
        let body: klearstack::types::GetAccessTokenRequest =
            serde_json::from_value(json!({"username": "u", "password": "p", "company_name": "c"}))
                .expect("a request body");
        async move { client.get_access_token(&body).await }
    }
);
