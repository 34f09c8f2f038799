//! The typed mock of every operation of the generated crates (feature `mock`): the five of
//! `generated/` and the test-only one of `tests/generated/`, through
//! the shared exercise in `mock_support`, and what each crate's body matchers decode. None of
//! their operations declares a `4XX` range or `default`, so a raw 418 is an unexpected status.

mod mock_support;

use generic_login::runtime;
use mock_support::{Exercise, Teapot};

const SECRET: &str = "sEcReT-5d0b";

fn login_form() -> generic_login::types::LoginForm {
    generic_login::types::LoginForm::new()
        .with_username("ada")
        .with_password(SECRET)
        .with_client_secret(Some(SECRET.into()))
}

#[tokio::test]
async fn generic_login_login() {
    Exercise {
        start: generic_login::mock::MockServer::start,
        call: |uri| async move {
            let client =
                generic_login::Client::new(generic_login::Server::Custom(uri)).expect("a client");
            client.login(&login_form()).await
        },
        secret: Some(SECRET),
        declared_errors: Some(11),
        teapot: Teapot::Undeclared,
    }
    .run::<generic_login::mock::operations::Login>()
    .await;
}

#[tokio::test]
async fn chift_generate_access_token() {
    let body = || chift::types::AuthItem::new("client", SECRET, uuid::Uuid::nil());
    Exercise {
        start: chift::mock::MockServer::start,
        call: move |uri| async move {
            let client = chift::Client::new(chift::Server::Custom(uri)).expect("a client");
            client.generate_access_token_token_post(&body()).await
        },
        secret: Some(SECRET),
        declared_errors: Some(1),
        teapot: Teapot::Undeclared,
    }
    .run::<chift::mock::operations::GenerateAccessTokenTokenPost>()
    .await;
}

#[tokio::test]
async fn chkk_login() {
    Exercise {
        start: chkk::mock::MockServer::start,
        call: |uri| async move {
            let client = chkk::Client::builder(chkk::Server::Custom(uri))
                .bearer_token(SECRET)
                .build()
                .expect("a client");
            client.login().await
        },
        secret: Some(SECRET),
        declared_errors: Some(0),
        teapot: Teapot::Undeclared,
    }
    .run::<chkk::mock::operations::Login>()
    .await;
}

#[tokio::test]
async fn dynamosql_auth_token() {
    Exercise {
        start: dynamosql::mock::MockServer::start,
        call: |uri| async move {
            let client = dynamosql::Client::new(dynamosql::Server::Custom(uri)).expect("a client");
            let body = dynamosql::types::AuthTokenBody::new("client", SECRET);
            client.auth_token(&body).await
        },
        secret: Some(SECRET),
        declared_errors: Some(3),
        teapot: Teapot::Undeclared,
    }
    .run::<dynamosql::mock::operations::AuthToken>()
    .await;
}

#[tokio::test]
async fn klearstack_get_access_token() {
    Exercise {
        start: klearstack::mock::MockServer::start,
        call: |uri| async move {
            let client =
                klearstack::Client::new(klearstack::Server::Custom(uri)).expect("a client");
            let body = klearstack::types::GetAccessTokenRequest::new("ada", SECRET, "acme");
            client.get_access_token(&body).await
        },
        secret: Some(SECRET),
        declared_errors: Some(1),
        teapot: Teapot::Undeclared,
    }
    .run::<klearstack::mock::operations::GetAccessToken>()
    .await;
}

#[tokio::test]
async fn a_form_matcher_decodes_the_form_and_a_miss_shows_it_redacted() {
    use generic_login::types::{ErrorEnvelope, TokenResponse};
    use generic_login::{Error, LoginError};
    let server = generic_login::mock::MockServer::start().await;
    let ada = server
        .login()
        .with_form(|form| {
            form.username.as_deref() == Some("ada")
                && form.password.as_ref().is_some_and(|p| p.expose() == SECRET)
        })
        .respond_ok(TokenResponse::new().with_access_token("token-for-ada"))
        .await;
    let limited = server
        .login()
        .with_form(|form| form.username.as_deref() == Some("bob"))
        .reply_header("Retry-After", "30")
        .respond_error(LoginError::TooManyRequests(
            ErrorEnvelope::new()
                .with_code(429)
                .with_detail("slow down")
                .with_type("RATE_LIMITED"),
        ))
        .await;
    let client = server.client();
    let ok = client.login(&login_form()).await.expect("ada logs in");
    assert_eq!(
        ok.body.access_token.as_ref().map(|t| t.expose().as_str()),
        Some("token-for-ada")
    );
    let bob = generic_login::types::LoginForm::new()
        .with_username("bob")
        .with_password(SECRET);
    let result = client.login(&bob).await;
    match result.as_ref().map_err(Error::declared) {
        Err(Some(LoginError::TooManyRequests(envelope))) => {
            assert_eq!(envelope.detail.as_deref(), Some("slow down"))
        }
        _ => panic!("expected a 429, got {result:?}"),
    }
    ada.assert_calls(1);
    limited.assert_calls(1);

    let eve = generic_login::types::LoginForm::new()
        .with_username("eve")
        .with_password(SECRET);
    assert!(client.login(&eve).await.is_err());
    let unmatched = server.unmatched();
    let message = &unmatched[0];
    assert!(message.contains("username=eve"), "{message}");
    assert!(message.contains("password=[redacted]"), "{message}");
    assert!(!message.contains(SECRET), "{message}");
    let failed = tokio::spawn(async move { drop(server) })
        .await
        .expect_err("dropping a server that saw an unmatched request fails the test");
    assert!(failed.is_panic());
}

