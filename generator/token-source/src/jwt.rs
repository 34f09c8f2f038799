//! The `exp` claim of a JWT, read without verifying the signature: the client only wants to
//! know when to fetch a new token, and the server that issued it is the one that checks it.

use std::fmt;

/// Why a token's `exp` claim could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum JwtError {
    /// The token is not three dot-separated parts (an opaque token, for instance).
    NotAJwt,
    /// The payload is not valid base64url.
    Base64,
    /// The payload is not a JSON object.
    Payload,
    /// `exp` is present but not a number of seconds.
    ExpNotANumber,
}

impl fmt::Display for JwtError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // The token itself is never part of the message.
        f.write_str(match self {
            JwtError::NotAJwt => "the token is not a JWT",
            JwtError::Base64 => "the JWT payload is not base64url",
            JwtError::Payload => "the JWT payload is not a JSON object",
            JwtError::ExpNotANumber => "the JWT `exp` claim is not a number",
        })
    }
}

impl std::error::Error for JwtError {}

/// The `exp` claim (seconds since the Unix epoch) of a JWT: `Ok(None)` when the payload has
/// no `exp`. The signature is not checked.
pub fn jwt_exp(token: &str) -> Result<Option<u64>, JwtError> {
    let mut parts = token.split('.');
    let (Some(_header), Some(payload), Some(_signature), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return Err(JwtError::NotAJwt);
    };
    let bytes = base64url_decode(payload).ok_or(JwtError::Base64)?;
    let claims: serde_json::Value =
        serde_json::from_slice(&bytes).map_err(|_| JwtError::Payload)?;
    let claims = claims.as_object().ok_or(JwtError::Payload)?;
    match claims.get("exp") {
        None => Ok(None),
        Some(exp) => {
            // NumericDate may carry a fraction; whole seconds are precise enough here.
            let seconds = exp
                .as_u64()
                .or_else(|| exp.as_f64().filter(|s| *s >= 0.0).map(|s| s as u64));
            seconds.map(Some).ok_or(JwtError::ExpNotANumber)
        }
    }
}

/// Decodes unpadded (or padded) base64url, as JWT parts are written.
fn base64url_decode(text: &str) -> Option<Vec<u8>> {
    let text = text.trim_end_matches('=');
    let mut out = Vec::with_capacity(text.len() * 3 / 4);
    let mut buffer = 0u32;
    let mut bits = 0u32;
    for byte in text.bytes() {
        let value = match byte {
            b'A'..=b'Z' => byte - b'A',
            b'a'..=b'z' => byte - b'a' + 26,
            b'0'..=b'9' => byte - b'0' + 52,
            b'-' => 62,
            b'_' => 63,
            _ => return None,
        };
        buffer = (buffer << 6) | u32::from(value);
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((buffer >> bits) as u8);
            buffer &= (1 << bits) - 1;
        }
    }
    // One leftover character carries only 6 bits: no whole byte, so the text was cut short.
    (bits < 6).then_some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn encode(bytes: &[u8]) -> String {
        const ALPHABET: &[u8; 64] =
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
                out.push(ALPHABET[((n >> (18 - 6 * i)) & 63) as usize] as char);
            }
        }
        out
    }

    fn jwt(payload: &str) -> String {
        format!(
            "{}.{}.sig",
            encode(br#"{"alg":"HS256"}"#),
            encode(payload.as_bytes())
        )
    }

    #[test]
    fn reads_exp_from_a_valid_token() {
        assert_eq!(
            jwt_exp(&jwt(r#"{"sub":"a","exp":1700000000}"#)),
            Ok(Some(1_700_000_000))
        );
        assert_eq!(
            jwt_exp(&jwt(r#"{"exp":1700000000.75}"#)),
            Ok(Some(1_700_000_000))
        );
    }

    #[test]
    fn a_token_without_exp_has_none() {
        assert_eq!(jwt_exp(&jwt(r#"{"sub":"a"}"#)), Ok(None));
    }

    #[test]
    fn malformed_tokens_are_errors_not_panics() {
        assert_eq!(jwt_exp("opaque-token"), Err(JwtError::NotAJwt));
        assert_eq!(jwt_exp("a.b.c.d"), Err(JwtError::NotAJwt));
        assert_eq!(jwt_exp("a.$$$.c"), Err(JwtError::Base64));
        assert_eq!(jwt_exp("a.abcde.c"), Err(JwtError::Base64));
        assert_eq!(jwt_exp(&jwt("not json")), Err(JwtError::Payload));
        assert_eq!(jwt_exp(&jwt("[1,2]")), Err(JwtError::Payload));
        assert_eq!(
            jwt_exp(&jwt(r#"{"exp":"soon"}"#)),
            Err(JwtError::ExpNotANumber)
        );
        assert_eq!(jwt_exp(&jwt(r#"{"exp":-5}"#)), Err(JwtError::ExpNotANumber));
    }

    #[test]
    fn decodes_every_length_and_padding() {
        for text in ["", "f", "fo", "foo", "foob", "fooba", "foobar"] {
            let encoded = encode(text.as_bytes());
            assert_eq!(base64url_decode(&encoded).as_deref(), Some(text.as_bytes()));
            let padded = format!("{encoded}{}", "=".repeat((4 - encoded.len() % 4) % 4));
            assert_eq!(base64url_decode(&padded).as_deref(), Some(text.as_bytes()));
        }
        assert_eq!(base64url_decode("_-8").as_deref(), Some(&[0xff, 0xef][..]));
    }
}
