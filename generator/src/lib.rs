//! An OpenAPI 3.0 / 3.1 to Rust client generator.
//!
//! Generation is a pure function from spec bytes and [`Settings`] to files in memory:
//! load -> normalize -> resolve -> lower to an IR -> render with `quote!` -> lay the tokens
//! out as text (`format`). Nothing here touches the file system; `xtask` writes the files.
//!
//! ```
//! let spec = br#"{"openapi": "3.0.3", "info": {"title": "T", "version": "1"}, "paths": {}}"#;
//! let generation = generator::generate(spec, &generator::Settings::new("demo")).unwrap();
//! assert!(generation.files.iter().any(|f| f.path == "src/lib.rs"));
//! ```
#![deny(missing_docs)]

pub mod diff;
mod error;
mod format;
pub mod ir;
mod load;
mod lower;
mod normalize;
mod normalize_schema;
mod render;
mod repair;
mod resolve;
mod stack;
mod token;

pub use error::{Error, Warning};
pub use load::MAX_DEPTH;
pub use resolve::bundle::{FileSource, NoFiles};
pub use token::TokenSettings;

use openapiv3::{ReferenceOr, Schema};
use serde_json::Value;
use std::collections::BTreeMap;
use std::time::{Duration, Instant};

/// Per-spec settings, read from the `<name>.settings.yaml` file beside the spec.
#[derive(Debug, Clone, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Settings {
    /// The Cargo package name of the generated crate.
    pub crate_name: String,
    /// The crate's version (the API's `info.version` is rarely valid semver). Written in the
    /// settings file, it is pinned; otherwise `cargo xtask codegen` derives it from the API
    /// diff against the committed spec (see [`diff::next_version`]).
    #[serde(default = "default_version")]
    pub crate_version: String,
    /// Whether the settings file sets `crate_version` itself.
    #[serde(skip)]
    pub crate_version_pinned: bool,
    /// One line for the crate's `description`.
    #[serde(default)]
    pub description: Option<String>,
    /// The `operationId` of the operation that issues access tokens (shown in the docs).
    #[serde(default)]
    pub token_operation: Option<String>,
    /// The operation that issues access tokens and where they sit in its response: the crate
    /// then gets a caching, self-refreshing `TokenSource` (overrides an `x-token-source`).
    #[serde(default)]
    pub token: Option<TokenSettings>,
    /// Path from the generated crate to the `token-source` crate. Set by `cargo xtask
    /// codegen`, never by the settings file: only where the path resolves does a crate get a
    /// token source, so a crate generated anywhere else still builds on its own.
    #[serde(skip)]
    pub token_source_path: Option<String>,
    /// Path from the generated crate to the `client-runtime` crate it depends on. Set by
    /// `cargo xtask`, never by the settings file; the default is where it lies from
    /// `generated/<name>/` in this workspace.
    #[serde(skip, default = "default_runtime_path")]
    pub runtime_path: String,
    /// Where the spec lives, as shown in the header of every generated file.
    #[serde(skip)]
    pub source: String,
    /// The command that regenerates the files, as shown in the header.
    #[serde(skip, default = "default_command")]
    pub command: String,
}

fn default_version() -> String {
    "0.1.0".into()
}

fn default_runtime_path() -> String {
    "../../generator/client-runtime".into()
}

fn default_command() -> String {
    "cargo xtask codegen".into()
}

impl Settings {
    /// Settings with defaults for a crate name.
    pub fn new(crate_name: &str) -> Self {
        Settings {
            crate_name: crate_name.to_string(),
            crate_version: default_version(),
            crate_version_pinned: false,
            description: None,
            token_operation: None,
            token: None,
            token_source_path: None,
            runtime_path: default_runtime_path(),
            source: format!("{crate_name}.yaml"),
            command: default_command(),
        }
    }

    /// Reads settings from YAML text.
    pub fn from_yaml(text: &str) -> Result<Self, Error> {
        let mut settings = load::load_settings(text)?;
        settings.command = default_command();
        Ok(settings)
    }
}

/// One generated file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GeneratedFile {
    /// Path relative to the crate directory, with `/` separators.
    pub path: String,
    /// Full contents.
    pub contents: String,
}

