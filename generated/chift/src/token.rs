// Generated from `specs/chift.yaml` by `cargo xtask codegen`; do not edit.

//! A caching, self-refreshing source of access tokens.
/// Access tokens from [`Client::generate_access_token_token_post`](crate::Client::generate_access_token_token_post), obtained on first use, cached, and renewed by logging in again a margin before they expire.
///
/// The token is read at `/access_token` of the response; its lifetime from the first of: `/expires_in` (seconds), then `/expires_on` (seconds since the epoch), then the token's JWT `exp` claim, then 300 s. Concurrent callers share one request. A failed renewal keeps a token that is still valid; once it has expired the error is the operation's own.
///
/// It implements [`token_source::TokenProvider`], so it can be held as `Arc<dyn TokenProvider>` next to other APIs' token sources, and plugged into the bearer credentials of any generated client.
#[derive(Debug)]
pub struct TokenSource {
    client: crate::Client,
    body: crate::types::AuthItem,
    fields: ::token_source::TokenFields,
    cache: ::token_source::TokenCache,
}
impl TokenSource {
    /// A token source that calls `generate_access_token_token_post` through `client` with these inputs.
    pub fn new(client: crate::Client, body: crate::types::AuthItem) -> Self {
        TokenSource {
            client,
            body,
            fields: ::token_source::TokenFields::new("/access_token")
                .expires_in("/expires_in")
                .expires_on("/expires_on"),
            cache: ::token_source::TokenCache::new(),
        }
    }
    /// Refreshes this long before expiry instead of the default (the smaller of 60 s and
    /// 10% of the token's lifetime).
    pub fn with_margin(mut self, margin: ::std::time::Duration) -> Self {
        self.cache = ::std::mem::take(&mut self.cache).with_margin(margin);
        self
    }
    /// A valid access token: the cached one, or a new one when none is cached or it
    /// expires within the margin. Concurrent callers share one request.
    pub async fn token(
        &self,
    ) -> ::std::result::Result<
        ::token_source::AccessToken,
        crate::runtime::Error<crate::GenerateAccessTokenTokenPostError>,
    > {
        self.cache.get(|| self.login()).await
    }
    /// Forgets the cached token, so the next call logs in again (after the server
    /// rejected the token, for instance).
    pub async fn invalidate(&self) {
        self.cache.invalidate().await;
    }
    async fn login(
        &self,
    ) -> ::std::result::Result<
        ::token_source::AccessToken,
        crate::runtime::Error<crate::GenerateAccessTokenTokenPostError>,
    > {
        let response = self.client.generate_access_token_token_post(&self.body).await?;
        read_token(&self.fields, response)
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
}
