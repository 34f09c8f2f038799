//! Bad input, end to end. Fatal fixtures (`tests/fixtures/fatal/`) make `cargo xtask generate`
//! fail with a message naming the file and the pointer or line, and write nothing; recoverable
//! fixtures (`tests/fixtures/bad_*.yaml`) generate, with every warning naming its pointer;
//! nesting far beyond the limit is refused without exhausting the stack; and a spec split over
//! several files (`tests/fixtures/external/`) is bundled, with references that leave the folder,
//! name a missing file or use a URL reported and never followed.
//!
//! The snapshot test (`snapshots.rs`) records the exact messages and warnings of the top-level
//! and fatal fixtures; this file checks the behaviour around them.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

fn fixtures_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures")
}

fn spec_files(dir: &Path, prefix: &str) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .expect("fixture folder is readable")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            let name = p.file_name().and_then(|n| n.to_str()).unwrap_or_default();
            p.is_file()
                && name.starts_with(prefix)
                && [".yaml", ".yml", ".json"].iter().any(|e| name.ends_with(e))
        })
        .collect();
    files.sort();
    files
}

/// Runs `cargo xtask generate SPEC --out <tmp>/out` in process: the same code as the command.
fn xtask_generate(spec: &Path, scratch: &Path) -> (anyhow::Result<()>, PathBuf) {
    let out = scratch.join("out");
    let flags = xtask::flags::Generate {
        spec: spec.to_path_buf(),
        out: out.clone(),
        name: None,
        report: None,
    };
    (xtask::codegen::run_generate(&flags), out)
}

fn scratch_dir() -> tempfile::TempDir {
    tempfile::Builder::new()
        .prefix("bad-input-")
        .tempdir()
        .expect("a temporary directory")
}

#[test]
fn every_fatal_fixture_fails_naming_file_and_place_and_writes_nothing() {
    let fatal = spec_files(&fixtures_dir().join("fatal"), "");
    assert!(fatal.len() >= 10, "the fatal fixtures are missing");
    for spec in fatal {
        let scratch = scratch_dir();
        let (result, out) = xtask_generate(&spec, scratch.path());
        let name = spec
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or_default();
        let message = match result {
            Ok(()) => panic!("{name} should fail"),
            Err(error) => format!("{error:#}"),
        };
        assert!(
            message.contains(name),
            "{name}: no file name in `{message}`"
        );
        let places = message.contains(": #") || message.contains("line ");
        assert!(places, "{name}: no pointer or line in `{message}`");
        let written: Vec<_> = std::fs::read_dir(scratch.path())
            .expect("scratch is readable")
            .filter_map(Result::ok)
            .map(|e| e.path())
            .collect();
        assert!(
            !out.exists() && written.is_empty(),
            "{name}: wrote {written:?}"
        );
    }
}

/// `levels` nested lists in three spellings: YAML flow, YAML block, JSON.
fn deep_documents(levels: usize) -> Vec<(&'static str, String)> {
    let head = "openapi: 3.0.3\ninfo: {title: Deep, version: '1'}\npaths: {}\n";
    let flow = format!(
        "{head}x-deep: {}{}\n",
        "[".repeat(levels),
        "]".repeat(levels)
    );
    let mut block = format!("{head}x-deep:\n");
    for level in 1..=levels {
        block.push_str(&" ".repeat(level));
        block.push_str("- \n");
    }
    let json = format!(
        r#"{{"openapi": "3.0.3", "info": {{"title": "Deep", "version": "1"}}, "paths": {{}}, "x-deep": {}{}}}"#,
        "[".repeat(levels),
        "]".repeat(levels)
    );
    vec![("YAML flow", flow), ("YAML block", block), ("JSON", json)]
}

#[test]
fn ten_thousand_levels_are_refused_without_overflowing_the_stack() {
    for (spelling, text) in deep_documents(10_000) {
        let error = generator::generate(text.as_bytes(), &generator::Settings::new("deep"))
            .err()
            .unwrap_or_else(|| panic!("{spelling}: a 10,000-level document must be refused"));
        let message = error.to_string();
        let limit = format!("deeper than {} levels", generator::MAX_DEPTH);
        assert!(message.contains(&limit), "{spelling}: {message}");
        assert!(message.starts_with("#/x-deep/"), "{spelling}: {message}");
        assert!(message.contains("line "), "{spelling}: {message}");
    }
}

