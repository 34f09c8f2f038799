//! Changes to operations: added, removed, renamed, moved; their parameters, request bodies,
//! responses and security requirements.

use super::classify::{change, child, doc_differs, type_text, Context, Wire};
use super::{pointers, Change, Semver};
use crate::ir::{Api, Body, Operation, Param, ParamLocation, Response, StatusMatch};
use std::collections::{BTreeMap, BTreeSet};

pub(super) fn diff_operations(ctx: &Context<'_>, out: &mut Vec<Change>) {
    let (old, new) = (ctx.old.api, ctx.new.api);
    let news: BTreeMap<&str, &Operation> = new
        .operations
        .iter()
        .map(|o| (o.name.as_str(), o))
        .collect();
    let olds: BTreeMap<&str, &Operation> = old
        .operations
        .iter()
        .map(|o| (o.name.as_str(), o))
        .collect();
    // An operation whose method name is gone but whose method and path remain was renamed.
    let route = |o: &Operation| (o.method.clone(), o.path.clone());
    let new_routes: BTreeMap<(String, String), &Operation> = new
        .operations
        .iter()
        .filter(|o| !olds.contains_key(o.name.as_str()))
        .map(|o| (route(o), o))
        .collect();
    let mut renamed_to = BTreeSet::new();
    for op in &old.operations {
        match news.get(op.name.as_str()) {
            Some(now) => diff_operation(ctx, op, now, out),
            None => match new_routes.get(&route(op)) {
                Some(now) => {
                    renamed_to.insert(now.name.as_str());
                    change(
                        out,
                        "operation_renamed",
                        (Some(op.origin.clone()), Some(now.origin.clone())),
                        Semver::Major,
                        Wire::Compatible,
                        format!(
                            "`{} {}` is now the method `{}` (was `{}`).",
                            op.method, op.path, now.name, op.name
                        ),
                    );
                    diff_operation(ctx, op, now, out);
                }
                None => change(
                    out,
                    "operation_removed",
                    (Some(op.origin.clone()), None),
                    Semver::Major,
                    Wire::Breaking,
                    format!(
                        "Operation `{}` (`{} {}`) was removed.",
                        op.name, op.method, op.path
                    ),
                ),
            },
        }
    }
    for op in &new.operations {
        if !olds.contains_key(op.name.as_str()) && !renamed_to.contains(op.name.as_str()) {
            change(
                out,
                "operation_added",
                (None, Some(op.origin.clone())),
                Semver::Minor,
                Wire::Compatible,
                format!("New operation `{}` (`{} {}`).", op.name, op.method, op.path),
            );
        }
    }
}

fn diff_operation(ctx: &Context<'_>, old: &Operation, new: &Operation, out: &mut Vec<Change>) {
    let at = || (Some(old.origin.clone()), Some(new.origin.clone()));
    if old.method != new.method || old.path != new.path {
        change(
            out,
            "operation_moved",
            at(),
            Semver::Patch,
            Wire::Breaking,
            format!(
                "`{}` now calls `{} {}` (was `{} {}`).",
                new.name, new.method, new.path, old.method, old.path
            ),
        );
    }
    if old.deprecated != new.deprecated {
        let (kind, message) = if new.deprecated {
            ("operation_deprecated", "is deprecated")
        } else {
            ("operation_undeprecated", "is no longer deprecated")
        };
        change(
            out,
            kind,
            at(),
            Semver::Patch,
            Wire::Compatible,
            format!("`{}` {message}.", new.name),
        );
    }
    if doc_differs(old.doc.as_deref(), new.doc.as_deref()) {
        change(
            out,
            "operation_doc_changed",
            at(),
            Semver::Patch,
            Wire::Compatible,
            format!("The documentation of `{}` changed.", new.name),
        );
    }
    diff_params(ctx, old, new, out);
    diff_body(ctx, old, new, out);
    diff_responses(ctx, old, new, out);
    diff_security(ctx, old, new, out);
}

fn param_key(p: &Param) -> (String, u8) {
    let location = match p.location {
        ParamLocation::Path => 0,
        ParamLocation::Query => 1,
        ParamLocation::Header => 2,
        ParamLocation::Cookie => 3,
    };
    (p.wire_name.clone(), location)
}

