//! What every fuzz target checks, and the corpus the structural target mutates.

#[path = "../../../tests/tests/fuzz_support/mutate.rs"]
pub mod mutate;

use libfuzzer_sys::arbitrary::Unstructured;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

/// Generates from `input`; a successful generation must warn only with pointers and produce
/// Rust that parses. A panic anywhere is the crash libFuzzer records.
pub fn check(input: &[u8]) {
    let settings = generator::Settings::new("fuzzed");
    let Ok(generation) = generator::generate(input, &settings) else {
        return;
    };
    for warning in &generation.warnings {
        assert!(
            warning.pointer == "#" || warning.pointer.starts_with("#/"),
            "warning without a pointer: {warning}"
        );
    }
    for file in &generation.files {
        if file.path.ends_with(".rs") {
            if let Err(error) = syn::parse_file(&file.contents) {
                panic!("{} does not parse: {error}", file.path);
            }
        }
    }
}

/// Choices for the mutation engine, read from libFuzzer's bytes.
pub struct FuzzChoices<'a, 'b>(pub &'b mut Unstructured<'a>);

impl mutate::Choices for FuzzChoices<'_, '_> {
    fn choose(&mut self, n: usize) -> usize {
        self.0.choose_index(n).unwrap_or(0)
    }
}

/// The fixtures and specs of the repository that parse to a JSON value.
pub fn documents() -> &'static [serde_json::Value] {
    static DOCUMENTS: OnceLock<Vec<serde_json::Value>> = OnceLock::new();
    DOCUMENTS.get_or_init(|| {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
        let mut paths: Vec<PathBuf> = Vec::new();
        for dir in ["tests/fixtures", "specs", "tests/specs"] {
            if let Ok(entries) = std::fs::read_dir(root.join(dir)) {
                paths.extend(
                    entries
                        .filter_map(|e| e.ok().map(|e| e.path()))
                        .filter(|p| {
                            let name = p.file_name().and_then(|n| n.to_str()).unwrap_or_default();
                            name.ends_with(".yaml") && !name.contains(".settings.")
                        }),
                );
            }
        }
        paths.sort();
        let documents: Vec<serde_json::Value> = paths
            .iter()
            .filter_map(|p| std::fs::read(p).ok())
            .filter_map(|bytes| serde_yaml::from_slice(&bytes).ok())
            .collect();
        assert!(
            !documents.is_empty(),
            "no fixture found under {}",
            root.display()
        );
        documents
    })
}

/// The document the `structure` target builds from libFuzzer's bytes: a fixture or spec picked
/// by the first bytes, then mutated by the engine driven by the rest.
pub fn mutated_document(data: &[u8]) -> serde_json::Value {
    let mut input = Unstructured::new(data);
    let documents = documents();
    let index = input.choose_index(documents.len()).unwrap_or(0);
    let edits = 1 + input.choose_index(6).unwrap_or(0);
    let mut document = documents[index].clone();
    mutate::mutate(&mut document, edits, &mut FuzzChoices(&mut input));
    document
}
