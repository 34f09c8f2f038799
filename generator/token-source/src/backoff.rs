//! Pauses between attempts: exponential, capped, with jitter.
//!
//! Written here rather than taken from a retry crate: the cache needs only the pause for the
//! n-th consecutive failure (kept as a count in its state across attempts, so the next caller
//! after a failure also waits it out), and which failures are retried is the cache's own rule.
//! A retry crate's iterator or wrapper would have to be stored and reset around that.

use std::time::Duration;

/// How failed attempts are retried.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Backoff {
    /// Retries of a transient failure within one attempt to get a token, after the first
    /// request: the endpoint is asked at most `1 + retries` times per attempt.
    pub retries: u32,
    /// The pause before the first retry; each next one doubles it.
    pub first: Duration,
    /// The longest pause.
    pub max: Duration,
}

impl Default for Backoff {
    /// Two retries, pauses from 500 ms doubling up to 30 s.
    fn default() -> Self {
        Backoff {
            retries: 2,
            first: Duration::from_millis(500),
            max: Duration::from_secs(30),
        }
    }
}

impl Backoff {
    /// The pause after the `n`-th consecutive failure (from 1): `first * 2^(n-1)`, at most
    /// `max`, then a random part of it taken off ("equal jitter": between half and all of
    /// it), so that many clients that failed together do not retry together.
    pub fn delay(&self, n: u32) -> Duration {
        let factor = 2u32.checked_pow(n.saturating_sub(1)).unwrap_or(u32::MAX);
        let full = self
            .first
            .checked_mul(factor)
            .unwrap_or(self.max)
            .min(self.max);
        let half = full / 2;
        let spread = u64::try_from(half.as_millis()).unwrap_or(u64::MAX);
        half.saturating_add(Duration::from_millis(fastrand::u64(0..=spread)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pauses_double_up_to_the_maximum_with_jitter() {
        let backoff = Backoff::default();
        for (n, full) in [(1, 500), (2, 1000), (3, 2000), (7, 30_000), (100, 30_000)] {
            for _ in 0..50 {
                let delay = backoff.delay(n).as_millis();
                assert!(delay >= full / 2 && delay <= full, "n={n}: {delay} ms");
            }
        }
    }

    #[test]
    fn extreme_settings_do_not_overflow() {
        let huge = Backoff {
            retries: u32::MAX,
            first: Duration::MAX,
            max: Duration::MAX,
        };
        for n in [0, 1, 2, 64, u32::MAX] {
            assert!(huge.delay(n) >= Duration::MAX / 2);
        }
        let zero = Backoff {
            retries: 0,
            first: Duration::ZERO,
            max: Duration::ZERO,
        };
        assert_eq!(zero.delay(u32::MAX), Duration::ZERO);
    }
}
