//! When a failed request is sent again, and how long to wait first.
//!
//! Retries are off by default ([`RetryPolicy::none`]): a generated client cannot know whether
//! the vendor's POST is safe to repeat. A token endpoint is a POST, and a login repeated after
//! the server acted on it may count twice against a lockout limit. With
//! [`RetryPolicy::conservative`], a request is sent again only when the server cannot have
//! acted on it, whatever its method: the connection was never made, or the server answered
//! 429 or 503 (it refused, asking to come back later). A 502 or 504, a timeout or a
//! connection that broke mid-request say nothing about whether the server acted, so they are
//! retried only for idempotent methods (GET, HEAD, PUT, DELETE, OPTIONS, TRACE) or a request
//! carrying an idempotency key. A request whose body cannot be replayed (multipart) is never
//! sent twice.

use ::std::time::{Duration, SystemTime};

/// How failed requests are retried: attempts, exponential backoff with full jitter, and the
/// server's `Retry-After`. See the module docs for what is retried.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RetryPolicy {
    max_attempts: u32,
    initial_backoff: Duration,
    max_backoff: Duration,
    max_elapsed: Duration,
    max_retry_after: Duration,
}

impl Default for RetryPolicy {
    /// [`RetryPolicy::none`].
    fn default() -> Self {
        RetryPolicy::none()
    }
}

impl RetryPolicy {
    /// Every request is sent once.
    pub const fn none() -> Self {
        RetryPolicy {
            max_attempts: 1,
            initial_backoff: Duration::from_millis(200),
            max_backoff: Duration::from_secs(10),
            max_elapsed: Duration::from_secs(60),
            max_retry_after: Duration::from_secs(30),
        }
    }

    /// Up to 3 attempts, backoff from 200 ms doubling to at most 10 s (each delay drawn
    /// uniformly below that bound), no retry started after 60 s, a `Retry-After` honoured up
    /// to 30 s.
    pub const fn conservative() -> Self {
        RetryPolicy {
            max_attempts: 3,
            ..RetryPolicy::none()
        }
    }

    /// At most this many attempts in all (1: no retry).
    pub const fn max_attempts(mut self, attempts: u32) -> Self {
        self.max_attempts = if attempts == 0 { 1 } else { attempts };
        self
    }

    /// The backoff bound before the first retry; it doubles for each further one.
    pub const fn initial_backoff(mut self, delay: Duration) -> Self {
        self.initial_backoff = delay;
        self
    }

    /// The largest backoff bound.
    pub const fn max_backoff(mut self, delay: Duration) -> Self {
        self.max_backoff = delay;
        self
    }

    /// No retry is started once this much time has passed since the first attempt, or
    /// when its delay would pass it.
    pub const fn max_elapsed(mut self, limit: Duration) -> Self {
        self.max_elapsed = limit;
        self
    }

    /// The longest `Retry-After` honoured; a longer one is waited for this long.
    pub const fn max_retry_after(mut self, limit: Duration) -> Self {
        self.max_retry_after = limit;
        self
    }

    /// The most attempts this policy makes.
    pub fn attempts(&self) -> u32 {
        self.max_attempts
    }

    /// The upper bound of the backoff before retry number `retry` (1 for the first).
    pub fn backoff_bound(&self, retry: u32) -> Duration {
        let factor = 2u32.saturating_pow(retry.saturating_sub(1));
        self.initial_backoff
            .checked_mul(factor)
            .unwrap_or(self.max_backoff)
            .min(self.max_backoff)
    }

    /// The delay before retry number `retry`: the server's `Retry-After` (capped) when it
    /// gave one, else a uniform draw below the backoff bound ("full jitter").
    pub(crate) fn delay(&self, retry: u32, retry_after: Option<Duration>) -> Duration {
        match retry_after {
            Some(wait) => wait.min(self.max_retry_after),
            None => {
                let bound = self.backoff_bound(retry).as_millis() as u64;
                Duration::from_millis(fastrand::u64(0..=bound))
            }
        }
    }

