//! `cargo xtask test`: every check CI runs, in CI's order, stopping at the
//! first failure:
//!
//! 1. `codegen --check` (generated/ matches specs/, tests/generated/ tests/specs/),
//! 2. `cargo fmt --all -- --check`,
//! 3. `cargo clippy --workspace --all-targets -- -D warnings`,
//! 4. one Prism mock server per spec in specs/ and tests/specs/ (pinned in tests/prism/),
//! 5. `cargo test --workspace` with `PRISM_URL_<NAME>` set for every mock.
//!
//! Arguments after `--` are passed on to `cargo test`, so
//! `cargo xtask test -- -p generator -- --nocapture` works as expected
//! (`--workspace` is left out when those arguments choose packages).
//!
//! # Stopping the mocks
//!
//! Every mock is stopped by process id, never by name:
//!
//! * Normal end and any failing step: [`Mock`]'s `Drop` kills and reaps the
//!   Prism process, so `?` anywhere in this file cleans up.
//! * Ctrl-C in a terminal: the mocks stay in xtask's process group, so the
//!   terminal's SIGINT reaches them together with xtask.
//! * xtask alone killed (SIGINT/SIGTERM/SIGKILL sent to its pid, e.g. by a
//!   CI timeout): `Drop` does not run then. Without libc there is no
//!   `prctl(PR_SET_PDEATHSIG)`, so each mock gets a tiny watchdog
//!   `/bin/sh` whose stdin is a pipe whose only writer is xtask. The
//!   watchdog blocks in `read`; when xtask dies for any reason the kernel
//!   closes the writer, `read` sees end of file and the watchdog sends
//!   SIGTERM to that one Prism pid. std creates pipes close-on-exec, so no
//!   other child (cargo test, other mocks) holds the writer open.
//!
//! Why not a process-group crate (`process-wrap`, `command-group`): they put
//! a child in its own group or session and kill that group from the parent's
//! `Drop` or an explicit call, which is what `Mock`'s `Drop` already does for
//! the one Prism process; when xtask is SIGKILLed nothing of the parent runs,
//! so they cannot stop the mocks then. Only the kernel can, either through
//! the pipe above or through `PR_SET_PDEATHSIG`, which needs `prctl` from
//! libc in an `unsafe` `pre_exec` and fires when the spawning *thread* exits,
//! not the process. A new group would also cut the mocks off from the
//! terminal's Ctrl-C, which now reaches them with xtask.

use std::fs::File;
use std::io::{self, BufRead, BufReader, ErrorKind, Read};
use std::net::{Ipv4Addr, SocketAddr, TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, ExitStatus, Stdio};
use std::thread::sleep;
use std::time::{Duration, Instant};

use anyhow::{bail, Context, Result};

use crate::test_counts::Counts;

/// How long one mock may take to accept a TCP connection.
const READY_TIMEOUT: Duration = Duration::from_secs(30);
/// How often readiness is polled.
const POLL: Duration = Duration::from_millis(100);
/// Spawn attempts per mock: another process may grab the free port between
/// our probe and Prism's bind; a fresh port is tried in that case only.
const SPAWN_ATTEMPTS: usize = 3;
/// Number of steps, for the progress lines.
const STEPS: usize = 5;
/// Watchdog script: wait until xtask closes (or loses) the pipe on stdin,
/// then stop the Prism process whose pid is `$1`.
const WATCHDOG: &str = r#"read -r _ || :; kill -TERM "$1" 2>/dev/null; exit 0"#;

