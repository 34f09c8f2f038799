//! Contract tests: every generated client against a Prism mock of its own spec.
//!
//! Prism reads the spec itself and validates every request it receives (content type, required
//! fields, formats, credentials), so these tests check the clients against an independent reading
//! of the spec rather than against our own. `cargo xtask test` starts one mock per spec under
//! `specs/` and `tests/specs/` and passes its URL in `PRISM_URL_<NAME>`; without it each test fails, unless skipped
//! by name (`cargo test -- --skip contract::`), and `cargo xtask test` checks that every spec's
//! contract tests ran. Prism ignores the path of the spec's server URL, so each
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

/// Every contract test, so that their names start with `contract::` and they can be skipped
/// by that name. (Modules declared in an inline module of a crate root resolve under the
/// folder of the same name, `tests/contract/`.)
mod contract {
    mod support;

    pub mod chift;
    pub mod chkk;
    pub mod dynamosql;
    pub mod files2;
    pub mod generic_login;
    pub mod klearstack;
}

/// The specs these tests cover, one module each.
const COVERED: &[&str] = &[
    contract::chift::SPEC,
    contract::chkk::SPEC,
    contract::dynamosql::SPEC,
    contract::files2::SPEC,
    contract::generic_login::SPEC,
    contract::klearstack::SPEC,
];

/// `cargo xtask test` starts a mock for every spec under `specs/` and `tests/specs/`; a spec
/// added there without a module here would have a mock that no test talks to.
#[test]
fn every_spec_has_contract_tests() {
    let specs = xtask::prism::find_all_specs(&xtask::workspace_root())
        .expect("the spec folders can be listed");
    let names: Vec<&str> = specs.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(
        names, COVERED,
        "every spec under specs/ and tests/specs/ needs a module in tests/tests/contract/ listed in COVERED"
    );
}
