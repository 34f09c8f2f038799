//! How a client's requests go out: the reqwest client, the base URL, and what is applied to
//! every request. The same for every API, so each generated client holds one [`Transport`]
//! and its builder one [`TransportSettings`].

use super::*;

/// The settings a client's builder gathers: timeout, user agent, default headers, body limit,
/// and optionally the user's own `reqwest::Client`.
#[derive(Debug, Clone)]
pub struct TransportSettings {
    /// The user's own client, used as it is; `None` builds one.
    pub http: Option<::reqwest::Client>,
    /// Time allowed for each whole request.
    pub timeout: ::std::time::Duration,
    /// The `User-Agent` header sent with every request.
    pub user_agent: ::std::string::String,
    /// Headers sent with every request; values print as redacted.
    pub headers: ::std::vec::Vec<(::std::string::String, Secret<::std::string::String>)>,
    /// Largest response body read, in bytes.
    pub body_limit: usize,
}

impl TransportSettings {
    /// The defaults: [`DEFAULT_TIMEOUT`], [`DEFAULT_BODY_LIMIT`], no default headers.
    pub fn new(user_agent: impl Into<::std::string::String>) -> Self {
        TransportSettings {
            http: None,
            timeout: DEFAULT_TIMEOUT,
            user_agent: user_agent.into(),
            headers: ::std::vec::Vec::new(),
            body_limit: DEFAULT_BODY_LIMIT,
        }
    }

    /// Parses the user agent and default headers once, and builds the reqwest client unless
    /// the user gave one. Fails on a value that is not a valid HTTP header.
    pub fn build(self, base_url: ::std::string::String) -> Result<Transport, BuildError> {
        let invalid = |what: &str| BuildError(format!("invalid {what}"));
        let user_agent = ::reqwest::header::HeaderValue::from_str(&self.user_agent)
            .map_err(|_| invalid("user agent"))?;
        let mut headers = ::std::vec::Vec::new();
        for (name, value) in &self.headers {
            let header = ::reqwest::header::HeaderName::from_bytes(name.as_bytes())
                .map_err(|_| invalid("default header name"))?;
            let mut value = ::reqwest::header::HeaderValue::from_str(value.expose())
                .map_err(|_| invalid("default header value"))?;
            value.set_sensitive(true);
            headers.push((header, value));
        }
        let (http, per_request) = match self.http {
            Some(http) => (http, Some((self.timeout, user_agent))),
            // Our own client carries timeout and user agent, so requests need not. Redirects
            // are not followed: a 3xx reply is answered by its declared status variant or as
            // an unexpected status, and credentials are never re-sent to wherever a
            // `Location` points.
            None => {
                let http = ::reqwest::Client::builder()
                    .timeout(self.timeout)
                    .user_agent(user_agent)
                    .redirect(::reqwest::redirect::Policy::none())
                    .build()
                    .map_err(|error| BuildError(error.to_string()))?;
                (http, None)
            }
        };
        Ok(Transport {
            base_url: BaseUrl::new(base_url),
            http,
            per_request,
            headers,
            body_limit: self.body_limit,
        })
    }
}

/// A built client's way of sending requests. Cheap to clone: clones share one connection pool.
#[derive(Debug, Clone)]
pub struct Transport {
    base_url: BaseUrl,
    http: ::reqwest::Client,
    /// Timeout and user agent, set on each request when `http` is the user's own client;
    /// `None` when they are built into `http`.
    per_request: Option<(::std::time::Duration, ::reqwest::header::HeaderValue)>,
    /// Default headers, parsed once; values are marked sensitive, so `Debug` hides them.
    headers: ::std::vec::Vec<(
        ::reqwest::header::HeaderName,
        ::reqwest::header::HeaderValue,
    )>,
    body_limit: usize,
}

impl Transport {
    /// The base URL requests go to.
    pub fn base_url(&self) -> &str {
        self.base_url.as_str()
    }

    /// Sends a request with the settings applied and reads the response.
    pub async fn send<E>(
        &self,
        mut parts: RequestParts,
        method: ::reqwest::Method,
    ) -> Result<RawResponse, Error<E>> {
        let sourced = ::std::mem::take(&mut parts.sourced);
        let mut request = parts.build_on(&self.http, method, &self.base_url)?;
        if let Some((timeout, user_agent)) = &self.per_request {
            request = request
                .timeout(*timeout)
                .header(::reqwest::header::USER_AGENT, user_agent.clone());
        }
        for (name, value) in &self.headers {
            request = request.header(name.clone(), value.clone());
        }
        crate::renew::send_renewing(request, sourced, self.body_limit).await
    }
}
