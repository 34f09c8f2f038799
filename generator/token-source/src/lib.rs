//! Access tokens that fetch, cache and refresh themselves.
//!
//! Every generated client whose spec declares a token operation gets a `TokenSource` built on
//! this crate: the login call and the JSON pointers into its response are generated, the
//! caching is written once, here, and tested once. The pieces:
//!
//! - [`AccessToken`]: the token, redacted in `Debug` and `Display`, with its expiry.
//! - [`TokenFields`]: where the token, its lifetime and the refresh token sit in a response,
//!   and the checks that keep any value a server sends from breaking the cache.
//! - [`TokenCache`]: log in on first use, hand out the cached token, renew it in the
//!   background a margin before expiry, one request however many callers wait, retries with
//!   [`Backoff`], one outcome for all of them.
//! - [`Fetch`]: how a cache logs in; [`TokenError`]: why it could not.
//! - [`TokenProvider`]: the one trait every token source implements, so code can hold any of
//!   them as `Arc<dyn TokenProvider>`.
//!
//! The crate reports what it does through `tracing` (target `token_source`): logins,
//! refreshes, retries and failures, never a token.
//!
//! ```
//! use std::time::Duration;
//! use token_source::{AccessToken, Failure, Fetch, FetchFuture, TokenCache};
//!
//! struct Login;
//!
//! impl Fetch for Login {
//!     type Error = std::io::Error;
//!     fn login(&self) -> FetchFuture<'_, std::io::Error> {
//!         Box::pin(async { Ok(AccessToken::new("t-1", Duration::from_secs(3600))) })
//!     }
//!     fn failure(&self, _error: &std::io::Error) -> Failure {
//!         Failure::Transient
//!     }
//! }
//!
//! # #[tokio::main(flavor = "current_thread")]
//! # async fn main() {
//! let cache = TokenCache::new(Login);
//! let token = cache.token().await.unwrap();
//! assert_eq!(token.expose(), "t-1");
//! assert_eq!(format!("{token}"), "[redacted]");
//! # }
//! ```
#![deny(missing_docs)]

mod backoff;
mod cache;
mod error;
pub mod fake;
mod fields;
mod jwt;
pub mod lifetime;

pub use backoff::Backoff;
pub use cache::{BoxError, Fetch, FetchFuture, TokenCache, DEFAULT_ATTEMPT_TIMEOUT};
pub use error::{Failure, TokenError};
pub use fields::{MissingToken, TokenFields, FALLBACK_LIFETIME};
pub use jwt::{jwt_exp, JwtError};
pub use lifetime::{CLOCK_SKEW, MAX_LIFETIME};

use std::fmt;
use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;
use std::time::Duration;
use tokio::time::Instant;

/// The future a [`TokenProvider`] returns.
pub type TokenFuture<'a> = Pin<Box<dyn Future<Output = Result<AccessToken, BoxError>> + Send + 'a>>;

/// An access token and when it expires. `Debug` and `Display` never show the token or the
/// refresh token; read them on purpose with [`AccessToken::expose`] and
/// [`AccessToken::expose_refresh_token`].
#[derive(Clone)]
pub struct AccessToken {
    value: String,
    refresh_token: Option<String>,
    obtained_at: Instant,
    expires_at: Instant,
}

impl AccessToken {
    /// A token obtained now that stays valid for `lifetime`, at most [`MAX_LIFETIME`].
    pub fn new(value: impl Into<String>, lifetime: Duration) -> Self {
        let obtained_at = Instant::now();
        AccessToken {
            value: value.into(),
            refresh_token: None,
            obtained_at,
            // A week from any instant fits in an `Instant`: the addition cannot overflow.
            expires_at: obtained_at + lifetime.min(MAX_LIFETIME),
        }
    }

    /// The same token, with the refresh token that came with it.
    pub fn with_refresh_token(mut self, refresh_token: impl Into<String>) -> Self {
        self.refresh_token = Some(refresh_token.into());
        self
    }

    /// The token itself, for the one place that sends it.
    pub fn expose(&self) -> &str {
        &self.value
    }

    /// The refresh token, when the login response carried one.
    pub fn expose_refresh_token(&self) -> Option<&str> {
        self.refresh_token.as_deref()
    }

    /// When the token stops being valid (on tokio's clock, so paused time moves it too).
    pub fn expires_at(&self) -> Instant {
        self.expires_at
    }

