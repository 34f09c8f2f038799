//! Lifetimes from the numbers a server sends, checked so that no value can panic or poison the
//! cache: negative, non-finite and non-numeric values are rejected with a warning naming the
//! field, huge ones are clamped to [`MAX_LIFETIME`], and an expiry given as a point in time
//! allows for a clock that differs from the server's.
//!
//! Zero is "no expiry known", as Go's `oauth2` and `yup-oauth2` read it: a server that sends
//! `expires_in: 0` does not say the token is already dead (it just gave it out), it says it
//! does not know. The next source of the lifetime is then asked, and in the end the configured
//! default applies; a token the API rejects before that is dropped by
//! [`TokenCache::invalidate`](crate::TokenCache::invalidate).

use serde_json::Value;
use std::fmt;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

/// The longest lifetime believed, whatever a server says: a longer one is clamped (with a
/// warning), so that a bogus `expires_in` of `1e300` costs a login a week, not an overflow.
pub const MAX_LIFETIME: Duration = Duration::from_secs(7 * 24 * 3600);

/// How far this machine's clock may differ from the server's. An expiry sent as a point in
/// time (`expires_on`, a JWT `exp`) is taken to come this much earlier (never more than half
/// the time left), so that a clock running behind does not send a token the server already
/// considers expired.
pub const CLOCK_SKEW: Duration = Duration::from_secs(30);

/// Why a value was not used as a number of seconds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Rejected {
    NotANumber,
    Negative,
    NotFinite,
}

impl fmt::Display for Rejected {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Rejected::NotANumber => "not a number",
            Rejected::Negative => "negative",
            Rejected::NotFinite => "not finite",
        })
    }
}

/// A non-negative, finite number of seconds, also when an API sends it as a string; `None`
/// for `null`.
fn seconds(value: &Value) -> Result<Option<f64>, Rejected> {
    let number = match value {
        Value::Null => return Ok(None),
        Value::Number(number) => number.as_f64().ok_or(Rejected::NotANumber)?,
        Value::String(text) => text.trim().parse().map_err(|_| Rejected::NotANumber)?,
        _ => return Err(Rejected::NotANumber),
    };
    if !number.is_finite() {
        Err(Rejected::NotFinite)
    } else if number < 0.0 {
        Err(Rejected::Negative)
    } else {
        Ok(Some(number))
    }
}

/// A checked number of seconds; `None` (with an event naming `field`) for a value that is
/// absent, zero ("no expiry known") or rejected.
fn checked(field: &str, value: &Value) -> Option<f64> {
    match seconds(value) {
        Ok(Some(seconds)) if seconds > 0.0 => Some(seconds),
        Ok(Some(_)) => {
            tracing::debug!(target: "token_source", field, "zero expiry: no expiry known");
            None
        }
        Ok(None) => None,
        Err(why) => {
            tracing::warn!(
                target: "token_source", field, value = %value, reason = %why,
                "ignoring an invalid token expiry"
            );
            None
        }
    }
}

/// `seconds` as a lifetime, at most [`MAX_LIFETIME`].
fn clamped(field: &str, seconds: f64) -> Duration {
    if seconds > MAX_LIFETIME.as_secs_f64() {
        tracing::warn!(
            target: "token_source", field, seconds, max = MAX_LIFETIME.as_secs(),
            "token lifetime longer than the maximum; clamped"
        );
        return MAX_LIFETIME;
    }
    // Finite, non-negative and at most a week: the conversion cannot fail.
    Duration::try_from_secs_f64(seconds).unwrap_or(MAX_LIFETIME)
}

/// The lifetime an `expires_in`-style value (seconds from now) gives, if it gives one.
pub(crate) fn from_seconds(field: &str, value: &Value) -> Option<Duration> {
    checked(field, value).map(|seconds| clamped(field, seconds))
}

/// The lifetime an `expires_on`-style value (seconds since the Unix epoch) gives, if it gives
/// one: the time left by this machine's clock, less the [`CLOCK_SKEW`] allowance. An expiry
/// already past is not believed (the server just issued the token; its clock or the field is
/// wrong): it is a warning, and the next source of the lifetime is asked.
pub(crate) fn from_epoch(field: &str, value: &Value) -> Option<Duration> {
    let epoch = checked(field, value)?;
    let now = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap_or_default()
        .as_secs_f64();
    let left = epoch - now;
    if left <= 0.0 {
        tracing::warn!(
            target: "token_source", field, seconds_ago = -left,
            "token expiry already past by this machine's clock; no expiry known"
        );
        return None;
    }
    let left = clamped(field, left);
    Some(left.saturating_sub(CLOCK_SKEW.min(left / 2)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn epoch_in(seconds: i64) -> f64 {
        let now = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .expect("after 1970")
            .as_secs_f64();
        now + seconds as f64
    }

    #[test]
    fn seconds_accepts_numbers_and_numeric_strings_only() {
        assert_eq!(seconds(&json!(30)), Ok(Some(30.0)));
        assert_eq!(seconds(&json!(1.5)), Ok(Some(1.5)));
        assert_eq!(seconds(&json!(" 45 ")), Ok(Some(45.0)));
        assert_eq!(seconds(&json!(null)), Ok(None));
        assert_eq!(seconds(&json!(-5)), Err(Rejected::Negative));
        assert_eq!(seconds(&json!("-5")), Err(Rejected::Negative));
        for text in ["NaN", "nan", "inf", "-inf", "infinity", "1e999"] {
            assert_eq!(seconds(&json!(text)), Err(Rejected::NotFinite), "{text}");
        }
        for value in [json!("soon"), json!(""), json!(true), json!([1]), json!({})] {
            assert_eq!(seconds(&value), Err(Rejected::NotANumber), "{value}");
        }
    }

    #[test]
    fn relative_lifetimes_are_clamped_and_zero_is_unknown() {
        assert_eq!(from_seconds("f", &json!(60)), Some(Duration::from_secs(60)));
        assert_eq!(from_seconds("f", &json!(0)), None);
        assert_eq!(from_seconds("f", &json!(-5)), None);
        assert_eq!(from_seconds("f", &json!("NaN")), None);
        for huge in [
            json!(1e300),
            json!(i64::MAX),
            json!(u64::MAX),
            json!("1e300"),
        ] {
            assert_eq!(from_seconds("f", &huge), Some(MAX_LIFETIME), "{huge}");
        }
    }

    #[test]
    fn absolute_expiries_allow_for_clock_skew() {
        let an_hour = from_epoch("f", &json!(epoch_in(3600))).expect("a lifetime");
        let expected = Duration::from_secs(3600) - CLOCK_SKEW;
        assert!(expected - an_hour < Duration::from_secs(2), "{an_hour:?}");
        // With little time left, the allowance takes at most half of it.
        let short = from_epoch("f", &json!(epoch_in(20))).expect("a lifetime");
        assert!(short <= Duration::from_secs(10) && short >= Duration::from_secs(9));
        assert_eq!(from_epoch("f", &json!(epoch_in(-100))), None);
        assert_eq!(from_epoch("f", &json!(0)), None);
        assert_eq!(
            from_epoch("f", &json!(u64::MAX)),
            Some(MAX_LIFETIME - CLOCK_SKEW)
        );
        assert_eq!(
            from_epoch("f", &json!(1e300)),
            Some(MAX_LIFETIME - CLOCK_SKEW)
        );
        assert_eq!(from_epoch("f", &json!("NaN")), None);
    }
}
