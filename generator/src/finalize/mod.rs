//! Stage 6: the last passes over the IR. Pure alias cycles broken, recursion given `Box`,
//! recursive aliases turned into newtypes; operations with the same responses made to share
//! their enums; and a warning for each name the spec gave that could not be kept.

mod name_warnings;
pub(crate) mod shared_enums;

use crate::error::Diagnostics;
use crate::ir::{Api, TypeId, TypeKind, TypeRef};

/// Applies every fix-up (after it the IR renders to valid Rust), decides which operations
/// share response enums, and warns about renamed names.
pub(crate) fn finalize(api: &mut Api, diagnostics: &mut Diagnostics) {
    fix_recursion(api, diagnostics);
    shared_enums::share_enums(api);
    name_warnings::warn_renamed(api, diagnostics);
}

/// Breaks pure alias cycles and gives recursion the indirection Rust needs.
fn fix_recursion(api: &mut Api, diagnostics: &mut Diagnostics) {
    break_alias_cycles(api, diagnostics);
    prune_unused_inline_aliases(api);
    let direct = graph(api, direct_targets);
    let direct_scc = strongly_connected(&direct);
    box_recursive_edges(api, &direct_scc);
    let full = graph(api, all_targets);
    let full_scc = strongly_connected(&full);
    for (index, def) in api.types.iter_mut().enumerate() {
        if let TypeKind::Alias(target) = &def.kind {
            let recursive = full[index].contains(&index)
                || full_scc.iter().filter(|c| **c == full_scc[index]).count() > 1;
            if recursive {
                def.kind = TypeKind::Newtype(target.clone());
            }
        }
    }
}

/// An inline schema that reduced to another type (`allOf: [$ref]`, a one-branch `oneOf`) left a
/// named alias nobody refers to; it is dropped and the remaining ids renumbered.
fn prune_unused_inline_aliases(api: &mut Api) {
    let mut used = vec![false; api.types.len()];
    let mut mark = |ty: &TypeRef| {
        let mut targets = Vec::new();
        all_targets(ty, &mut targets);
        for t in targets {
            if let Some(slot) = used.get_mut(t) {
                *slot = true;
            }
        }
    };
    for def in &api.types {
        member_types(&def.kind).into_iter().for_each(&mut mark);
    }
    for op in &api.operations {
        op.params.iter().for_each(|p| mark(&p.ty));
        op.responses.iter().for_each(|r| mark(&r.ty));
        op.body
            .iter()
            .flat_map(|b| &b.variants)
            .for_each(|v| mark(&v.ty));
    }
    let keep: Vec<bool> = api
        .types
        .iter()
        .zip(&used)
        .map(|(def, used)| {
            *used || def.wire_name.is_some() || !matches!(def.kind, TypeKind::Alias(_))
        })
        .collect();
    if keep.iter().all(|k| *k) {
        return;
    }
    let mut new_index = Vec::with_capacity(keep.len());
    let mut next = 0;
    for k in &keep {
        new_index.push(next);
        if *k {
            next += 1;
        }
    }
    let mut index = 0;
    api.types.retain(|_| {
        index += 1;
        keep[index - 1]
    });
    let remap = |ty: &mut TypeRef| remap_ids(ty, &new_index);
    for def in &mut api.types {
        member_types_mut(&mut def.kind).into_iter().for_each(remap);
    }
    for op in &mut api.operations {
        op.params.iter_mut().for_each(|p| remap(&mut p.ty));
        op.responses.iter_mut().for_each(|r| remap(&mut r.ty));
        op.body
            .iter_mut()
            .flat_map(|b| &mut b.variants)
            .for_each(|v| remap(&mut v.ty));
    }
    for def in &mut api.types {
        if let TypeKind::Struct(s) = &mut def.kind {
            for field in &mut s.fields {
                if let Some(crate::ir::DefaultValue::Variant(id, _)) = &mut field.default {
                    *id = TypeId(new_index[id.0]);
                }
            }
        }
    }
}

fn remap_ids(ty: &mut TypeRef, new_index: &[usize]) {
    match ty {
        TypeRef::Named(id) => *id = TypeId(new_index.get(id.0).copied().unwrap_or(id.0)),
        TypeRef::Option(inner)
        | TypeRef::Secret(inner)
        | TypeRef::Vec(inner)
        | TypeRef::Map(inner)
        | TypeRef::Box(inner) => remap_ids(inner, new_index),
        TypeRef::Prim(_) | TypeRef::Json => {}
    }
}

fn member_types_mut(kind: &mut TypeKind) -> Vec<&mut TypeRef> {
    match kind {
        TypeKind::Struct(s) => s
            .fields
            .iter_mut()
            .map(|f| &mut f.ty)
            .chain(s.additional.iter_mut())
            .collect(),
        TypeKind::Union(u) => u.variants.iter_mut().map(|v| &mut v.ty).collect(),
        TypeKind::Alias(t) | TypeKind::Newtype(t) => vec![t],
        TypeKind::Enum(_) => Vec::new(),
    }
}

