//! Arbitrary bytes to `generate`: never a panic; when it generates, valid Rust.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    generator_fuzz::check(data);
});
