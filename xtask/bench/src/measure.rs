//! (a) the parse floor, (b) our generator by stage, (c) progenitor, timed in one interleaved
//! loop per document: every round runs each once, and which generator goes first alternates.

use crate::docs::Doc;
use crate::stats::{median, ms, timed};
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::Mutex;

/// Our stage names, in pipeline order (see `generator::StageTimes`).
pub const OUR_STAGES: [&str; 6] = [
    "load",
    "normalize",
    "deserialize",
    "lower",
    "render",
    "format",
];
/// Progenitor's stages as measured here.
pub const PEER_STAGES: [&str; 3] = ["parse", "generate", "print"];

/// What became of one generator on one document.
pub enum Outcome<T> {
    /// It produced output.
    Done(T),
    /// It returned an error (or its input parser did).
    Refused(String),
    /// It panicked.
    Panicked(String),
}

impl<T> Outcome<T> {
    /// The output, if there is one.
    pub fn done(&self) -> Option<&T> {
        match self {
            Outcome::Done(value) => Some(value),
            _ => None,
        }
    }

    /// A short cell for a table: `refused`/`panicked` with the first words of the reason.
    pub fn failure(&self) -> Option<String> {
        let short = |text: &str| text.chars().take(60).collect::<String>().replace('|', "/");
        match self {
            Outcome::Done(_) => None,
            Outcome::Refused(why) => Some(format!("refused: {}", short(why))),
            Outcome::Panicked(why) => Some(format!("panicked: {}", short(why))),
        }
    }
}

/// Our generated crate.
pub struct Ours {
    /// The files, as `generator::generate` returns them.
    pub files: Vec<generator::GeneratedFile>,
    /// Operations that became client methods.
    pub operations: usize,
}

impl Ours {
    /// Lines of Rust in the crate: all `.rs` files.
    pub fn lines(&self) -> usize {
        self.files
            .iter()
            .filter(|f| f.path.ends_with(".rs"))
            .map(|f| f.contents.lines().count())
            .sum()
    }
}

/// Progenitor's generated crate: one `lib.rs` and the dependencies it needs.
pub struct Peer {
    /// The pretty-printed source.
    pub text: String,
    /// `name = spec` lines for `[dependencies]`.
    pub dependencies: Vec<String>,
}

/// Medians, in milliseconds, of everything timed for one document.
pub struct Timings {
    /// Parse to `serde_json::Value`.
    pub floor_value: f64,
    /// Parse to `openapiv3::OpenAPI` (NaN when `openapiv3` refuses the document).
    pub floor_openapi: f64,
    /// Our generator, whole call, and by stage (in [`OUR_STAGES`] order).
    pub ours: f64,
    /// Our stages.
    pub ours_stages: [f64; 6],
    /// Progenitor, from bytes to printed text, and by stage (in [`PEER_STAGES`] order).
    pub peer: f64,
    /// Progenitor's stages.
    pub peer_stages: [f64; 3],
    /// Median over rounds of ours/progenitor within the same round (robust to load that
    /// changes between rounds).
    pub paired_peer: f64,
    /// Median over rounds of ours/openapiv3 floor within the same round.
    pub paired_floor: f64,
}

/// Everything measured in-process for one document.
pub struct Measured {
    /// Our output (or why there is none).
    pub ours: Outcome<Ours>,
    /// Progenitor's output (or why there is none).
    pub peer: Outcome<Peer>,
    /// The medians.
    pub timings: Timings,
}

