//! No secret a call sent shows in any `Debug` or `Display` of what the call returns, even when
//! the server echoes the request back: in a JSON body (as FastAPI's 422 quotes its input), in
//! a text body, or in a header; for a declared error, an undeclared status, a decode failure
//! and a success. Every kind of secret is sent: `Secret` fields of the body (JSON, form and
//! multipart), a credential, a default header and a per-call header, on all five clients; and
//! through the runtime, HTTP basic and API keys in a header, the query and a cookie.

mod common;

use chift::runtime as client_runtime;
use common::{Echo, Reply, Server};
use serde_json::json;
use std::fmt::Debug;

/// A body secret with characters that JSON, forms and URLs each spell their own way.
const BODY_SECRET: &str = "b0dy pa55/w+rd";
const DEFAULT_HEADER: &str = "default-key-77c3a1";
const CALL_HEADER: &str = "call-key-4b2e90";
const BEARER: &str = "bearer-token-9d0c55";

/// Everything a caller might print of a call's result.
fn printed<T: Debug, E: Debug>(
    result: &Result<client_runtime::ResponseValue<T>, client_runtime::Error<E>>,
) -> String {
    match result {
        Ok(value) => format!("{value:?}\n{value:#?}\n{:?}", value.headers),
        Err(error) => format!(
            "{error}\n{error:?}\n{error:#?}\n{:?}\n{:?}\n{:?}\n{}",
            error.declared(),
            error.headers(),
            error.body(),
            error.body().map(|b| b.text_lossy()).unwrap_or_default(),
        ),
    }
}

/// The secrets went out (so the echo carried them back), and none is printed.
fn assert_scrubbed(what: &str, server: &Server, printed: &str, secrets: &[&str]) {
    let sent: String = server
        .requests()
        .iter()
        .map(|r| format!("{} {:?} {}", r.target, r.headers, r.body_text()))
        .collect();
    for secret in secrets {
        let spellings = [
            secret.to_string(),
            form_urlencoded::byte_serialize(secret.as_bytes()).collect(),
        ];
        // HTTP basic sends the password only inside its base64 pair.
        let sent_inside_basic = secret.contains("basic-pw");
        assert!(
            sent_inside_basic || spellings.iter().any(|s| sent.contains(s.as_str())),
            "{what}: `{secret}` was not sent: {sent}"
        );
        assert!(
            !printed.contains(secret),
            "{what}: `{secret}` printed:\n{printed}"
        );
        assert!(
            !printed.contains(&spellings[1]),
            "{what}: `{secret}` printed encoded:\n{printed}"
        );
    }
    assert!(
        printed.contains("[redacted]") || printed.contains("Sensitive"),
        "{what}: {printed}"
    );
}

/// FastAPI's validation error, quoting the request as its input.
fn fastapi_422() -> Reply {
    Reply::echo(
        422,
        Echo::Json(
            json!({"detail": [{"loc": ["body"], "msg": "invalid", "type": "value_error", "input": "{request}"}]}),
        ),
    )
}

/// The replies every client meets: each echo kind on a declared or undeclared error status,
/// and a body that does not decode.
fn echoes(declared_json: Reply) -> Vec<(&'static str, Reply)> {
    vec![
        ("declared JSON echo", declared_json),
        ("undeclared text echo", Reply::echo(418, Echo::Text)),
        ("undeclared JSON echo", fastapi_422_with_status(409)),
        ("header echo, empty 200", Reply::echo(200, Echo::Header)),
        (
            "success JSON echo that does not decode",
            Reply::echo(200, Echo::Json(json!(["{request}"]))),
        ),
    ]
}

fn fastapi_422_with_status(status: u16) -> Reply {
    Reply {
        status,
        ..fastapi_422()
    }
}

macro_rules! each_echo {
    ($krate:ident, $declared:expr, $secrets:expr, |$client:ident| $call:expr) => {
        for (what, reply) in echoes($declared) {
            let server = Server::start(reply).await;
            let built = $krate::Client::builder($krate::Server::Custom(server.url().to_string()))
                .default_header("x-api-key", DEFAULT_HEADER);
            let built = credentials!($krate, built)
                .build()
                .expect("the client builds");
            let $client =
                built.with_options($krate::CallOptions::new().header("x-call-key", CALL_HEADER));
            let result = $call.await;
            let what = format!("{}: {what}", stringify!($krate));
            assert_scrubbed(&what, &server, &printed(&result), $secrets);
        }
    };
}

macro_rules! credentials {
    (chkk, $builder:expr) => {
        $builder.bearer_token(BEARER)
    };
    ($other:ident, $builder:expr) => {
        $builder
    };
}

#[tokio::test]
async fn chift_scrubs_every_echo() {
    let body = chift::types::AuthItem::new("id", BODY_SECRET, uuid::Uuid::nil());
    each_echo!(
        chift,
        fastapi_422(),
        &[BODY_SECRET, DEFAULT_HEADER, CALL_HEADER],
        |client| client.generate_access_token_token_post(&body)
    );
}

#[tokio::test]
async fn chkk_scrubs_every_echo() {
    each_echo!(
        chkk,
        fastapi_422_with_status(401),
        &[BEARER, DEFAULT_HEADER, CALL_HEADER],
        |client| client.login()
    );
}