pub fn run_tests(flags: &crate::flags::Test) -> Result<()> {
    let test_args: Vec<String> = flags
        .cargo_test_args
        .iter()
        .map(|arg| arg.to_string_lossy().into_owned())
        .collect();
    let root = crate::workspace_root();
    let started = Instant::now();

    step(1, "codegen --check", || {
        crate::codegen::run_codegen(&crate::flags::Codegen { check: true })
    })?;
    step(2, "cargo fmt", || {
        cargo(&root, &["fmt", "--all", "--", "--check"], &[])
    })?;
    step(3, "cargo clippy", || {
        let args = [
            "clippy",
            "--workspace",
            "--all-targets",
            "--",
            "-D",
            "warnings",
        ];
        cargo(&root, &args, &[])
    })?;
    // The mocks live until the end of this function, whatever happens.
    let mocks = step(4, "Prism mocks", || start_mocks(&root))?;
    let counts = step(5, "cargo test", || {
        let mut args = vec!["test"];
        // cargo ignores `-p` next to `--workspace`; let a chosen package win.
        if !selects_packages(&test_args) {
            args.push("--workspace");
        }
        args.extend(test_args.iter().map(String::as_str));
        let counts = cargo_test(&root, &args, &env_for(&mocks))?;
        check_counts(&counts, &mocks, test_args.is_empty())?;
        Ok(counts)
    })?;
    let count = mocks.len();
    let against_mocks: usize = mocks
        .iter()
        .map(|mock| counts.contract_tests_of(&mock.spec.name))
        .sum();
    drop(mocks);

    // Deliberately not "N passed, N failed": CI counts cargo test's own lines.
    println!(
        "xtask test: all {STEPS} steps OK (codegen --check, fmt, clippy, {count} Prism mock(s), \
         cargo test: {} tests run, {} of them contract tests against Prism) in {:.1}s",
        counts.passed,
        against_mocks,
        started.elapsed().as_secs_f64()
    );
    Ok(())
}

/// Whether cargo-test arguments (before any `--` for the test binaries)
/// name packages themselves.
fn selects_packages(args: &[String]) -> bool {
    args.iter()
        .take_while(|a| *a != "--")
        .any(|a| a.starts_with("-p") || a.starts_with("--package"))
}

/// Runs one step with a progress line and names the step in its error.
fn step<T>(number: usize, name: &str, body: impl FnOnce() -> Result<T>) -> Result<T> {
    eprintln!("==> xtask test [{number}/{STEPS}] {name}");
    body().with_context(|| format!("step {number}/{STEPS} `{name}` failed"))
}

/// Runs cargo (the same cargo that runs xtask, when known) in the workspace.
fn cargo(root: &Path, args: &[&str], env: &[(String, String)]) -> Result<()> {
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let shown = format!("cargo {}", args.join(" "));
    let status = Command::new(cargo)
        .args(args)
        .envs(env.iter().map(|(k, v)| (k, v)))
        .current_dir(root)
        .status()
        .with_context(|| format!("could not start `{shown}`"))?;
    if !status.success() {
        bail!("`{shown}` failed ({status})");
    }
    Ok(())
}

/// Runs `cargo test`, passing its output on line by line, and counts the tests that ran.
fn cargo_test(root: &Path, args: &[&str], env: &[(String, String)]) -> Result<Counts> {
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let shown = format!("cargo {}", args.join(" "));
    let mut child = Command::new(cargo)
        .args(args)
        .envs(env.iter().map(|(k, v)| (k, v)))
        .current_dir(root)
        .stdout(Stdio::piped())
        .spawn()
        .with_context(|| format!("could not start `{shown}`"))?;
    let mut counts = Counts::default();
    if let Some(stdout) = child.stdout.take() {
        for line in BufReader::new(stdout).lines().map_while(io::Result::ok) {
            println!("{line}");
            counts.read_line(&line);
        }
    }
    let status = child
        .wait()
        .with_context(|| format!("waiting for `{shown}`"))?;
    if !status.success() {
        bail!("`{shown}` failed ({status})");
    }
    Ok(counts)
}

/// A green `cargo test` still fails the step when it ran no test, or, on a full run (no
/// arguments choosing tests), when some spec's contract tests did not run against its mock.
fn check_counts(counts: &Counts, mocks: &[Mock], full_run: bool) -> Result<()> {
    if counts.passed == 0 {
        bail!("cargo test ran no test");
    }
    if full_run {
        let missing: Vec<&str> = mocks
            .iter()
            .map(|mock| mock.spec.name.as_str())
            .filter(|spec| counts.contract_tests_of(spec) == 0)
            .collect();
        if !missing.is_empty() {
            bail!(
                "no contract test ran against the mock of {} (tests/tests/contract/)",
                missing.join(", ")
            );
        }
    }
    Ok(())
}

