//! The same client from a Swagger 2.0 document and from its 3.0 conversion by a reference
//! converter: each file in `tests/fixtures/swagger2-reference/` is swagger2openapi's output for
//! the 2.0 document of the same name (in `specs/`, `tests/specs/` or `tests/fixtures/`), made once and kept.
//! Every generated file must match except its header line, which names the source. Where our
//! conversion differs from the reference on purpose, the document is left out of this folder
//! and the difference is described in the README.

use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).to_path_buf()
}

/// The 2.0 document a reference conversion was made from.
fn original_of(converted: &Path) -> PathBuf {
    let name = converted.file_name().expect("a file name");
    ["../specs", "specs"]
        .iter()
        .map(|folder| root().join(folder).join(name))
        .find(|path| path.is_file())
        .unwrap_or_else(|| root().join("fixtures").join(name))
}

/// The generated files, each without its first (header) line.
fn generated(spec: &Path) -> Vec<(String, String)> {
    let bytes = std::fs::read(spec).unwrap_or_else(|e| panic!("{}: {e}", spec.display()));
    let generation = generator::generate(&bytes, &generator::Settings::new("reference"))
        .unwrap_or_else(|e| panic!("{}: {e}", spec.display()));
    generation
        .files
        .into_iter()
        .map(|file| {
            let body = file.contents.split_once('\n').map_or("", |(_, rest)| rest);
            (file.path, body.to_string())
        })
        .collect()
}

#[test]
fn swagger2_and_its_reference_conversion_give_the_same_client() {
    let dir = root().join("fixtures/swagger2-reference");
    let mut converted: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("the reference folder is readable")
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .collect();
    converted.sort();
    assert!(
        converted.len() >= 2,
        "the reference conversions are missing"
    );
    for converted in converted {
        let original = original_of(&converted);
        let ours = generated(&original);
        let theirs = generated(&converted);
        let paths: Vec<&str> = ours.iter().map(|(p, _)| p.as_str()).collect();
        let their_paths: Vec<&str> = theirs.iter().map(|(p, _)| p.as_str()).collect();
        assert_eq!(paths, their_paths, "{}", converted.display());
        for ((path, ours), (_, theirs)) in ours.iter().zip(&theirs) {
            assert_eq!(
                ours,
                theirs,
                "{path} differs between {} and {}",
                original.display(),
                converted.display()
            );
        }
    }
}