fn param_type(api: &Api, p: &Param) -> String {
    let text = type_text(api, &p.ty);
    if p.secret {
        format!("Secret<{text}>")
    } else {
        text
    }
}

fn diff_params(ctx: &Context<'_>, old: &Operation, new: &Operation, out: &mut Vec<Change>) {
    let (old_doc, new_doc) = (ctx.old.document, ctx.new.document);
    let news: BTreeMap<(String, u8), &Param> =
        new.params.iter().map(|p| (param_key(p), p)).collect();
    let olds: BTreeMap<(String, u8), &Param> =
        old.params.iter().map(|p| (param_key(p), p)).collect();
    let had_options = old.params.iter().any(|p| !p.required);
    let op = &new.name;
    for p in &old.params {
        let old_at = Some(pointers::parameter(old_doc, old, p));
        let Some(now) = news.get(&param_key(p)) else {
            let moved = new.params.iter().find(|n| n.wire_name == p.wire_name);
            match moved {
                Some(now) => change(
                    out,
                    "parameter_location_changed",
                    (old_at, Some(pointers::parameter(new_doc, new, now))),
                    Semver::Major,
                    Wire::Breaking,
                    format!(
                        "Parameter `{}` of `{op}` moved to another part of the request.",
                        p.wire_name
                    ),
                ),
                None => change(
                    out,
                    "parameter_removed",
                    (old_at, None),
                    Semver::Major,
                    Wire::Compatible,
                    format!("`{op}` no longer takes the parameter `{}`.", p.wire_name),
                ),
            }
            continue;
        };
        let at = (old_at, Some(pointers::parameter(new_doc, new, now)));
        if p.required != now.required {
            let (kind, wire, message) = if now.required {
                (
                    "parameter_became_required",
                    Wire::Breaking,
                    "is now required: an argument of the method",
                )
            } else {
                (
                    "parameter_became_optional",
                    Wire::Compatible,
                    "is now optional: a field of the options struct",
                )
            };
            change(
                out,
                kind,
                at.clone(),
                Semver::Major,
                wire,
                format!("Parameter `{}` of `{op}` {message}.", p.wire_name),
            );
        }
        let (before, after) = (param_type(ctx.old.api, p), param_type(ctx.new.api, now));
        if before != after {
            change(
                out,
                "parameter_type_changed",
                at.clone(),
                Semver::Major,
                Wire::Breaking,
                format!(
                    "Parameter `{}` of `{op}` is now `{after}` (was `{before}`).",
                    p.wire_name
                ),
            );
        }
        if p.style != now.style || p.explode != now.explode {
            change(
                out,
                "parameter_style_changed",
                at,
                Semver::Patch,
                Wire::Breaking,
                format!(
                    "Parameter `{}` of `{op}` is serialized differently (style or explode).",
                    p.wire_name
                ),
            );
        }
    }
    for p in &new.params {
        let key = param_key(p);
        if olds.contains_key(&key) || old.params.iter().any(|o| o.wire_name == p.wire_name) {
            continue;
        }
        let at = (None, Some(pointers::parameter(new_doc, new, p)));
        if p.required {
            change(
                out,
                "parameter_added_required",
                at,
                Semver::Major,
                Wire::Breaking,
                format!("`{op}` takes a new required parameter `{}`.", p.wire_name),
            );
        } else {
            let how = if had_options {
                "a new field of its options struct"
            } else {
                "a new options struct and a `_with` method beside the plain one"
            };
            change(
                out,
                "parameter_added_optional",
                at,
                Semver::Minor,
                Wire::Compatible,
                format!(
                    "`{op}` takes a new optional parameter `{}`: {how}.",
                    p.wire_name
                ),
            );
        }
    }
}

