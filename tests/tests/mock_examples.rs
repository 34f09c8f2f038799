//! The mocks' example replies are the spec's own examples: every reply `example_ok` and
//! `example_errors` put on the wire, for every operation of the five crates, is the example the spec gives for that status (media type `example`, the first
//! of `examples`, or the schema's `example`), where it gives one. A test takes such a reply,
//! changes one field with a `with_` setter, and the client decodes what it set. A spec
//! example that does not fit its schema leaves the constructor-built value in its place.

use client_runtime::mock::{MockOperation, Reply};
use serde_json::Value;

/// A spec as JSON.
fn spec(path: &str) -> Value {
    let text = std::fs::read_to_string(xtask::workspace_root().join(path)).expect("the spec");
    serde_yaml::from_str(&text).expect("the spec is YAML")
}

/// `value`, or what its `$ref` points to (a local reference, followed a few times).
fn resolved<'a>(doc: &'a Value, mut value: &'a Value) -> &'a Value {
    for _ in 0..8 {
        match value.get("$ref").and_then(Value::as_str) {
            Some(reference) => {
                let pointer = reference.trim_start_matches('#');
                value = doc.pointer(pointer).expect("the reference resolves");
            }
            None => break,
        }
    }
    value
}

/// The example the spec gives for the JSON body of the operation's reply with `status`.
fn spec_example(
    doc: &Value,
    op: &client_runtime::mock::OperationInfo,
    status: u16,
) -> Option<Value> {
    let responses = &doc["paths"][op.path][op.method.to_lowercase()]["responses"];
    let responses = responses.as_object()?;
    let key = [
        status.to_string(),
        format!("{}XX", status / 100),
        format!("{}xx", status / 100),
        "default".to_string(),
    ]
    .into_iter()
    .find(|key| responses.contains_key(key))?;
    let response = resolved(doc, &responses[&key]);
    let (_, media) = response["content"]
        .as_object()?
        .iter()
        .find(|(media_type, _)| media_type.contains("json"))?;
    if !media["example"].is_null() {
        return Some(media["example"].clone());
    }
    if let Some((_, first)) = media["examples"].as_object().and_then(|e| e.iter().next()) {
        return Some(resolved(doc, first)["value"].clone());
    }
    let example = &resolved(doc, &media["schema"])["example"];
    (!example.is_null()).then(|| example.clone())
}

/// Compares each of `Op`'s example replies with the spec's example for its status; returns
/// how many the spec gave.
fn compare<Op: MockOperation>(doc: &Value) -> usize {
    let mut replies: Vec<Reply> = vec![Op::ok_reply(&Op::example_ok())];
    replies.extend(Op::example_errors().iter().map(Op::error_reply));
    let mut compared = 0;
    for reply in replies {
        let json = reply
            .content_type
            .as_deref()
            .is_some_and(|media| media.contains("json"));
        let Some(expected) = spec_example(doc, &Op::INFO, reply.status).filter(|_| json) else {
            continue;
        };
        let sent: Value = serde_json::from_slice(&reply.body).expect("a JSON reply");
        assert_eq!(sent, expected, "`{}` {}", Op::INFO.name, reply.status);
        compared += 1;
    }
    compared
}

#[test]
fn example_replies_are_the_specs_examples() {
    use chift::mock::operations as chift_ops;
    let dynamosql = spec("specs/dynamosql.yaml");
    assert_eq!(
        compare::<dynamosql::mock::operations::AuthToken>(&dynamosql),
        1
    );
    let generic_login = spec("specs/generic-login.yaml");
    // The success and all eleven declared errors.
    assert_eq!(
        compare::<generic_login::mock::operations::Login>(&generic_login),
        12
    );
    let klearstack = spec("specs/klearstack.yaml");
    assert_eq!(
        compare::<klearstack::mock::operations::GetAccessToken>(&klearstack),
        1
    );
    // These two give no example: the replies are synthesized (and decode, see `mocks.rs`).
    let chift = spec("specs/chift.yaml");
    assert_eq!(
        compare::<chift_ops::GenerateAccessTokenTokenPost>(&chift),
        0
    );
    let chkk = spec("specs/chkk.yaml");
    assert_eq!(compare::<chkk::mock::operations::Login>(&chkk), 0);
}