/// Runs the interleaved loop on `doc` with `runs` rounds (after one warm-up round).
pub fn measure(doc: &Doc, settings: &generator::Settings, runs: usize) -> Measured {
    let openapi_ok = parse_openapi(doc).is_ok();
    let ours = match run_ours(doc, settings) {
        Ok((generation, _)) => Outcome::Done(Ours {
            operations: generation.operations,
            files: generation.files,
        }),
        Err(error) => Outcome::Refused(error),
    };
    let peer = quietly(|| catch_unwind(AssertUnwindSafe(|| run_peer(doc))));
    let peer = match peer {
        Ok(Ok((peer, _))) => Outcome::Done(peer),
        Ok(Err(why)) => Outcome::Refused(why),
        Err(payload) => Outcome::Panicked(panic_message(&*payload)),
    };
    let mut samples = Samples::default();
    for round in 0..runs {
        samples.floor_value.push(timed(|| parse_value(doc)).0);
        let floor = if openapi_ok {
            let (floor, _) = timed(|| parse_openapi(doc));
            samples.floor_openapi.push(floor);
            Some(floor)
        } else {
            None
        };
        let (ours_total, peer_total) = if round.is_multiple_of(2) {
            let ours_total = samples.ours_round(&ours, doc, settings);
            (ours_total, samples.peer_round(&peer, doc))
        } else {
            let peer_total = samples.peer_round(&peer, doc);
            (samples.ours_round(&ours, doc, settings), peer_total)
        };
        if let (Some(ours_total), Some(peer_total)) = (ours_total, peer_total) {
            samples.paired_peer.push(ours_total / peer_total);
        }
        if let (Some(ours_total), Some(floor)) = (ours_total, floor) {
            samples.paired_floor.push(ours_total / floor);
        }
    }
    let timings = samples.medians();
    Measured {
        ours,
        peer,
        timings,
    }
}

#[derive(Default)]
struct Samples {
    floor_value: Vec<f64>,
    floor_openapi: Vec<f64>,
    ours: Vec<f64>,
    ours_stages: [Vec<f64>; 6],
    peer: Vec<f64>,
    peer_stages: [Vec<f64>; 3],
    paired_peer: Vec<f64>,
    paired_floor: Vec<f64>,
}

impl Samples {
    /// Runs our generator once; its whole time when it succeeded.
    fn ours_round(
        &mut self,
        ours: &Outcome<Ours>,
        doc: &Doc,
        settings: &generator::Settings,
    ) -> Option<f64> {
        ours.done()?;
        let (total, result) = timed(|| run_ours(doc, settings));
        let (_, stages) = result.ok()?;
        self.ours.push(total);
        for (series, value) in self.ours_stages.iter_mut().zip(stages) {
            series.push(value);
        }
        Some(total)
    }

    /// Runs progenitor once; its whole time when it succeeded.
    fn peer_round(&mut self, peer: &Outcome<Peer>, doc: &Doc) -> Option<f64> {
        peer.done()?;
        let (total, result) = timed(|| catch_unwind(AssertUnwindSafe(|| run_peer(doc))));
        let (_, stages) = result.ok()?.ok()?;
        self.peer.push(total);
        for (series, value) in self.peer_stages.iter_mut().zip(stages) {
            series.push(value);
        }
        Some(total)
    }

    fn medians(&self) -> Timings {
        Timings {
            floor_value: median(&self.floor_value),
            floor_openapi: median(&self.floor_openapi),
            ours: median(&self.ours),
            ours_stages: std::array::from_fn(|i| median(&self.ours_stages[i])),
            peer: median(&self.peer),
            peer_stages: std::array::from_fn(|i| median(&self.peer_stages[i])),
            paired_peer: median(&self.paired_peer),
            paired_floor: median(&self.paired_floor),
        }
    }
}

/// The floor: bytes to `serde_json::Value`.
pub fn parse_value(doc: &Doc) -> Result<serde_json::Value, String> {
    if doc.is_json() {
        serde_json::from_slice(&doc.bytes).map_err(|e| e.to_string())
    } else {
        serde_yaml::from_slice(&doc.bytes).map_err(|e| e.to_string())
    }
}

/// The floor: bytes to `openapiv3::OpenAPI` (what progenitor starts from).
pub fn parse_openapi(doc: &Doc) -> Result<openapiv3::OpenAPI, String> {
    if doc.is_json() {
        serde_json::from_slice(&doc.bytes).map_err(|e| e.to_string())
    } else {
        serde_yaml::from_slice(&doc.bytes).map_err(|e| e.to_string())
    }
}