    /// Whether a retry after `delay` still starts within the total time allowed.
    pub(crate) fn in_time(&self, elapsed: Duration, delay: Duration) -> bool {
        elapsed.saturating_add(delay) <= self.max_elapsed
    }
}

/// What an attempt ended with, as far as retrying is concerned.
pub(crate) enum Outcome {
    /// The connection was never made: the server saw nothing.
    NotConnected,
    /// The request may have reached the server (a broken connection, a timeout).
    MaybeSent,
    /// The server answered with this status.
    Status(::reqwest::StatusCode),
    /// Nothing to retry: the request could not be built, or middleware gave up on it.
    Final,
}

/// Whether an attempt that ended with `outcome` may be retried.
pub(crate) fn retryable(outcome: &Outcome, idempotent: bool) -> bool {
    match outcome {
        Outcome::NotConnected => true,
        Outcome::MaybeSent => idempotent,
        Outcome::Status(status) => match status.as_u16() {
            429 | 503 => true,
            502 | 504 => idempotent,
            _ => false,
        },
        Outcome::Final => false,
    }
}

/// Methods that RFC 9110 defines as idempotent.
pub(crate) fn idempotent_method(method: &::reqwest::Method) -> bool {
    use ::reqwest::Method;
    [
        Method::GET,
        Method::HEAD,
        Method::PUT,
        Method::DELETE,
        Method::OPTIONS,
        Method::TRACE,
    ]
    .contains(method)
}

/// `Retry-After` as a wait from `now`: delay-seconds or an HTTP date (one in the past is no
/// wait). An unreadable value is ignored.
pub fn retry_after(headers: &::reqwest::header::HeaderMap, now: SystemTime) -> Option<Duration> {
    let value = headers
        .get(::reqwest::header::RETRY_AFTER)?
        .to_str()
        .ok()?
        .trim();
    if let Ok(seconds) = value.parse::<u64>() {
        return Some(Duration::from_secs(seconds));
    }
    let date = httpdate::parse_http_date(value).ok()?;
    Some(date.duration_since(now).unwrap_or(Duration::ZERO))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backoff_doubles_up_to_its_cap() {
        let policy = RetryPolicy::conservative()
            .initial_backoff(Duration::from_millis(100))
            .max_backoff(Duration::from_millis(350));
        let bounds: Vec<u128> = (1..=4)
            .map(|r| policy.backoff_bound(r).as_millis())
            .collect();
        assert_eq!(bounds, [100, 200, 350, 350]);
        assert_eq!(policy.backoff_bound(u32::MAX), Duration::from_millis(350));
        for retry in 1..=4 {
            assert!(policy.delay(retry, None) <= policy.backoff_bound(retry));
        }
    }

    #[test]
    fn retry_after_reads_seconds_and_dates_and_is_capped() {
        let mut headers = ::reqwest::header::HeaderMap::new();
        let now = SystemTime::UNIX_EPOCH + Duration::from_secs(1_700_000_000);
        headers.insert(::reqwest::header::RETRY_AFTER, "7".parse().unwrap());
        assert_eq!(retry_after(&headers, now), Some(Duration::from_secs(7)));
        let later = httpdate::fmt_http_date(now + Duration::from_secs(12));
        headers.insert(::reqwest::header::RETRY_AFTER, later.parse().unwrap());
        assert_eq!(retry_after(&headers, now), Some(Duration::from_secs(12)));
        let earlier = httpdate::fmt_http_date(now - Duration::from_secs(12));
        headers.insert(::reqwest::header::RETRY_AFTER, earlier.parse().unwrap());
        assert_eq!(retry_after(&headers, now), Some(Duration::ZERO));
        headers.insert(::reqwest::header::RETRY_AFTER, "soon".parse().unwrap());
        assert_eq!(retry_after(&headers, now), None);
        let policy = RetryPolicy::conservative().max_retry_after(Duration::from_secs(5));
        assert_eq!(
            policy.delay(1, Some(Duration::from_secs(3600))),
            Duration::from_secs(5)
        );
    }
}
