//! Contract tests: every generated client against a Prism mock of its own spec.
//!
//! Prism reads the spec itself and validates every request it receives (content type, required
//! fields, formats, credentials), so these tests check the clients against an independent reading
//! of the spec rather than against our own. `cargo xtask test` starts one mock per spec under
//! `specs/` and passes its URL in `PRISM_URL_<NAME>`; without it each test prints that it is
//! skipped (and fails when `CI` is set). Prism ignores the path of the spec's server URL, so each
//! client's base URL is the mock's URL as it is.
//!
//! Per client: a valid request draws no violation and decodes into the success type; every
//! declared error status, forced with `Prefer: code=N`, decodes into its typed variant; a request
//! built by hand without a required field is rejected, which proves the validation is live.
//! Prism answers a forced status only for a request it accepts (an invalid one gets the spec's
//! 400/422 instead), and the forced requests carry the same bodies as the valid ones.
//!
//! Bodies are Prism's placeholders or the spec's examples: the tests assert statuses and types,
//! not values.

// A test crate's root resolves modules next to itself, hence the paths into contract/.
#[path = "contract/support.rs"]
mod support;

#[path = "contract/chift.rs"]
mod chift;
#[path = "contract/chkk.rs"]
mod chkk;
#[path = "contract/dynamosql.rs"]
mod dynamosql;
#[path = "contract/files2.rs"]
mod files2;
#[path = "contract/generic_login.rs"]
mod generic_login;
#[path = "contract/klearstack.rs"]
mod klearstack;

/// The specs these tests cover, one module each.
const COVERED: &[&str] = &[
    chift::SPEC,
    chkk::SPEC,
    dynamosql::SPEC,
    files2::SPEC,
    generic_login::SPEC,
    klearstack::SPEC,
];

/// `cargo xtask test` starts a mock for every spec under `specs/`; a spec added there without a
/// module here would have a mock that no test talks to.
#[test]
fn every_spec_has_contract_tests() {
    let specs = xtask::prism::find_specs(&xtask::workspace_root().join("specs"))
        .expect("specs/ can be listed");
    let names: Vec<&str> = specs.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(
        names, COVERED,
        "every spec under specs/ needs a module in tests/tests/contract/ listed in COVERED"
    );
}
