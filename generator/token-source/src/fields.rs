//! Where the token, its lifetime and the refresh token sit in a login response: JSON pointers,
//! read from the response body as `serde_json::Value`, so one reader serves every API.

use crate::jwt::jwt_exp;
use crate::{lifetime, AccessToken};
use serde_json::Value;
use std::fmt;
use std::time::Duration;

/// The lifetime assumed when neither the response nor the token tells it and no default was
/// configured: short, so a wrong guess costs an extra login rather than a rejected call.
pub const FALLBACK_LIFETIME: Duration = Duration::from_secs(300);

/// JSON pointers into a login response.
///
/// The lifetime is taken from the first of these that gives one: `expires_in` (seconds from
/// now), `expires_on` (seconds since the Unix epoch), the `exp` claim of the token when it is
/// a JWT, the default lifetime. A zero value means "no expiry known" and a negative,
/// non-finite, non-numeric or already past one is ignored with a warning, so in both cases
/// the next source is asked; a lifetime longer than [`MAX_LIFETIME`](crate::MAX_LIFETIME) is
/// clamped to it.
///
/// A pointer may contain `{name}` segments, filled in with [`TokenFields::bind`]: one login
/// response can hold several tokens, for instance one per organization and account.
///
/// ```
/// use token_source::TokenFields;
///
/// let body = serde_json::json!({"tokens": {"acme/eu": {"token": "t-1", "ttl": 60}}});
/// let fields = TokenFields::new("/tokens/{org}/token").expires_in("/tokens/{org}/ttl").bind("org", "acme/eu");
/// let token = fields.read(&body).unwrap();
/// assert_eq!(token.expose(), "t-1");
/// assert_eq!(token.lifetime().as_secs(), 60);
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TokenFields {
    access_token: String,
    expires_in: Option<String>,
    expires_on: Option<String>,
    refresh_token: Option<String>,
    default_lifetime: Duration,
}

/// The response has no access token where the pointer says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MissingToken {
    /// The pointer, with its placeholders filled in.
    pub pointer: String,
}

impl fmt::Display for MissingToken {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "the response has no access token at `{}`", self.pointer)
    }
}

impl std::error::Error for MissingToken {}

impl TokenFields {
    /// The access token is the string at `pointer`.
    pub fn new(pointer: &str) -> Self {
        TokenFields {
            access_token: pointer.to_string(),
            expires_in: None,
            expires_on: None,
            refresh_token: None,
            default_lifetime: FALLBACK_LIFETIME,
        }
    }

    /// The lifetime in seconds is the number at `pointer`.
    pub fn expires_in(mut self, pointer: &str) -> Self {
        self.expires_in = Some(pointer.to_string());
        self
    }

    /// The expiry, in seconds since the Unix epoch, is the number at `pointer`.
    pub fn expires_on(mut self, pointer: &str) -> Self {
        self.expires_on = Some(pointer.to_string());
        self
    }

    /// The refresh token is the string at `pointer`.
    pub fn refresh_token(mut self, pointer: &str) -> Self {
        self.refresh_token = Some(pointer.to_string());
        self
    }

    /// The lifetime when nothing else tells it (default [`FALLBACK_LIFETIME`]).
    pub fn default_lifetime(mut self, lifetime: Duration) -> Self {
        self.default_lifetime = lifetime;
        self
    }

    /// Fills `{name}` in every pointer with `value`, escaped as one pointer segment (so a
    /// value containing `/` or `~` stays one key).
    pub fn bind(mut self, name: &str, value: &str) -> Self {
        let placeholder = format!("{{{name}}}");
        let escaped = value.replace('~', "~0").replace('/', "~1");
        let fill = |pointer: &mut String| *pointer = pointer.replace(&placeholder, &escaped);
        fill(&mut self.access_token);
        for pointer in [
            &mut self.expires_in,
            &mut self.expires_on,
            &mut self.refresh_token,
        ]
        .into_iter()
        .flatten()
        {
            fill(pointer);
        }
        self
    }

    /// The token in `body`, with its lifetime and refresh token.
    pub fn read(&self, body: &Value) -> Result<AccessToken, MissingToken> {
        let value = body
            .pointer(&self.access_token)
            .and_then(Value::as_str)
            .filter(|token| !token.is_empty())
            .ok_or_else(|| MissingToken {
                pointer: self.access_token.clone(),
            })?;
        let lifetime = self.lifetime(body, value);
        let token = AccessToken::new(value, lifetime);
        let refresh = self
            .refresh_token
            .as_deref()
            .and_then(|pointer| body.pointer(pointer))
            .and_then(Value::as_str)
            .filter(|token| !token.is_empty());
        Ok(match refresh {
            Some(refresh) => token.with_refresh_token(refresh),
            None => token,
        })
    }

    /// The first lifetime a source gives: `expires_in`, `expires_on`, the JWT `exp` claim,
    /// the default. Each value is checked (see the [`lifetime`](crate::lifetime) rules): a
    /// zero, invalid or past value gives none, so the next source is asked.
    fn lifetime(&self, body: &Value, token: &str) -> Duration {
        fn field<'a>(body: &'a Value, pointer: Option<&'a str>) -> Option<(&'a str, &'a Value)> {
            let pointer = pointer?;
            Some((pointer, body.pointer(pointer)?))
        }
        if let Some(lifetime) = field(body, self.expires_in.as_deref())
            .and_then(|(name, value)| lifetime::from_seconds(name, value))
        {
            return lifetime;
        }
        if let Some(lifetime) = field(body, self.expires_on.as_deref())
            .and_then(|(name, value)| lifetime::from_epoch(name, value))
        {
            return lifetime;
        }
        if let Ok(Some(exp)) = jwt_exp(token) {
            if let Some(lifetime) = lifetime::from_epoch("JWT `exp` claim", &exp) {
                return lifetime;
            }
        }
        self.default_lifetime
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::jwt::encode_for_tests;
    use crate::{CLOCK_SKEW, MAX_LIFETIME};
    use serde_json::json;
    use std::time::{SystemTime, UNIX_EPOCH};