fn diff_body(ctx: &Context<'_>, old: &Operation, new: &Operation, out: &mut Vec<Change>) {
    let op = &new.name;
    let body_at = |o: &Operation| Some(child(&o.origin, "requestBody"));
    match (&old.body, &new.body) {
        (None, None) => {}
        (None, Some(body)) => change(
            out,
            "request_body_added",
            (None, body_at(new)),
            Semver::Major,
            Wire::breaking_if(body.required),
            format!("`{op}` takes a request body: a new argument."),
        ),
        (Some(_), None) => change(
            out,
            "request_body_removed",
            (body_at(old), None),
            Semver::Major,
            Wire::Compatible,
            format!("`{op}` no longer takes a request body."),
        ),
        (Some(before), Some(after)) => diff_body_pair(ctx, old, new, before, after, out),
    }
}

fn diff_body_pair(
    ctx: &Context<'_>,
    old: &Operation,
    new: &Operation,
    before: &Body,
    after: &Body,
    out: &mut Vec<Change>,
) {
    let op = &new.name;
    let at = (
        Some(child(&old.origin, "requestBody")),
        Some(child(&new.origin, "requestBody")),
    );
    if before.required != after.required {
        let (kind, wire, message) = if after.required {
            (
                "request_body_became_required",
                Wire::Breaking,
                "is now required",
            )
        } else {
            (
                "request_body_became_optional",
                Wire::Compatible,
                "is now optional (an `Option`)",
            )
        };
        change(
            out,
            kind,
            at.clone(),
            Semver::Major,
            wire,
            format!("The request body of `{op}` {message}."),
        );
    }
    let media = |o: &Operation, m: &str| {
        Some(child(
            &child(&child(&o.origin, "requestBody"), "content"),
            m,
        ))
    };
    for variant in &before.variants {
        match after
            .variants
            .iter()
            .find(|v| v.media_type == variant.media_type)
        {
            None => change(
                out,
                "request_media_type_removed",
                (media(old, &variant.media_type), None),
                Semver::Major,
                Wire::Breaking,
                format!("`{op}` no longer accepts a `{}` body.", variant.media_type),
            ),
            Some(now) => {
                let (t0, t1) = (
                    type_text(ctx.old.api, &variant.ty),
                    type_text(ctx.new.api, &now.ty),
                );
                if t0 != t1 || variant.kind != now.kind {
                    change(
                        out,
                        "request_body_type_changed",
                        (media(old, &variant.media_type), media(new, &now.media_type)),
                        Semver::Major,
                        Wire::Breaking,
                        format!(
                            "The `{}` body of `{op}` is now `{t1}` (was `{t0}`).",
                            variant.media_type
                        ),
                    );
                }
            }
        }
    }
    for variant in &after.variants {
        if !before
            .variants
            .iter()
            .any(|v| v.media_type == variant.media_type)
        {
            let (semver, how) = if before.variants.len() == 1 {
                (
                    Semver::Major,
                    "the body argument becomes an enum of media types",
                )
            } else {
                (Semver::Minor, "a new variant of its body enum")
            };
            change(
                out,
                "request_media_type_added",
                (None, media(new, &variant.media_type)),
                semver,
                Wire::Compatible,
                format!(
                    "`{op}` also accepts a `{}` body: {how}.",
                    variant.media_type
                ),
            );
        }
    }
}

fn status_segment(status: StatusMatch) -> String {
    match status {
        StatusMatch::Code(code) => code.to_string(),
        StatusMatch::Range(digit) => format!("{digit}XX"),
        StatusMatch::Default => "default".into(),
    }
}

