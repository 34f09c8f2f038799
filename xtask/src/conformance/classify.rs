//! Who is to blame for one operation's failure, from the client's result and Prism's view.

use super::prism_log::Received;

/// Where a failure comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Class {
    /// The client put a value on the wire the spec does not allow in that form.
    OurEncoding,
    /// The client could not decode a response the spec describes.
    OurDecoding,
    /// The synthesized argument values break the spec's constraints.
    ArgumentSynthesis,
    /// The client or the harness panicked.
    Panic,
    /// The spec contradicts itself (an example that breaks its own schema, say).
    Document,
    /// Prism cannot do what the spec asks.
    Prism,
}

impl Class {
    pub fn name(self) -> &'static str {
        match self {
            Class::OurEncoding => "our encoding",
            Class::OurDecoding => "our decoding",
            Class::ArgumentSynthesis => "argument synthesis",
            Class::Panic => "panic",
            Class::Document => "document contradictory",
            Class::Prism => "Prism limitation",
        }
    }

    /// Failures of our own code (generator, runtime or synthesizer).
    pub fn is_ours(self) -> bool {
        !matches!(self, Class::Document | Class::Prism)
    }
}

/// One operation called through the harness. What the document says of it (the fields after
/// `dynamic`) is filled in once the document's calls are all made.
#[derive(Clone, Debug, Default)]
pub struct Call {
    pub name: String,
    pub method: String,
    pub path: String,
    /// The client's outcome: ok, status, unexpected-status, decode, no-response, timeout, panic.
    pub kind: String,
    pub status: Option<u16>,
    pub message: String,
    /// The request as Prism received it, when it did.
    pub received: Option<Received>,
    /// The same call answered by Prism in dynamic mode (a reply generated from the schema),
    /// made when the document's own example broke its schema and the client rejected it.
    pub dynamic: Option<Box<Call>>,
    /// The media types the document declares for the operation's request body.
    pub request_media: Vec<String>,
    /// What the generator warned the document leaves undeclared.
    pub undeclared: super::spec_warnings::Undeclared,
    /// The `oneOf`s of the request body no value fits exactly once.
    pub union_overlaps: Vec<super::spec_unions::Overlap>,
    /// The document's object schemas, and whether it gives this operation example replies.
    pub objects: std::sync::Arc<super::spec_objects::Objects>,
    /// The document, to tell whether a reply lacking a property breaks its schema.
    pub replies: std::sync::Arc<super::spec_required::Replies>,
}

impl Call {
    pub fn request_valid(&self) -> bool {
        self.received.as_ref().is_some_and(Received::valid)
    }

    /// The response decoded into the declared success or error type: the document's
    /// example reply, or where that broke its schema, a reply generated from the schema.
    pub fn decoded(&self) -> bool {
        self.decoded_as_sent() || self.dynamic.as_ref().is_some_and(|d| d.decoded_as_sent())
    }

    fn decoded_as_sent(&self) -> bool {
        matches!(self.kind.as_str(), "ok" | "status")
    }

    /// The client did not decode the reply, and either the document's example reply broke
    /// its schema (Prism says so) or Prism accepted the request but failed to build a reply
    /// (its static sampler gives up on some schemas): the call to re-make against a reply
    /// generated from the schema.
    pub fn needs_dynamic_reply(&self) -> bool {
        !self.decoded_as_sent()
            && self.received.as_ref().is_some_and(|r| {
                (r.passed_validation && r.terminated)
                    || r.violations
                        .iter()
                        .any(|v| super::prism_log::is_response(v))
            })
    }

