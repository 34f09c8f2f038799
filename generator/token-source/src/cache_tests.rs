//! The cache against a scripted login, on tokio's paused clock: an hour of token lifetime
//! passes in no time, and every pause and timeout is exact.

use super::*;
use std::collections::VecDeque;
use std::sync::atomic::{AtomicUsize, Ordering};
use tokio::time::{advance, sleep};

const HOUR: Duration = Duration::from_secs(3600);
/// How long every scripted request takes, so callers pile up while it is under way.
const REQUEST: Duration = Duration::from_millis(50);

/// One scripted answer of the login or refresh.
#[derive(Debug, Clone, Copy)]
enum Reply {
    /// A token valid this long (`token-<n>` or `refreshed-<n>`, with refresh token `r-<n>`).
    Token(Duration),
    Fail(Failure),
    Hang,
    Panic,
}

#[derive(Debug)]
struct ScriptError(Failure, usize);

impl fmt::Display for ScriptError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "request {} failed ({:?})", self.1, self.0)
    }
}

impl std::error::Error for ScriptError {}

/// A login (and optionally a refresh) that answers from a script, the last reply repeating.
#[derive(Debug)]
struct Script {
    logins: Mutex<VecDeque<Reply>>,
    refreshes: Option<Mutex<VecDeque<Reply>>>,
    login_count: AtomicUsize,
    refresh_count: AtomicUsize,
}

impl Script {
    fn new(logins: &[Reply]) -> Script {
        Script {
            logins: Mutex::new(logins.iter().copied().collect()),
            refreshes: None,
            login_count: AtomicUsize::new(0),
            refresh_count: AtomicUsize::new(0),
        }
    }

    fn with_refresh(mut self, refreshes: &[Reply]) -> Script {
        self.refreshes = Some(Mutex::new(refreshes.iter().copied().collect()));
        self
    }

    fn next(replies: &Mutex<VecDeque<Reply>>) -> Reply {
        let mut replies = replies.lock().expect("lock");
        match replies.len() {
            0 => Reply::Fail(Failure::Permanent),
            1 => replies[0],
            _ => replies.pop_front().expect("a reply"),
        }
    }

    async fn answer(reply: Reply, n: usize, name: &str) -> Result<AccessToken, ScriptError> {
        sleep(REQUEST).await;
        match reply {
            Reply::Token(lifetime) => Ok(AccessToken::new(format!("{name}-{n}"), lifetime)
                .with_refresh_token(format!("r-{n}"))),
            Reply::Fail(failure) => Err(ScriptError(failure, n)),
            Reply::Hang => std::future::pending().await,
            Reply::Panic => panic!("the login panicked"),
        }
    }
}

impl Fetch for Script {
    type Error = ScriptError;

    fn login(&self) -> FetchFuture<'_, ScriptError> {
        let n = self.login_count.fetch_add(1, Ordering::SeqCst) + 1;
        let reply = Script::next(&self.logins);
        Box::pin(Script::answer(reply, n, "token"))
    }

    fn refresh(&self, refresh_token: String) -> Option<FetchFuture<'_, BoxError>> {
        let replies = self.refreshes.as_ref()?;
        let n = self.refresh_count.fetch_add(1, Ordering::SeqCst) + 1;
        let reply = Script::next(replies);
        assert!(refresh_token.starts_with("r-"), "{refresh_token}");
        Some(Box::pin(async move {
            Script::answer(reply, n, "refreshed")
                .await
                .map_err(BoxError::from)
        }))
    }

    fn failure(&self, error: &ScriptError) -> Failure {
        error.0
    }
}

fn cache(script: Script) -> Arc<TokenCache<Script>> {
    Arc::new(TokenCache::new(script))
}

fn logins(cache: &TokenCache<Script>) -> usize {
    cache.fetcher().login_count.load(Ordering::SeqCst)
}

fn refreshes(cache: &TokenCache<Script>) -> usize {
    cache.fetcher().refresh_count.load(Ordering::SeqCst)
}

async fn value(cache: &TokenCache<Script>) -> String {
    cache.token().await.expect("a token").expose().to_string()
}

