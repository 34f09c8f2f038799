//! Random schedules against the cache, on tokio's paused clock: replies (tokens of any
//! lifetime, transient and permanent failures, hangs, panics) after random delays, callers
//! that give up at random, clock jumps and invalidations, under random settings. Whatever
//! happens: nothing panics outside the login, no caller waits past the bound the settings
//! imply, at most one request is under way at a time, requests stay within
//! `callers x (1 + retries) x 2` (a refresh and a login per attempt), and every caller that
//! stays gets an answer.

use proptest::prelude::*;
use std::collections::VecDeque;
use std::fmt;
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;
use token_source::{
    AccessToken, Backoff, BoxError, Failure, Fetch, FetchFuture, TokenCache, TokenError,
};
use tokio::time::Instant;

#[derive(Debug, Clone, Copy)]
enum Kind {
    Token { lifetime_s: u64, refresh: bool },
    Fail(Failure),
    Hang,
    Panic,
}

#[derive(Debug, Clone, Copy)]
struct Reply {
    delay_ms: u64,
    kind: Kind,
}

#[derive(Debug, Clone)]
enum Step {
    /// A caller; `Some(ms)`: it gives up after that long.
    Call(Option<u64>),
    Advance(u64),
    InvalidateLast,
    Yield,
}

#[derive(Debug)]
struct Refused(Failure);

impl fmt::Display for Refused {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "refused ({:?})", self.0)
    }
}

impl std::error::Error for Refused {}

/// Answers logins and refreshes from one script (repeating its last reply), counting
/// requests and how many are under way at once.
struct Script {
    replies: Mutex<VecDeque<Reply>>,
    sent: AtomicUsize,
    under_way: Arc<AtomicUsize>,
    most_at_once: AtomicUsize,
}

/// Counts a request as under way until dropped (also when its future is dropped mid-way).
struct UnderWay(Arc<AtomicUsize>);

impl Drop for UnderWay {
    fn drop(&mut self) {
        self.0.fetch_sub(1, Ordering::SeqCst);
    }
}

impl Script {
    fn request(&self) -> FetchFuture<'_, Refused> {
        let n = self.sent.fetch_add(1, Ordering::SeqCst);
        let at_once = self.under_way.fetch_add(1, Ordering::SeqCst) + 1;
        self.most_at_once.fetch_max(at_once, Ordering::SeqCst);
        let guard = UnderWay(Arc::clone(&self.under_way));
        let reply = {
            let mut replies = self.replies.lock().expect("lock");
            if replies.len() > 1 {
                replies.pop_front()
            } else {
                replies.front().copied()
            }
        };
        Box::pin(async move {
            let _guard = guard;
            let Some(reply) = reply else {
                return Err(Refused(Failure::Permanent));
            };
            tokio::time::sleep(Duration::from_millis(reply.delay_ms)).await;
            match reply.kind {
                Kind::Token {
                    lifetime_s,
                    refresh,
                } => {
                    let token = AccessToken::new(format!("t{n}"), Duration::from_secs(lifetime_s));
                    Ok(if refresh {
                        token.with_refresh_token(format!("r{n}"))
                    } else {
                        token
                    })
                }
                Kind::Fail(failure) => Err(Refused(failure)),
                Kind::Hang => std::future::pending().await,
                Kind::Panic => panic!("the scripted login panicked"),
            }
        })
    }
}

impl Fetch for Script {
    type Error = Refused;

    fn login(&self) -> FetchFuture<'_, Refused> {
        self.request()
    }

    fn refresh(&self, _refresh_token: String) -> Option<FetchFuture<'_, BoxError>> {
        let request = self.request();
        Some(Box::pin(
            async move { request.await.map_err(BoxError::from) },
        ))
    }

    fn failure(&self, error: &Refused) -> Failure {
        error.0
    }
}

fn reply() -> impl Strategy<Value = Reply> {
    let kind = prop_oneof![
        4 => (0u64..7200, any::<bool>())
            .prop_map(|(lifetime_s, refresh)| Kind::Token { lifetime_s, refresh }),
        1 => Just(Kind::Token { lifetime_s: u64::MAX, refresh: false }),
        2 => Just(Kind::Fail(Failure::Transient)),
        2 => Just(Kind::Fail(Failure::Permanent)),
        1 => Just(Kind::Hang),
        1 => Just(Kind::Panic),
    ];
    (0u64..5000, kind).prop_map(|(delay_ms, kind)| Reply { delay_ms, kind })
}

fn step() -> impl Strategy<Value = Step> {
    prop_oneof![
        4 => proptest::option::of(0u64..3000).prop_map(Step::Call),
        2 => (0u64..200_000).prop_map(Step::Advance),
        1 => Just(Step::InvalidateLast),
        1 => Just(Step::Yield),
    ]
}

