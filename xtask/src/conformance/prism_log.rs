//! Prism's log, cut into one record per request it received: method, path, whether its
//! validator accepted the request, the violations it found and the status it answered.

/// One request as Prism saw it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Received {
    pub method: String,
    pub path: String,
    /// `Violation: LOCATION MESSAGE` lines, as `LOCATION MESSAGE`.
    pub violations: Vec<String>,
    pub status: Option<u16>,
    /// Prism found no operation for the method and path.
    pub unrouted: bool,
    /// Validator errors logged without the `Violation:` form.
    pub errors: Vec<String>,
    /// Prism answered with its own error instead of a response from the document.
    pub terminated: bool,
    /// That error's text.
    pub prism_error: Option<String>,
    /// Prism's validator said the request passed its rules: a request Prism then failed to
    /// answer (it cannot serialise the reply, its sampler gives up on the schema) was valid.
    pub passed_validation: bool,
}

impl Received {
    /// No violation in the request (Prism also reports its own response's violations, with
    /// the location `response`) and a route found.
    pub fn valid(&self) -> bool {
        !self.unrouted
            && (self.passed_validation || !self.terminated)
            && !self
                .violations
                .iter()
                .any(|v| !is_response(v) && !is_warning(v))
    }
}

/// A violation Prism reports at warning severity: a request using a deprecated parameter
/// conforms to the document.
pub fn is_warning(violation: &str) -> bool {
    violation.ends_with(" is deprecated")
}

/// A violation Prism found in the response it built from the document.
pub fn is_response(violation: &str) -> bool {
    violation.starts_with("response")
}

/// Every request in the log, in the order received.
pub fn parse(log: &str) -> Vec<Received> {
    let mut out: Vec<Received> = Vec::new();
    for line in log.lines() {
        if let Some(rest) = line.split("[HTTP SERVER] ").nth(1) {
            if !rest.contains("Request received") {
                if let Some(current) = out.last_mut() {
                    if let Some(error) = rest.split("Request terminated with error: ").nth(1) {
                        current.terminated = true;
                        current.prism_error = Some(error.trim().to_string());
                    }
                }
                continue;
            }
            let mut words = rest.split_whitespace();
            out.push(Received {
                method: words.next().unwrap_or("").to_uppercase(),
                path: words.next().unwrap_or("").to_string(),
                ..Received::default()
            });
            continue;
        }
        let Some(current) = out.last_mut() else {
            continue;
        };
        if let Some(violation) = line.split("Violation: ").nth(1) {
            current.violations.push(violation.trim().to_string());
        } else if let Some(error) = line.split("[VALIDATOR] ✖  error").nth(1) {
            // Without a response to build, Prism logs the request's violations only as
            // plain validator errors, then terminates the request.
            current.errors.push(format!("request {}", error.trim()));
        } else if line.contains("The request passed the validation rules") {
            current.passed_validation = true;
        } else if let Some(code) = line.split("> Responding with \"").nth(1) {
            current.status = code.get(..3).and_then(|c| c.parse().ok());
        } else if line.contains("Route not resolved") || line.contains("Unable to find any path") {
            current.unrouted = true;
        }
    }
    for received in &mut out {
        if !received.violations.iter().any(|v| !is_response(v)) {
            let errors = std::mem::take(&mut received.errors);
            received.violations.extend(errors);
        }
        received.errors.clear();
    }
    out
}

/// Whether a request `path` (no query) fits the `template` (`/pets/{petId}`).
pub fn path_matches(template: &str, path: &str) -> bool {
    let path = path.split('?').next().unwrap_or(path);
    let fits = |template: &str, path: &str| {
        let wanted: Vec<&str> = template.split('/').collect();
        let got: Vec<&str> = path.split('/').collect();
        wanted.len() == got.len()
            && wanted
                .iter()
                .zip(&got)
                .all(|(w, g)| w.contains('{') || percent_decoded_eq(w, g))
    };
    // A variable may be empty (an object with no properties set), so a trailing `/` can be
    // a segment; otherwise a trailing `/` on either side does not matter.
    fits(template, path) || fits(template.trim_end_matches('/'), path.trim_end_matches('/'))
}

/// A literal segment the client had to percent-encode is taken as matching: decoding it here
/// would need a dependency for a case only the request's order then decides.
fn percent_decoded_eq(wanted: &str, got: &str) -> bool {
    wanted == got || got.contains('%')
}

#[cfg(test)]
mod tests {
    use super::*;

    const LOG: &str = "\
[1:52:35 AM] › [CLI] ▶  start     Prism is listening on http://127.0.0.1:47123
[1:52:38 AM] › [HTTP SERVER] get /files ℹ  info      Request received
[1:52:38 AM] ›     [VALIDATOR] ⚠  warning   Request did not pass the validation rules
[1:52:38 AM] ›     [NEGOTIATOR] ℹ  info      > Responding with \"401\"
[1:52:38 AM] ›     [VALIDATOR] ✖  error     Violation: request Invalid security scheme used
[1:52:38 AM] › [HTTP SERVER] post /files/a%20b ℹ  info      Request received
[1:52:38 AM] ›     [NEGOTIATOR] ℹ  info      > Responding with \"201\"
[1:52:39 AM] › [HTTP SERVER] get /atoz/x ℹ  info      Request received
[1:52:39 AM] ›     [VALIDATOR] ✖  error     Request path parameter letter must match pattern \"[a-z]\"
[1:52:39 AM] › [HTTP SERVER] get /atoz/x ✖  error     Request terminated with error: 422
[7:56:38 AM] › [HTTP SERVER] get /agr/alleles/example ℹ  info      Request received
[7:56:38 AM] ›     [VALIDATOR] ✔  success   The request passed the validation rules. Looking for the best response
[7:56:38 AM] ›     [NEGOTIATOR] ℹ  info      > Responding with \"200\"
[7:56:38 AM] › [HTTP SERVER] get /agr/alleles/example ✖  error     Request terminated with error: https://stoplight.io/prism/errors#NO_COMPLEX_OBJECT_TEXT: Cannot serialise complex objects as text
";

    #[test]
    fn one_record_per_request() {
        let got = parse(LOG);
        assert_eq!(got.len(), 4);
        assert_eq!(
            got[2].violations,
            ["request Request path parameter letter must match pattern \"[a-z]\""]
        );
        assert!(got[2].terminated && !got[2].valid());
        assert_eq!(got[0].method, "GET");
        assert_eq!(got[0].violations, ["request Invalid security scheme used"]);
        assert_eq!(got[0].status, Some(401));
        assert!(!got[0].valid());
        assert_eq!(got[1].status, Some(201));
        assert!(got[1].valid());
        // Valid, then unanswered: the failure is in Prism's reply, not in the request.
        assert!(got[3].terminated && got[3].passed_validation && got[3].valid());
    }

    #[test]
    fn templates_match_paths() {
        assert!(path_matches("/files/{id}", "/files/a%20b"));
        assert!(path_matches("/a b", "/a%20b"));
        assert!(!path_matches("/files", "/files/x"));
        assert!(path_matches("/files/", "/files"));
        assert!(path_matches("/p/{a}/{b}", "/p/x/"));
    }
}