/// `n` callers at once, each in its own task.
fn callers(
    cache: &Arc<TokenCache<Script>>,
    n: usize,
) -> Vec<tokio::task::JoinHandle<Outcome<ScriptError>>> {
    (0..n)
        .map(|_| {
            let cache = Arc::clone(cache);
            tokio::spawn(async move { cache.token().await })
        })
        .collect()
}

/// Waits for a request started now to be answered and its outcome stored.
async fn wait_request() {
    sleep(REQUEST).await;
    settle_tasks().await;
}

/// Lets spawned tasks run without moving the clock.
async fn settle_tasks() {
    for _ in 0..10 {
        tokio::task::yield_now().await;
    }
}

const PERMANENT: Reply = Reply::Fail(Failure::Permanent);
const TRANSIENT: Reply = Reply::Fail(Failure::Transient);

#[tokio::test(start_paused = true)]
async fn logs_in_once_then_serves_the_cache() {
    let cache = cache(Script::new(&[Reply::Token(HOUR)]));
    assert_eq!(value(&cache).await, "token-1");
    for _ in 0..10 {
        advance(Duration::from_secs(300)).await;
        assert_eq!(value(&cache).await, "token-1");
    }
    assert_eq!(logins(&cache), 1);
}

#[tokio::test(start_paused = true)]
async fn the_margin_is_bounded_by_half_the_lifetime() {
    let script = || Script::new(&[Reply::Token(HOUR)]);
    let hour = AccessToken::new("a", HOUR);
    let short = AccessToken::new("a", Duration::from_secs(300));
    let default = TokenCache::new(script());
    assert_eq!(default.margin_for(&hour), Duration::from_secs(60));
    assert_eq!(default.margin_for(&short), Duration::from_secs(30));
    let fixed = TokenCache::new(script()).with_margin(Duration::from_secs(5));
    assert_eq!(fixed.margin_for(&short), Duration::from_secs(5));
    for margin in [Duration::from_secs(7200), Duration::MAX] {
        let long = TokenCache::new(script()).with_margin(margin);
        assert_eq!(long.margin_for(&short), Duration::from_secs(150));
        assert_eq!(
            long.margin_for(&AccessToken::new("a", Duration::ZERO)),
            Duration::ZERO
        );
    }
}

#[tokio::test(start_paused = true)]
async fn a_margin_longer_than_the_lifetime_still_serves_the_token() {
    let script = Script::new(&[Reply::Token(Duration::from_secs(100))]);
    let cache = Arc::new(TokenCache::new(script).with_margin(Duration::MAX));
    assert_eq!(value(&cache).await, "token-1");
    // The first half of the lifetime: served, nothing sent.
    advance(Duration::from_secs(40)).await;
    assert_eq!(value(&cache).await, "token-1");
    assert_eq!(logins(&cache), 1);
    // The second half: still served at once, renewed once in the background.
    advance(Duration::from_secs(20)).await;
    assert_eq!(value(&cache).await, "token-1");
    assert_eq!(value(&cache).await, "token-1");
    wait_request().await;
    assert_eq!(value(&cache).await, "token-2");
    assert_eq!(logins(&cache), 2);
}

#[tokio::test(start_paused = true)]
async fn inside_the_margin_the_old_token_is_served_while_it_refreshes() {
    let script = Script::new(&[Reply::Token(HOUR)]).with_refresh(&[Reply::Token(HOUR)]);
    let cache = cache(script);
    assert_eq!(value(&cache).await, "token-1");
    advance(HOUR - Duration::from_secs(61)).await;
    assert_eq!(value(&cache).await, "token-1");
    assert_eq!(refreshes(&cache), 0);
    advance(Duration::from_secs(2)).await;
    let started = Instant::now();
    assert_eq!(value(&cache).await, "token-1");
    assert_eq!(started.elapsed(), Duration::ZERO, "no caller waits for it");
    settle_tasks().await;
    assert_eq!(refreshes(&cache), 1);
    wait_request().await;
    let token = cache.token().await.expect("a token");
    assert_eq!(token.expose(), "refreshed-1");
    assert_eq!(token.expose_refresh_token(), Some("r-1"));
    assert_eq!((logins(&cache), refreshes(&cache)), (1, 1));
}

