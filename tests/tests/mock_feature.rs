//! The `mock` feature must not change a generated crate's normal build: without it, the
//! crate's dependency tree holds no mock-server crate; with it, the tree does (so the check
//! can fail).

use std::process::Command;

/// Every crate of `generated/`, and the test-only one of `tests/generated/`.
const CRATES: [&str; 6] = [
    "chift",
    "chkk",
    "dynamosql",
    "files2",
    "generic-login",
    "klearstack",
];

/// The packages `cargo tree` lists for `package`'s normal (not dev, not build) dependencies.
fn normal_tree(package: &str, features: &[&str]) -> Vec<String> {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let mut command = Command::new(cargo);
    command
        .args(["tree", "--locked", "-e", "normal", "-p", package])
        .args(["--prefix", "none", "--format", "{p}"])
        .current_dir(xtask::workspace_root());
    for feature in features {
        command.args(["--features", feature]);
    }
    let output = command.output().expect("cargo tree runs");
    assert!(
        output.status.success(),
        "cargo tree -p {package}: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8_lossy(&output.stdout)
        .lines()
        .map(str::to_string)
        .collect()
}

fn lists_mock_server(tree: &[String]) -> bool {
    tree.iter().any(|line| line.starts_with("wiremock "))
}

#[test]
fn without_the_feature_no_mock_crate_is_built() {
    for package in CRATES {
        let tree = normal_tree(package, &[]);
        assert!(
            tree.iter().any(|line| line.starts_with("client-runtime ")),
            "{package}: {tree:?}"
        );
        assert!(
            !lists_mock_server(&tree),
            "{package} builds a mock server without its `mock` feature:\n{}",
            tree.join("\n")
        );
        let with_mock = normal_tree(package, &["mock"]);
        assert!(lists_mock_server(&with_mock), "{package}: {with_mock:?}");
    }
}