/// Figures about one generation, so coverage is never bought silently with fallbacks.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Report {
    /// Operations the document declares.
    pub operations_in_document: usize,
    /// Operations that became client methods.
    pub operations_generated: usize,
    /// Schemas lowered (components and inline object, enum and union schemas).
    pub schemas_total: usize,
    /// Schemas that fell back to `serde_json::Value`, with pointer and reason.
    pub fallbacks: Vec<(String, String)>,
}

/// The result of generating one crate.
#[derive(Debug, Clone)]
pub struct Generation {
    /// Files of the crate, sorted by path.
    pub files: Vec<GeneratedFile>,
    /// Constructs skipped or approximated, with their JSON pointers.
    pub warnings: Vec<Warning>,
    /// Coverage figures.
    pub report: Report,
    /// Number of named types generated.
    pub types: usize,
    /// Number of operations generated.
    pub operations: usize,
}

/// Reads a spec (YAML or JSON) into a JSON value, as the load stage does, with its checks
/// (version gate, depth limit); for tools that edit documents.
pub fn load_document(spec: &[u8]) -> Result<Value, Error> {
    stack::with_deep_stack(|| load::load_with_diagnostics(spec, &mut Default::default()))
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
    stack::with_deep_stack(|| {
        let lowered = lower_in_place(spec, files, &mut StageTimes::default())?;
        Ok((lowered.api, lowered.warnings, lowered.report))
    })
}

/// The lowered API, and what rendering needs besides it.
struct Lowered {
    api: ir::Api,
    warnings: Vec<Warning>,
    report: Report,
    /// An operation's `x-token-source`, read before the document is dropped.
    token: Option<token::Declared>,
}

fn lower_in_place(
    spec: &[u8],
    files: &dyn FileSource,
    times: &mut StageTimes,
) -> Result<Lowered, Error> {
    let mut clock = Instant::now();
    let mut diagnostics = error::Diagnostics::default();
    let mut value = load::load_with_diagnostics(spec, &mut diagnostics)?;
    times.load = lap(&mut clock);
    let unbundled = resolve::bundle::bundle(&mut value, files);
    // Counted once path items from other files are in place.
    let operations_in_document = count_operations(&value);
    normalize::normalize(&mut value, unbundled, &mut diagnostics)?;
    times.normalize = lap(&mut clock);
    let api = repair::deserialize(&mut value, &mut diagnostics)?;
    let extra = extra_schemas(&value);
    let token = token::from_extensions(&value, &mut diagnostics);
    drop(value);
    times.deserialize = lap(&mut clock);
    let (mut ir, schemas_total) = lower::lower(&api, &extra, &mut diagnostics);
    ir::finalize::finalize(&mut ir, &mut diagnostics);
    ir::name_warnings::warn_renamed(&ir, &mut diagnostics);
    times.lower = lap(&mut clock);
    let report = Report {
        operations_in_document,
        operations_generated: ir.operations.len(),
        schemas_total,
        fallbacks: diagnostics.fallbacks.clone(),
    };
    let mut warnings = diagnostics.warnings;
    warnings.dedup();
    Ok(Lowered {
        api: ir,
        warnings,
        report,
        token,
    })
}

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
    stack::with_deep_stack(|| generate_in_place(spec, settings, files, &mut StageTimes::default()))
}

/// Wall-clock time of each stage of one generation, as `cargo xtask bench` reports it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct StageTimes {
    /// Bytes to `serde_json::Value` (YAML or JSON) and the version gate.
    pub load: Duration,
    /// Bundling referenced files and the 3.1 rewrites on the `Value`.
    pub normalize: Duration,
    /// `Value` to `openapiv3::OpenAPI`, with repairs.
    pub deserialize: Duration,
    /// openapiv3 to the finalized IR.
    pub lower: Duration,
    /// IR to token streams and text.
    pub render: Duration,
    /// Token streams to pretty-printed files.
    pub format: Duration,
}

/// [`generate`], also returning how long each stage took (for benchmarks; the result is the
/// same as [`generate`]'s).
pub fn generate_timed(spec: &[u8], settings: &Settings) -> Result<(Generation, StageTimes), Error> {
    stack::with_deep_stack(|| {
        let mut times = StageTimes::default();
        let generation = generate_in_place(spec, settings, &NoFiles, &mut times)?;
        Ok((generation, times))
    })
}