#[derive(Debug, Clone, Copy)]
struct Settings {
    margin: Option<Duration>,
    retries: u32,
    attempt_timeout: Duration,
}

fn settings() -> impl Strategy<Value = Settings> {
    let margin = prop_oneof![
        Just(None),
        Just(Some(Duration::MAX)),
        (0u64..10_000).prop_map(|s| Some(Duration::from_secs(s))),
    ];
    (margin, 0u32..4, 1u64..20).prop_map(|(margin, retries, timeout_s)| Settings {
        margin,
        retries,
        attempt_timeout: Duration::from_secs(timeout_s),
    })
}

/// The longest a caller can wait: a flight of `1 + retries` attempts, each a refresh and a
/// login of at most the attempt timeout, with the pauses between them.
fn deadline(settings: Settings, backoff: Backoff) -> Duration {
    let attempts = settings.retries + 1;
    let pauses = backoff.max * settings.retries;
    settings.attempt_timeout * 2 * attempts + pauses + Duration::from_secs(1)
}

/// What a caller that stays reports: its answer, and how long it waited apart from the
/// clock jumps made meanwhile (a jump is the schedule's doing, not the cache's).
type Waited = (Result<AccessToken, TokenError<Refused>>, Duration);

async fn run(replies: Vec<Reply>, steps: Vec<Step>, settings: Settings) {
    let backoff = Backoff {
        retries: settings.retries,
        ..Backoff::default()
    };
    let script = Script {
        replies: Mutex::new(replies.into()),
        sent: AtomicUsize::new(0),
        under_way: Arc::new(AtomicUsize::new(0)),
        most_at_once: AtomicUsize::new(0),
    };
    let mut cache = TokenCache::new(script)
        .with_backoff(backoff)
        .with_attempt_timeout(settings.attempt_timeout);
    if let Some(margin) = settings.margin {
        cache = cache.with_margin(margin);
    }
    let cache = Arc::new(cache);
    let jumped_ms = Arc::new(AtomicU64::new(0));
    let last_token: Arc<Mutex<Option<AccessToken>>> = Arc::default();
    let mut stayers: Vec<tokio::task::JoinHandle<Waited>> = Vec::new();
    let mut quitters = Vec::new();
    for step in steps {
        match step {
            Step::Call(give_up) => {
                let cache = Arc::clone(&cache);
                let last = Arc::clone(&last_token);
                let jumped_ms = Arc::clone(&jumped_ms);
                let call = async move {
                    let (start, jumped_before) = (Instant::now(), jumped_ms.load(Ordering::SeqCst));
                    let answer = cache.token().await;
                    let jumped = jumped_ms.load(Ordering::SeqCst) - jumped_before;
                    if let Ok(token) = &answer {
                        *last.lock().expect("lock") = Some(token.clone());
                    }
                    let waited = start
                        .elapsed()
                        .saturating_sub(Duration::from_millis(jumped));
                    (answer, waited)
                };
                match give_up {
                    None => stayers.push(tokio::spawn(call)),
                    Some(ms) => quitters.push(tokio::spawn(tokio::time::timeout(
                        Duration::from_millis(ms),
                        call,
                    ))),
                }
            }
            Step::Advance(ms) => {
                jumped_ms.fetch_add(ms, Ordering::SeqCst);
                tokio::time::advance(Duration::from_millis(ms)).await;
            }
            Step::InvalidateLast => {
                if let Some(token) = last_token.lock().expect("lock").clone() {
                    cache.invalidate(&token);
                }
            }
            Step::Yield => tokio::task::yield_now().await,
        }
    }
    let calls = stayers.len() + quitters.len();
    let deadline = deadline(settings, backoff);
    for stayer in stayers {
        let (_answer, waited) = stayer.await.expect("a caller never panics");
        assert!(
            waited <= deadline,
            "a caller waited {waited:?}, past {deadline:?}"
        );
    }
    for quitter in quitters {
        quitter.await.expect("a caller never panics").ok();
    }
    let script = cache.fetcher();
    assert!(
        script.most_at_once.load(Ordering::SeqCst) <= 1,
        "one request at a time"
    );
    let sent = script.sent.load(Ordering::SeqCst);
    let bound = calls * (1 + settings.retries as usize) * 2;
    assert!(sent <= bound, "{sent} requests for {calls} callers");
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn any_schedule_is_answered_within_bounds(
        replies in proptest::collection::vec(reply(), 1..12),
        steps in proptest::collection::vec(step(), 1..40),
        settings in settings(),
    ) {
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_time()
            .start_paused(true)
            .build()
            .expect("a runtime");
        runtime.block_on(async {
            // The whole schedule, however it goes, ends within a day of virtual time.
            let day = Duration::from_secs(24 * 3600);
            tokio::time::timeout(day, run(replies, steps, settings))
                .await
                .expect("the schedule finished");
        });
    }
}