    /// Every failure of this call: class, reason and the evidence text.
    pub fn failures(&self) -> Vec<(Class, String, String)> {
        let mut out = Vec::new();
        if self.kind == "panic" {
            out.push((Class::Panic, "client panicked".into(), self.message.clone()));
            return out;
        }
        if self.kind == super::run_doc::PRISM_CRASHED {
            out.push((
                Class::Prism,
                "Prism's process crashed on the request".into(),
                self.message.clone(),
            ));
            return out;
        }
        // Routers match the path alone; a path key that holds a query string or a fragment
        // (`/rest?method=x`, `/pet/{id}?streaming`: several operations on one path) matches no
        // request, or reaches the operation without it.
        if self.path.contains(['?', '#']) && !(self.request_valid() && self.decoded()) {
            out.push((
                Class::Document,
                "a path key holding a query string or fragment, which no router tells apart".into(),
                self.message.clone(),
            ));
            return out;
        }
        match &self.received {
            // The runtime refuses to send a form or multipart body that is not an object: the
            // document gives it a schema no form can carry.
            None if self.message.contains("body must be an object") => out.push((
                Class::Document,
                "a form-urlencoded or multipart body whose schema is not an object".into(),
                self.message.clone(),
            )),
            None => out.push((
                Class::OurEncoding,
                format!("no request reached Prism ({})", self.kind),
                self.message.clone(),
            )),
            Some(received) => {
                if received.unrouted {
                    out.push((
                        Class::OurEncoding,
                        "Prism found no operation for the path".into(),
                        format!("{} {}", received.method, received.path),
                    ));
                }
                // A reply generated from the schema may have been read where Prism failed to
                // build one from the document.
                if received.terminated && received.violations.is_empty() && !self.decoded() {
                    let error = received.prism_error.clone().unwrap_or_default();
                    let reason = if received.passed_validation {
                        format!(
                            "Prism accepted the request, then failed to answer it: {}",
                            prism_error_kind(&error)
                        )
                    } else {
                        "Prism ended the request with its own error, naming no violation".into()
                    };
                    out.push((Class::Prism, reason, error));
                }
                for violation in &received.violations {
                    if super::prism_log::is_warning(violation) {
                        continue;
                    }
                    if super::prism_log::is_response(violation) {
                        // Only a response the client failed on is a failure; Prism's view that
                        // the document's own example breaks its schema is the evidence.
                        if !self.decoded() {
                            out.push((
                                Class::Document,
                                "the document's response example breaks its schema".into(),
                                violation.clone(),
                            ));
                        }
                        continue;
                    }
                    let (class, reason) = match text_body_shape(violation, &self.request_media) {
                        Some(judged) => judged,
                        // Asked for a name the generator left out, warning that the
                        // document requires or declares it without defining it.
                        None if self.undeclared.explains(violation) => (
                            Class::Document,
                            format!(
                                "a name the document requires but never declares: {}",
                                crate::corpus::classify::normalize(violation)
                            ),
                        ),
                        // Checked against a `oneOf` no value fits exactly once, the body
                        // fits several branches (or breaks them all, in the violations of
                        // each branch under it).
                        None if self.overlapping_union(violation, &received.violations) => (
                            Class::Document,
                            format!(
                                "a oneOf no value fits exactly once: {}",
                                super::spec_unions::explaining(&self.union_overlaps, violation)
                                    .map_or("", |o| o.evidence.as_str())
                            ),
                        ),
                        // OpenAPI: a header parameter named Content-Type or Accept SHALL be
                        // ignored (the media types say what is sent); Prism checks it anyway.
                        None if self.undeclared.ignored_header(violation) => (
                            Class::Prism,
                            format!(
                                "Prism validates a header parameter OpenAPI says to ignore: {}",
                                crate::corpus::classify::normalize(violation)
                            ),
                        ),
                        // A path parameter this operation's template does not have: Prism
                        // matched the request to another operation's template
                        // (`/tags/{id}.{format}` for `/tags/languages.json`).
                        None if foreign_path_param(violation, &self.path) => (
                            Class::Prism,
                            format!(
                                "Prism routed the request to another operation's path: {}",
                                crate::corpus::classify::normalize(violation)
                            ),
                        ),
                        None => violation_class(violation),
                    };
                    out.push((class, reason, violation.clone()));
                }
            }
        }
        // Where Prism failed to answer both times, its first failure says it all.
        let failed_again = |d: &Call| {
            d.received.as_ref().is_some_and(|r| r.terminated)
                && self.received.as_ref().is_some_and(|r| r.terminated)
        };
        if let Some(dynamic) = self
            .dynamic
            .as_deref()
            .filter(|d| !d.decoded_as_sent() && !failed_again(d))
        {
            out.push(dynamic.dynamic_failure());
        }
        if !self.decoded() && out.is_empty() {
            out.push(self.response_failure());
        }
        out
    }