#[tokio::test]
async fn dynamosql_scrubs_every_echo() {
    let body = dynamosql::types::AuthTokenBody::new("id", BODY_SECRET);
    let envelope = Reply::echo(
        400,
        Echo::Json(
            json!({"success": false, "data": "{request}", "error": {"message": "{request}", "code": "E"}}),
        ),
    );
    each_echo!(
        dynamosql,
        envelope,
        &[BODY_SECRET, DEFAULT_HEADER, CALL_HEADER],
        |client| client.auth_token(&body)
    );
}

#[tokio::test]
async fn generic_login_scrubs_every_echo() {
    let form = generic_login::types::LoginForm::new()
        .with_username("alice")
        .with_password(BODY_SECRET)
        .with_client_secret(Some("client-secret-6e1f".into()));
    let envelope = Reply::echo(
        422,
        Echo::Json(json!({"code": 422, "detail": "{request}", "type": "validation_error"})),
    );
    each_echo!(
        generic_login,
        envelope,
        &[
            BODY_SECRET,
            "client-secret-6e1f",
            DEFAULT_HEADER,
            CALL_HEADER
        ],
        |client| client.login(&form)
    );
}

#[tokio::test]
async fn klearstack_scrubs_every_echo() {
    let form = klearstack::types::GetAccessTokenRequest::new("u", BODY_SECRET, "c");
    // Its declared 500 is plain text: the echo arrives in the typed `String`, scrubbed.
    each_echo!(
        klearstack,
        Reply::echo(500, Echo::Text),
        &[BODY_SECRET, DEFAULT_HEADER, CALL_HEADER],
        |client| client.get_access_token(&form)
    );
}

#[tokio::test]
async fn a_success_that_echoes_prints_scrubbed() {
    let server = Server::start(Reply::echo(
        200,
        Echo::Json(json!({"orgs": [], "note": "{request}"})),
    ))
    .await;
    let client =
        generic_login::Client::builder(generic_login::Server::Custom(server.url().to_string()))
            .build()
            .expect("the client builds");
    let form = generic_login::types::LoginForm::new()
        .with_username("alice")
        .with_password(BODY_SECRET);
    let result = client.login(&form).await;
    let response = result.as_ref().expect("the 200 decodes");
    // The value itself is what the server sent (a success body is never altered)...
    assert!(response.body.additional_properties["note"]
        .as_str()
        .is_some_and(|note| note.contains("b0dy")));
    // ...but nothing printed of the response shows the password.
    assert_scrubbed("success", &server, &printed(&result), &[BODY_SECRET]);
}

/// Credentials of every kind, attached through the runtime as a generated client does.
#[derive(Default)]
struct AllKinds;

#[derive(Debug, Clone, Copy, PartialEq)]
enum Kind {
    Basic,
    HeaderKey,
    QueryKey,
    CookieKey,
}

impl client_runtime::SchemeCredentials for AllKinds {
    type Scheme = Kind;

    fn sources(&self) -> &client_runtime::CredentialSources<Kind> {
        static NONE: std::sync::OnceLock<client_runtime::CredentialSources<Kind>> =
            std::sync::OnceLock::new();
        NONE.get_or_init(Default::default)
    }

    fn has_value(&self, _scheme: Kind) -> bool {
        true
    }

    fn attach(&self, scheme: Kind, parts: &mut client_runtime::RequestParts) {
        match scheme {
            Kind::Basic => {
                parts.basic_auth("ada", &client_runtime::Secret::new("basic-pw-31aa".into()))
            }
            Kind::HeaderKey => parts.secret_header("x-key", "header-key-52bb".into()),
            Kind::QueryKey => parts.secret_query("api_key", "query-key-8c1d".into()),
            Kind::CookieKey => parts.secret_cookie("session", "cookie-key-0e2f".into()),
        }
    }

    fn attach_value(
        &self,
        scheme: Kind,
        _value: &client_runtime::Secret<String>,
        parts: &mut client_runtime::RequestParts,
    ) {
        self.attach(scheme, parts)
    }
}

#[tokio::test]
async fn credentials_of_every_kind_are_scrubbed_from_echoes() {
    let secrets = [
        "basic-pw-31aa",
        "ada:basic-pw-31aa",
        "YWRhOmJhc2ljLXB3LTMxYWE=",
        "header-key-52bb",
        "query-key-8c1d",
        "cookie-key-0e2f",
    ];
    for (what, reply) in echoes(fastapi_422()) {
        let server = Server::start(reply).await;
        let transport = client_runtime::TransportSettings::new("test")
            .build(server.url().to_string())
            .expect("a transport");
        let operation = client_runtime::Operation {
            id: "everything",
            method: reqwest::Method::GET,
            path: "/things",
        };
        let requirement = [&[
            Kind::Basic,
            Kind::HeaderKey,
            Kind::QueryKey,
            Kind::CookieKey,
        ][..]];
        let auth = client_runtime::Security::new(&AllKinds, &requirement);
        let result: Result<
            client_runtime::ResponseValue<serde_json::Value>,
            client_runtime::Error<()>,
        > = match transport
            .send::<(), _>(
                &operation,
                client_runtime::RequestParts::new("/things"),
                &auth,
            )
            .await
        {
            Ok(response) if response.status.is_success() => response.ok(client_runtime::Json),
            Ok(response) => Err(response.unexpected()),
            Err(error) => Err(error),
        };
        assert_scrubbed(what, &server, &printed(&result), &secrets);
        if let Err(error) = &result {
            // The URL is named without the key's value.
            assert!(
                error.url().ends_with("/things?api_key=…"),
                "{}",
                error.url()
            );
        }
    }
}