/// Our generator, end to end to formatted files in memory, with its stage times.
pub fn run_ours(
    doc: &Doc,
    settings: &generator::Settings,
) -> Result<(generator::Generation, [f64; 6]), String> {
    let (generation, times) =
        generator::generate_timed(&doc.bytes, settings).map_err(|e| e.to_string())?;
    let stages = [
        ms(times.load),
        ms(times.normalize),
        ms(times.deserialize),
        ms(times.lower),
        ms(times.render),
        ms(times.format),
    ];
    Ok((generation, stages))
}

/// Progenitor 0.15 (positional style, its default), from bytes to pretty-printed text the way
/// its own tools print it without rustfmt: `syn::parse2` then `prettyplease::unparse`.
fn run_peer(doc: &Doc) -> Result<(Peer, [f64; 3]), String> {
    let (parse, spec) = timed(|| parse_openapi(doc));
    let spec = spec.map_err(|e| format!("openapiv3: {e}"))?;
    let mut generator = progenitor::Generator::new(&progenitor::GenerationSettings::default());
    let (generate, tokens) = timed(|| generator.generate_tokens(&spec));
    let tokens = tokens.map_err(|e| e.to_string())?;
    let (print, text) =
        timed(|| syn::parse2::<syn::File>(tokens).map(|file| prettyplease::unparse(&file)));
    let text = text.map_err(|e| format!("output does not parse: {e}"))?;
    let dependencies = peer_dependencies(&generator);
    Ok((Peer { text, dependencies }, [parse, generate, print]))
}

/// The dependencies `cargo progenitor` would write for this output (progenitor-client 0.15.1
/// is built on reqwest 0.13).
fn peer_dependencies(generator: &progenitor::Generator) -> Vec<String> {
    let types = generator.get_type_space();
    let mut deps = vec![
        r#"bytes = "1""#.to_string(),
        r#"futures-core = "0.3""#.into(),
        r#"progenitor-client = "=0.15.1""#.into(),
        r#"reqwest = { version = "0.13", default-features = false, features = ["json", "query", "stream"] }"#.into(),
        r#"serde = { version = "1", features = ["derive"] }"#.into(),
        r#"serde_urlencoded = "0.7""#.into(),
    ];
    let optional = [
        (types.uses_regress(), r#"regress = "0.10""#),
        (
            types.uses_uuid(),
            r#"uuid = { version = "1", features = ["serde", "v4"] }"#,
        ),
        (
            types.uses_chrono(),
            r#"chrono = { version = "0.4", default-features = false, features = ["serde"] }"#,
        ),
        (generator.uses_futures(), r#"futures = "0.3""#),
        (generator.uses_websockets(), r#"base64 = "0.22""#),
        (generator.uses_websockets(), r#"rand = "0.8""#),
        (types.uses_serde_json(), r#"serde_json = "1""#),
    ];
    deps.extend(
        optional
            .iter()
            .filter(|(used, _)| *used)
            .map(|(_, dep)| dep.to_string()),
    );
    deps
}

static PANIC_MESSAGE: Mutex<Option<String>> = Mutex::new(None);

/// Runs `work` with the panic hook silenced (the message is kept for the report instead).
fn quietly<T>(work: impl FnOnce() -> T) -> T {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(|info| {
        if let Ok(mut slot) = PANIC_MESSAGE.lock() {
            *slot = Some(info.to_string());
        }
    }));
    let result = work();
    std::panic::set_hook(previous);
    result
}

fn panic_message(payload: &(dyn std::any::Any + Send)) -> String {
    if let Some(text) = payload.downcast_ref::<&str>() {
        return text.to_string();
    }
    if let Some(text) = payload.downcast_ref::<String>() {
        return text.clone();
    }
    PANIC_MESSAGE
        .lock()
        .ok()
        .and_then(|slot| slot.clone())
        .unwrap_or_else(|| "unknown panic".into())
}
