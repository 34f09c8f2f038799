//! Maintainer tasks behind `cargo xtask`, also used by the workspace's tests (the drift test
//! calls the same check as `cargo xtask codegen --check`).

pub mod bench;
pub mod codegen;
pub mod corpus;
pub mod drift_eval;
pub mod evolution;
pub mod flags;
pub mod prism;
pub mod spec_files;
pub mod test_counts;

/// The workspace root, found from this crate's manifest directory at build time.
pub fn workspace_root() -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .map(std::path::Path::to_path_buf)
        .unwrap_or_else(|| std::path::PathBuf::from("."))
}
