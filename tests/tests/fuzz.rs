//! Fuzzing with proptest, bounded for CI (about a minute in all, the same cases on every run;
//! `FUZZ_CASES=n` raises the number of cases per test and `PROPTEST_RNG_SEED=n` draws others):
//!
//! - arbitrary bytes, and fixture text with bytes cut, flipped or spliced, never make
//!   `generate` panic;
//! - structural mutations of every fixture and spec (`fuzz_support/mutate.rs`: keys deleted,
//!   nodes replaced, subtrees duplicated, `type` changed, `$ref`s added, nullable wrappers...)
//!   give `Ok` or `Err`, never a panic; when `Ok`, every generated Rust file parses and every
//!   warning names a pointer;
//! - every input kept in `tests/fixtures/fuzz-regressions/` (crashes found by these runs or
//!   by `generator/fuzz/`) generates without panicking.

#[path = "fuzz_support/mutate.rs"]
mod mutate;
#[path = "fuzz_support/seed.rs"]
mod seed;

use proptest::prelude::*;
use proptest::test_runner::{Config, FileFailurePersistence};
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

fn cases(default: u32) -> u32 {
    std::env::var("FUZZ_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

fn config(default_cases: u32) -> Config {
    seed::seeded(Config {
        cases: cases(default_cases),
        // Failures are kept as regression fixtures by hand (see the module docs), not in
        // proptest's own files beside the sources.
        failure_persistence: Some(Box::new(FileFailurePersistence::Off)),
        max_shrink_iters: 2_000,
        ..Config::default()
    })
}

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).to_path_buf()
}

/// Every fixture and spec: its bytes, and its parsed value when serde_yaml can map it onto
/// JSON (not a fixture holding an integer beyond 64 bits, which only the byte-level test uses).
struct Entry {
    bytes: Vec<u8>,
    value: Option<serde_json::Value>,
}

fn corpus() -> &'static [Entry] {
    static CORPUS: OnceLock<Vec<Entry>> = OnceLock::new();
    CORPUS.get_or_init(|| {
        let mut out = Vec::new();
        for dir in [
            root().join("fixtures"),
            root().join("../specs"),
            root().join("specs"),
        ] {
            let mut paths: Vec<PathBuf> = std::fs::read_dir(&dir)
                .expect("corpus folder")
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| {
                    let name = p.file_name().and_then(|n| n.to_str()).unwrap_or_default();
                    p.is_file() && name.ends_with(".yaml") && !name.contains(".settings.")
                })
                .collect();
            paths.sort();
            for path in paths {
                let bytes = std::fs::read(&path).expect("corpus file");
                let value = serde_yaml::from_slice::<serde_json::Value>(&bytes).ok();
                out.push(Entry { bytes, value });
            }
        }
        out
    })
}

/// The corpus entries that parsed to a value.
fn documents() -> &'static [serde_json::Value] {
    static DOCUMENTS: OnceLock<Vec<serde_json::Value>> = OnceLock::new();
    DOCUMENTS.get_or_init(|| corpus().iter().filter_map(|e| e.value.clone()).collect())
}

/// Generates, and checks what a successful generation must satisfy. Panics (the failure
/// proptest reports) on a generator panic, on Rust that does not parse, or on a warning
/// without a pointer.
fn check(input: &[u8]) {
    remember(input);
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
    // syn recurses once per level of a nested type: parse on a deep stack, as the
    // generator's own formatting pass does.
    std::thread::scope(|scope| {
        let parsed = std::thread::Builder::new()
            .stack_size(64 << 20)
            .spawn_scoped(scope, || {
                for file in &generation.files {
                    if file.path.ends_with(".rs") {
                        if let Err(error) = syn::parse_file(&file.contents) {
                            return Err(format!("{} does not parse: {error}", file.path));
                        }
                    }
                }
                Ok(())
            })
            .expect("a parsing thread")
            .join()
            .expect("syn does not panic");
        if let Err(message) = parsed {
            panic!("{message}");
        }
    });
}

/// Keeps the input being tried in `target/tmp/fuzz-input-<test>`: a stack overflow aborts the
/// process before proptest can report it, and this file then holds the culprit.
fn remember(input: &[u8]) {
    let thread = std::thread::current();
    let name = thread.name().unwrap_or("main").replace("::", "-");
    let path = root()
        .join("../target/tmp")
        .join(format!("fuzz-input-{name}"));
    if let Some(parent) = path.parent() {
        let _ = std::fs::create_dir_all(parent);
    }
    let _ = std::fs::write(path, input);
}

/// Fixture text with a few byte-level edits: cut, flipped, spliced from another fixture.
fn mangled_text() -> impl Strategy<Value = Vec<u8>> {
    let count = corpus().len();
    (
        0..count,
        0..count,
        proptest::collection::vec((any::<u32>(), any::<u8>(), 0u8..4), 1..8),
    )
        .prop_map(|(first, second, edits)| {
            let mut bytes = corpus()[first].bytes.clone();
            let other = &corpus()[second].bytes;
            for (position, byte, kind) in edits {
                if bytes.is_empty() {
                    break;
                }
                let at = position as usize % bytes.len();
                match kind {
                    0 => bytes.truncate(at),
                    1 => bytes[at] = byte,
                    2 => bytes.insert(at, byte),
                    _ => {
                        let from = position as usize % other.len().max(1);
                        let piece = &other[from..other.len().min(from + 200)];
                        bytes.splice(at..at, piece.iter().copied());
                    }
                }
            }
            bytes
        })
}

proptest! {
    #![proptest_config(config(1000))]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..2048)) {
        check(&bytes);
    }

    #[test]
    fn mangled_fixture_text_never_panics(bytes in mangled_text()) {
        check(&bytes);
    }
}

proptest! {
    #![proptest_config(config(2500))]

    #[test]
    fn structural_mutations_never_panic_and_generate_valid_rust(
        index in 0..documents().len(),
        edits in 1usize..6,
        choices in proptest::collection::vec(any::<u32>(), 8..160),
    ) {
        let mut doc = documents()[index].clone();
        mutate::mutate(&mut doc, edits, &mut mutate::FromList::new(&choices));
        let bytes = serde_json::to_vec(&doc).expect("a value serializes");
        check(&bytes);
    }
}

/// Inputs that once crashed the generator (found by these tests or by `generator/fuzz/`).
#[test]
fn fuzz_regressions_never_panic() {
    let dir = root().join("fixtures/fuzz-regressions");
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("tests/fixtures/fuzz-regressions exists")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_file() && p.extension().is_some_and(|e| e != "md"))
        .collect();
    paths.sort();
    assert!(!paths.is_empty(), "no regression inputs found");
    for path in paths {
        let bytes = std::fs::read(&path).expect("regression input");
        let started = std::time::Instant::now();
        let outcome = std::panic::catch_unwind(|| check(&bytes));
        assert!(outcome.is_ok(), "{} panics again", path.display());
        // Some were timeouts: each takes well under a second now, minutes before its fix.
        let elapsed = started.elapsed();
        assert!(
            elapsed.as_secs() < 30,
            "{} took {elapsed:?}",
            path.display()
        );
    }
}
