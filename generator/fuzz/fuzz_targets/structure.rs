//! A fixture or spec, mutated structurally (keys deleted, nodes replaced, subtrees duplicated,
//! `type` changed, `$ref`s and nullable wrappers added...), to `generate`: never a panic;
//! when it generates, valid Rust.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let document = generator_fuzz::mutated_document(data);
    if let Ok(bytes) = serde_json::to_vec(&document) {
        generator_fuzz::check(&bytes);
    }
});
