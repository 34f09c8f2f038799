//! Which requests an expectation answers: the operation's method and path template, then the
//! test's own checks.

use super::{OperationInfo, Request};
use ::std::sync::Arc;

/// One check a test added to an expectation.
pub(super) type Predicate = Arc<dyn Fn(&Request) -> bool + Send + Sync>;

/// Matches the requests of one operation that pass every check.
pub(super) struct OperationMatch {
    info: OperationInfo,
    predicates: Vec<Predicate>,
}

impl OperationMatch {
    pub(super) fn new(info: OperationInfo, predicates: Vec<Predicate>) -> Self {
        OperationMatch { info, predicates }
    }
}

impl ::wiremock::Match for OperationMatch {
    fn matches(&self, request: &Request) -> bool {
        is_request_of(&self.info, request) && self.predicates.iter().all(|check| check(request))
    }
}

/// Whether `request` has the operation's method and a path its template matches.
pub(super) fn is_request_of(info: &OperationInfo, request: &Request) -> bool {
    request.method.as_str().eq_ignore_ascii_case(info.method)
        && path_matches(info.path, request.url.path())
}

/// Whether `path` (as sent, percent-encoded) fits `template` segment by segment. A templated
/// segment matches any text that keeps the literal text around its variables.
pub(super) fn path_matches(template: &str, path: &str) -> bool {
    // Segments may be empty (an empty array in a path parameter), so only one trailing slash
    // that the other side lacks is ignored.
    let mut expected: Vec<&str> = template.split('/').collect();
    let mut actual: Vec<&str> = path.split('/').collect();
    if actual.len() == expected.len() + 1 && actual.last() == Some(&"") {
        actual.pop();
    } else if expected.len() == actual.len() + 1 && expected.last() == Some(&"") {
        expected.pop();
    }
    expected.len() == actual.len()
        && expected
            .iter()
            .zip(&actual)
            .all(|(t, a)| segment_matches(t, a))
}

fn segment_matches(template: &str, actual: &str) -> bool {
    match (template.find('{'), template.rfind('}')) {
        (Some(open), Some(close)) if open < close => {
            let (prefix, suffix) = (&template[..open], &template[close + 1..]);
            actual.len() >= prefix.len() + suffix.len()
                && actual.starts_with(prefix)
                && actual.ends_with(suffix)
        }
        _ => template == actual,
    }
}

/// A check that the path segment holding `{name}` decodes to `value`. A name the template
/// does not hold as a whole segment never matches, so the mistake shows as an unmatched call.
pub(super) fn path_param(
    template: &str,
    name: &str,
    value: String,
) -> impl Fn(&Request) -> bool + Send + Sync + 'static {
    let placeholder = format!("{{{name}}}");
    let index = template
        .split('/')
        .position(|segment| segment == placeholder);
    move |request| {
        let Some(index) = index else {
            return false;
        };
        request
            .url
            .path()
            .split('/')
            .nth(index)
            .map(|raw| ::percent_encoding::percent_decode_str(raw).decode_utf8_lossy())
            .is_some_and(|decoded| decoded == value.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn templates_match_segment_by_segment() {
        assert!(path_matches("/pets/{id}", "/pets/7"));
        assert!(path_matches("/pets/{id}/", "/pets/7"));
        assert!(path_matches("/files/{name}.json", "/files/a.json"));
        assert!(!path_matches("/files/{name}.json", "/files/a.xml"));
        assert!(!path_matches("/pets/{id}", "/pets/7/toys"));
        assert!(!path_matches("/pets", "/owners"));
        assert!(path_matches("/", "/"));
        assert!(path_matches("/colors/{label}/{matrix}", "/colors//"));
        assert!(path_matches("/pets", "/pets/"));
        assert!(!path_matches("/pets/{id}", "/pets"));
    }
}