/// Schemas nested just below the limit in every way a schema nests. Each either generates
/// Rust that parses or is refused with an error; none may overflow the stack. Test threads
/// have a 2 MiB stack, smaller than a command's main thread.
#[test]
fn nesting_just_below_the_limit_generates() {
    // (name, text opening one level, its closing text, mappings and lists it opens)
    let wrappers: [(&str, &str, &str, usize); 6] = [
        ("items", "{type: array, items: ", "}", 1),
        ("properties", "{type: object, properties: {p: ", "}}", 2),
        ("allOf", "{allOf: [", "]}", 2),
        ("oneOf", "{oneOf: [{type: string}, ", "]}", 2),
        (
            "additionalProperties",
            "{type: object, additionalProperties: ",
            "}",
            1,
        ),
        ("nullable anyOf", "{anyOf: [{type: 'null'}, ", "]}", 2),
    ];
    for (name, open, close, per_level) in wrappers {
        // `Deep` sits at level 4 (document, components, schemas, Deep) and its innermost
        // schema adds one more.
        let count = (generator::MAX_DEPTH - 5) / per_level;
        let schema = format!(
            "{}{{type: string}}{}",
            open.repeat(count),
            close.repeat(count)
        );
        let spec = format!(
            "openapi: 3.1.0\ninfo: {{title: Nested, version: '1'}}\npaths:\n  /x:\n    get:\n      responses:\n        '200':\n          description: ok\n          content:\n            application/json:\n              schema: {{$ref: '#/components/schemas/Deep'}}\ncomponents:\n  schemas:\n    Deep: {schema}\n"
        );
        match generator::generate(spec.as_bytes(), &generator::Settings::new("nested")) {
            Ok(generation) => parse_rust_files(name, &generation),
            Err(error) => assert!(
                error.to_string().contains("deeper than"),
                "{name}: unexpected error {error}"
            ),
        }
    }
}

/// Parses every generated Rust file with `syn`, on a thread with a deep stack: syn recurses
/// once per level of a nested type, as the generator's own formatting pass does.
fn parse_rust_files(name: &str, generation: &generator::Generation) {
    std::thread::scope(|scope| {
        std::thread::Builder::new()
            .stack_size(64 << 20)
            .spawn_scoped(scope, || {
                for file in generation.files.iter().filter(|f| f.path.ends_with(".rs")) {
                    if let Err(error) = syn::parse_file(&file.contents) {
                        panic!("{name}: {} does not parse: {error}", file.path);
                    }
                }
            })
            .expect("a parsing thread")
            .join()
            .expect("generated files parse");
    });
}

/// A chain of 20,000 schemas, each holding a reference to the next (and the last to the
/// first): lowering once recursed per link and overflowed even the generator's deep stack.
/// Found by the structural fuzz test; the chain is now lowered from the top past 100 links.
#[test]
fn a_long_chain_of_references_does_not_recurse_per_link() {
    let links = 20_000;
    let mut spec = String::from(
        "openapi: 3.0.3\ninfo: {title: Chain, version: '1'}\npaths: {}\ncomponents:\n  schemas:\n",
    );
    for link in 0..links {
        let next = (link + 1) % links;
        spec.push_str(&format!(
            "    S{link}: {{type: object, properties: {{next: {{$ref: '#/components/schemas/S{next}'}}}}}}\n"
        ));
    }
    let (api, warnings, _) = generator::lower_to_ir(spec.as_bytes()).expect("lowers");
    assert_eq!(api.types.len(), links);
    assert!(warnings.is_empty(), "{warnings:?}");
    assert!(api.types.iter().all(|t| !t.name.starts_with("Unresolved")));
}