    /// Why a reply Prism generated from the schema did not decode: ours when Prism found the
    /// reply valid, Prism's when its generator broke the schema itself.
    fn dynamic_failure(&self) -> (Class, String, String) {
        let evidence = format!("{} {}", self.status.unwrap_or(0), self.message);
        let broken = self.received.as_ref().and_then(|r| {
            r.violations
                .iter()
                .find(|v| super::prism_log::is_response(v))
        });
        match (broken, self.kind.as_str()) {
            (Some(violation), _) => (
                Class::Prism,
                "Prism's reply generated from the schema breaks the schema".into(),
                violation.clone(),
            ),
            // JSON Schema has no unsigned formats: Prism's generator ignores `uint64` and
            // the like and writes negative numbers.
            (None, "decode")
                if self.message.contains("invalid value: integer `-")
                    && self.message.contains("expected u") =>
            {
                (
                    Class::Prism,
                    "Prism's generated reply has a negative value for an unsigned format".into(),
                    evidence,
                )
            }
            (None, "decode") if self.missing_required().is_some() => (
                Class::Prism,
                "Prism's reply generated from the schema lacks a property the schema requires"
                    .into(),
                format!(
                    "{} is required by the schema; {evidence}",
                    self.missing_required().unwrap_or_default()
                ),
            ),
            (None, "decode") => (
                Class::OurDecoding,
                format!(
                    "a reply generated from the schema: {}",
                    crate::corpus::classify::normalize(&self.message)
                ),
                evidence,
            ),
            (None, other) => (
                Class::Prism,
                format!("Prism's dynamic reply ended as {other}"),
                evidence,
            ),
        }
    }

    /// Why a response to a valid request did not decode.
    fn response_failure(&self) -> (Class, String, String) {
        let evidence = format!("{} {}", self.status.unwrap_or(0), self.message);
        match self.kind.as_str() {
            // Prism answers with a status the operation declares, or with its own error
            // (500 when no response can be built): an undeclared status is Prism's.
            "unexpected-status" => (
                Class::Prism,
                "Prism answered a status the operation does not declare".into(),
                evidence,
            ),
            // A non-object where the document's schema is an object: the reply breaks the
            // schema (or, without a `type`, what the schema describes).
            "decode" if super::spec_objects::explaining(&self.objects, &self.message).is_some() => {
                self.non_object_reply(evidence)
            }
            "decode" if self.missing_required().is_some() => self.incomplete_reply(evidence),
            "decode" => (
                Class::OurDecoding,
                crate::corpus::classify::normalize(&self.message),
                evidence,
            ),
            other => (
                Class::OurEncoding,
                format!("no response ({other})"),
                evidence,
            ),
        }
    }
}

impl Call {
    /// Whether `violation` lies under a body `oneOf` no value fits exactly once, and Prism
    /// says the body does not fit exactly one of its branches.
    fn overlapping_union(&self, violation: &str, all: &[String]) -> bool {
        let Some(overlap) = super::spec_unions::explaining(&self.union_overlaps, violation) else {
            return false;
        };
        all.iter().any(|v| {
            v.contains("must match exactly one schema in oneOf")
                && super::spec_unions::explaining(std::slice::from_ref(overlap), v).is_some()
        })
    }
}

impl Call {
    /// A reply holding a non-object where the document's schema is an object: the
    /// document's own example where it gives one (Prism serves it), else Prism's invention.
    fn non_object_reply(&self, evidence: String) -> (Class, String, String) {
        let schema = super::spec_objects::explaining(&self.objects, &self.message).unwrap_or("");
        let key = (self.method.clone(), self.path.clone());
        match self.objects.with_examples.contains(&key) {
            true => (
                Class::Document,
                format!(
                    "the document's example reply has a non-object where `{schema}` is an object"
                ),
                evidence,
            ),
            false => (
                Class::Prism,
                format!("Prism's reply has a non-object where `{schema}` is an object"),
                evidence,
            ),
        }
    }
}