#[tokio::test(start_paused = true)]
async fn a_failed_refresh_falls_back_to_login_and_the_refresh_token_is_dropped() {
    let script = Script::new(&[Reply::Token(HOUR)]).with_refresh(&[PERMANENT]);
    let cache = cache(script);
    value(&cache).await;
    advance(HOUR).await;
    assert_eq!(value(&cache).await, "token-2");
    assert_eq!((logins(&cache), refreshes(&cache)), (2, 1));
}

#[tokio::test(start_paused = true)]
async fn a_hundred_callers_on_a_refusing_endpoint_cause_one_request_and_share_its_error() {
    let cache = cache(Script::new(&[PERMANENT, Reply::Token(HOUR)]));
    let started = Instant::now();
    let mut errors = Vec::new();
    for caller in callers(&cache, 100) {
        errors.push(caller.await.expect("joined").expect_err("refused"));
    }
    assert_eq!(
        started.elapsed(),
        REQUEST,
        "all answered when the one request was"
    );
    assert_eq!(logins(&cache), 1);
    let first = errors[0].fetch_error().expect("the login's error");
    for error in &errors {
        assert!(std::ptr::eq(first, error.fetch_error().expect("same")));
        assert_eq!(error.failure(), Failure::Permanent);
    }
    // Within the pause that follows, callers get the same error without a request...
    let error = cache.token().await.expect_err("still resting");
    assert!(std::ptr::eq(first, error.fetch_error().expect("same")));
    assert_eq!(logins(&cache), 1);
    // ...and after it, one new attempt.
    advance(Backoff::default().max).await;
    assert_eq!(value(&cache).await, "token-2");
}

#[tokio::test(start_paused = true)]
async fn transient_failures_are_retried_then_shared() {
    let cache = cache(Script::new(&[TRANSIENT]));
    let backoff = Backoff::default();
    let started = Instant::now();
    for caller in callers(&cache, 100) {
        let error = caller.await.expect("joined").expect_err("failing");
        assert!(error.is_transient());
    }
    assert_eq!(logins(&cache), 1 + backoff.retries as usize);
    // Three requests and two pauses of at most 0.5 s and 1 s.
    let bound = REQUEST * 3 + backoff.first * 3;
    assert!(started.elapsed() <= bound, "{:?}", started.elapsed());
}

#[tokio::test(start_paused = true)]
async fn a_hanging_login_times_out_for_every_caller() {
    let script = Script::new(&[Reply::Hang]);
    let timeout = Duration::from_secs(2);
    let cache = Arc::new(TokenCache::new(script).with_attempt_timeout(timeout));
    let started = Instant::now();
    for caller in callers(&cache, 100) {
        let error = caller.await.expect("joined").expect_err("hanging");
        assert!(error.fetch_error().is_none() && error.is_transient());
    }
    assert_eq!(logins(&cache), 3);
    assert!(started.elapsed() <= timeout * 3 + Duration::from_millis(1500));
}

#[tokio::test(start_paused = true)]
async fn cancelling_the_caller_that_started_the_login_wastes_nothing() {
    let slow = Reply::Token(HOUR);
    let cache = cache(Script::new(&[slow]));
    let leader = callers(&cache, 1).remove(0);
    settle_tasks().await;
    assert_eq!(logins(&cache), 1, "the request is under way");
    let waiters = callers(&cache, 10);
    leader.abort();
    // A caller with a deadline shorter than the request gives up; that changes nothing either.
    let impatient = tokio::time::timeout(REQUEST / 2, cache.token()).await;
    assert!(impatient.is_err());
    for waiter in waiters {
        let token = waiter.await.expect("joined").expect("a token");
        assert_eq!(token.expose(), "token-1");
    }
    assert_eq!(value(&cache).await, "token-1");
    assert_eq!(logins(&cache), 1);
}

#[tokio::test(start_paused = true)]
async fn a_token_inside_its_margin_on_arrival_is_shared_by_its_waiters() {
    // A lifetime shorter than the request: expired by the time anyone could check it.
    let cache = cache(Script::new(&[Reply::Token(Duration::from_millis(1))]));
    for caller in callers(&cache, 50) {
        assert_eq!(
            caller.await.expect("joined").expect("a token").expose(),
            "token-1"
        );
    }
    assert_eq!(logins(&cache), 1);
}

