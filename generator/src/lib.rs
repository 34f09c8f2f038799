//! An OpenAPI 3.0 / 3.1 to Rust client generator.
//!
//! Generation is a pure function from spec bytes and [`Settings`] to files in memory. The
//! stages, each in its module, run in this order (see [`generate`]'s body): load -> bundle ->
//! normalize -> repair -> lower -> finalize -> token plan -> render -> format. Nothing here
//! touches the file system; `xtask` writes the files.
//!
//! ```
//! let spec = br#"{"openapi": "3.0.3", "info": {"title": "T", "version": "1"}, "paths": {}}"#;
//! let generation = generator::generate(spec, &generator::Settings::new("demo")).unwrap();
//! assert!(generation.files.iter().any(|f| f.path == "src/lib.rs"));
//! ```
#![deny(missing_docs)]

pub mod diff;
mod error;
mod generation;
mod openapi;
mod pointer;
mod settings;
mod threads;

// The stages, in the order they run.
mod bundle;
mod finalize;
mod format;
mod load;
mod lower;
mod normalize;
mod render;

pub mod ir;

pub use bundle::{FileSource, NoFiles};
pub use error::{Error, Warning};
pub use generation::{GeneratedFile, Generation, Report, StageTimes};
pub use load::MAX_DEPTH;
pub use settings::{Settings, TokenSettings};

use std::time::{Duration, Instant};

/// Generates the files of a client crate from spec bytes (YAML or JSON). References to other
/// files are not followed: each is a warning, and what it points at becomes
/// `serde_json::Value` (see [`generate_with_files`]).
pub fn generate(spec: &[u8], settings: &Settings) -> Result<Generation, Error> {
    generate_with_files(spec, settings, &NoFiles)
}

/// [`generate`], reading the files that `$ref`s name through `files` (the generator itself
/// never touches the file system: `xtask` passes a reader confined to the spec's folder).
pub fn generate_with_files(
    spec: &[u8],
    settings: &Settings,
    files: &dyn FileSource,
) -> Result<Generation, Error> {
    threads::with_deep_stack(|| run(spec, settings, files, &mut StageTimes::default()))
}

/// [`generate`], also returning how long each stage took (for benchmarks; the result is the
/// same as [`generate`]'s).
pub fn generate_timed(spec: &[u8], settings: &Settings) -> Result<(Generation, StageTimes), Error> {
    threads::with_deep_stack(|| {
        let mut times = StageTimes::default();
        let generation = run(spec, settings, &NoFiles, &mut times)?;
        Ok((generation, times))
    })
}

/// Reads a spec (YAML or JSON) into a JSON value, as the load stage does, with its checks
/// (version gate, depth limit); for tools that edit documents.
pub fn load_document(spec: &[u8]) -> Result<serde_json::Value, Error> {
    threads::with_deep_stack(|| load::load_with_diagnostics(spec, &mut Default::default()))
}

/// Parses, normalizes and lowers a spec to the IR (what the snapshot tests look at). References
/// to other files are not followed (see [`lower_to_ir_with_files`]).
pub fn lower_to_ir(spec: &[u8]) -> Result<(ir::Api, Vec<Warning>, Report), Error> {
    lower_to_ir_with_files(spec, &NoFiles)
}

/// [`lower_to_ir`], reading the files that `$ref`s name through `files`: what they refer to is
/// bundled into the document before it is normalized.
pub fn lower_to_ir_with_files(
    spec: &[u8],
    files: &dyn FileSource,
) -> Result<(ir::Api, Vec<Warning>, Report), Error> {
    threads::with_deep_stack(|| {
        let lowered = spec_to_ir(spec, files, &mut StageTimes::default())?;
        Ok((lowered.api, lowered.diagnostics.warnings, lowered.report))
    })
}

/// The whole pipeline: the stages that read the spec into the IR, then those that write it out.
fn run(
    spec: &[u8],
    settings: &Settings,
    files: &dyn FileSource,
    times: &mut StageTimes,
) -> Result<Generation, Error> {
    let Lowered {
        api,
        mut diagnostics,
        report,
        declared_token,
    } = spec_to_ir(spec, files, times)?;
    let mut clock = Instant::now();
    let token_plan = lower::token_plan::plan(&api, settings, declared_token, &mut diagnostics);
    let rendered = render::render(&api, settings, token_plan.as_ref());
    let (files, print_times) = print_files(rendered, &api, settings, token_plan.as_ref())?;
    let total = lap(&mut clock);
    // The pieces are rendered and printed on several threads, each timed apart there (summed
    // over the threads); what is neither, the file list and the text files, is rendering too.
    times.format = print_times.format;
    times.render =
        print_times.render + total.saturating_sub(print_times.format + print_times.render);
    Ok(Generation {
        files,
        warnings: diagnostics.warnings,
        report,
        types: api.types.len(),
        operations: api.operations.len(),
    })
}

/// The finalized IR, and what the stages after it need besides.
struct Lowered {
    api: ir::Api,
    diagnostics: error::Diagnostics,
    report: Report,
    /// An operation's `x-token-source`, read before the document is dropped.
    declared_token: Option<lower::token_plan::Declared>,
}