    /// How long the token was valid for when it was obtained.
    pub fn lifetime(&self) -> Duration {
        self.expires_at.saturating_duration_since(self.obtained_at)
    }

    /// Whether the token is still valid now.
    pub fn is_valid(&self) -> bool {
        Instant::now() < self.expires_at
    }
}

impl fmt::Debug for AccessToken {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let remaining = self.expires_at.saturating_duration_since(Instant::now());
        f.debug_struct("AccessToken")
            .field("value", &format_args!("[redacted]"))
            .field(
                "refresh_token",
                &self
                    .refresh_token
                    .as_ref()
                    .map(|_| format_args!("[redacted]")),
            )
            .field("remaining", &remaining)
            .finish()
    }
}

impl fmt::Display for AccessToken {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("[redacted]")
    }
}

/// Anything that hands out access tokens: every generated `TokenSource` implements it, so
/// code can hold any API's token source as `Arc<dyn TokenProvider>` or as a generic.
///
/// The method returns a boxed future rather than being an `async fn` so that the trait stays
/// dyn-compatible.
pub trait TokenProvider: Send + Sync {
    /// A valid token: the cached one, or a fresh one when it is about to expire.
    fn token(&self) -> TokenFuture<'_>;

    /// The API refused `token` (it answered 401): drop it if it is still the cached one, so
    /// the next call gets a new one. Tokens are compared by value. A provider that caches
    /// nothing has nothing to drop, which is what the default does.
    fn invalidate(&self, token: &AccessToken) {
        let _ = token;
    }
}

impl<T: TokenProvider + ?Sized> TokenProvider for Arc<T> {
    fn token(&self) -> TokenFuture<'_> {
        (**self).token()
    }

    fn invalidate(&self, token: &AccessToken) {
        (**self).invalidate(token)
    }
}

impl<T: TokenProvider + ?Sized> TokenProvider for Box<T> {
    fn token(&self) -> TokenFuture<'_> {
        (**self).token()
    }

    fn invalidate(&self, token: &AccessToken) {
        (**self).invalidate(token)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test(start_paused = true)]
    async fn printing_a_token_never_shows_it() {
        let token = AccessToken::new("s3cr3t-value", Duration::from_secs(60))
            .with_refresh_token("r3fr3sh-value");
        let printed = format!("{token} {token:?} {token:#?}");
        assert!(!printed.contains("s3cr3t"), "{printed}");
        assert!(!printed.contains("r3fr3sh"), "{printed}");
        assert!(printed.contains("[redacted]"));
        assert_eq!(token.expose(), "s3cr3t-value");
        assert_eq!(token.expose_refresh_token(), Some("r3fr3sh-value"));
    }

    #[tokio::test(start_paused = true)]
    async fn any_lifetime_is_clamped_not_overflowed() {
        for lifetime in [
            Duration::MAX,
            Duration::from_secs(u64::MAX),
            MAX_LIFETIME * 2,
        ] {
            let token = AccessToken::new("t", lifetime);
            assert_eq!(token.lifetime(), MAX_LIFETIME);
            assert!(token.is_valid());
        }
        assert!(!AccessToken::new("t", Duration::ZERO).is_valid());
    }

    #[tokio::test(start_paused = true)]
    async fn expiry_follows_tokio_time() {
        let token = AccessToken::new("t", Duration::from_secs(60));
        assert_eq!(token.lifetime(), Duration::from_secs(60));
        assert!(token.is_valid());
        tokio::time::advance(Duration::from_secs(59)).await;
        assert!(token.is_valid());
        tokio::time::advance(Duration::from_secs(1)).await;
        assert!(!token.is_valid());
    }

    struct Fixed(&'static str);

    impl TokenProvider for Fixed {
        fn token(&self) -> TokenFuture<'_> {
            Box::pin(async move { Ok(AccessToken::new(self.0, Duration::from_secs(1))) })
        }
    }

    #[tokio::test]
    async fn providers_are_dyn_compatible_and_shareable() {
        let shared: Arc<dyn TokenProvider> = Arc::new(Fixed("a"));
        let boxed: Box<dyn TokenProvider> = Box::new(Arc::clone(&shared));
        let all: Vec<Arc<dyn TokenProvider>> = vec![shared, Arc::new(boxed)];
        for provider in &all {
            assert_eq!(provider.token().await.expect("a token").expose(), "a");
        }
    }
}