impl Call {
    /// The property a reply that did not decode lacks, and where, when the document's schema
    /// requires it there.
    fn missing_required(&self) -> Option<String> {
        self.replies
            .required_but_missing(&self.method, &self.path, self.status?, &self.message)
    }

    /// A reply lacking a property its schema requires: the document's own example where it
    /// gives one (Prism serves it), else Prism's invention.
    fn incomplete_reply(&self, evidence: String) -> (Class, String, String) {
        let missing = self.missing_required().unwrap_or_default();
        let evidence = format!("{missing} is required by the schema; {evidence}");
        let key = (self.method.clone(), self.path.clone());
        match self.objects.with_examples.contains(&key) {
            true => (
                Class::Document,
                "the document's example reply lacks a property its schema requires".into(),
                evidence,
            ),
            false => (
                Class::Prism,
                "Prism's reply lacks a property the schema requires".into(),
                evidence,
            ),
        }
    }
}

/// A `request.path.NAME` violation where `template` has no `{NAME}`.
fn foreign_path_param(violation: &str, template: &str) -> bool {
    violation
        .strip_prefix("request.path.")
        .and_then(|rest| rest.split_once(' '))
        .is_some_and(|(name, _)| !template.contains(&format!("{{{name}}}")))
}

/// A body Prism reads as text checked against an object or array schema: Prism parses only
/// `application/json`, `+json` and form bodies, so multipart parts, NDJSON records and
/// `text/json` bodies (JSON to the client, as OpenAPI says) fail as text; raw bytes (`application/octet-stream`) with an object schema are the
/// document's contradiction.
fn text_body_shape(violation: &str, media: &[String]) -> Option<(Class, String)> {
    let shape = violation.contains("must be object") || violation.contains("must be array");
    // A union of object schemas fails as a whole when its value is read as text.
    let union = violation.contains("must match a schema in anyOf")
        || violation.contains("must match exactly one schema in oneOf");
    let in_body =
        violation.starts_with("request.body") || violation.starts_with("request Request body");
    let essence = |m: &String| {
        m.split(';')
            .next()
            .unwrap_or("")
            .trim()
            .to_ascii_lowercase()
    };
    // Prism parses `application/json` and `+json` types; `text/json` it reads as text.
    let parsed = |m: &String| {
        let m = essence(m);
        (m == "application/json" || m.ends_with("+json")) && !m.ends_with("ndjson")
            || m == "application/x-www-form-urlencoded"
    };
    if !((shape || union) && in_body) || media.is_empty() || media.iter().any(parsed) {
        return None;
    }
    let reason = crate::corpus::classify::normalize(violation);
    let read_as_text = media
        .iter()
        .map(essence)
        .any(|m| m.starts_with("multipart/") || m.ends_with("ndjson") || m.ends_with("/json"));
    if union && !read_as_text {
        return None;
    }
    Some(match read_as_text {
        true => (
            Class::Prism,
            format!("Prism reads a multipart, NDJSON or text/json body as text: {reason}"),
        ),
        false => (
            Class::Document,
            format!("an object or array schema for a body that carries no JSON: {reason}"),
        ),
    })
}