/// The stages from bytes to the finalized IR.
fn spec_to_ir(
    spec: &[u8],
    files: &dyn FileSource,
    times: &mut StageTimes,
) -> Result<Lowered, Error> {
    let mut clock = Instant::now();
    let mut diagnostics = error::Diagnostics::default();
    let mut doc = load::load_with_diagnostics(spec, &mut diagnostics)?;
    times.load = lap(&mut clock);
    let pointers = if normalize::swagger2::is_swagger2(&doc) {
        normalize::swagger2::convert(&mut doc, &mut diagnostics)
    } else {
        normalize::swagger2::PointerMap::default()
    };
    // Warnings so far name the document as written; later ones name the converted model.
    let written = diagnostics.warnings.len();
    let mut lowered = converted_to_ir(doc, files, times, clock, diagnostics)
        .map_err(|error| original_error(error, &pointers))?;
    if !pointers.is_empty() {
        let diagnostics = &mut lowered.diagnostics;
        for warning in diagnostics.warnings.iter_mut().skip(written) {
            warning.pointer = pointers.original(&warning.pointer);
            warning.message = pointers.original_in_text(&warning.message);
        }
        for (pointer, reason) in diagnostics
            .fallbacks
            .iter_mut()
            .chain(lowered.report.fallbacks.iter_mut())
        {
            *pointer = pointers.original(pointer);
            *reason = pointers.original_in_text(reason);
        }
        // One 2.0 node can become several converted ones (a body schema under each media
        // type), which then warn alike.
        let mut seen = std::collections::BTreeSet::new();
        diagnostics
            .warnings
            .retain(|warning| seen.insert(warning.clone()));
    }
    Ok(lowered)
}

/// An error about the converted model, naming the 2.0 document as written.
fn original_error(error: Error, pointers: &normalize::swagger2::PointerMap) -> Error {
    match error {
        Error::Invalid { pointer, message } => Error::Invalid {
            pointer: pointers.original(&pointer),
            message: pointers.original_in_text(&message),
        },
        other => other,
    }
}

/// The stages after loading (and, for Swagger 2.0, converting) the document.
fn converted_to_ir(
    mut doc: serde_json::Value,
    files: &dyn FileSource,
    times: &mut StageTimes,
    mut clock: Instant,
    mut diagnostics: error::Diagnostics,
) -> Result<Lowered, Error> {
    let unbundled = bundle::bundle(&mut doc, files);
    let operations_in_document = bundle::count_operations(&doc);
    normalize::normalize(&mut doc, unbundled, &mut diagnostics)?;
    times.normalize = lap(&mut clock);
    let openapi = normalize::repair::deserialize(&mut doc, &mut diagnostics)?;
    let extra_schemas = normalize::repair::extra_schemas(&doc);
    let declared_token = lower::token_plan::from_extensions(&doc, &mut diagnostics);
    drop(doc);
    times.deserialize = lap(&mut clock);
    let (mut api, schemas_total) = lower::lower(&openapi, &extra_schemas, &mut diagnostics);
    finalize::finalize(&mut api, &mut diagnostics);
    times.lower = lap(&mut clock);
    diagnostics.warnings.dedup();
    let report = Report {
        operations_in_document,
        operations_generated: api.operations.len(),
        schemas_total,
        fallbacks: diagnostics.fallbacks.clone(),
    };
    Ok(Lowered {
        api,
        diagnostics,
        report,
        declared_token,
    })
}

/// The time since `clock`, which is then reset to now.
fn lap(clock: &mut Instant) -> Duration {
    let now = Instant::now();
    let elapsed = now - *clock;
    *clock = now;
    elapsed
}

/// Renders and prints `files`, sorted by path, with how long printing took. The pieces of all
/// Rust files are printed in one pass over the worker threads.
fn print_files(
    files: Vec<render::Rendered>,
    api: &ir::Api,
    settings: &Settings,
    plan: Option<&lower::token_plan::TokenPlan>,
) -> Result<(Vec<GeneratedFile>, format::PrintTimes), Error> {
    let header = format!(
        "Generated from `{}` by `{}`; do not edit.",
        settings.source, settings.command
    );
    let mut rust = Vec::new();
    let mut out = Vec::new();
    for rendered in files {
        match rendered {
            render::Rendered::Rust { path, module } => rust.push((path, module)),
            render::Rendered::Text { path, text } => {
                let comment = if path.ends_with(".md") {
                    format!("<!-- {header} -->")
                } else {
                    format!("# {header}")
                };
                out.push(GeneratedFile {
                    path,
                    contents: format!("{comment}\n\n{text}"),
                });
            }
        }
    }
    let paths: Vec<String> = rust.iter().map(|(path, _)| path.clone()).collect();
    let pieces = || {
        rust.iter().enumerate().flat_map(|(file, (_, module))| {
            render::pieces(*module, api, settings, plan).map(move |piece| (file, piece))
        })
    };
    let (texts, times) = format::format_files(pieces, &paths, threads::worker_threads(), &header)?;
    out.extend(
        paths
            .into_iter()
            .zip(texts)
            .map(|(path, contents)| GeneratedFile { path, contents }),
    );
    out.sort_by(|a, b| a.path.cmp(&b.path));
    Ok((out, times))
}