#[tokio::test(start_paused = true)]
async fn a_failing_renewal_inside_the_margin_keeps_serving_the_old_token() {
    let cache = cache(Script::new(&[Reply::Token(HOUR), TRANSIENT]));
    assert_eq!(value(&cache).await, "token-1");
    advance(HOUR - Duration::from_secs(50)).await;
    // For the rest of the token's life, every caller gets it at once, never an error...
    for _ in 0..49 {
        let started = Instant::now();
        assert_eq!(value(&cache).await, "token-1");
        assert_eq!(started.elapsed(), Duration::ZERO);
        advance(Duration::from_secs(1)).await;
    }
    // ...while renewals are retried in the background: three requests each, pauses between
    // them growing (0.25-0.5 s, 0.5-1 s, 1-2 s...), so a few renewals in 49 s, not 49.
    let sent = logins(&cache) - 1;
    assert!((6..=3 * 8).contains(&sent), "{sent} requests");
    // Once it has expired, the failure is what callers get.
    advance(Duration::from_secs(2)).await;
    let error = cache.token().await.expect_err("expired, endpoint failing");
    assert!(error.is_transient());
}

#[tokio::test(start_paused = true)]
async fn invalidating_drops_only_that_token_and_races_cause_one_login() {
    let cache = cache(Script::new(&[Reply::Token(HOUR)]));
    let first = cache.token().await.expect("a token");
    // Ten callers saw the same token refused at once: one new login between them.
    for _ in 0..10 {
        cache.invalidate(&first);
    }
    let waiters = callers(&cache, 10);
    for waiter in waiters {
        assert_eq!(
            waiter.await.expect("joined").expect("a token").expose(),
            "token-2"
        );
    }
    // A late invalidation of the stale token leaves the new one alone.
    cache.invalidate(&first);
    assert_eq!(value(&cache).await, "token-2");
    assert_eq!(logins(&cache), 2);
}

#[tokio::test(start_paused = true)]
async fn invalidating_a_stale_token_while_it_is_being_renewed_causes_one_login() {
    let cache = cache(Script::new(&[Reply::Token(HOUR)]));
    let stale = cache.token().await.expect("a token");
    advance(HOUR - Duration::from_secs(30)).await;
    // The background renewal starts...
    assert_eq!(value(&cache).await, "token-1");
    settle_tasks().await;
    // ...and the API refuses the old token meanwhile: callers wait for that same renewal.
    cache.invalidate(&stale);
    let waiters = callers(&cache, 10);
    wait_request().await;
    for waiter in waiters {
        assert_eq!(
            waiter.await.expect("joined").expect("a token").expose(),
            "token-2"
        );
    }
    cache.invalidate(&stale);
    assert_eq!(value(&cache).await, "token-2");
    assert_eq!(logins(&cache), 2);
}

#[tokio::test(start_paused = true)]
async fn a_panicking_login_answers_every_waiter_and_the_next_call_tries_again() {
    let cache = cache(Script::new(&[Reply::Panic, Reply::Token(HOUR)]));
    for caller in callers(&cache, 5) {
        let error = caller.await.expect("joined").expect_err("abandoned");
        assert!(error.fetch_error().is_none());
    }
    assert_eq!(value(&cache).await, "token-2");
}

#[tokio::test(start_paused = true)]
async fn a_background_renewal_that_panics_does_not_block_the_next_one() {
    let cache = cache(Script::new(&[
        Reply::Token(HOUR),
        Reply::Panic,
        Reply::Token(HOUR),
    ]));
    assert_eq!(value(&cache).await, "token-1");
    advance(HOUR - Duration::from_secs(30)).await;
    assert_eq!(
        value(&cache).await,
        "token-1",
        "the renewal starts, and panics"
    );
    wait_request().await;
    advance(Duration::from_secs(30)).await;
    // Expired: the dead renewal is forgotten and a new one runs.
    assert_eq!(value(&cache).await, "token-3");
}

#[test]
fn outside_a_runtime_a_call_is_an_error_not_a_panic() {
    let cache = TokenCache::new(Script::new(&[Reply::Token(HOUR)]));
    let waker = std::task::Waker::noop();
    let mut context = std::task::Context::from_waker(waker);
    let mut call = std::pin::pin!(cache.token());
    match call.as_mut().poll(&mut context) {
        std::task::Poll::Ready(Err(error)) => assert!(error.fetch_error().is_none()),
        other => panic!("expected an error at once, got {other:?}"),
    }
}