/// Forty levels of `allOf: [next, next]`: merging once expanded every path through the
/// diamonds, 2^40 of them; a schema already merged is now skipped, so this takes milliseconds.
#[test]
fn repeated_all_of_parts_are_merged_once() {
    let levels = 40;
    let mut spec =
        String::from("openapi: 3.0.3\ninfo: {title: Diamonds, version: '1'}\npaths: {}\ncomponents:\n  schemas:\n");
    for level in 0..levels {
        let next = level + 1;
        spec.push_str(&format!(
            "    S{level}: {{allOf: [{{$ref: '#/components/schemas/S{next}'}}, {{$ref: '#/components/schemas/S{next}'}}]}}\n"
        ));
    }
    spec.push_str(&format!(
        "    S{levels}: {{type: object, properties: {{x: {{type: string}}}}}}\n"
    ));
    let started = std::time::Instant::now();
    let (api, _, _) = generator::lower_to_ir(spec.as_bytes()).expect("lowers");
    assert_eq!(api.types.len(), levels + 1);
    assert!(started.elapsed() < std::time::Duration::from_secs(20));
}

/// One malformed keyword (`externalDocs: 5`) inside 30 nested `allOf`s: reading the schema
/// backtracked at every level, 2^30 times over. Each node is now made readable on its own.
#[test]
fn a_malformed_keyword_deep_in_nested_schemas_costs_linear_time() {
    let levels = 30;
    let schema = format!(
        "{}{{externalDocs: 5}}{}",
        "{allOf: [".repeat(levels),
        "]}".repeat(levels)
    );
    let spec = format!(
        "openapi: 3.0.3\ninfo: {{title: Deep, version: '1'}}\npaths: {{}}\ncomponents:\n  schemas:\n    Deep: {schema}\n"
    );
    let started = std::time::Instant::now();
    let (_, warnings, _) = generator::lower_to_ir(spec.as_bytes()).expect("lowers");
    assert!(started.elapsed() < std::time::Duration::from_secs(20));
    let pointer = format!(
        "#/components/schemas/Deep{}/externalDocs",
        "/allOf/0".repeat(levels)
    );
    assert!(
        warnings.iter().any(|w| w.pointer == pointer),
        "no warning at {pointer}: {warnings:?}"
    );
}

#[test]
fn recoverable_fixtures_generate_and_every_warning_names_its_pointer() {
    let bad = spec_files(&fixtures_dir(), "bad_");
    assert!(bad.len() >= 11, "the recoverable fixtures are missing");
    for spec in bad {
        let name = spec
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or_default();
        let bytes = std::fs::read(&spec).expect("fixture is readable");
        let generation = generator::generate(&bytes, &generator::Settings::new("bad"))
            .unwrap_or_else(|e| panic!("{name}: {e}"));
        assert!(!generation.warnings.is_empty(), "{name}: no warning");
        for warning in &generation.warnings {
            assert!(
                warning.pointer == "#" || warning.pointer.starts_with("#/"),
                "{name}: `{warning}` does not name a pointer"
            );
        }
        // The command succeeds too, and writes the crate.
        let scratch = scratch_dir();
        let (result, out) = xtask_generate(&spec, scratch.path());
        result.unwrap_or_else(|e| panic!("{name}: {e:#}"));
        assert!(out.join("src/lib.rs").is_file(), "{name}: no crate written");
    }
}

#[test]
fn one_malformed_operation_does_not_block_the_others() {
    let bytes = std::fs::read(fixtures_dir().join("bad_malformed_operation.yaml")).unwrap();
    let (api, warnings, report) = generator::lower_to_ir(&bytes).expect("generates");
    let names: Vec<&str> = api.operations.iter().map(|o| o.name.as_str()).collect();
    assert_eq!(names, ["list_pets", "list_owners"]);
    assert_eq!(report.operations_in_document, 5);
    let skipped: Vec<&str> = warnings
        .iter()
        .filter(|w| w.message.starts_with("malformed operation skipped"))
        .map(|w| w.pointer.as_str())
        .collect();
    assert_eq!(
        skipped,
        [
            "#/paths/~1pets/put",
            "#/paths/~1pets/post",
            "#/paths/~1pets/delete"
        ]
    );
}

