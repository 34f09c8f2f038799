//! A fixture or spec, mutated structurally (keys deleted, nodes replaced, subtrees duplicated,
//! `type` changed, `$ref`s and nullable wrappers added...), to `generate`: never a panic;
//! when it generates, valid Rust.
#![no_main]

use generator_fuzz::{check, documents, mutate, FuzzChoices};
use libfuzzer_sys::arbitrary::Unstructured;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let mut input = Unstructured::new(data);
    let documents = documents();
    let index = input.choose_index(documents.len()).unwrap_or(0);
    let edits = 1 + input.choose_index(6).unwrap_or(0);
    let mut document = documents[index].clone();
    mutate::mutate(&mut document, edits, &mut FuzzChoices(&mut input));
    if let Ok(bytes) = serde_json::to_vec(&document) {
        check(&bytes);
    }
});