/// `A = B`, `B = A`: no type at all. Each member becomes any JSON value, with a warning.
fn break_alias_cycles(api: &mut Api, diagnostics: &mut Diagnostics) {
    for start in 0..api.types.len() {
        let mut seen = vec![start];
        let mut current = start;
        while let TypeKind::Alias(TypeRef::Named(next)) = &api.types[current].kind {
            current = next.0;
            if current == start {
                for member in &seen {
                    let def = &mut api.types[*member];
                    diagnostics.fallback(&def.origin, "a cycle of references with no schema in it");
                    def.kind = TypeKind::Alias(TypeRef::Json);
                }
                break;
            }
            if seen.contains(&current) {
                break;
            }
            seen.push(current);
        }
    }
}

fn graph(api: &Api, targets: fn(&TypeRef, &mut Vec<usize>)) -> Vec<Vec<usize>> {
    api.types
        .iter()
        .map(|def| {
            let mut out = Vec::new();
            for ty in member_types(&def.kind) {
                targets(ty, &mut out);
            }
            out
        })
        .collect()
}

fn member_types(kind: &TypeKind) -> Vec<&TypeRef> {
    match kind {
        TypeKind::Struct(s) => s
            .fields
            .iter()
            .map(|f| &f.ty)
            .chain(s.additional.iter())
            .collect(),
        TypeKind::Union(u) => u.variants.iter().map(|v| &v.ty).collect(),
        TypeKind::Alias(t) | TypeKind::Newtype(t) => vec![t],
        TypeKind::Enum(_) => Vec::new(),
    }
}

/// Types contained by value: through `Option` and `Secret`, but not through `Vec`, `Map` or `Box`.
fn direct_targets(ty: &TypeRef, out: &mut Vec<usize>) {
    match ty {
        TypeRef::Named(id) => out.push(id.0),
        TypeRef::Option(inner) | TypeRef::Secret(inner) => direct_targets(inner, out),
        _ => {}
    }
}

/// Every type mentioned, through any container.
fn all_targets(ty: &TypeRef, out: &mut Vec<usize>) {
    match ty {
        TypeRef::Named(id) => out.push(id.0),
        TypeRef::Option(inner)
        | TypeRef::Secret(inner)
        | TypeRef::Vec(inner)
        | TypeRef::Map(inner)
        | TypeRef::Box(inner) => all_targets(inner, out),
        _ => {}
    }
}

fn box_recursive_edges(api: &mut Api, scc: &[usize]) {
    let component_of = |id: TypeId| scc.get(id.0).copied();
    for (index, own) in scc.iter().copied().enumerate().take(api.types.len()) {
        let needs_box = |ty: &TypeRef| {
            let mut targets = Vec::new();
            direct_targets(ty, &mut targets);
            targets
                .iter()
                .any(|t| component_of(TypeId(*t)) == Some(own))
        };
        match &mut api.types[index].kind {
            TypeKind::Struct(s) => {
                for field in &mut s.fields {
                    if needs_box(&field.ty) {
                        field.ty = boxed(field.ty.clone());
                    }
                }
            }
            TypeKind::Union(u) => {
                for variant in &mut u.variants {
                    if needs_box(&variant.ty) {
                        variant.ty = boxed(variant.ty.clone());
                    }
                }
            }
            TypeKind::Alias(_) | TypeKind::Newtype(_) | TypeKind::Enum(_) => {}
        }
    }
}

/// Boxes inside `Option` and `Secret`, so `Option<Box<T>>` keeps its serde behaviour.
fn boxed(ty: TypeRef) -> TypeRef {
    match ty {
        TypeRef::Option(inner) => TypeRef::Option(Box::new(boxed(*inner))),
        TypeRef::Secret(inner) => TypeRef::Secret(Box::new(boxed(*inner))),
        other => TypeRef::Box(Box::new(other)),
    }
}

/// Tarjan's algorithm without recursion (specs have thousands of types): the component index
/// of every node.
fn strongly_connected(edges: &[Vec<usize>]) -> Vec<usize> {
    let n = edges.len();
    let mut index = vec![usize::MAX; n];
    let mut low = vec![0; n];
    let mut on_stack = vec![false; n];
    let mut component = vec![usize::MAX; n];
    let mut stack = Vec::new();
    let mut next_index = 0;
    let mut next_component = 0;
    for root in 0..n {
        if index[root] != usize::MAX {
            continue;
        }
        let mut work = vec![(root, 0usize)];
        while let Some((node, edge)) = work.pop() {
            if edge == 0 {
                index[node] = next_index;
                low[node] = next_index;
                next_index += 1;
                stack.push(node);
                on_stack[node] = true;
            }
            if let Some(&target) = edges[node].get(edge) {
                work.push((node, edge + 1));
                if target >= n {
                    continue;
                }
                if index[target] == usize::MAX {
                    work.push((target, 0));
                } else if on_stack[target] {
                    low[node] = low[node].min(index[target]);
                }
                continue;
            }
            if low[node] == index[node] {
                while let Some(member) = stack.pop() {
                    on_stack[member] = false;
                    component[member] = next_component;
                    if member == node {
                        break;
                    }
                }
                next_component += 1;
            }
            if let Some(&(parent, _)) = work.last() {
                low[parent] = low[parent].min(low[node]);
            }
        }
    }
    component
}