/// `PRISM_URL_<NAME>=http://127.0.0.1:PORT` for every running mock.
fn env_for(mocks: &[Mock]) -> Vec<(String, String)> {
    mocks
        .iter()
        .map(|m| {
            (
                m.spec.env_var.clone(),
                format!("http://127.0.0.1:{}", m.port),
            )
        })
        .collect()
}

/// One spec file that gets a mock. Public so the contract tests find the
/// same specs, and the same environment variables, as the mocks started here.
#[derive(Clone, Debug)]
pub struct Spec {
    /// The spec file.
    pub path: PathBuf,
    /// File stem, e.g. `generic-login`; names the log file.
    pub name: String,
    /// e.g. `PRISM_URL_GENERIC_LOGIN`.
    pub env_var: String,
}

/// Checks Node.js, installs the pinned Prism if needed, starts every mock
/// and waits until all of them listen.
fn start_mocks(root: &Path) -> Result<Vec<Mock>> {
    check_node()?;
    let prism_dir = root.join("tests").join("prism");
    let prism = ensure_prism(&prism_dir)?;
    let specs = find_all_specs(root)?;
    if specs.is_empty() {
        eprintln!("    no specs: no mocks to start");
    }
    let log_dir = target_dir(root).join("prism");
    std::fs::create_dir_all(&log_dir)
        .with_context(|| format!("could not create {}", log_dir.display()))?;

    // Spawn all first so the Node start-ups overlap, then wait for each.
    let mut mocks = Vec::with_capacity(specs.len());
    for spec in &specs {
        mocks.push(Mock::spawn(&prism, spec, &log_dir)?);
    }
    for mock in &mut mocks {
        mock.wait_ready_or_respawn(&prism, &log_dir)?;
        eprintln!(
            "    {} -> http://127.0.0.1:{} ({}, log {})",
            mock.spec.name,
            mock.port,
            mock.spec.env_var,
            mock.log.display()
        );
    }
    Ok(mocks)
}

/// The Prism binary, ready to run (Node.js checked, the pinned version installed).
pub(crate) fn prism_binary(root: &Path) -> Result<PathBuf> {
    check_node()?;
    ensure_prism(&root.join("tests").join("prism"))
}

/// Starts one mock of the document `path`, logging to `log_dir/NAME.log`, and waits until it
/// listens. Dropping it stops Prism.
pub(crate) fn start_mock(prism: &Path, path: &Path, name: &str, log_dir: &Path) -> Result<Mock> {
    let spec = Spec {
        path: path.to_path_buf(),
        name: name.to_string(),
        env_var: env_var_for(name),
    };
    let mut mock = Mock::spawn(prism, &spec, log_dir)?;
    mock.wait_ready_or_respawn(prism, log_dir)?;
    Ok(mock)
}

/// Fails with an install hint unless `node` and `npm` run; never skips.
fn check_node() -> Result<()> {
    const HINT: &str = "install Node.js 20 and npm: the Prism contract tests need them";
    let node = tool_version("node").with_context(|| HINT)?;
    let npm = tool_version("npm").with_context(|| HINT)?;
    // Prism 5.14.2 declares `engines.node >= 18.20.1`.
    let major: u32 = node
        .trim_start_matches('v')
        .split('.')
        .next()
        .and_then(|m| m.parse().ok())
        .with_context(|| format!("cannot read the Node.js version `{node}`"))?;
    if major < 18 {
        bail!("Node.js {node} is too old for Prism; {HINT}");
    }
    eprintln!("    node {node}, npm {npm}");
    Ok(())
}