/// The class of one `sl-violations` entry (`LOCATION MESSAGE`): a value that breaks a
/// constraint is the synthesizer's; a wrong shape, type or media type is the encoder's.
fn violation_class(violation: &str) -> (Class, String) {
    const VALUE_CONSTRAINTS: [&str; 9] = [
        "must be equal to one of the allowed values",
        "must match format",
        "must match pattern",
        "must be >",
        "must be <",
        "must NOT have fewer",
        "must NOT have more",
        "must be multiple of",
        "must be equal to constant",
    ];
    let reason = crate::corpus::classify::normalize(violation);
    // The client fills every variable of the path template; a path parameter Prism still
    // misses is one the document declares but its template does not name (the generator
    // warns and leaves it out).
    if violation.contains("Request path must have required property") {
        return (Class::Document, reason);
    }
    // Prism validates only the security scheme types it implements (not `http` schemes
    // other than basic, bearer and digest, say); the request was not judged.
    if violation.contains("We currently do not support this type of security scheme") {
        return (Class::Prism, reason);
    }
    // `/^x$/` is a JavaScript regex literal, not the regex: read as written, a `^` after
    // a `/` (or a `$` before one) is an anchor inside the text, which no string matches.
    if slashed_anchored_pattern(violation) {
        return (
            Class::Document,
            format!("a pattern written as a regex literal in slashes, which no string matches: {reason}"),
        );
    }
    if VALUE_CONSTRAINTS.iter().any(|c| violation.contains(c)) {
        (Class::ArgumentSynthesis, reason)
    } else {
        (Class::OurEncoding, reason)
    }
}

/// A `must match pattern "/^...$/"` violation.
fn slashed_anchored_pattern(violation: &str) -> bool {
    let Some((_, rest)) = violation.split_once("must match pattern \"") else {
        return false;
    };
    let pattern = rest.strip_suffix('"').unwrap_or(rest);
    pattern.len() > 2
        && pattern.starts_with('/')
        && pattern.ends_with('/')
        && (pattern.starts_with("/^") || pattern.ends_with("$/"))
}