#[test]
fn fallbacks_say_why_in_the_generated_docs() {
    let bytes = std::fs::read(fixtures_dir().join("bad_missing_ref.yaml")).unwrap();
    let generation = generator::generate(&bytes, &generator::Settings::new("missing")).unwrap();
    let types = generation
        .files
        .iter()
        .find(|f| f.path == "src/types.rs")
        .expect("a types module");
    assert!(types
        .contents
        .contains("/// Any JSON value: reference `#/components/schemas/Owner` points at nothing."));
    let fallbacks: Vec<&str> = generation
        .report
        .fallbacks
        .iter()
        .map(|(p, _)| p.as_str())
        .collect();
    assert!(fallbacks.contains(&"#/components/schemas/Pet/properties/owner"));
}

/// The files of `tests/fixtures/external/`, as the generator's in-memory file source.
fn external_files() -> BTreeMap<String, Vec<u8>> {
    let dir = fixtures_dir().join("external");
    spec_files(&dir, "")
        .into_iter()
        .map(|p| {
            let name = p.file_name().and_then(|n| n.to_str()).unwrap().to_string();
            (name, std::fs::read(&p).unwrap())
        })
        .collect()
}

#[test]
fn external_references_are_bundled_and_confined_to_the_spec_folder() {
    let files = external_files();
    let spec = files.get("openapi.yaml").expect("the split spec").clone();
    let (api, warnings, report) =
        generator::lower_to_ir_with_files(&spec, &files).expect("generates");
    let warnings: Vec<String> = warnings.iter().map(ToString::to_string).collect();
    let text = format!(
        "warnings:\n{}\n\nreport: {report:#?}\n\n{api:#?}",
        warnings.join("\n")
    );
    insta::assert_snapshot!("external__ir", text);

    let names: Vec<&str> = api.types.iter().map(|t| t.name.as_str()).collect();
    for bundled in ["CommonPet", "CommonTag", "CommonOwner"] {
        assert!(names.contains(&bundled), "{bundled} not bundled: {names:?}");
    }
    let operations: Vec<&str> = api.operations.iter().map(|o| o.name.as_str()).collect();
    assert_eq!(operations, ["list_pets", "list_owners"]);
    for (property, reason) in [
        ("missing_target", "points at nothing"),
        ("missing_file", "no such file"),
        ("outside", "outside the spec's folder"),
        ("absolute", "absolute path"),
        ("remote", "never fetched"),
    ] {
        let pointer = format!("#/components/schemas/Inventory/properties/{property}");
        assert!(
            warnings
                .iter()
                .any(|w| w.starts_with(&format!("{pointer}: ")) && w.contains(reason)),
            "no warning at {pointer} saying `{reason}`:\n{}",
            warnings.join("\n")
        );
    }
}

#[test]
fn external_references_are_not_read_without_a_file_source() {
    let spec = std::fs::read(fixtures_dir().join("external/openapi.yaml")).unwrap();
    let (api, warnings, _) = generator::lower_to_ir(&spec).expect("generates");
    assert!(api.types.iter().all(|t| !t.name.starts_with("Common")));
    assert!(warnings.iter().any(
        |w| w.pointer == "#/components/schemas/Inventory/properties/pet"
            && w.message.contains("not read")
    ));
}