/// `TOOL --version`, trimmed; a clear error when the tool is missing.
fn tool_version(tool: &str) -> Result<String> {
    let output = match Command::new(tool).arg("--version").output() {
        Err(e) if e.kind() == ErrorKind::NotFound => bail!("`{tool}` not found on PATH"),
        other => other.with_context(|| format!("could not run `{tool} --version`"))?,
    };
    if !output.status.success() {
        bail!("`{tool} --version` failed ({})", output.status);
    }
    Ok(String::from_utf8_lossy(&output.stdout).trim().to_string())
}

/// Returns the Prism binary, running `npm ci` first when it is missing or
/// is not the version pinned in tests/prism/package.json.
fn ensure_prism(dir: &Path) -> Result<PathBuf> {
    let bin = dir.join("node_modules").join(".bin").join("prism");
    let wanted = pinned_prism_version(dir)?;
    let installed = installed_prism_version(dir);
    if bin.exists() && installed.as_deref() == Some(wanted.as_str()) {
        return Ok(bin);
    }
    eprintln!("    installing Prism {wanted}: npm ci --ignore-scripts in tests/prism");
    let status = Command::new("npm")
        .args(["ci", "--ignore-scripts"])
        .current_dir(dir)
        .status()
        .context("could not start `npm ci`")?;
    if !status.success() {
        bail!(
            "`npm ci --ignore-scripts` in {} failed ({status})",
            dir.display()
        );
    }
    if !bin.exists() {
        bail!("`npm ci` succeeded but {} is missing", bin.display());
    }
    Ok(bin)
}

fn pinned_prism_version(dir: &Path) -> Result<String> {
    let path = dir.join("package.json");
    let manifest = read_json(&path)?;
    manifest["dependencies"]["@stoplight/prism-cli"]
        .as_str()
        .map(str::to_string)
        .with_context(|| format!("{} pins no @stoplight/prism-cli", path.display()))
}

/// `None` when Prism is not installed (or unreadable): then we reinstall.
fn installed_prism_version(dir: &Path) -> Option<String> {
    let path = dir.join("node_modules/@stoplight/prism-cli/package.json");
    let manifest = read_json(&path).ok()?;
    manifest["version"].as_str().map(str::to_string)
}

fn read_json(path: &Path) -> Result<serde_json::Value> {
    let text = std::fs::read_to_string(path)
        .with_context(|| format!("could not read {}", path.display()))?;
    serde_json::from_str(&text).with_context(|| format!("{} is not JSON", path.display()))
}

/// The specs of every folder `codegen` generates from (`specs/`, `tests/specs/`), sorted by
/// name; rejects two specs that would share one environment variable.
pub fn find_all_specs(root: &Path) -> Result<Vec<Spec>> {
    let mut specs = Vec::new();
    for spec_root in &crate::codegen::SPEC_ROOTS {
        specs.extend(find_specs(&root.join(spec_root.specs))?);
    }
    sort_and_check(specs)
}

/// Every `*.yaml`, `*.yml` and `*.json` in `dir` except `*.settings.*`,
/// sorted; rejects two specs that would share one environment variable.
pub fn find_specs(dir: &Path) -> Result<Vec<Spec>> {
    let entries = match std::fs::read_dir(dir) {
        Err(e) if e.kind() == ErrorKind::NotFound => return Ok(Vec::new()),
        other => other.with_context(|| format!("could not list {}", dir.display()))?,
    };
    let mut specs = Vec::new();
    for entry in entries {
        let path = entry
            .with_context(|| format!("could not list {}", dir.display()))?
            .path();
        if let Some(spec) = spec_for(&path) {
            specs.push(spec);
        }
    }
    sort_and_check(specs)
}

/// Sorts by name (the environment variable follows from it) and fails on a shared variable.
fn sort_and_check(mut specs: Vec<Spec>) -> Result<Vec<Spec>> {
    specs.sort_by(|a, b| (&a.env_var, &a.path).cmp(&(&b.env_var, &b.path)));
    for pair in specs.windows(2) {
        if let [a, b] = pair {
            if a.env_var == b.env_var {
                bail!(
                    "{} and {} would both be {}: rename one",
                    a.path.display(),
                    b.path.display(),
                    a.env_var
                );
            }
        }
    }
    Ok(specs)
}