/// The time since `clock`, which is then reset to now.
fn lap(clock: &mut Instant) -> Duration {
    let now = Instant::now();
    let elapsed = now - *clock;
    *clock = now;
    elapsed
}

fn generate_in_place(
    spec: &[u8],
    settings: &Settings,
    files: &dyn FileSource,
    times: &mut StageTimes,
) -> Result<Generation, Error> {
    let Lowered {
        api,
        mut warnings,
        report,
        token,
    } = lower_in_place(spec, files, times)?;
    let mut clock = Instant::now();
    let mut diagnostics = error::Diagnostics::default();
    let token_plan = token::plan(&api, settings, token, &mut diagnostics);
    warnings.extend(diagnostics.warnings);
    let header = format!(
        "Generated from `{}` by `{}`; do not edit.",
        settings.source, settings.command
    );
    let rendered_files = render::render(&api, settings, token_plan.as_ref());
    // Each Rust file's pieces are rendered and printed on several threads; the two are timed
    // apart inside (summed over the threads).
    let (mut files, print_times) =
        print_files(rendered_files, &api, settings, token_plan.as_ref(), &header)?;
    files.sort_by(|a, b| a.path.cmp(&b.path));
    let total = lap(&mut clock);
    // What is not printing is rendering: the file list, the text files, the threads.
    times.render =
        print_times.render + total.saturating_sub(print_times.format + print_times.render);
    times.format = print_times.format;
    Ok(Generation {
        files,
        warnings,
        report,
        types: api.types.len(),
        operations: api.operations.len(),
    })
}

/// Renders and prints `files`, returning them with the time spent on each. The pieces of all
/// Rust files are printed in one pass over the worker threads.
fn print_files(
    files: Vec<render::Rendered>,
    api: &ir::Api,
    settings: &Settings,
    plan: Option<&token::TokenPlan>,
    header: &str,
) -> Result<(Vec<GeneratedFile>, format::PrintTimes), Error> {
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
    let (texts, times) = format::format_files(pieces, &paths, stack::worker_threads(), header)?;
    out.extend(
        paths
            .into_iter()
            .zip(texts)
            .map(|(path, contents)| GeneratedFile { path, contents }),
    );
    Ok((out, times))
}

/// The keys of a path item that hold operations.
pub(crate) const HTTP_METHODS: [&str; 8] = [
    "get", "put", "post", "delete", "options", "head", "patch", "trace",
];

fn count_operations(raw: &Value) -> usize {
    raw.get("paths")
        .and_then(Value::as_object)
        .map(|paths| {
            paths
                .values()
                .filter_map(Value::as_object)
                .map(|item| {
                    HTTP_METHODS
                        .iter()
                        .filter(|m| item.contains_key(**m))
                        .count()
                })
                .sum()
        })
        .unwrap_or(0)
}

/// Schemas referenced by pointers that are not `#/components/schemas/<name>` (a property of
/// another schema, a schema inside a path), read ahead so lowering can borrow them.
fn extra_schemas(doc: &Value) -> BTreeMap<String, ReferenceOr<Schema>> {
    let refs = normalize::refs::all_refs(doc);
    let mut out = BTreeMap::new();
    for reference in refs {
        let Ok(segments) = resolve::local_segments(&reference) else {
            continue;
        };
        if segments.len() == 3 && segments[0] == "components" {
            continue;
        }
        let mut node = doc;
        let mut found = true;
        for segment in &segments {
            let next = match node {
                Value::Object(map) => map.get(segment),
                Value::Array(items) => segment.parse::<usize>().ok().and_then(|i| items.get(i)),
                _ => None,
            };
            match next {
                Some(next) => node = next,
                None => {
                    found = false;
                    break;
                }
            }
        }
        if found {
            // A node outside the normalized schemas may hold anything; reading it whole
            // could backtrack for exponential time (see `normalize::readable`).
            if !normalize::readable::tree_reads(node) {
                continue;
            }
            if let Ok(schema) = serde_json::from_value::<ReferenceOr<Schema>>(node.clone()) {
                out.insert(reference, schema);
            }
        }
    }
    out
}
