//! The answer to a request no expectation matched: the operation it was meant for, and the
//! request itself with its secrets redacted, recorded so that the test fails.

use super::matcher::is_request_of;
use super::{OperationInfo, Request};
use ::std::fmt::Write;
use ::std::sync::{Arc, Mutex};

/// Headers that carry credentials whatever the API calls its schemes.
const SECRET_HEADERS: [&str; 4] = [
    "authorization",
    "proxy-authorization",
    "cookie",
    "set-cookie",
];

/// Longest body shown; the rest is counted.
const BODY_SHOWN: usize = 2048;

const REDACTED: &str = "[redacted]";

/// The lowest-priority responder: records and explains every request it gets.
pub(super) struct Fallback {
    pub(super) operations: &'static [OperationInfo],
    pub(super) secrets: &'static [&'static str],
    pub(super) unmatched: Arc<Mutex<Vec<String>>>,
}

impl ::wiremock::Respond for Fallback {
    fn respond(&self, request: &Request) -> ::wiremock::ResponseTemplate {
        let message = describe(self.operations, self.secrets, request);
        self.unmatched
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
            .push(message.clone());
        ::wiremock::ResponseTemplate::new(501).set_body_raw(message, "text/plain")
    }
}

/// One paragraph: which operation, then the request as it came, secrets redacted.
pub(super) fn describe(
    operations: &[OperationInfo],
    secrets: &[&str],
    request: &Request,
) -> String {
    let mut out = match operations.iter().find(|op| is_request_of(op, request)) {
        Some(op) => format!(
            "no expectation of `{}` ({} {}) matched this request:\n",
            op.name, op.method, op.path
        ),
        None => "this request is for no operation of the API:\n".to_string(),
    };
    let is_secret = |name: &str| {
        secrets.iter().any(|s| s.eq_ignore_ascii_case(name))
            || SECRET_HEADERS.iter().any(|s| s.eq_ignore_ascii_case(name))
    };
    let _ = write!(out, "  {} {}", request.method, request.url.path());
    let query: Vec<String> = request
        .url
        .query_pairs()
        .map(|(name, value)| {
            let value = if is_secret(&name) {
                REDACTED.into()
            } else {
                value
            };
            format!("{name}={value}")
        })
        .collect();
    if !query.is_empty() {
        let _ = write!(out, "?{}", query.join("&"));
    }
    out.push('\n');
    let mut headers: Vec<(&str, String)> = request
        .headers
        .iter()
        .map(|(name, value)| {
            let shown = if is_secret(name.as_str()) {
                REDACTED.to_string()
            } else {
                String::from_utf8_lossy(value.as_bytes()).into_owned()
            };
            (name.as_str(), shown)
        })
        .collect();
    headers.sort();
    for (name, value) in headers {
        let _ = writeln!(out, "  {name}: {value}");
    }
    out.push_str(&body_text(request, &is_secret));
    out
}

fn body_text(request: &Request, is_secret: &dyn Fn(&str) -> bool) -> String {
    let body = &request.body;
    if body.is_empty() {
        return "  (no body)\n".into();
    }
    let content_type = request
        .headers
        .get("content-type")
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .to_ascii_lowercase();
    let shown = if content_type.starts_with("application/x-www-form-urlencoded") {
        let pairs: Vec<String> = ::serde_urlencoded::from_bytes::<Vec<(String, String)>>(body)
            .unwrap_or_default()
            .into_iter()
            .map(|(name, value)| {
                let value = if is_secret(&name) {
                    REDACTED.into()
                } else {
                    value
                };
                format!("{name}={value}")
            })
            .collect();
        pairs.join("&")
    } else if let Ok(mut json) = ::serde_json::from_slice::<::serde_json::Value>(body) {
        redact_json(&mut json, is_secret);
        json.to_string()
    } else if content_type.starts_with("text/") {
        String::from_utf8_lossy(body).into_owned()
    } else {
        // Multipart and raw bytes may hold secrets in any shape: only their size is shown.
        return format!("  ({} bytes of {content_type})\n", body.len());
    };
    let mut cut: String = shown.chars().take(BODY_SHOWN).collect();
    if cut.len() < shown.len() {
        cut.push_str("...");
    }
    format!("  {cut}\n")
}

fn redact_json(value: &mut ::serde_json::Value, is_secret: &dyn Fn(&str) -> bool) {
    match value {
        ::serde_json::Value::Object(map) => {
            for (key, item) in map.iter_mut() {
                if is_secret(key) {
                    *item = ::serde_json::Value::String(REDACTED.into());
                } else {
                    redact_json(item, is_secret);
                }
            }
        }
        ::serde_json::Value::Array(items) => {
            for item in items {
                redact_json(item, is_secret);
            }
        }
        _ => {}
    }
}
