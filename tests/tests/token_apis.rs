//! Each of the five generated token sources end to end over HTTP on 127.0.0.1: the login
//! request it sends, the token read through its declared pointer, the lifetime from the
//! source each API offers (`expires_in`, the JWT `exp` claim, the configured default), all
//! five held as one trait object, and a token source plugged into a client's credentials so
//! that its calls carry the token.

mod common;

use common::{Reply, Server};
use serde_json::json;
use std::sync::Arc;
use std::time::{Duration, SystemTime, UNIX_EPOCH};
use token_source::{TokenError, TokenProvider, CLOCK_SKEW};

/// What DynamoSQL's token source fails with: the login's own error, shared by its waiters.
type DynamoTokenError = TokenError<dynamosql::Error<dynamosql::AuthTokenError>>;

/// Unpadded base64url, as JWT parts are written.
fn base64url(bytes: &[u8]) -> String {
    use base64::Engine;
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes)
}

/// A JWT whose `exp` is `seconds` from now (unsigned: clients never check the signature).
fn jwt_expiring_in(seconds: u64) -> String {
    let exp = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .expect("after 1970")
        .as_secs()
        + seconds;
    let payload = format!(r#"{{"sub":"user-26","exp":{exp}}}"#);
    format!(
        "{}.{}.c2lnbmF0dXJl",
        base64url(br#"{"alg":"HS256","typ":"JWT"}"#),
        base64url(payload.as_bytes())
    )
}

/// A lifetime read from a JWT `exp` claim: whole seconds by the wall clock, so it may be a
/// second short of what was written, less the clock-skew allowance.
fn assert_about(lifetime: Duration, seconds: u64) {
    let seconds = seconds - CLOCK_SKEW.as_secs();
    let got = lifetime.as_secs();
    assert!(
        got + 2 >= seconds && got <= seconds,
        "lifetime {got}s, expected about {seconds}s"
    );
}

fn chift_source(server: &Server) -> chift::TokenSource {
    let client =
        chift::Client::new(chift::Server::Custom(server.url().to_string())).expect("client");
    let body = chift::types::AuthItem::new("c-1", "s-1", uuid::Uuid::nil());
    chift::TokenSource::new(client, body)
}

#[tokio::test(start_paused = true)]
async fn chift_reads_access_token_and_expires_in() {
    let server = Server::start(Reply::json(
        200,
        json!({"access_token": "chift-t", "token_type": "bearer", "expires_in": 1800, "expires_on": 1}),
    ))
    .await;
    let token = chift_source(&server).token().await.expect("a token");
    assert_eq!(token.expose(), "chift-t");
    // `expires_in` comes first: the (past) `expires_on` is not consulted.
    assert_eq!(token.lifetime(), Duration::from_secs(1800));
    let login = server.single_request();
    assert_eq!((login.method.as_str(), login.path()), ("POST", "/token"));
    assert_eq!(login.header("authorization"), None, "`security: []`");
}

#[tokio::test(start_paused = true)]
async fn chkk_picks_the_token_of_one_org_and_account() {
    let jwt = jwt_expiring_in(1200);
    let server = Server::start(Reply::json(
        200,
        json!({"access_tokens": {
            "org-1": {"prod": {"access_token": "other", "created": 1}},
            "org/2": {"prod": {"access_token": jwt, "created": 1}, "dev": {"access_token": "x", "created": 1}}
        }}),
    ))
    .await;
    let login = chkk::Client::builder(chkk::Server::Custom(server.url().to_string()))
        .bearer_token("user-credential")
        .build()
        .expect("client");
    let tokens = chkk::TokenSource::new(login, "org/2", "prod");
    let token = tokens.token().await.expect("a token");
    assert_eq!(token.expose(), jwt);
    assert_about(token.lifetime(), 1200);
    assert_eq!(
        server.single_request().header("authorization"),
        Some("user-credential")
    );
    let missing = chkk::TokenSource::new(
        chkk::Client::new(chkk::Server::Custom(server.url().to_string())).expect("client"),
        "org-1",
        "dev",
    );
    let error = missing.token().await.expect_err("no such account");
    assert!(
        error
            .to_string()
            .contains("/access_tokens/org-1/dev/access_token"),
        "{error}"
    );
}

#[tokio::test(start_paused = true)]
async fn dynamosql_reads_data_access_token_expires_in_and_refresh_token() {
    let server = Server::start(Reply::json(
        200,
        json!({"success": true, "data": {"accessToken": "d-t", "refreshToken": "d-r", "expiresIn": 900}}),
    ))
    .await;
    let client = dynamosql::Client::new(dynamosql::Server::Custom(server.url().to_string()))
        .expect("client");
    let body = dynamosql::types::AuthTokenBody::new("id", "secret");
    let token = dynamosql::TokenSource::new(client, body)
        .token()
        .await
        .expect("a token");
    assert_eq!(token.expose(), "d-t");
    assert_eq!(token.expose_refresh_token(), Some("d-r"));
    assert_eq!(token.lifetime(), Duration::from_secs(900));
}

fn klearstack_source(server: &Server) -> klearstack::TokenSource {
    let client = klearstack::Client::new(klearstack::Server::Custom(server.url().to_string()))
        .expect("client");
    let body = klearstack::types::GetAccessTokenRequest::new("ada", "pw", "acme");
    klearstack::TokenSource::new(client, body)
}

#[tokio::test(start_paused = true)]
async fn klearstack_reads_the_jwt_exp_claim_and_keeps_the_refresh_token() {
    let jwt = jwt_expiring_in(600);
    let server = Server::start(Reply::json(
        200,
        json!({"access_token": jwt, "refresh_token": "k-r", "release_version": "7.8.9"}),
    ))
    .await;
    let token = klearstack_source(&server).token().await.expect("a token");
    assert_eq!(token.expose(), jwt);
    assert_eq!(token.expose_refresh_token(), Some("k-r"));
    assert_about(token.lifetime(), 600);
    let login = server.single_request();
    let fields: Vec<(String, String)> = login
        .multipart()
        .into_iter()
        .map(|part| (part.name, String::from_utf8(part.body).expect("text part")))
        .collect();
    assert_eq!(
        fields,
        [
            ("username", "ada"),
            ("password", "pw"),
            ("company_name", "acme")
        ]
        .map(|(n, v)| (n.to_string(), v.to_string()))
    );
}

#[tokio::test(start_paused = true)]
async fn klearstack_without_a_jwt_falls_back_to_the_configured_default() {
    let server = Server::start(Reply::json(
        200,
        json!({"access_token": "opaque", "refresh_token": "r", "release_version": "1"}),
    ))
    .await;
    let token = klearstack_source(&server).token().await.expect("a token");
    // `default_lifetime_seconds: 300` in specs/klearstack.settings.yaml.
    assert_eq!(token.lifetime(), Duration::from_secs(300));
}

fn generic_login_source(server: &Server) -> generic_login::TokenSource {
    let client =
        generic_login::Client::new(generic_login::Server::Custom(server.url().to_string()))
            .expect("client");
    let form = generic_login::types::LoginForm::new()
        .with_username("ada")
        .with_password("pw")
        .with_grant_type("password");
    generic_login::TokenSource::new(client, form)
}

#[tokio::test(start_paused = true)]
async fn generic_login_reads_the_jwt_exp_claim() {
    let jwt = jwt_expiring_in(1500);
    let server = Server::start(Reply::json(
        200,
        json!({"access_token": jwt, "token_type": "bearer"}),
    ))
    .await;
    let token = generic_login_source(&server)
        .token()
        .await
        .expect("a token");
    assert_eq!(token.expose(), jwt);
    assert_about(token.lifetime(), 1500);
    let login = server.single_request();
    assert_eq!(login.path(), "/api/v1/auth/login");
    assert_eq!(
        login.body_text(),
        "grant_type=password&username=ada&password=pw&scope="
    );
}

#[tokio::test(start_paused = true)]
async fn generic_login_with_an_opaque_token_uses_its_default_lifetime() {
    let server = Server::start(Reply::json(200, json!({"access_token": "opaque"}))).await;
    let token = generic_login_source(&server)
        .token()
        .await
        .expect("a token");
    assert_eq!(token.lifetime(), Duration::from_secs(900));
}

#[tokio::test(start_paused = true)]
async fn all_five_are_one_trait_object() {
    let chift = Server::start(Reply::json(
        200,
        json!({"access_token": "a1", "token_type": "b", "expires_in": 60, "expires_on": 0}),
    ))
    .await;
    let chkk = Server::start(Reply::json(
        200,
        json!({"access_tokens": {"o": {"a": {"access_token": "a2", "created": 0}}}}),
    ))
    .await;
    let dynamosql = Server::start(Reply::json(
        200,
        json!({"success": true, "data": {"accessToken": "a3"}}),
    ))
    .await;
    let klearstack = Server::start(Reply::json(
        200,
        json!({"access_token": "a4", "refresh_token": "r", "release_version": "1"}),
    ))
    .await;
    let generic = Server::start(Reply::json(200, json!({"access_token": "a5"}))).await;
    let chkk_client =
        chkk::Client::new(chkk::Server::Custom(chkk.url().to_string())).expect("client");
    let dynamosql_client =
        dynamosql::Client::new(dynamosql::Server::Custom(dynamosql.url().to_string()))
            .expect("client");
    let dynamosql_body = dynamosql::types::AuthTokenBody::new("i", "s");
    let providers: Vec<Arc<dyn TokenProvider>> = vec![
        Arc::new(chift_source(&chift)),
        Arc::new(chkk::TokenSource::new(chkk_client, "o", "a")),
        Arc::new(dynamosql::TokenSource::new(
            dynamosql_client,
            dynamosql_body,
        )),
        Arc::new(klearstack_source(&klearstack)),
        Arc::new(generic_login_source(&generic)),
    ];
    let mut tokens = Vec::new();
    for provider in &providers {
        for _ in 0..3 {
            tokens.push(
                provider
                    .token()
                    .await
                    .expect("a token")
                    .expose()
                    .to_string(),
            );
        }
    }
    assert_eq!(
        tokens,
        [
            "a1", "a1", "a1", "a2", "a2", "a2", "a3", "a3", "a3", "a4", "a4", "a4", "a5", "a5",
            "a5"
        ]
    );
    for server in [&chift, &chkk, &dynamosql, &klearstack, &generic] {
        assert_eq!(server.requests().len(), 1, "each logged in once");
    }
    // A failure comes through the trait as the boxed operation error, without the secret.
    let refusing = Server::start(Reply::json(
        401,
        json!({"success": false, "error": {"message": "no"}}),
    ))
    .await;
    let client = dynamosql::Client::new(dynamosql::Server::Custom(refusing.url().to_string()))
        .expect("client");
    let body = dynamosql::types::AuthTokenBody::new("i", "very-secret-value");
    let provider: Arc<dyn TokenProvider> = Arc::new(dynamosql::TokenSource::new(client, body));
    let error = provider.token().await.expect_err("refused");
    let typed = error
        .downcast_ref::<DynamoTokenError>()
        .and_then(TokenError::fetch_error)
        .expect("the operation's error");
    assert!(matches!(
        typed.declared(),
        Some(dynamosql::AuthTokenError::Unauthorized(_))
    ));
    assert!(!format!("{error} {error:?}").contains("very-secret-value"));
}

#[tokio::test(start_paused = true)]
async fn a_token_source_plugged_into_bearer_credentials_authorizes_requests() {
    let login = Server::start(Reply::json(
        200,
        json!({"access_token": "plugged-token", "token_type": "bearer", "expires_in": 3600, "expires_on": 0}),
    ))
    .await;
    let api = Server::start(Reply::status(204)).await;
    let tokens = Arc::new(chift_source(&login));
    let client = chift::Client::builder(chift::Server::Custom(api.url().to_string()))
        .bearer_auth_source(Arc::clone(&tokens))
        .build()
        .expect("client");
    use chift::runtime::SchemeCredentials as _;
    assert!(client.credentials().has(chift::Scheme::BearerAuth));
    // Chift's one operation sends no credentials (`security: []`); `Security` is what every
    // operation that requires `bearerAuth` hands the transport, so the request goes through it.
    let transport = chift::runtime::TransportSettings::new("test")
        .build(api.url().to_string())
        .expect("a transport");
    let operation = chift::runtime::Operation {
        id: "accounts",
        method: reqwest::Method::GET,
        path: "/accounts",
    };
    for _ in 0..3 {
        let parts = chift::runtime::RequestParts::new("/accounts");
        let security = [&[chift::Scheme::BearerAuth][..]];
        let auth = chift::runtime::Security::new(client.credentials(), &security);
        transport
            .send::<(), _>(&operation, parts, &auth)
            .await
            .expect("the source supplies a token and the request is sent");
    }
    let requests = api.requests();
    assert_eq!(requests.len(), 3);
    for request in &requests {
        assert_eq!(
            request.header("authorization"),
            Some("Bearer plugged-token")
        );
    }
    assert_eq!(
        login.requests().len(),
        1,
        "the token is cached across calls"
    );
    // The credentials print the scheme, never the source's token.
    assert!(!format!("{:?}", client.credentials()).contains("plugged-token"));
}

#[tokio::test(start_paused = true)]
async fn another_apis_token_source_authorizes_a_generated_operation() {
    // Chkk's login requires its `bearer_token` API key (sent as is in `Authorization`); here
    // a DynamoSQL token source supplies it, so the operation awaits that source first.
    let dynamo = Server::start(Reply::json(
        200,
        json!({"success": true, "data": {"accessToken": "from-dynamo", "expiresIn": 3600}}),
    ))
    .await;
    let chkk_server = Server::start(Reply::json(200, json!({}))).await;
    let dynamo_client = dynamosql::Client::new(dynamosql::Server::Custom(dynamo.url().to_string()))
        .expect("client");
    let body = dynamosql::types::AuthTokenBody::new("i", "s");
    let tokens = Arc::new(dynamosql::TokenSource::new(dynamo_client, body));
    let chkk_client = chkk::Client::builder(chkk::Server::Custom(chkk_server.url().to_string()))
        .bearer_token("fixed-value-loses")
        .bearer_token_source(tokens)
        .build()
        .expect("client");
    chkk_client.login().await.expect("login");
    chkk_client.login().await.expect("login");
    for request in chkk_server.requests() {
        assert_eq!(request.header("authorization"), Some("from-dynamo"));
    }
    assert_eq!(dynamo.requests().len(), 1);
}

#[tokio::test(start_paused = true)]
async fn a_failing_source_fails_the_call_with_a_credential_error() {
    let refusing = Server::start(Reply::json(
        401,
        json!({"success": false, "error": {"message": "no"}}),
    ))
    .await;
    let chkk_server = Server::start(Reply::json(200, json!({}))).await;
    let dynamo_client =
        dynamosql::Client::new(dynamosql::Server::Custom(refusing.url().to_string()))
            .expect("client");
    let body = dynamosql::types::AuthTokenBody::new("i", "secret-in-body");
    let chkk_client = chkk::Client::builder(chkk::Server::Custom(chkk_server.url().to_string()))
        .bearer_token_source(dynamosql::TokenSource::new(dynamo_client, body))
        .build()
        .expect("client");
    let error = chkk_client.login().await.expect_err("no credential");
    match error.kind() {
        chkk::ErrorKind::Credential(inner) => {
            let source = std::error::Error::source(inner).expect("the source's error");
            let shared = source.downcast_ref::<DynamoTokenError>();
            assert!(shared.and_then(TokenError::fetch_error).is_some());
        }
        _ => panic!("expected a credential error, got {error:?}"),
    }
    assert!(
        error
            .to_string()
            .starts_with("`login`: cannot obtain a credential: "),
        "{error}"
    );
    assert!(!format!("{error} {error:?}").contains("secret-in-body"));
    assert!(
        chkk_server.requests().is_empty(),
        "nothing is sent without the credential"
    );
}

/// A DynamoSQL token source logging in at `server`, and a Chkk client whose `bearer_token`
/// credential it supplies (Chkk's login sends it as is in `Authorization`).
fn chkk_fed_by_dynamo(api: &Server, login: &Server) -> chkk::Client {
    let dynamo_client =
        dynamosql::Client::new(dynamosql::Server::Custom(login.url().to_string())).expect("client");
    let body = dynamosql::types::AuthTokenBody::new("i", "s");
    chkk::Client::builder(chkk::Server::Custom(api.url().to_string()))
        .bearer_token_source(dynamosql::TokenSource::new(dynamo_client, body))
        .build()
        .expect("client")
}

fn dynamo_token(token: &str) -> Reply {
    Reply::json(
        200,
        json!({"success": true, "data": {"accessToken": token, "expiresIn": 3600}}),
    )
}

#[tokio::test(start_paused = true)]
async fn a_401_to_a_sourced_token_invalidates_it_and_retries_once() {
    let login = Server::sequence(vec![dynamo_token("t1"), dynamo_token("t2")]).await;
    let api = Server::sequence(vec![Reply::status(401), Reply::json(200, json!({}))]).await;
    let client = chkk_fed_by_dynamo(&api, &login);
    client.login().await.expect("the retry succeeds");
    let sent: Vec<_> = api
        .requests()
        .iter()
        .map(|r| r.header("authorization").map(str::to_string))
        .collect();
    assert_eq!(sent, [Some("t1".to_string()), Some("t2".to_string())]);
    assert_eq!(login.requests().len(), 2, "t1 was dropped, t2 fetched");
    // The new token is cached: the next call sends it without a login.
    client.login().await.expect("ok");
    assert_eq!(login.requests().len(), 2);
    assert_eq!(api.requests()[2].header("authorization"), Some("t2"));
}

#[tokio::test(start_paused = true)]
async fn a_401_to_the_retried_request_is_the_callers_answer() {
    let login = Server::sequence(vec![dynamo_token("t1"), dynamo_token("t2")]).await;
    let api = Server::start(Reply::status(401)).await;
    let client = chkk_fed_by_dynamo(&api, &login);
    let error = client.login().await.expect_err("refused twice");
    assert_eq!(error.status(), Some(reqwest::StatusCode::UNAUTHORIZED));
    assert_eq!(api.requests().len(), 2, "retried once, not in a loop");
}

#[tokio::test(start_paused = true)]
async fn concurrent_401s_to_the_same_token_cause_one_login() {
    let login = Server::sequence(vec![dynamo_token("t1"), dynamo_token("t2")]).await;
    // The first ten requests carry t1 and are refused; the retries carry t2 and pass.
    let mut replies = vec![Reply::status(401).delayed(Duration::from_millis(50)); 10];
    replies.push(Reply::json(200, json!({})));
    let api = Server::sequence(replies).await;
    let client = chkk_fed_by_dynamo(&api, &login);
    let calls: Vec<_> = (0..10)
        .map(|_| {
            let client = client.clone();
            tokio::spawn(async move { client.login().await.map(|_| ()) })
        })
        .collect();
    for call in calls {
        call.await
            .expect("the task ran")
            .expect("the retry succeeds");
    }
    assert_eq!(login.requests().len(), 2, "one login for ten refusals");
    let retried = api.requests().split_off(10);
    assert!(retried
        .iter()
        .all(|r| r.header("authorization") == Some("t2")));
}
