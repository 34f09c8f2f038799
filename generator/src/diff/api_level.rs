//! Changes to the whole API: its version and description, security schemes, servers.

use super::classify::{change, child, doc_differs, Context, Wire};
use super::{Change, Semver};
use crate::ir::{SchemeKind, SecurityScheme, Server};
use std::collections::BTreeMap;

pub(super) fn diff_api(ctx: &Context<'_>, out: &mut Vec<Change>) {
    let (old, new) = (ctx.old.api, ctx.new.api);
    let info = || (Some("#/info".to_string()), Some("#/info".to_string()));
    if old.version.trim() != new.version.trim() {
        change(
            out,
            "api_version_changed",
            info(),
            Semver::Patch,
            Wire::Compatible,
            format!(
                "The API version is now `{}` (was `{}`).",
                new.version.trim(),
                old.version.trim()
            ),
        );
    }
    if doc_differs(old.doc.as_deref(), new.doc.as_deref()) {
        change(
            out,
            "api_doc_changed",
            info(),
            Semver::Patch,
            Wire::Compatible,
            "The API's description changed.".into(),
        );
    }
    diff_schemes(&old.security_schemes, &new.security_schemes, out);
    diff_servers(&old.servers, &new.servers, out);
}

fn scheme_pointer(scheme: &SecurityScheme) -> Option<String> {
    Some(child("#/components/securitySchemes", &scheme.wire_name))
}

fn diff_schemes(old: &[SecurityScheme], new: &[SecurityScheme], out: &mut Vec<Change>) {
    let olds: BTreeMap<&str, &SecurityScheme> =
        old.iter().map(|s| (s.wire_name.as_str(), s)).collect();
    let news: BTreeMap<&str, &SecurityScheme> =
        new.iter().map(|s| (s.wire_name.as_str(), s)).collect();
    for scheme in old {
        match news.get(scheme.wire_name.as_str()) {
            None => change(
                out,
                "security_scheme_removed",
                (scheme_pointer(scheme), None),
                Semver::Major,
                Wire::Compatible,
                format!(
                    "Security scheme `{}` was removed, with the client builder's `{}` setter.",
                    scheme.wire_name, scheme.name
                ),
            ),
            Some(now) if now.kind != scheme.kind => change(
                out,
                "security_scheme_changed",
                (scheme_pointer(scheme), scheme_pointer(now)),
                Semver::Major,
                Wire::Breaking,
                format!(
                    "Security scheme `{}` is now sent as {} (was {}).",
                    scheme.wire_name,
                    scheme_text(&now.kind),
                    scheme_text(&scheme.kind)
                ),
            ),
            Some(_) => {}
        }
    }
    for scheme in new {
        if !olds.contains_key(scheme.wire_name.as_str()) {
            change(
                out,
                "security_scheme_added",
                (None, scheme_pointer(scheme)),
                Semver::Minor,
                Wire::Compatible,
                format!(
                    "New security scheme `{}`: the client builder gains `{}`.",
                    scheme.wire_name, scheme.name
                ),
            );
        }
    }
}

fn scheme_text(kind: &SchemeKind) -> String {
    match kind {
        SchemeKind::Bearer => "a bearer token".into(),
        SchemeKind::Basic => "HTTP basic credentials".into(),
        SchemeKind::HttpOther(scheme) => format!("HTTP `{scheme}` credentials"),
        SchemeKind::ApiKeyHeader(name) => format!("an API key in header `{name}`"),
        SchemeKind::ApiKeyQuery(name) => format!("an API key in query parameter `{name}`"),
        SchemeKind::ApiKeyCookie(name) => format!("an API key in cookie `{name}`"),
    }
}

fn server_pointer(index: usize) -> Option<String> {
    Some(format!("#/servers/{index}"))
}

fn diff_servers(old: &[Server], new: &[Server], out: &mut Vec<Change>) {
    let news: BTreeMap<&str, (usize, &Server)> = new
        .iter()
        .enumerate()
        .map(|(i, s)| (s.name.as_str(), (i, s)))
        .collect();
    let olds: BTreeMap<&str, usize> = old
        .iter()
        .enumerate()
        .map(|(i, s)| (s.name.as_str(), i))
        .collect();
    if let (Some(before), Some(after)) = (old.first(), new.first()) {
        if before.url != after.url {
            change(
                out,
                "server_default_changed",
                (server_pointer(0), server_pointer(0)),
                Semver::Patch,
                Wire::Breaking,
                format!(
                    "`Server::default()` is now `{}` (was `{}`); deployed clients still call the old one.",
                    after.url, before.url
                ),
            );
        }
    }
    for (index, server) in old.iter().enumerate() {
        let Some(&(new_index, now)) = news.get(server.name.as_str()) else {
            change(
                out,
                "server_removed",
                (server_pointer(index), None),
                Semver::Major,
                Wire::Breaking,
                format!(
                    "Server `Server::{}` (`{}`) was removed.",
                    server.name, server.url
                ),
            );
            continue;
        };
        let pointers = (server_pointer(index), server_pointer(new_index));
        if now.url != server.url && index != 0 {
            change(
                out,
                "server_url_changed",
                pointers.clone(),
                Semver::Patch,
                Wire::Breaking,
                format!(
                    "`Server::{}` is now `{}` (was `{}`).",
                    server.name, now.url, server.url
                ),
            );
        }
        diff_server_variables(server, now, pointers, out);
    }
    for (index, server) in new.iter().enumerate() {
        if !olds.contains_key(server.name.as_str()) {
            change(
                out,
                "server_added",
                (None, server_pointer(index)),
                Semver::Minor,
                Wire::Compatible,
                format!("New server `Server::{}` (`{}`).", server.name, server.url),
            );
        }
    }
}

fn diff_server_variables(
    old: &Server,
    new: &Server,
    (old_at, new_at): (Option<String>, Option<String>),
    out: &mut Vec<Change>,
) {
    let var =
        |at: &Option<String>, name: &str| at.as_ref().map(|p| child(&child(p, "variables"), name));
    for variable in &old.variables {
        match new
            .variables
            .iter()
            .find(|v| v.wire_name == variable.wire_name)
        {
            None => change(
                out,
                "server_variable_removed",
                (var(&old_at, &variable.wire_name), None),
                Semver::Major,
                Wire::Compatible,
                format!(
                    "`Server::{}` no longer has the variable `{}`.",
                    old.name, variable.name
                ),
            ),
            Some(now) if now.default != variable.default => change(
                out,
                "server_variable_default_changed",
                (
                    var(&old_at, &variable.wire_name),
                    var(&new_at, &now.wire_name),
                ),
                Semver::Patch,
                Wire::Breaking,
                format!(
                    "The default of `Server::{}`'s `{}` is now `{}` (was `{}`).",
                    old.name, variable.name, now.default, variable.default
                ),
            ),
            Some(_) => {}
        }
    }
    for variable in &new.variables {
        if !old
            .variables
            .iter()
            .any(|v| v.wire_name == variable.wire_name)
        {
            change(
                out,
                "server_variable_added",
                (None, var(&new_at, &variable.wire_name)),
                Semver::Major,
                Wire::Compatible,
                format!(
                    "`Server::{}` has a new variable `{}`: code that builds the variant must set it.",
                    new.name, variable.name
                ),
            );
        }
    }
}
