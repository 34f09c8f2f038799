//! The `exp` claim of a JWT, read without verifying the signature: the client only wants to
//! know when to fetch a new token, and the server that issued it is the one that checks it.

use base64::engine::general_purpose::{GeneralPurpose, GeneralPurposeConfig};
use base64::engine::DecodePaddingMode;
use base64::Engine;
use std::fmt;

/// base64url as JWT parts are written: unpadded, though a padded part is accepted too.
const BASE64URL: GeneralPurpose = GeneralPurpose::new(
    &base64::alphabet::URL_SAFE,
    GeneralPurposeConfig::new()
        .with_encode_padding(false)
        .with_decode_padding_mode(DecodePaddingMode::Indifferent),
);

/// Why a token's `exp` claim could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum JwtError {
    /// The token is not three dot-separated parts (an opaque token, for instance).
    NotAJwt,
    /// The payload is not valid base64url.
    Base64,
    /// The payload is not a JSON object.
    Payload,
}

impl fmt::Display for JwtError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // The token itself is never part of the message.
        f.write_str(match self {
            JwtError::NotAJwt => "the token is not a JWT",
            JwtError::Base64 => "the JWT payload is not base64url",
            JwtError::Payload => "the JWT payload is not a JSON object",
        })
    }
}

impl std::error::Error for JwtError {}

/// The `exp` claim of a JWT as the payload writes it (a NumericDate: seconds since the Unix
/// epoch, though any JSON value may be there), or `Ok(None)` when the payload has none. The
/// signature is not checked, and the value is not validated here: the caller decides what a
/// negative, huge or non-numeric `exp` means.
pub fn jwt_exp(token: &str) -> Result<Option<serde_json::Value>, JwtError> {
    let mut parts = token.split('.');
    let (Some(_header), Some(payload), Some(_signature), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return Err(JwtError::NotAJwt);
    };
    let bytes = BASE64URL.decode(payload).map_err(|_| JwtError::Base64)?;
    let claims: serde_json::Value =
        serde_json::from_slice(&bytes).map_err(|_| JwtError::Payload)?;
    let mut claims = match claims {
        serde_json::Value::Object(claims) => claims,
        _ => return Err(JwtError::Payload),
    };
    Ok(claims.remove("exp"))
}

#[cfg(test)]
pub(crate) fn encode_for_tests(bytes: &[u8]) -> String {
    BASE64URL.encode(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn jwt(payload: &str) -> String {
        format!(
            "{}.{}.sig",
            encode_for_tests(br#"{"alg":"HS256"}"#),
            encode_for_tests(payload.as_bytes())
        )
    }

    #[test]
    fn reads_exp_from_a_valid_token() {
        assert_eq!(
            jwt_exp(&jwt(r#"{"sub":"a","exp":1700000000}"#)),
            Ok(Some(json!(1_700_000_000)))
        );
        assert_eq!(
            jwt_exp(&jwt(r#"{"exp":1700000000.75}"#)),
            Ok(Some(json!(1_700_000_000.75)))
        );
        assert_eq!(jwt_exp(&jwt(r#"{"exp":-5}"#)), Ok(Some(json!(-5))));
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
    }

    #[test]
    fn padded_and_unpadded_payloads_both_decode() {
        let payload = encode_for_tests(br#"{"exp":12}"#);
        let padded = format!("{payload}{}", "=".repeat((4 - payload.len() % 4) % 4));
        assert_ne!(payload, padded, "the payload length needs padding");
        for part in [payload, padded] {
            assert_eq!(jwt_exp(&format!("h.{part}.s")), Ok(Some(json!(12))));
        }
        // The two characters where base64url differs from standard base64.
        assert_eq!(BASE64URL.decode("_-8").as_deref(), Ok(&[0xff, 0xef][..]));
    }
}