#[test]
fn xtask_reads_only_inside_the_spec_folder_even_through_symbolic_links() {
    let scratch = scratch_dir();
    let folder = scratch.path().join("spec");
    let outside = scratch.path().join("outside");
    std::fs::create_dir_all(&folder).unwrap();
    std::fs::create_dir_all(&outside).unwrap();
    std::fs::write(
        outside.join("secret.yaml"),
        "components: {schemas: {Secret: {type: object, properties: {key: {type: string}}}}}\n",
    )
    .unwrap();
    std::os::unix::fs::symlink(outside.join("secret.yaml"), folder.join("link.yaml")).unwrap();
    std::fs::write(
        folder.join("inside.yaml"),
        "components: {schemas: {Inside: {type: object, properties: {id: {type: integer}}}}}\n",
    )
    .unwrap();
    let spec = folder.join("api.yaml");
    std::fs::write(
        &spec,
        "openapi: 3.0.3\ninfo: {title: Links, version: '1'}\npaths: {}\ncomponents:\n  schemas:\n    Holder:\n      type: object\n      properties:\n        inside: {$ref: 'inside.yaml#/components/schemas/Inside'}\n        linked: {$ref: 'link.yaml#/components/schemas/Secret'}\n",
    )
    .unwrap();
    let folder_files = xtask::spec_files::SpecFolder::of(&spec).unwrap();
    let bytes = std::fs::read(&spec).unwrap();
    let (api, warnings, _) = generator::lower_to_ir_with_files(&bytes, &folder_files).unwrap();
    let names: Vec<&str> = api.types.iter().map(|t| t.name.as_str()).collect();
    assert!(names.contains(&"InsideInside"), "{names:?}");
    assert!(!names.iter().any(|n| n.contains("Secret")), "{names:?}");
    assert!(
        warnings.iter().any(
            |w| w.pointer == "#/components/schemas/Holder/properties/linked"
                && w.message.contains("outside the spec's folder")
        ),
        "{warnings:?}"
    );
}

/// Writes a synthetic spec of about `target_bytes` (JSON: thousands of schemas, each used by
/// an operation) for the memory measurement in the report. Run by hand:
/// `cargo test -p integration-tests --test bad_input -- --ignored large_spec`, then
/// `/usr/bin/time -v cargo xtask generate target/tmp/large-spec.json --out target/tmp/large-out`.
#[test]
#[ignore = "writes a ~50 MB file for a manual memory measurement"]
fn large_spec() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../target/tmp/large-spec.json");
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    let text = synthesize_spec(50 * 1024 * 1024);
    std::fs::write(&path, &text).unwrap();
    println!("{}: {} bytes", path.display(), text.len());
}

fn synthesize_spec(target_bytes: usize) -> String {
    use serde_json::json;
    let mut schemas = serde_json::Map::new();
    let mut paths = serde_json::Map::new();
    let mut index = 0;
    let mut size = 0;
    while size < target_bytes {
        let name = format!("Resource{index}");
        let mut properties = serde_json::Map::new();
        for field in 0..20 {
            let schema = match field % 5 {
                0 => {
                    json!({"type": "string", "description": format!("Field {field} of resource {index}, described at some length so the document is as wordy as real ones.")})
                }
                1 => json!({"type": "integer", "format": "int64", "minimum": 0}),
                2 => {
                    json!({"type": "array", "items": {"$ref": format!("#/components/schemas/Resource{}", index / 2)}})
                }
                3 => {
                    json!({"type": "string", "enum": ["active", "inactive", "pending", "archived"]})
                }
                _ => {
                    json!({"type": "object", "properties": {"x": {"type": "number"}, "y": {"type": "number"}}})
                }
            };
            properties.insert(format!("field_{field}"), schema);
        }
        let schema = json!({"type": "object", "required": ["field_0"], "properties": properties});
        let operation = json!({
            "get": {
                "operationId": format!("getResource{index}"),
                "parameters": [
                    {"name": "id", "in": "path", "required": true, "schema": {"type": "string"}},
                    {"name": "expand", "in": "query", "schema": {"type": "array", "items": {"type": "string"}}}
                ],
                "responses": {
                    "200": {"description": "ok", "content": {"application/json": {"schema": {"$ref": format!("#/components/schemas/{name}")}}}},
                    "404": {"description": "not found"}
                }
            }
        });
        // Counted as written (pretty-printed and indented three levels deeper).
        let pretty = |v: &serde_json::Value| serde_json::to_string_pretty(v).map_or(0, |t| t.len());
        size += (pretty(&schema) + pretty(&operation)) * 5 / 4;
        schemas.insert(name, schema);
        paths.insert(format!("/resources{index}/{{id}}"), operation);
        index += 1;
    }
    let doc = json!({
        "openapi": "3.0.3",
        "info": {"title": "Large", "version": "1"},
        "paths": paths,
        "components": {"schemas": schemas}
    });
    serde_json::to_string_pretty(&doc).unwrap()
}
