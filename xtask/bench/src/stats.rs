//! Medians and the formatting of figures.

use std::time::Duration;

/// The median of `samples` (the mean of the two middle ones for an even count).
pub fn median(samples: &[f64]) -> f64 {
    if samples.is_empty() {
        return f64::NAN;
    }
    let mut sorted = samples.to_vec();
    sorted.sort_by(f64::total_cmp);
    let middle = sorted.len() / 2;
    if sorted.len().is_multiple_of(2) {
        (sorted[middle - 1] + sorted[middle]) / 2.0
    } else {
        sorted[middle]
    }
}

/// Milliseconds of a duration.
pub fn ms(duration: Duration) -> f64 {
    duration.as_secs_f64() * 1e3
}

/// Times `work`, in milliseconds, with its result.
pub fn timed<T>(work: impl FnOnce() -> T) -> (f64, T) {
    let start = std::time::Instant::now();
    let result = work();
    (ms(start.elapsed()), result)
}

/// A time in milliseconds with precision that suits its size.
pub fn fmt_ms(value: f64) -> String {
    if value.is_nan() {
        "-".into()
    } else if value < 1.0 {
        format!("{value:.3}")
    } else if value < 100.0 {
        format!("{value:.2}")
    } else {
        format!("{value:.0}")
    }
}

/// A ratio with two decimals, or `-` when either side is missing.
pub fn fmt_ratio(numerator: f64, denominator: f64) -> String {
    let ratio = numerator / denominator;
    if ratio.is_finite() {
        format!("{ratio:.2}")
    } else {
        "-".into()
    }
}

/// A byte count in KiB or MiB.
pub fn fmt_bytes(bytes: f64) -> String {
    if bytes.is_nan() {
        "-".into()
    } else if bytes < 1024.0 * 1024.0 {
        format!("{:.0} KiB", bytes / 1024.0)
    } else {
        format!("{:.1} MiB", bytes / (1024.0 * 1024.0))
    }
}

/// The exponent `k` of `cost ~ size^k` between the smallest and the largest of `points`
/// (1.0 is linear growth).
pub fn growth_exponent(points: &[(f64, f64)]) -> f64 {
    let (Some(first), Some(last)) = (points.first(), points.last()) else {
        return f64::NAN;
    };
    (last.1 / first.1).ln() / (last.0 / first.0).ln()
}