#[tokio::test]
async fn json_header_and_query_matchers() {
    let server = dynamosql::mock::MockServer::start().await;
    let expectation = server
        .auth_token()
        .with_json(|body| body.client_id == "cid")
        .with_header("content-type", "application/json")
        .respond_example()
        .await;
    let client = server.client();
    let body = dynamosql::types::AuthTokenBody::new("cid", SECRET);
    client.auth_token(&body).await.expect("the body matches");
    expectation.assert_calls(1);

    let never = server
        .auth_token()
        .with_query("page", 2)
        .respond_raw(204, "")
        .await;
    let other = dynamosql::types::AuthTokenBody::new("other", SECRET);
    assert!(client.auth_token(&other).await.is_err());
    assert_eq!(never.calls(), 0);
    let unmatched = server.unmatched();
    assert!(
        unmatched[0].contains("\"clientId\":\"other\""),
        "{unmatched:?}"
    );
    assert!(!unmatched[0].contains(SECRET), "{unmatched:?}");
    let _ = tokio::spawn(async move { drop(server) }).await;
}

#[tokio::test]
async fn a_request_for_no_operation_is_named_so() {
    let server = chift::mock::MockServer::start().await;
    let response = reqwest::Client::new()
        .get(format!("{}/nowhere?api_key=k", server.uri()))
        .header("Authorization", format!("Bearer {SECRET}"))
        .send()
        .await
        .expect("the mock answers");
    assert_eq!(response.status(), 501);
    let text = response.text().await.expect("a text body");
    assert!(text.contains("for no operation of the API"), "{text}");
    assert!(text.contains("GET /nowhere"), "{text}");
    assert!(text.contains("authorization: [redacted]"), "{text}");
    assert!(!text.contains(SECRET), "{text}");
    let _ = tokio::spawn(async move { drop(server) }).await;
}

#[tokio::test]
async fn an_unmet_call_count_fails_verify() {
    let server = klearstack::mock::MockServer::start().await;
    server.get_access_token().times(2).respond_example().await;
    let body = klearstack::types::GetAccessTokenRequest::new("ada", SECRET, "acme");
    server
        .client()
        .get_access_token(&body)
        .await
        .expect("one call");
    let failed = tokio::spawn(async move { server.verify().await })
        .await
        .expect_err("one call of two expected");
    let message = failed.into_panic();
    let message = message.downcast_ref::<String>().expect("a message");
    assert!(message.contains("`get_access_token`"), "{message}");
}

#[tokio::test]
async fn a_fake_token_provider_feeds_a_client_scripted_tokens_and_errors() {
    use std::sync::Arc;
    use std::time::Duration;
    use token_source::fake::FakeTokenProvider;
    let tokens = Arc::new(
        FakeTokenProvider::new()
            .then_token("t-1", Duration::from_secs(60))
            .then_error("the identity provider is down")
            .then_token("t-2", Duration::from_secs(60)),
    );
    // Chkk sends its key as the whole `Authorization` header.
    let server = chkk::mock::MockServer::start().await;
    let first = server
        .login()
        .with_header("authorization", "t-1")
        .respond_example()
        .await;
    let second = server
        .login()
        .with_header("authorization", "t-2")
        .respond_example()
        .await;
    let client = chkk::Client::builder(server.server())
        .bearer_token_source(Arc::clone(&tokens))
        .build()
        .expect("a client");
    client.login().await.expect("the first token");
    let result = client.login().await;
    match result.as_ref().map_err(chkk::Error::kind) {
        Err(chkk::ErrorKind::Credential(error)) => {
            assert!(error.to_string().contains("identity provider"), "{error}")
        }
        _ => panic!("expected the scripted error, got {result:?}"),
    }
    client.login().await.expect("the next token");
    first.assert_calls(1);
    second.assert_calls(1);
    assert_eq!(tokens.calls(), 3);
    server.verify().await;
}

/// The test-only crate generated from a Swagger 2.0 document (`tests/specs/files2.yaml`),
/// called with the arguments its mock
/// synthesizes.
macro_rules! files2_operation {
    ($test:ident, $operation:ident) => {
        #[tokio::test]
        async fn $test() {
            type Op = files2::mock::operations::$operation;
            Exercise {
                start: files2::mock::MockServer::start,
                call: |uri| async move {
                    let client =
                        files2::Client::new(files2::Server::Custom(uri)).expect("a client");
                    <Op as runtime::mock::MockOperation>::example_call(&client).await
                },
                secret: None,
                declared_errors: None,
                teapot: Teapot::Undeclared,
            }
            .run::<Op>()
            .await;
        }
    };
}

files2_operation!(files2_list_files, ListFiles);
files2_operation!(files2_upload_file, UploadFile);
files2_operation!(files2_get_file, GetFile);