/// The part of Prism's error that names what went wrong (`NO_COMPLEX_OBJECT_TEXT: Cannot
/// serialise complex objects as text` from its problem URL form), so alike errors rank together.
fn prism_error_kind(error: &str) -> &str {
    let error = error.rsplit_once('#').map_or(error, |(_, kind)| kind);
    error
        .split_once(" for ")
        .map_or(error, |(kind, _)| kind)
        .trim()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn call(kind: &str, violations: &[&str]) -> Call {
        Call {
            name: "op".into(),
            method: "GET".into(),
            path: "/x".into(),
            kind: kind.into(),
            status: Some(200),
            message: String::new(),
            received: Some(Received {
                method: "GET".into(),
                path: "/x".into(),
                violations: violations.iter().map(|v| v.to_string()).collect(),
                status: Some(200),
                ..Received::default()
            }),
            ..Call::default()
        }
    }

    #[test]
    fn valid_and_decoded_is_no_failure() {
        assert!(call("ok", &[]).failures().is_empty());
    }

    #[test]
    fn violations_are_classed_by_what_they_say() {
        let failures = call(
            "status",
            &[
                "request.query.size must be >= 1",
                "request.body must be object",
            ],
        )
        .failures();
        let classes: Vec<Class> = failures.iter().map(|f| f.0).collect();
        assert_eq!(classes, [Class::ArgumentSynthesis, Class::OurEncoding]);
    }

    #[test]
    fn a_broken_example_reply_is_judged_by_the_schema_generated_one() {
        let mut broken = call("decode", &["response.body.id must be integer"]);
        assert!(broken.needs_dynamic_reply());
        assert_eq!(broken.failures()[0].0, Class::Document);
        broken.dynamic = Some(Box::new(call("ok", &[])));
        assert!(broken.decoded());
        assert!(broken.failures().is_empty());
        broken.dynamic = Some(Box::new(call("decode", &[])));
        let failures = broken.failures();
        assert!(!broken.decoded());
        assert!(failures.iter().any(|f| f.0 == Class::OurDecoding));
    }

    #[test]
    fn a_valid_request_prism_failed_to_answer_is_called_again() {
        let mut unanswered = call("unexpected-status", &[]);
        let received = unanswered.received.as_mut().expect("received");
        received.passed_validation = true;
        received.terminated = true;
        received.prism_error =
            Some("https://x/errors#SCHEMA_TOO_COMPLEX: Schema too complex".into());
        assert!(unanswered.request_valid());
        assert!(unanswered.needs_dynamic_reply());
        let failures = unanswered.failures();
        assert_eq!(failures.len(), 1);
        assert_eq!(failures[0].0, Class::Prism);
        assert!(failures[0].1.contains("SCHEMA_TOO_COMPLEX"), "{failures:?}");
        // Failing again in dynamic mode adds nothing; a reply read there is a pass.
        let mut again = unanswered.clone();
        again.kind = "unexpected-status".into();
        unanswered.dynamic = Some(Box::new(again));
        assert_eq!(unanswered.failures().len(), 1);
        unanswered.dynamic = Some(Box::new(call("ok", &[])));
        assert!(unanswered.decoded());
        assert!(unanswered.failures().is_empty());
    }

    #[test]
    fn bodies_prism_reads_as_text_are_not_ours() {
        let mut multipart = call(
            "status",
            &["request.body.media Request body property media must be object"],
        );
        assert_eq!(multipart.failures()[0].0, Class::OurEncoding);
        multipart.request_media = vec!["multipart/form-data".into()];
        assert_eq!(multipart.failures()[0].0, Class::Prism);
        multipart.request_media = vec!["application/octet-stream".into()];
        assert_eq!(multipart.failures()[0].0, Class::Document);
        multipart.request_media = vec!["multipart/form-data".into(), "application/json".into()];
        assert_eq!(multipart.failures()[0].0, Class::OurEncoding);
        multipart.request_media = vec!["text/json".into()];
        assert_eq!(multipart.failures()[0].0, Class::Prism);
        let mut union = call(
            "status",
            &["request.body.media Request body property media must match a schema in anyOf"],
        );
        union.request_media = vec!["multipart/form-data".into()];
        assert_eq!(union.failures()[0].0, Class::Prism);
        union.request_media = vec!["application/octet-stream".into()];
        assert_eq!(union.failures()[0].0, Class::OurEncoding);
    }

    #[test]
    fn a_path_parameter_of_another_template_is_prisms_routing() {
        assert!(foreign_path_param(
            "request.path.id Request path parameter id must be integer",
            "/tags/languages.{format}"
        ));
        assert!(!foreign_path_param(
            "request.path.id Request path parameter id must be integer",
            "/tags/{id}"
        ));
        assert!(!foreign_path_param(
            "request.body.id must be integer",
            "/tags"
        ));
    }

    #[test]
    fn what_prism_cannot_judge_is_prisms() {
        let unsupported = call(
            "status",
            &["request We currently do not support this type of security scheme: http/oauth"],
        )
        .failures();
        assert_eq!(unsupported[0].0, Class::Prism);
        let crashed = call(super::super::run_doc::PRISM_CRASHED, &[]).failures();
        assert_eq!(crashed.len(), 1);
        assert_eq!(crashed[0].0, Class::Prism);
    }

    #[test]
    fn a_pattern_in_regex_literal_slashes_is_the_documents() {
        let slashed = call(
            "status",
            &[r#"request Request header parameter reg_exp_test must match pattern "/^[A-Za-z0-9_]{1,15}$/""#],
        )
        .failures();
        assert_eq!(slashed[0].0, Class::Document);
        let plain = call(
            "status",
            &[r#"request.query.id Request query parameter id must match pattern "^[0-9]+$""#],
        )
        .failures();
        assert_eq!(plain[0].0, Class::ArgumentSynthesis);
        let path_like = call(
            "status",
            &[r#"request.query.p Request query parameter p must match pattern "/[a-z]+/""#],
        )
        .failures();
        assert_eq!(path_like[0].0, Class::ArgumentSynthesis);
    }

    #[test]
    fn header_parameters_openapi_ignores_are_prisms() {
        let mut docker = call(
            "status",
            &["request.header.content-type Request header parameter content-type must be equal to one of the allowed values: application/x-tar"],
        );
        assert_eq!(docker.failures()[0].0, Class::ArgumentSynthesis);
        docker.undeclared.ignored_headers = vec!["content-type".into()];
        assert_eq!(docker.failures()[0].0, Class::Prism);
    }

    #[test]
    fn a_body_under_a_oneof_no_value_fits_once_is_the_documents() {
        let violations = [
            "request.body.ruleType Request body property ruleType must be equal to one of the allowed values: http",
            "request.body Request body must match exactly one schema in oneOf",
            "request.query.n Request query parameter n must be integer",
        ];
        let mut rule = call("status", &violations);
        let classes = |c: &Call| c.failures().iter().map(|f| f.0).collect::<Vec<_>>();
        assert_eq!(
            classes(&rule),
            [
                Class::ArgumentSynthesis,
                Class::OurEncoding,
                Class::OurEncoding
            ]
        );
        rule.union_overlaps = vec![super::super::spec_unions::Overlap {
            at: Vec::new(),
            evidence: "branch 1 constrains nothing".into(),
        }];
        assert_eq!(
            classes(&rule),
            [Class::Document, Class::Document, Class::OurEncoding]
        );
        // Elsewhere in the body: the oneOf at `source` explains nothing at the root.
        rule.union_overlaps[0].at = vec!["source".into()];
        assert_eq!(
            classes(&rule),
            [
                Class::ArgumentSynthesis,
                Class::OurEncoding,
                Class::OurEncoding
            ]
        );
    }

    #[test]
    fn a_non_object_where_the_schema_is_an_object_is_not_ours() {
        let mut reply = call("decode", &[]);
        reply.message = "at `a[0]`: invalid type: sequence, expected struct IncomeBreakdown".into();
        assert_eq!(reply.failures()[0].0, Class::OurDecoding);
        let mut objects = super::super::spec_objects::Objects::default();
        objects
            .schemas
            .insert("IncomeBreakdown".into(), "#/components/schemas/X".into());
        reply.objects = std::sync::Arc::new(objects.clone());
        assert_eq!(reply.failures()[0].0, Class::Prism);
        objects.with_examples.insert(("GET".into(), "/x".into()));
        reply.objects = std::sync::Arc::new(objects);
        assert_eq!(reply.failures()[0].0, Class::Document);
    }

    #[test]
    fn a_reply_lacking_a_property_its_schema_requires_is_not_ours() {
        let mut reply = call("decode", &[]);
        reply.message = "GET http://h/x answered 200 OK with a body that does not match its schema at `item`: missing field `name`".into();
        assert_eq!(reply.failures()[0].0, Class::OurDecoding);
        let schema = |required: serde_json::Value| {
            serde_json::json!({"paths": {"/x": {"get": {"responses": {"200": {"content": {
                "application/json": {"schema": {"properties": {"item": {
                    "required": required, "properties": {"name": {"type": "string"}}
                }}}}
            }}}}}}})
        };
        // The schema does not require it: the client should have accepted the reply.
        reply.replies = std::sync::Arc::new(super::super::spec_required::Replies::of(schema(
            serde_json::json!([]),
        )));
        assert_eq!(reply.failures()[0].0, Class::OurDecoding);
        reply.replies = std::sync::Arc::new(super::super::spec_required::Replies::of(schema(
            serde_json::json!(["name"]),
        )));
        let failures = reply.failures();
        assert_eq!(failures[0].0, Class::Prism);
        assert!(failures[0]
            .2
            .starts_with("`name` at `item` is required by the schema"));
    }

    #[test]
    fn undecoded_valid_request_is_a_decoding_failure() {
        let failures = call("decode", &[]).failures();
        assert_eq!(failures[0].0, Class::OurDecoding);
    }

    #[test]
    fn prism_errors_rank_by_kind() {
        assert_eq!(
            prism_error_kind(
                "https://stoplight.io/prism/errors#SCHEMA_TOO_COMPLEX: Schema too complex"
            ),
            "SCHEMA_TOO_COMPLEX: Schema too complex"
        );
        assert_eq!(
            prism_error_kind("Error: Cannot find serializer for image/jpeg"),
            "Error: Cannot find serializer"
        );
    }
}