    fn epoch_in(seconds: u64) -> u64 {
        (SystemTime::now() + Duration::from_secs(seconds))
            .duration_since(UNIX_EPOCH)
            .expect("after the epoch")
            .as_secs()
    }

    fn jwt_with(payload: &str) -> String {
        format!(
            "{}.{}.x",
            encode_for_tests(br#"{"alg":"none"}"#),
            encode_for_tests(payload.as_bytes())
        )
    }

    #[tokio::test(start_paused = true)]
    async fn lifetime_sources_in_order() {
        let exp = epoch_in(1000);
        let jwt = jwt_with(&format!(r#"{{"exp":{exp}}}"#));
        let all = TokenFields::new("/t")
            .expires_in("/in")
            .expires_on("/on")
            .default_lifetime(Duration::from_secs(7));
        let body = json!({"t": jwt, "in": 30, "on": epoch_in(500)});
        assert_eq!(all.read(&body).expect("token").lifetime().as_secs(), 30);
        let skew = CLOCK_SKEW.as_secs();
        let body = json!({"t": jwt, "on": epoch_in(500)});
        let lifetime = all.read(&body).expect("token").lifetime().as_secs();
        assert!((498 - skew..=500 - skew).contains(&lifetime), "{lifetime}");
        // `expires_in: 0` is "no expiry known": it does not override a valid `expires_on`.
        let body = json!({"t": jwt, "in": 0, "on": epoch_in(500)});
        let lifetime = all.read(&body).expect("token").lifetime().as_secs();
        assert!((498 - skew..=500 - skew).contains(&lifetime), "{lifetime}");
        let body = json!({"t": jwt});
        let lifetime = all.read(&body).expect("token").lifetime().as_secs();
        assert!((998 - skew..=1000 - skew).contains(&lifetime), "{lifetime}");
        let body = json!({"t": "opaque"});
        assert_eq!(all.read(&body).expect("token").lifetime().as_secs(), 7);
        let body = json!({"t": "opaque", "in": "45"});
        assert_eq!(all.read(&body).expect("token").lifetime().as_secs(), 45);
        // Values that say nothing usable fall through to the default.
        for bad in [
            json!("soon"),
            json!(-5),
            json!("NaN"),
            json!(0),
            json!(null),
        ] {
            let body = json!({"t": "opaque", "in": bad, "on": bad});
            assert_eq!(all.read(&body).expect("token").lifetime().as_secs(), 7);
        }
        for huge in [json!(1e300), json!(i64::MAX), json!(u64::MAX)] {
            let body = json!({"t": "opaque", "in": huge});
            assert_eq!(all.read(&body).expect("token").lifetime(), MAX_LIFETIME);
        }
        let body = json!({"t": jwt_with(r#"{"sub":"no exp"}"#)});
        assert_eq!(all.read(&body).expect("token").lifetime().as_secs(), 7);
        // An `exp` already past is not believed: no expiry known, so the default applies.
        let body = json!({"t": jwt_with(&format!(r#"{{"exp":{}}}"#, epoch_in(0) - 100))});
        assert_eq!(all.read(&body).expect("token").lifetime().as_secs(), 7);
        let body = json!({"t": jwt_with(&format!(r#"{{"exp":{}}}"#, u64::MAX))});
        assert_eq!(
            all.read(&body).expect("token").lifetime(),
            MAX_LIFETIME - CLOCK_SKEW
        );
        let fallback = TokenFields::new("/t")
            .read(&json!({"t": "x"}))
            .expect("token");
        assert_eq!(fallback.lifetime(), FALLBACK_LIFETIME);
    }

    #[tokio::test(start_paused = true)]
    async fn refresh_token_and_missing_values() {
        let fields = TokenFields::new("/data/access").refresh_token("/data/refresh");
        let token = fields
            .read(&json!({"data": {"access": "a", "refresh": "r"}}))
            .expect("token");
        assert_eq!(token.expose_refresh_token(), Some("r"));
        let token = fields
            .read(&json!({"data": {"access": "a"}}))
            .expect("token");
        assert_eq!(token.expose_refresh_token(), None);
        for body in [
            json!({}),
            json!({"data": null}),
            json!({"data": {"access": ""}}),
            json!({"data": {"access": 12}}),
        ] {
            let error = fields.read(&body).expect_err("no token");
            assert_eq!(
                error.to_string(),
                "the response has no access token at `/data/access`"
            );
        }
    }

    #[tokio::test(start_paused = true)]
    async fn placeholders_are_filled_as_single_segments() {
        let fields = TokenFields::new("/tokens/{org}/{account}/access_token")
            .expires_in("/tokens/{org}/{account}/ttl")
            .bind("org", "o/1")
            .bind("account", "a~b");
        let body = json!({"tokens": {"o/1": {"a~b": {"access_token": "t", "ttl": 9}}}});
        let token = fields.read(&body).expect("token");
        assert_eq!(token.expose(), "t");
        assert_eq!(token.lifetime().as_secs(), 9);
        let error = fields.read(&json!({"tokens": {}})).expect_err("no token");
        assert_eq!(error.pointer, "/tokens/o~11/a~0b/access_token");
    }
}
