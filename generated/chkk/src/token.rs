// Generated from `specs/chkk.yaml` by `cargo xtask codegen`; do not edit.

//! A caching, self-refreshing source of access tokens.
/// Access tokens from [`Client::login`](crate::Client::login), obtained on first use, cached, and renewed by logging in again a margin before they expire.
///
/// The token is read at `/access_tokens/{org}/{account}/access_token` of the response; its lifetime from the first of: the token's JWT `exp` claim, then 900 s (a zero, invalid or past value counts as none; see [`token_source::lifetime`]). Concurrent callers share one request and its outcome. While the cached token is still valid it is returned at once and renewed in the background, and failures are retried with backoff without reaching callers; once it has expired, callers get the error, whose `fetch_error` is the operation's own.
///
/// It implements [`token_source::TokenProvider`], so it can be held as `Arc<dyn TokenProvider>` next to other APIs' token sources, and plugged into the bearer credentials of any generated client.
#[derive(Debug)]
pub struct TokenSource {
    cache: ::token_source::TokenCache<Login>,
}
/// The token operation's inputs and how to call it: what the cache's renewals run, in
/// a task of their own.
#[derive(Debug)]
struct Login {
    client: crate::Client,
    fields: ::token_source::TokenFields,
}
impl TokenSource {
    /// A token source that calls `login` through `client` with these inputs. The response holds several tokens; `{org}` and `{account}` choose which one.
    pub fn new(
        client: crate::Client,
        org: impl ::std::convert::Into<::std::string::String>,
        account: impl ::std::convert::Into<::std::string::String>,
    ) -> Self {
        let org: ::std::string::String = org.into();
        let account: ::std::string::String = account.into();
        let login = Login {
            client,
            fields: ::token_source::TokenFields::new(
                    "/access_tokens/{org}/{account}/access_token",
                )
                .default_lifetime(::std::time::Duration::from_secs(900u64))
                .bind("org", &org)
                .bind("account", &account),
        };
        TokenSource {
            cache: ::token_source::TokenCache::new(login),
        }
    }
    /// Renews this long before expiry instead of the default (the smaller of 60 s and
    /// 10% of the token's lifetime); never more than half of a token's lifetime.
    pub fn with_margin(self, margin: ::std::time::Duration) -> Self {
        TokenSource {
            cache: self.cache.with_margin(margin),
        }
    }
    /// Retries and pauses after failed logins instead of the default (two retries,
    /// pauses from 500 ms doubling up to 30 s, with jitter).
    pub fn with_backoff(self, backoff: ::token_source::Backoff) -> Self {
        TokenSource {
            cache: self.cache.with_backoff(backoff),
        }
    }
    /// A valid access token: the cached one (renewed in the background once it is
    /// within the margin), or the outcome of the login this call waits for. Concurrent
    /// callers share one request and its outcome; the error's
    /// [`fetch_error`](::token_source::TokenError::fetch_error) is the operation's own.
    pub async fn token(
        &self,
    ) -> ::std::result::Result<
        ::token_source::AccessToken,
        ::token_source::TokenError<crate::runtime::Error<crate::LoginError>>,
    > {
        self.cache.token().await
    }
    /// Drops `token` if it is still the cached one, so the next call logs in again:
    /// call it when the API refused the token. A newer token is kept, so callers that
    /// saw the same token refused cause one login between them.
    pub fn invalidate(&self, token: &::token_source::AccessToken) {
        self.cache.invalidate(token);
    }
}
impl ::token_source::Fetch for Login {
    type Error = crate::runtime::Error<crate::LoginError>;
    fn login(&self) -> ::token_source::FetchFuture<'_, Self::Error> {
        ::std::boxed::Box::pin(async move {
            let response = self.client.login().await?;
            read_token(&self.fields, response)
        })
    }
    fn failure(&self, error: &Self::Error) -> ::token_source::Failure {
        failure(error)
    }
}
/// Whether a failed login is worth retrying soon: no answer, or a status of 408, 429
/// or 5xx, declared or not.
fn failure(error: &crate::runtime::Error<crate::LoginError>) -> ::token_source::Failure {
    match (error.kind(), error.status()) {
        (
            crate::runtime::ErrorKind::Timeout | crate::runtime::ErrorKind::Transport(_),
            _,
        ) => ::token_source::Failure::Transient,
        (_, ::std::option::Option::Some(status)) => {
            ::token_source::Failure::of_status(status.as_u16())
        }
        (_, ::std::option::Option::None) => ::token_source::Failure::Permanent,
    }
}
/// The token in a success body: the body is serialized back to JSON and read through
/// the pointers, so the generated body type needs nothing token-specific. A missing
/// token is a decode error; the body is not kept, since it holds credentials.
fn read_token<T: ::serde::Serialize, E>(
    fields: &::token_source::TokenFields,
    response: crate::runtime::ResponseValue<T>,
) -> ::std::result::Result<::token_source::AccessToken, crate::runtime::Error<E>> {
    let status = response.status;
    let decode = |message: ::std::string::String| crate::runtime::Error::decode(
        status,
        ".",
        message,
    );
    let value = ::serde_json::to_value(&response.body)
        .map_err(|error| decode(error.to_string()))?;
    fields.read(&value).map_err(|missing| decode(missing.to_string()))
}
impl ::token_source::TokenProvider for TokenSource {
    fn token(&self) -> ::token_source::TokenFuture<'_> {
        ::std::boxed::Box::pin(async move {
            TokenSource::token(self).await.map_err(::std::convert::Into::into)
        })
    }
    fn invalidate(&self, token: &::token_source::AccessToken) {
        TokenSource::invalidate(self, token);
    }
}