fn spec_for(path: &Path) -> Option<Spec> {
    let ext = path.extension()?.to_str()?;
    let name = path.file_stem()?.to_str()?;
    if !is_spec_file_name(name, ext) || !path.is_file() {
        return None;
    }
    Some(Spec {
        path: path.to_path_buf(),
        name: name.to_string(),
        env_var: env_var_for(name),
    })
}

/// `x.settings.yaml` sits next to a spec to configure the generator.
fn is_spec_file_name(stem: &str, ext: &str) -> bool {
    matches!(ext, "yaml" | "yml" | "json") && !stem.ends_with(".settings")
}

/// `generic-login` -> `PRISM_URL_GENERIC_LOGIN`.
pub fn env_var_for(stem: &str) -> String {
    let suffix: String = stem
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_uppercase()
            } else {
                '_'
            }
        })
        .collect();
    format!("PRISM_URL_{suffix}")
}

/// CARGO_TARGET_DIR when set, else `<workspace>/target`.
fn target_dir(root: &Path) -> PathBuf {
    match std::env::var_os("CARGO_TARGET_DIR") {
        Some(dir) => root.join(dir),
        None => root.join("target"),
    }
}

/// A free loopback port: bind port 0, read what the kernel chose, release.
fn free_port() -> Result<u16> {
    let listener =
        TcpListener::bind((Ipv4Addr::LOCALHOST, 0)).context("could not bind a loopback port")?;
    Ok(listener.local_addr().context("no local address")?.port())
}

/// One running Prism mock plus its watchdog (see the module docs).
pub(crate) struct Mock {
    spec: Spec,
    port: u16,
    log: PathBuf,
    prism: Child,
    watchdog: Child,
}

/// What became of a mock while we waited for it.
enum Readiness {
    Listening,
    /// Prism exited because its port was taken in the meantime.
    PortTaken,
}

impl Mock {
    /// Its base URL.
    pub(crate) fn url(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }

    /// Prism's log file.
    pub(crate) fn log(&self) -> &Path {
        &self.log
    }

    /// Whether Prism's process has ended (it crashed on a request, say).
    pub(crate) fn has_exited(&mut self) -> bool {
        !matches!(self.prism.try_wait(), Ok(None))
    }

    fn spawn(prism: &Path, spec: &Spec, log_dir: &Path) -> Result<Mock> {
        let port = free_port()?;
        let log = log_dir.join(format!("{}.log", spec.name));
        let out =
            File::create(&log).with_context(|| format!("could not create {}", log.display()))?;
        let err = out.try_clone().context("could not share the log file")?;
        let mut prism_child = Command::new(prism)
            .args(["mock", "-h", "127.0.0.1", "-p", &port.to_string()])
            // Prism forks a worker when NODE_ENV=production; one process
            // keeps "kill this pid" sufficient.
            .arg("--multiprocess=false")
            .arg(&spec.path)
            .stdin(Stdio::null())
            .stdout(out)
            .stderr(err)
            .spawn()
            .with_context(|| format!("could not start {}", prism.display()))?;
        let watchdog = match spawn_watchdog(prism_child.id()) {
            Ok(watchdog) => watchdog,
            Err(e) => {
                stop(&mut prism_child);
                return Err(e);
            }
        };
        Ok(Mock {
            spec: spec.clone(),
            port,
            log,
            prism: prism_child,
            watchdog,
        })
    }

    /// Waits for the mock; respawns on a fresh port if the port was taken.
    fn wait_ready_or_respawn(&mut self, prism: &Path, log_dir: &Path) -> Result<()> {
        for _ in 1..SPAWN_ATTEMPTS {
            match self.wait_ready()? {
                Readiness::Listening => return Ok(()),
                Readiness::PortTaken => {
                    eprintln!(
                        "    port {} was taken; retrying {}",
                        self.port, self.spec.name
                    );
                    // The assignment drops (stops and reaps) the exited mock.
                    *self = Mock::spawn(prism, &self.spec, log_dir)?;
                }
            }
        }
        match self.wait_ready()? {
            Readiness::Listening => Ok(()),
            Readiness::PortTaken => bail!(
                "Prism for {} found its port taken {SPAWN_ATTEMPTS} times; see {}",
                self.spec.path.display(),
                self.log.display()
            ),
        }
    }

