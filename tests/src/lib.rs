//! Snapshot, wire and contract tests of the generator and the generated clients live in
//! `tests/tests/`. The workspace README is included here so that its Rust snippets are
//! compiled as doctests.
#![doc = include_str!("../../README.md")]
