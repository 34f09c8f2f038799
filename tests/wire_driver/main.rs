//! Calls every operation of the `tests/fixtures/wire_*` clients once, in a fixed order,
//! against the base URL given as the first argument. `tests/tests/wire_fixtures.rs` builds
//! this next to the generated fixture crates, runs it against a recording server on
//! 127.0.0.1 and compares the requests' bytes with its snapshot. Replies are ignored there:
//! what the clients make of replies is tested in the `wire_*` tests of the real clients, and
//! for the conformance fixture by `replies` as the second argument (see [`check_replies`]).

use fixture_wire_bodies as bodies;
use fixture_wire_conformance as conformance;
use fixture_wire_parameters as parameters;
use fixture_wire_responses as responses;
use fixture_wire_security as security;

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let url = std::env::args().nth(1).expect("the base URL as the first argument");
    if std::env::args().nth(2).as_deref() == Some("replies") {
        check_replies(&url).await;
        return;
    }
    call_bodies(&url).await;
    call_conformance(&url).await;
    call_parameters(&url).await;
    call_responses(&url).await;
    call_security(&url).await;
}

async fn call_bodies(url: &str) {
    let client = bodies::Client::new(bodies::Server::Custom(url.into())).expect("a client");
    let _ = client.get_blob("a b/c").await;
    let _ = client.put_blob("k", b"\x00\x01raw").await;
    let note = bodies::types::Note::new("T")
        .with_body("b & c")
        .with_pinned(true);
    let _ = client
        .create_note(&bodies::CreateNoteBody::Json(note.clone()))
        .await;
    let _ = client.create_note(&bodies::CreateNoteBody::Form(note)).await;
    let _ = client
        .create_note(&bodies::CreateNoteBody::Text("plain".into()))
        .await;
    let _ = client.echo(Some("hello")).await;
    let avatar = bodies::types::UploadAvatarBody::new(vec![1, 2, 3])
        .with_caption("me")
        .with_tags(vec!["a".to_string(), "b".to_string()]);
    let _ = client.upload_avatar(&avatar).await;
}

async fn call_parameters(url: &str) {
    let client =
        parameters::Client::new(parameters::Server::Custom(url.into())).expect("a client");
    let words = |list: &[&str]| list.iter().map(|w| w.to_string()).collect::<Vec<_>>();
    let options = parameters::GetFileOptions::default()
        .with_tags(words(&["a", "b c"]))
        .with_words(words(&["x", "y"]))
        .with_pipes(words(&["p", "q"]))
        .with_filter(
            parameters::types::GetFileFilter::default()
                .with_status("open")
                .with_owner("me"),
        )
        .with_x_trace(words(&["t1", "t2"]))
        .with_x_filter(
            parameters::types::GetFileXFilter::default()
                .with_role("admin")
                .with_first_name("Ann"),
        )
        .with_x_api_key("key")
        .with_session("s1")
        .with_theme(parameters::types::GetFileTheme::Dark);
    let request_id = uuid::Uuid::from_u128(0x0123_4567_89ab_cdef_0123_4567_89ab_cdef);
    let _ = client
        .get_file_with("a/b", "n m.txt", &vec![1, 2], &request_id, &options)
        .await;
    let colors = vec!["red".to_string(), "green".to_string()];
    let _ = client.get_colors(&colors, &colors).await;
}

async fn call_responses(url: &str) {
    let client =
        responses::Client::new(responses::Server::Custom(url.into())).expect("a client");
    let _ = client.get_job(1).await;
    let _ = client.delete_job(2).await;
    let _ = client.ping().await;
}

async fn call_security(url: &str) {
    let client = security::Client::builder(security::Server::Custom(url.into()))
        .basic_auth("user", "pass word")
        .query_key("qk")
        .cookie_key("ck")
        .bearer_auth("bt")
        .build()
        .expect("a client");
    let _ = client.list_pets().await;
    let _ = client.search_pets("cat").await;
    let _ = client.me().await;
    let _ = client.admin().await;
    let _ = client.feed().await;
    let _ = client.health().await;
}

fn conformance_client(url: &str) -> conformance::Client {
    conformance::Client::builder(conformance::Server::Custom(url.into()))
        .bearer("bt")
        .build()
        .expect("a client")
}

async fn call_conformance(url: &str) {
    let client = conformance_client(url);
    let request = conformance::types::TokenRequest::new("client_credentials", 512);
    let _ = client.create_token(&request).await;
    let _ = client.get_legacy("Basic dXNlcjpwdw==").await;
    let _ = client
        .put_export(&conformance::types::Record::new(7))
        .await;
    let _ = client
        .delete_export(&conformance::types::DeleteExportKind::Full, &"42".to_string())
        .await;
    // The bodies the example calls synthesize must fit exactly one union branch and the
    // object's constraints.
    let synthesized = [
        "post_variable",
        "post_grant",
        "post_mapping",
        "post_order",
        "post_endpoint",
        "get_users",
        "post_key",
        "put_storage",
        "post_settings",
        "post_template_export",
        "head_file",
    ];
    for call in conformance::mock::example_calls(&client) {
        if synthesized.contains(&call.info.name) {
            let _ = call.call.await;
        }
    }
}

/// Against a server answering, in order: `null`, a token, bytes declared as JSON, a 204, an
/// empty 200, a record declared under `*/*` and a 500 without a body. Panics (the driver fails) where a reply is not read as the document says.
async fn check_replies(url: &str) {
    let client = conformance_client(url);
    let request = conformance::types::TokenRequest::new("client_credentials", 512);
    let none = client.create_token(&request).await.expect("null is a reply");
    assert_eq!(none.into_body(), None, "a `null` body of a nullable response");
    let some = client.create_token(&request).await.expect("a token");
    assert_eq!(
        some.into_body().map(|token| token.access_token.expose().clone()),
        Some("t".to_string())
    );
    let export = client
        .put_export(&conformance::types::Record::new(7))
        .await
        .expect("a binary body declared as JSON");
    assert_eq!(export.into_body(), b"\x00\x01PK".to_vec());
    let kind = conformance::types::DeleteExportKind::Full;
    let deleted = client.delete_export(&kind, &"42".to_string()).await;
    assert!(
        matches!(deleted.expect("a 204").into_body(), conformance::DeleteExportSuccess::NoContent)
    );
    let empty = client.delete_export(&kind, &"42".to_string()).await;
    assert_eq!(
        empty.expect("an empty 200").into_body(),
        conformance::DeleteExportSuccess::Ok(serde_json::Value::Null)
    );
    let report = client.get_report("r1").await.expect("a report");
    assert_eq!(report.into_body().id, 7, "JSON declared under */*");
    let failed = client.head_file("a.txt").await.expect_err("a 500");
    assert!(
        matches!(
            failed.declared(),
            Some(conformance::HeadFileError::Default(status)) if status.as_u16() == 500
        ),
        "a 500 to HEAD is the declared error, without a body: {failed}"
    );
    println!("replies: all read as declared");
}