/// What the README's mock section shows: the spec's example reply with one field changed.
#[tokio::test]
async fn a_test_changes_one_field_of_the_example_reply() {
    use dynamosql::mock::{operations::AuthToken, MockServer};
    let server = MockServer::start().await;
    let example = <AuthToken as MockOperation>::example_ok();
    // The example's tokens are secrets of their type: `Debug` still hides them.
    let shown = format!("{example:?}");
    assert!(!shown.contains("eyJhbGciOiJSUzI1NiIs"), "{shown}");
    let data = example.data.clone().expect("the spec's example has data");
    server
        .auth_token()
        .respond_ok(example.with_data(data.with_expires_in(60)))
        .await;
    let body = dynamosql::types::AuthTokenBody::new("client", "secret");
    let reply = server
        .client()
        .auth_token(&body)
        .await
        .expect("the reply decodes");
    let data = reply.body.data.expect("data");
    assert_eq!(data.expires_in, Some(60));
    assert_eq!(data.token_type.as_deref(), Some("Bearer"));
    assert!(data.access_token.is_some());
    server.verify().await;
}

/// A spec example that does not fit its schema is not the reply: the generated mock builds
/// that one with the constructors, and uses the examples that fit.
#[test]
fn an_example_that_does_not_fit_its_schema_falls_back_to_the_constructors() {
    let spec = br#"
openapi: 3.0.3
info: {title: Misfits, version: "1"}
paths:
  /things:
    get:
      operationId: listThings
      responses:
        '200':
          description: Fits.
          content:
            application/json:
              schema: {$ref: '#/components/schemas/Thing'}
              example: {name: kept, size: 3}
        '400':
          description: A string where the schema says integer.
          content:
            application/json:
              schema: {$ref: '#/components/schemas/Thing'}
              example: {name: wrong, size: three}
        '404':
          description: The required name left out.
          content:
            application/json:
              schema: {$ref: '#/components/schemas/Thing'}
              example: {size: 4}
components:
  schemas:
    Thing:
      type: object
      required: [name]
      properties:
        name: {type: string}
        size: {type: integer}
"#;
    let generation =
        generator::generate(spec, &generator::Settings::new("misfits")).expect("it generates");
    let mock = generation
        .files
        .iter()
        .find(|file| file.path == "src/mock.rs")
        .expect("a mock module");
    let contents = &mock.contents;
    assert!(contents.contains(r#"\"name\":\"kept\""#), "{contents}");
    assert!(!contents.contains("wrong"), "{contents}");
    assert!(!contents.contains(r#"\"size\":4"#), "{contents}");
    assert_eq!(contents.matches("example_or(").count(), 1, "{contents}");
}

/// A schema that refers to itself from many required properties has no finite example: the
/// synthesis gives up within its budget, and the mock builds its reply with the constructors.
#[test]
fn a_schema_that_nests_itself_many_times_over_ends_its_example() {
    let mut properties = String::new();
    for name in ["a", "b", "c", "d", "e", "f", "g", "h", "i", "j"] {
        properties.push_str(&format!(
            "        {name}: {{$ref: '#/components/schemas/Node'}}\n"
        ));
    }
    let spec = format!(
        r#"
openapi: 3.0.3
info: {{title: Nodes, version: "1"}}
paths:
  /node:
    get:
      operationId: getNode
      responses:
        '200':
          description: A node.
          content:
            application/json:
              schema: {{$ref: '#/components/schemas/Node'}}
components:
  schemas:
    Node:
      type: object
      required: [a, b, c, d, e, f, g, h, i, j]
      properties:
{properties}"#
    );
    let started = std::time::Instant::now();
    let generation = generator::generate(spec.as_bytes(), &generator::Settings::new("nodes"))
        .expect("it generates");
    assert!(started.elapsed() < std::time::Duration::from_secs(20));
    let mock = generation
        .files
        .iter()
        .find(|file| file.path == "src/mock.rs")
        .expect("a mock module");
    assert!(!mock.contents.contains("example_or("), "{}", mock.contents);
}
