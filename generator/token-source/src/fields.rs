//! Where the token, its lifetime and the refresh token sit in a login response: JSON pointers,
//! read from the response body as `serde_json::Value`, so one reader serves every API.

use crate::jwt::jwt_exp;
use crate::AccessToken;
use serde_json::Value;
use std::fmt;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

/// The lifetime assumed when neither the response nor the token tells it and no default was
/// configured: short, so a wrong guess costs an extra login rather than a rejected call.
pub const FALLBACK_LIFETIME: Duration = Duration::from_secs(300);

/// JSON pointers into a login response.
///
/// The lifetime is taken from the first of these that gives one: `expires_in` (seconds from
/// now), `expires_on` (seconds since the Unix epoch), the `exp` claim of the token when it is
/// a JWT, the default lifetime.
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

    fn lifetime(&self, body: &Value, token: &str) -> Duration {
        let number = |pointer: &Option<String>| {
            pointer
                .as_deref()
                .and_then(|pointer| body.pointer(pointer))
                .and_then(seconds)
        };
        if let Some(seconds) = number(&self.expires_in) {
            return Duration::from_secs(seconds);
        }
        if let Some(epoch) = number(&self.expires_on) {
            return until_epoch(epoch);
        }
        match jwt_exp(token) {
            Ok(Some(epoch)) => until_epoch(epoch),
            _ => self.default_lifetime,
        }
    }
}

/// A non-negative number of seconds, also when an API sends it as a string.
fn seconds(value: &Value) -> Option<u64> {
    match value {
        Value::Number(number) => number
            .as_u64()
            .or_else(|| number.as_f64().filter(|s| *s >= 0.0).map(|s| s as u64)),
        Value::String(text) => text.trim().parse().ok(),
        _ => None,
    }
}

/// Time left until `epoch` seconds, by the system clock; zero when it has passed.
fn until_epoch(epoch: u64) -> Duration {
    let now = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap_or_default();
    Duration::from_secs(epoch).saturating_sub(now)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn epoch_in(seconds: u64) -> u64 {
        (SystemTime::now() + Duration::from_secs(seconds))
            .duration_since(UNIX_EPOCH)
            .expect("after the epoch")
            .as_secs()
    }

    fn jwt_with(payload: &str) -> String {
        // Unpadded base64url of `{"alg":"none"}`, then of the payload (encoded by hand here
        // through the standard alphabet, which matches base64url for these characters).
        fn encode(bytes: &[u8]) -> String {
            const A: &[u8; 64] =
                b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
            let mut out = String::new();
            for chunk in bytes.chunks(3) {
                let b = [
                    chunk[0],
                    *chunk.get(1).unwrap_or(&0),
                    *chunk.get(2).unwrap_or(&0),
                ];
                let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
                for i in 0..=chunk.len() {
                    out.push(A[((n >> (18 - 6 * i)) & 63) as usize] as char);
                }
            }
            out
        }
        format!(
            "{}.{}.x",
            encode(br#"{"alg":"none"}"#),
            encode(payload.as_bytes())
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
        let body = json!({"t": jwt, "on": epoch_in(500)});
        let lifetime = all.read(&body).expect("token").lifetime().as_secs();
        assert!((498..=500).contains(&lifetime), "{lifetime}");
        let body = json!({"t": jwt});
        let lifetime = all.read(&body).expect("token").lifetime().as_secs();
        assert!((998..=1000).contains(&lifetime), "{lifetime}");
        let body = json!({"t": "opaque"});
        assert_eq!(all.read(&body).expect("token").lifetime().as_secs(), 7);
        let body = json!({"t": "opaque", "in": "45"});
        assert_eq!(all.read(&body).expect("token").lifetime().as_secs(), 45);
        let body = json!({"t": "opaque", "in": "soon"});
        assert_eq!(all.read(&body).expect("token").lifetime().as_secs(), 7);
        let body = json!({"t": jwt_with(r#"{"sub":"no exp"}"#)});
        assert_eq!(all.read(&body).expect("token").lifetime().as_secs(), 7);
        let body = json!({"t": jwt_with(&format!(r#"{{"exp":{}}}"#, epoch_in(0) - 100))});
        assert_eq!(all.read(&body).expect("token").lifetime(), Duration::ZERO);
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
