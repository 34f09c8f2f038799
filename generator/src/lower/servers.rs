//! `servers` to base URL choices with typed variables.

use super::Lowerer;
use crate::ir::names::{field_name, type_name, Scope};
use crate::ir::{Server, ServerVariable};

impl Lowerer<'_> {
    /// Every declared server; the first is the default. A document without servers gets `/`,
    /// as the specification says, which the user overrides with a custom URL.
    pub fn lower_servers(&mut self) -> Vec<Server> {
        let mut scope = Scope::with_reserved(&["Custom"]);
        let mut servers = Vec::new();
        for (index, server) in self.api.servers.iter().enumerate() {
            let base = server
                .description
                .as_deref()
                .map(|d| type_name(d, "Server"))
                .filter(|n| n.len() <= 40)
                .unwrap_or_else(|| {
                    if index == 0 {
                        "Default".into()
                    } else {
                        format!("Server{}", index + 1)
                    }
                });
            let mut var_scope = Scope::default();
            let host_variables = placeholder_host_variables(server);
            let variables = server
                .variables
                .iter()
                .flatten()
                .map(|(name, variable)| ServerVariable {
                    name: var_scope.claim(field_name(name, "variable")),
                    wire_name: name.clone(),
                    default: variable.default.clone(),
                    placeholder: host_variables.contains(name),
                    allowed: variable.enumeration.clone(),
                    doc: variable.description.clone(),
                })
                .collect();
            servers.push(Server {
                name: scope.claim(base),
                url: server.url.clone(),
                doc: server.description.clone(),
                variables,
            });
        }
        if servers.is_empty() {
            servers.push(Server {
                name: "Default".into(),
                url: "/".into(),
                doc: None,
                variables: Vec::new(),
            });
        }
        servers
    }
}

/// The variables that make up the host of a server whose URL, with every variable at its
/// default, has no usable host: a name without a dot (`your-host`), or one of the names RFC
/// 2606 and RFC 6761 reserve for examples (`example.com`, `*.example`, `*.invalid`, `*.test`).
/// A client sent there can only fail, so these variables must be given.
fn placeholder_host_variables(server: &openapiv3::Server) -> Vec<String> {
    let Some(variables) = &server.variables else {
        return Vec::new();
    };
    // The template's host part: after the scheme, up to the first `/` that is not inside a
    // variable's braces.
    let template = &server.url;
    let after_scheme = template.find("://").map_or(0, |i| i + 3);
    let mut depth = 0usize;
    let mut end = template.len();
    for (offset, c) in template[after_scheme..].char_indices() {
        match c {
            '{' => depth += 1,
            '}' => depth = depth.saturating_sub(1),
            '/' | '?' | '#' if depth == 0 => {
                end = after_scheme + offset;
                break;
            }
            _ => {}
        }
    }
    let host_template = &template[..end];
    let in_host: Vec<String> = variables
        .keys()
        .filter(|name| host_template.contains(&format!("{{{name}}}")))
        .cloned()
        .collect();
    if in_host.is_empty() {
        return Vec::new();
    }
    let mut url = template.clone();
    for (name, variable) in variables {
        url = url.replace(&format!("{{{name}}}"), &variable.default);
    }
    if usable_host(&url) {
        Vec::new()
    } else {
        in_host
    }
}

fn usable_host(url: &str) -> bool {
    let Some((_, rest)) = url.split_once("://") else {
        return false;
    };
    let authority = rest.split(['/', '?', '#']).next().unwrap_or_default();
    let host_port = authority.rsplit('@').next().unwrap_or_default();
    if host_port.starts_with('[') {
        return true; // An IPv6 literal.
    }
    let host = host_port
        .split(':')
        .next()
        .unwrap_or_default()
        .trim_end_matches('.')
        .to_ascii_lowercase();
    let reserved = ["example.com", "example.net", "example.org"]
        .iter()
        .any(|domain| host == *domain || host.ends_with(&format!(".{domain}")))
        || [".example", ".invalid", ".test"]
            .iter()
            .any(|tld| host.ends_with(tld));
    let plain = host
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '.');
    plain && !reserved && (host.contains('.') || host == "localhost")
}

#[cfg(test)]
mod tests {
    use super::usable_host;

    #[test]
    fn placeholder_hosts_are_told_apart_from_real_ones() {
        for url in [
            "https://api.vendor.io",
            "http://localhost:8080/v1",
            "http://10.0.0.1",
            "https://[::1]:9",
        ] {
            assert!(usable_host(url), "{url}");
        }
        for url in [
            "https://your-host",
            "https://example.com",
            "https://a.example.org/x",
            "https://x.invalid",
            "{base}",
            "https://<host>",
            "https://",
        ] {
            assert!(!usable_host(url), "{url}");
        }
    }
}