    /// Polls a TCP connect every [`POLL`] until [`READY_TIMEOUT`].
    fn wait_ready(&mut self) -> Result<Readiness> {
        let addr = SocketAddr::from((Ipv4Addr::LOCALHOST, self.port));
        let deadline = Instant::now() + READY_TIMEOUT;
        loop {
            if let Some(status) = self.prism.try_wait().context("could not poll Prism")? {
                return self.exited_early(status);
            }
            if TcpStream::connect_timeout(&addr, POLL).is_ok() {
                return Ok(Readiness::Listening);
            }
            if Instant::now() >= deadline {
                bail!(
                    "Prism for {} did not listen on port {} within {}s; see {}",
                    self.spec.path.display(),
                    self.port,
                    READY_TIMEOUT.as_secs(),
                    self.log.display()
                );
            }
            sleep(POLL);
        }
    }

    fn exited_early(&self, status: ExitStatus) -> Result<Readiness> {
        let log = read_log(&self.log).unwrap_or_default();
        if log.contains("EADDRINUSE") {
            return Ok(Readiness::PortTaken);
        }
        bail!(
            "Prism for {} exited before listening ({status}); see {}:\n{}",
            self.spec.path.display(),
            self.log.display(),
            tail(&log, 20)
        )
    }
}

impl Drop for Mock {
    fn drop(&mut self) {
        // Watchdog first: once it is gone it cannot signal the Prism pid
        // after we reaped it (when the kernel may already reuse the pid).
        stop(&mut self.watchdog);
        stop(&mut self.prism);
    }
}

/// Starts the watchdog for Prism's `pid`; xtask keeps the pipe's writer in
/// the returned `Child` (its `stdin`) for as long as the mock lives.
fn spawn_watchdog(pid: u32) -> Result<Child> {
    Command::new("/bin/sh")
        .args(["-c", WATCHDOG, "xtask-prism-watchdog", &pid.to_string()])
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .context("could not start the Prism watchdog (/bin/sh)")
}

/// SIGKILL and reap; errors only mean the child is already gone.
fn stop(child: &mut Child) {
    let _ = child.kill();
    let _ = child.wait();
}

fn read_log(path: &Path) -> io::Result<String> {
    let mut text = String::new();
    File::open(path)?.read_to_string(&mut text)?;
    Ok(text)
}

/// The last `lines` lines of `text`.
fn tail(text: &str, lines: usize) -> String {
    let all: Vec<&str> = text.lines().collect();
    all[all.len().saturating_sub(lines)..].join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn env_var_names() {
        assert_eq!(env_var_for("generic-login"), "PRISM_URL_GENERIC_LOGIN");
        assert_eq!(env_var_for("chkk"), "PRISM_URL_CHKK");
        assert_eq!(env_var_for("a.b c"), "PRISM_URL_A_B_C");
    }

    #[test]
    fn package_selection_replaces_workspace() {
        let owned = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert!(selects_packages(&owned(&["-p", "generator"])));
        assert!(selects_packages(&owned(&["--package=generator"])));
        assert!(!selects_packages(&owned(&["--", "-p"])));
        assert!(!selects_packages(&owned(&["--release"])));
    }

    #[test]
    fn settings_files_are_not_specs() {
        assert!(is_spec_file_name("chkk", "yaml"));
        assert!(is_spec_file_name("chkk", "json"));
        assert!(!is_spec_file_name("chkk.settings", "yaml"));
        assert!(!is_spec_file_name("notes", "md"));
    }

    #[test]
    fn tail_keeps_last_lines() {
        assert_eq!(tail("a\nb\nc", 2), "b\nc");
        assert_eq!(tail("a", 5), "a");
    }
}
