//! A credential a source supplied, renewed once when the API refuses it: the source drops the
//! refused value (a token source invalidates that one token), hands out a new one, and the
//! request is sent again with it. Kept apart from the transport so that the rule reads in one
//! place.

use super::*;

/// A credential from a [`CredentialSource`], as attached to one request.
pub(crate) struct Sourced {
    source: ::std::sync::Arc<dyn CredentialSource>,
    value: Secret<::std::string::String>,
}

impl RequestParts {
    /// Remembers that `value`, attached to these parts, came from `source`: if the API
    /// answers 401, the source is told and the request is sent once more with the source's
    /// next credential.
    pub fn credential_from(
        &mut self,
        source: &::std::sync::Arc<dyn CredentialSource>,
        value: &Secret<::std::string::String>,
    ) {
        self.sourced.push(Sourced {
            source: ::std::sync::Arc::clone(source),
            value: value.clone(),
        });
    }
}

/// Sends `request`; on a 401, rejects the sourced credentials and, when every one of them
/// has a new value and sits in a header (bearer tokens, API keys, cookies), sends it once
/// more with the new values. A request whose body cannot be sent twice (a streamed multipart
/// body), or whose credential went elsewhere (the query), returns the 401 as it came, the
/// next call getting the new credential.
pub(crate) async fn send_renewing<E>(
    request: ::reqwest::RequestBuilder,
    sourced: ::std::vec::Vec<Sourced>,
    limit: usize,
) -> ::std::result::Result<RawResponse, Error<E>> {
    if sourced.is_empty() {
        return send(request, limit).await;
    }
    // Cloned before sending: a sent request is gone. The body is in memory (or a stream,
    // which cannot be cloned), so this costs a copy of it.
    let spare = request.try_clone();
    let response = send(request, limit).await?;
    if response.status != ::reqwest::StatusCode::UNAUTHORIZED {
        return Ok(response);
    }
    for credential in &sourced {
        credential.source.reject(&credential.value);
    }
    let Some(spare) = spare else {
        return Ok(response);
    };
    let (http, retry) = spare.build_split();
    let mut retry = retry.map_err(transport_error)?;
    for credential in &sourced {
        let fresh = credential
            .source
            .credential()
            .await
            .map_err(CredentialError)?;
        let old = credential.value.expose();
        if fresh.expose() == old || !replace_in_headers(retry.headers_mut(), old, fresh.expose()) {
            return Ok(response);
        }
    }
    send(::reqwest::RequestBuilder::from_parts(http, retry), limit).await
}

/// Replaces `old` with `new` in every header value that holds it; whether one did.
fn replace_in_headers(headers: &mut ::reqwest::header::HeaderMap, old: &str, new: &str) -> bool {
    let mut replaced = false;
    for value in headers.values_mut() {
        let Some(text) = value.to_str().ok().filter(|text| text.contains(old)) else {
            continue;
        };
        if let Ok(mut renewed) = ::reqwest::header::HeaderValue::from_str(&text.replace(old, new)) {
            renewed.set_sensitive(true);
            *value = renewed;
            replaced = true;
        }
    }
    replaced
}

#[cfg(test)]
mod tests {
    use super::*;
    use ::reqwest::header::{HeaderMap, HeaderValue, AUTHORIZATION, COOKIE};

    #[test]
    fn the_refused_value_is_replaced_wherever_a_header_holds_it() {
        let mut headers = HeaderMap::new();
        headers.insert(AUTHORIZATION, HeaderValue::from_static("Bearer old-t"));
        headers.insert(
            COOKIE,
            HeaderValue::from_static("session=old-t; theme=dark"),
        );
        headers.insert("x-other", HeaderValue::from_static("unrelated"));
        assert!(replace_in_headers(&mut headers, "old-t", "new-t"));
        assert_eq!(headers[AUTHORIZATION], "Bearer new-t");
        assert!(headers[AUTHORIZATION].is_sensitive());
        assert_eq!(headers[COOKIE], "session=new-t; theme=dark");
        assert_eq!(headers["x-other"], "unrelated");
        // A credential that went elsewhere (the query) is not in any header: no retry.
        assert!(!replace_in_headers(&mut headers, "absent", "x"));
        // A new value that is not a valid header value is not sent.
        assert!(!replace_in_headers(&mut headers, "new-t", "bad\nvalue"));
        assert_eq!(headers[AUTHORIZATION], "Bearer new-t");
    }
}
