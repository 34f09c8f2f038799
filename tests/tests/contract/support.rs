//! Finding the Prism mocks that `cargo xtask test` starts, and reading what Prism says about a
//! request: the `sl-violations` header, or the `problem+json` body it answers with when the spec
//! declares no response for an invalid request.

use reqwest::header::{HeaderMap, CONTENT_TYPE};
use serde_json::Value;

/// The header in which Prism lists what it found wrong with a request or a response.
const VIOLATIONS_HEADER: &str = "sl-violations";

/// The base URL of the Prism mock for the spec `<spec>.yaml` (in `specs/` or
/// `tests/specs/`), from the environment
/// variable `cargo xtask test` sets (`PRISM_URL_<NAME>`).
///
/// Without it the test fails: a contract test that returned early would pass having checked
/// nothing. To run the other tests without Prism, skip these by name:
/// `cargo test -- --skip contract::` (all of them) or `--skip contract::chift::` (one spec).
pub fn mock_url(spec: &str) -> String {
    let var = xtask::prism::env_var_for(spec);
    let Some(url) = std::env::var_os(&var) else {
        panic!(
            "{var} is not set: no Prism mock for {spec}. Run the tests with `cargo xtask test`, \
             or skip the contract tests by name: `cargo test -- --skip contract::`"
        );
    };
    url.into_string()
        .unwrap_or_else(|url| panic!("{var} is not UTF-8: {url:?}"))
}

/// For failure messages: where Prism explains a rejection the client cannot show (a declared
/// 400/422 decodes into a typed error, which keeps no headers).
pub fn see_log(spec: &str) -> String {
    format!(
        "Prism's violations are in its log, <target dir>/prism/{spec}.log under `cargo xtask test`"
    )
}

/// The `Prefer` header value that makes Prism answer with the response the spec declares for
/// `status` (send it with the client builder's `default_header("Prefer", ..)`).
pub fn prefer_code(status: u16) -> String {
    format!("code={status}")
}

/// One entry of Prism's validation output.
#[derive(Debug, Clone, PartialEq)]
pub struct Violation {
    /// Where: `["request", "body", "accountId"]`, `["response", "body"]`...
    pub location: Vec<String>,
    /// What kind: `required`, `format`, `415`...
    pub code: String,
    /// Prism's sentence, e.g. `Request body must have required property 'password'`.
    pub message: String,
}

impl Violation {
    /// Whether the violation is about the request (not about Prism's own response).
    pub fn is_about_request(&self) -> bool {
        self.location
            .first()
            .is_some_and(|first| first == "request")
    }
}

/// The `sl-violations` header, parsed; empty when the header is absent.
pub fn violations(headers: &HeaderMap) -> Vec<Violation> {
    let Some(value) = headers.get(VIOLATIONS_HEADER) else {
        return Vec::new();
    };
    let text = value
        .to_str()
        .unwrap_or_else(|_| panic!("{VIOLATIONS_HEADER} is not ASCII: {value:?}"));
    let entries: Value = serde_json::from_str(text)
        .unwrap_or_else(|e| panic!("{VIOLATIONS_HEADER} is not JSON ({e}): {text}"));
    parse_violations(&entries, &[])
}

/// Violations from a JSON array of `{location, code, message}`; `prefix` goes in front of
/// every location.
fn parse_violations(entries: &Value, prefix: &[&str]) -> Vec<Violation> {
    let Some(entries) = entries.as_array() else {
        panic!("Prism's violations are not a JSON array: {entries}");
    };
    entries
        .iter()
        .map(|entry| {
            let location = entry["location"]
                .as_array()
                .unwrap_or_else(|| panic!("a violation without a location: {entry}"));
            Violation {
                location: prefix
                    .iter()
                    .map(|p| p.to_string())
                    .chain(location.iter().map(text_of))
                    .collect(),
                code: text_of(&entry["code"]),
                message: text_of(&entry["message"]),
            }
        })
        .collect()
}

/// A JSON scalar as text (Prism's codes are strings or numbers).
fn text_of(value: &Value) -> String {
    match value {
        Value::String(text) => text.clone(),
        other => other.to_string(),
    }
}

/// Fails when Prism found anything wrong with the request or with its own response.
pub fn assert_no_violations(what: &str, headers: &HeaderMap) {
    let found = violations(headers);
    assert!(
        found.is_empty(),
        "{what}: Prism reports violations: {found:#?}"
    );
}

/// Fails when Prism found anything wrong with the request; violations of the spec by Prism's
/// own response (a vendor schema that requires properties it never defines) are allowed.
pub fn assert_no_request_violations(what: &str, headers: &HeaderMap) {
    let found = violations(headers);
    let about_request: Vec<&Violation> = found.iter().filter(|v| v.is_about_request()).collect();
    assert!(
        about_request.is_empty(),
        "{what}: Prism rejects the request: {about_request:#?}"
    );
}