fn diff_responses(ctx: &Context<'_>, old: &Operation, new: &Operation, out: &mut Vec<Change>) {
    let op = &new.name;
    let at = |o: &Operation, r: &Response| {
        Some(child(
            &child(&o.origin, "responses"),
            &status_segment(r.status),
        ))
    };
    let single = |o: &Operation| {
        let success: Vec<&Response> = o.responses.iter().filter(|r| r.success).collect();
        success.windows(2).all(|w| w[0].ty == w[1].ty)
    };
    for r in &old.responses {
        let status = status_segment(r.status);
        let Some(now) = new.responses.iter().find(|n| n.status == r.status) else {
            change(
                out,
                "response_status_removed",
                (at(old, r), None),
                Semver::Major,
                Wire::Breaking,
                format!("`{op}` no longer declares status {status} (`{}`).", r.name),
            );
            continue;
        };
        let pointers = (at(old, r), at(new, now));
        let (t0, t1) = (
            type_text(ctx.old.api, &r.ty),
            type_text(ctx.new.api, &now.ty),
        );
        if t0 != t1 {
            change(
                out,
                "response_type_changed",
                pointers.clone(),
                Semver::Major,
                Wire::Breaking,
                format!("The status {status} body of `{op}` is now `{t1}` (was `{t0}`)."),
            );
        } else if r.kind != now.kind {
            change(
                out,
                "response_media_type_changed",
                pointers.clone(),
                Semver::Major,
                Wire::Breaking,
                format!(
                    "The status {status} body of `{op}` is now `{}` (was `{}`), decoded differently.",
                    now.media_type.as_deref().unwrap_or("empty"),
                    r.media_type.as_deref().unwrap_or("empty")
                ),
            );
        } else if r.media_type != now.media_type {
            change(
                out,
                "response_media_type_changed",
                pointers.clone(),
                Semver::Patch,
                Wire::Compatible,
                format!(
                    "The status {status} body of `{op}` is now `{}` (was `{}`), decoded the same way.",
                    now.media_type.as_deref().unwrap_or("empty"),
                    r.media_type.as_deref().unwrap_or("empty")
                ),
            );
        }
        if r.name != now.name {
            change(
                out,
                "response_variant_renamed",
                pointers.clone(),
                Semver::Major,
                Wire::Compatible,
                format!(
                    "Status {status} of `{op}` is now the variant `{}` (was `{}`).",
                    now.name, r.name
                ),
            );
        }
        if doc_differs(r.doc.as_deref(), now.doc.as_deref()) {
            change(
                out,
                "response_doc_changed",
                pointers,
                Semver::Patch,
                Wire::Compatible,
                format!("The description of status {status} of `{op}` changed."),
            );
        }
    }
    let became_enum = single(old) && !single(new);
    for r in &new.responses {
        if old.responses.iter().any(|o| o.status == r.status) {
            continue;
        }
        let status = status_segment(r.status);
        let (semver, how) = if r.success && became_enum {
            (
                Semver::Major,
                "the success value becomes an enum of statuses",
            )
        } else if r.success {
            (Semver::Minor, "decoded like the other successes")
        } else {
            (Semver::Minor, "a new variant of its error enum")
        };
        change(
            out,
            "response_status_added",
            (None, at(new, r)),
            semver,
            Wire::Compatible,
            format!("`{op}` declares status {status} (`{}`): {how}.", r.name),
        );
    }
}

fn requirement_names(api: &Api, op: &Operation) -> BTreeSet<Vec<String>> {
    op.security
        .iter()
        .map(|alternative| {
            let mut names: Vec<String> = alternative
                .iter()
                .filter_map(|id| api.security_schemes.get(id.0))
                .map(|s| s.wire_name.clone())
                .collect();
            names.sort();
            names
        })
        .collect()
}

fn diff_security(ctx: &Context<'_>, old: &Operation, new: &Operation, out: &mut Vec<Change>) {
    let before = requirement_names(ctx.old.api, old);
    let after = requirement_names(ctx.new.api, new);
    let at = || (Some(old.origin.clone()), Some(new.origin.clone()));
    let op = &new.name;
    for gone in before.difference(&after) {
        change(
            out,
            "security_requirement_removed",
            at(),
            Semver::Patch,
            // A client that authenticated this way no longer satisfies the operation, unless
            // it now needs nothing.
            Wire::breaking_if(!after.is_empty()),
            format!(
                "`{op}` no longer accepts the credentials [{}].",
                gone.join(", ")
            ),
        );
    }
    for added in after.difference(&before) {
        change(
            out,
            "security_requirement_added",
            at(),
            Semver::Patch,
            // A client that sent nothing now fails; one that already met a requirement still does.
            Wire::breaking_if(before.is_empty()),
            format!("`{op}` accepts the credentials [{}].", added.join(", ")),
        );
    }
}
