//! `generated/` is the snapshot of the real specs: it must match what the generator makes now.

#[test]
fn generated_crates_match_specs_and_generator() {
    let drift = xtask::codegen::drift_report().expect("every spec under specs/ generates");
    assert!(
        drift.is_empty(),
        "generated/ has drifted:\n  {}\nrun `cargo xtask codegen` and commit the result",
        drift.join("\n  ")
    );
}