/// Prism's answer to a request built by hand.
#[derive(Debug)]
pub struct Answer {
    /// The status.
    pub status: u16,
    /// Everything Prism found wrong, from the header or from its `problem+json` body.
    pub violations: Vec<Violation>,
    /// The body as text, for failure messages.
    pub body: String,
}

/// Sends a request built by hand (not by a generated client) and collects Prism's verdict.
///
/// When the spec declares a response for the rejection (a 400 or 422), Prism answers with it and
/// lists the violations in the `sl-violations` header. When it declares none, Prism answers with
/// its own `422 application/problem+json` "Invalid request", whose `validation` entries are all
/// about the request with locations relative to it (`["body"]`); they are read with a `request`
/// prefix so both forms compare alike.
pub async fn send_by_hand(request: reqwest::RequestBuilder) -> Answer {
    let response = request.send().await.expect("the Prism mock answers");
    let status = response.status().as_u16();
    let headers = response.headers().clone();
    let body = response.text().await.expect("Prism's answer has a body");
    let mut found = violations(&headers);
    let is_problem = headers
        .get(CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("application/problem+json"));
    if found.is_empty() && is_problem {
        let problem: Value = serde_json::from_str(&body)
            .unwrap_or_else(|e| panic!("Prism's problem+json is not JSON ({e}): {body}"));
        if problem["title"] == "Invalid request" {
            found = parse_violations(&problem["validation"], &["request"]);
        }
    }
    Answer {
        status,
        violations: found,
        body,
    }
}

/// Fails unless Prism rejected the request with a 400 or 422 because the request body lacks
/// the required property `field`.
pub fn assert_rejected_for_missing(answer: &Answer, field: &str) {
    assert!(
        matches!(answer.status, 400 | 422),
        "a request without `{field}` should be rejected with 400 or 422, got {}: {}",
        answer.status,
        answer.body
    );
    let quoted = format!("'{field}'");
    let named = answer.violations.iter().any(|v| {
        v.location
            .starts_with(&["request".to_string(), "body".to_string()])
            && v.code == "required"
            && v.message.contains(&quoted)
    });
    assert!(
        named,
        "Prism should name the missing request property `{field}`; status {}, violations {:#?}, body {}",
        answer.status,
        answer.violations,
        answer.body
    );
}

#[cfg(test)]
mod tests {
    use super::*;
    use reqwest::header::HeaderValue;

    fn headers_with(violations: &str) -> HeaderMap {
        let mut headers = HeaderMap::new();
        headers.insert(
            VIOLATIONS_HEADER,
            HeaderValue::from_str(violations).expect("an ASCII header"),
        );
        headers
    }

    #[test]
    fn response_only_violations_are_not_about_the_request() {
        let headers = headers_with(
            r#"[{"location":["response","body"],"severity":"Error","code":"required","message":"Response body must have required property 'orgs'"}]"#,
        );
        let found = violations(&headers);
        assert_eq!(found.len(), 1);
        assert!(!found[0].is_about_request());
        assert_no_request_violations("response only", &headers);
    }

    #[test]
    #[should_panic(expected = "Prism rejects the request")]
    fn request_violations_fail() {
        let headers = headers_with(
            r#"[{"location":["request"],"severity":"Error","code":415,"message":"Supported content types: application/json"}]"#,
        );
        assert_eq!(violations(&headers)[0].code, "415");
        assert_no_request_violations("wrong content type", &headers);
    }

    #[test]
    fn missing_field_is_recognised_in_either_form() {
        let from_header = Answer {
            status: 422,
            violations: violations(&headers_with(
                r#"[{"location":["request","body"],"severity":"Error","code":"required","message":"Request body must have required property 'password'"}]"#,
            )),
            body: String::new(),
        };
        assert_rejected_for_missing(&from_header, "password");
        let from_problem = Answer {
            status: 422,
            violations: parse_violations(
                &serde_json::json!([{"location":["body"],"severity":"Error","code":"required","message":"Request body must have required property 'company_name'"}]),
                &["request"],
            ),
            body: String::new(),
        };
        assert_rejected_for_missing(&from_problem, "company_name");
    }

    #[test]
    #[should_panic(expected = "should name the missing request property")]
    fn another_missing_field_does_not_count() {
        let answer = Answer {
            status: 400,
            violations: violations(&headers_with(
                r#"[{"location":["request","body"],"severity":"Error","code":"required","message":"Request body must have required property 'clientId'"}]"#,
            )),
            body: String::new(),
        };
        assert_rejected_for_missing(&answer, "clientSecret");
    }
}
