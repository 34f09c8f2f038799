//! What the generator said about a document (its log from the generate stage) that decides
//! whose a violation is: a property the schema requires but never declares, and a path
//! parameter the path template does not name. The generator leaves both out with a warning,
//! so Prism's complaint about them is the document's contradiction, not our encoding. Header
//! parameters named Content-Type or Accept, which OpenAPI says to ignore, are left out with
//! a warning too; Prism validates them all the same.

/// Names the generator warned about.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Undeclared {
    /// `required` entries that are not among the schema's properties.
    pub required: Vec<String>,
    /// Path parameters absent from their path template.
    pub path_params: Vec<String>,
    /// Header parameters ignored as OpenAPI requires, lowercase.
    pub ignored_headers: Vec<String>,
}

impl Undeclared {
    /// Reads the generation log's warnings.
    pub fn from_log(log: &str) -> Undeclared {
        let mut found = Undeclared::default();
        for line in log.lines() {
            if let Some(name) =
                quoted_after(line, "required property `", "` is not among the properties")
            {
                found.required.push(name);
            } else if let Some(name) = quoted_after(
                line,
                "path parameter `",
                "` does not appear in the path template",
            ) {
                found.path_params.push(name);
            } else if let Some(name) = quoted_after(
                line,
                "header parameter `",
                "` is ignored, as OpenAPI requires",
            ) {
                let name = name.to_ascii_lowercase();
                // OpenAPI also ignores Authorization, but a complaint about it may be a
                // credential the client failed to send.
                if name != "authorization" && !found.ignored_headers.contains(&name) {
                    found.ignored_headers.push(name);
                }
            }
        }
        found
    }

    /// Whether `violation` is Prism asking for one of these names.
    pub fn explains(&self, violation: &str) -> bool {
        self.required
            .iter()
            .any(|name| violation.contains(&format!("must have required property '{name}'")))
            || self
                .path_params
                .iter()
                .any(|name| violation.starts_with(&format!("request.path.{name} ")))
    }
}

impl Undeclared {
    /// Whether `violation` is Prism validating a header parameter OpenAPI says to ignore.
    pub fn ignored_header(&self, violation: &str) -> bool {
        self.ignored_headers.iter().any(|name| {
            violation.starts_with(&format!("request.header.{name} "))
                || violation.contains(&format!(
                    "Request header must have required property '{name}'"
                ))
        })
    }
}

/// The text between `before` and `after` in `line`.
fn quoted_after(line: &str, before: &str, after: &str) -> Option<String> {
    let start = line.find(before)? + before.len();
    let len = line[start..].find(after)?;
    Some(line[start..start + len].to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn warnings_name_what_the_document_leaves_undeclared() {
        let log = "x.yaml: warning: #/a/required: required property `consentUrl` is not among the properties; it is not required of the data\n\
                   x.yaml: warning: #/p/0: path parameter `id` does not appear in the path template; it is not sent\n";
        let undeclared = Undeclared::from_log(log);
        assert_eq!(undeclared.required, ["consentUrl"]);
        assert_eq!(undeclared.path_params, ["id"]);
        assert!(undeclared.explains("request.body.consent Request body property consent must have required property 'consentUrl'"));
        assert!(undeclared.explains("request.path.id Request path parameter id must be integer"));
        assert!(!undeclared.explains("request.path.idx Request path parameter idx must be integer"));
        assert!(!undeclared.explains("request.body must have required property 'name'"));
    }

    #[test]
    fn header_parameters_openapi_ignores_are_named() {
        let log = "x.yaml: warning: #/paths/~1b/post/parameters/0: header parameter `Content-type` is ignored, as OpenAPI requires: the client sets it\n\
                   x.yaml: warning: #/paths/~1c/get/parameters/0: header parameter `Authorization` is ignored, as OpenAPI requires: the client sets it\n";
        let undeclared = Undeclared::from_log(log);
        assert_eq!(undeclared.ignored_headers, ["content-type"]);
        assert!(undeclared.ignored_header("request.header.content-type Request header parameter content-type must be equal to one of the allowed values: application/x-tar"));
        assert!(undeclared
            .ignored_header("request Request header must have required property 'content-type'"));
        assert!(!undeclared
            .ignored_header("request Request header must have required property 'authorization'"));
        assert!(!undeclared
            .ignored_header("request.header.x-id Request header parameter x-id must be integer"));
    }
}
