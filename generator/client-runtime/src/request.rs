//! Request building: parameters serialized by their OpenAPI style, bodies by media type, and
//! the URL.

use super::*;

pub use crate::style::Style;

/// The path, query pairs, headers, cookies and body gathered for one request, and the secrets
/// among them. Setting a value never fails here: the first value that cannot be encoded is
/// kept and reported when the request is sent, with the operation's name.
#[derive(Default)]
pub struct RequestParts {
    /// The path, percent-encoded, relative to the base URL.
    path: Text,
    /// Percent-encoded `name=value` pairs. They are encoded here, item by item, so that the
    /// delimiter between array items stays literal (`a%2Cb,c` is two items, `a,b,c` three).
    query: ::std::vec::Vec<(::std::string::String, ::std::string::String)>,
    /// Name, value and whether the value is sensitive; literal text of the generated code
    /// is kept as it is.
    headers: ::std::vec::Vec<(Text, Text, bool)>,
    /// The `Accept` header's media types, and how many headers came before it: kept apart
    /// from the others, as nearly every operation sends one, and a request with no other
    /// header then needs no list. It goes out in its place among them.
    accept: ::std::option::Option<(usize, &'static str)>,
    cookies: ::std::vec::Vec<(::std::string::String, ::std::string::String)>,
    body: ::std::option::Option<Body>,
    /// The values sent that must never be printed (see [`Secrets`]).
    secrets: ::std::vec::Vec<::std::string::String>,
    error: ::std::option::Option<InvalidRequest>,
    /// Credentials attached from sources, renewed once on a 401 (see `renew.rs`).
    pub(crate) sourced: ::std::vec::Vec<crate::renew::Sourced>,
}

/// Text of a request part: a literal of the generated code, or made for the request.
type Text = ::std::borrow::Cow<'static, str>;

/// A request body, encoded.
enum Body {
    Encoded(&'static str, ::std::vec::Vec<u8>),
    /// A multipart form is a stream reqwest consumes: it cannot be sent twice.
    Multipart(::reqwest::multipart::Form),
}

/// `value` as JSON, with the secrets its `Secret` parts hold. `what` names the value in the
/// error, and is only written out for one.
fn to_json<T: ::serde::Serialize + ?Sized>(
    what: impl ::std::fmt::Display,
    value: &T,
    secrets: &mut ::std::vec::Vec<::std::string::String>,
) -> ::std::result::Result<::serde_json::Value, InvalidRequest> {
    let (value, found) = crate::scrub::collecting(|| ::serde_json::to_value(value));
    secrets.extend(found);
    value.map_err(|error| InvalidRequest(format!("{what}: {error}")))
}

/// A parameter's name, as an error about its value reads it.
struct ParameterName<'a>(&'a str);

impl ::std::fmt::Display for ParameterName<'_> {
    fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
        write!(f, "parameter `{}`", self.0)
    }
}

fn scalar_text(value: &::serde_json::Value) -> ::std::string::String {
    match value {
        ::serde_json::Value::String(text) => text.clone(),
        ::serde_json::Value::Null => ::std::string::String::new(),
        other => other.to_string(),
    }
}

/// A header or cookie value in the `simple` style: a string as it is, array items and
/// object keys and values joined with `,`.
fn simple_text(value: ::serde_json::Value) -> ::std::string::String {
    match value {
        ::serde_json::Value::String(text) => text,
        other => flatten(&other).join(","),
    }
}

/// The items of an array or the key/value pairs of an object, as text.
fn flatten(value: &::serde_json::Value) -> ::std::vec::Vec<::std::string::String> {
    match value {
        ::serde_json::Value::Array(items) => items.iter().map(scalar_text).collect(),
        ::serde_json::Value::Object(map) => map
            .iter()
            .flat_map(|(k, v)| [k.clone(), scalar_text(v)])
            .collect(),
        other => vec![scalar_text(other)],
    }
}

impl RequestParts {
    /// Parts for a request to `path` (literal text, as in the spec's path template).
    pub fn new(path: impl ::std::convert::Into<Text>) -> Self {
        RequestParts {
            path: path.into(),
            ..RequestParts::default()
        }
    }

    /// Keeps the first encoding failure for [`crate::Transport::send`] to report.
    fn fail(&mut self, error: InvalidRequest) {
        self.error.get_or_insert(error);
    }

    /// A parameter's value as JSON, or `None` after recording why it cannot be encoded.
    fn param<T: ::serde::Serialize + ?Sized>(
        &mut self,
        name: &str,
        value: &T,
    ) -> ::std::option::Option<::serde_json::Value> {
        match to_json(ParameterName(name), value, &mut self.secrets) {
            Ok(value) => Some(value),
            Err(error) => {
                self.fail(error);
                None
            }
        }
    }

    /// Appends literal path text.
    pub fn path_text(&mut self, text: &str) {
        self.path.to_mut().push_str(text);
    }

    /// Appends a path parameter in the default style (`simple`, not exploded).
    pub fn path<T: ::serde::Serialize + ?Sized>(&mut self, name: &str, value: &T) {
        self.path_styled(name, value, Style::Simple, false)
    }

    /// Appends a path parameter in the given style.
    pub fn path_styled<T: ::serde::Serialize + ?Sized>(
        &mut self,
        name: &str,
        value: &T,
        style: Style,
        explode: bool,
    ) {
        if let Some(value) = self.param(name, value) {
            let text = path_text(name, &value, style, explode);
            self.path.to_mut().push_str(&text);
        }
    }

    /// Adds a query parameter in the default style (`form`, exploded); `None` adds nothing.
    pub fn query<T: ::serde::Serialize + ?Sized>(&mut self, name: &str, value: &T) {
        self.query_styled(name, value, Style::Form, true)
    }

    /// Adds a query parameter in the given style; `None` (null) adds nothing.
    ///
    /// Encoded here rather than with `form_urlencoded`: the style rules need the delimiter
    /// between items literal while each item's own delimiters are escaped.
    pub fn query_styled<T: ::serde::Serialize + ?Sized>(
        &mut self,
        name: &str,
        value: &T,
        style: Style,
        explode: bool,
    ) {
        let Some(value) = self.param(name, value) else {
            return;
        };
        // The OpenAPI style table: `blue,black`, `blue%20black`, `blue%7Cblack`.
        let delimiter = match style {
            Style::SpaceDelimited => "%20",
            Style::PipeDelimited => "%7C",
            Style::TabDelimited => "%09",
            _ => ",",
        };
        let pair = |name: &str, item: &::serde_json::Value| {
            (encode_component(name), encode_component(&scalar_text(item)))
        };
        match &value {
            ::serde_json::Value::Null => {}
            ::serde_json::Value::Array(items) if explode => {
                self.query.extend(items.iter().map(|item| pair(name, item)))
            }
            ::serde_json::Value::Object(map) if style == Style::DeepObject => {
                self.query.extend(
                    map.iter()
                        .map(|(key, item)| pair(&format!("{name}[{key}]"), item)),
                );
            }
            ::serde_json::Value::Object(map) if explode => self
                .query
                .extend(map.iter().map(|(key, item)| pair(key, item))),
            other => {
                let items: ::std::vec::Vec<::std::string::String> = flatten(other)
                    .iter()
                    .map(|item| encode_component(item))
                    .collect();
                self.query
                    .push((encode_component(name), items.join(delimiter)));
            }
        }
    }

    /// Adds a header (`simple` style); `None` adds nothing.
    pub fn header<T: ::serde::Serialize + ?Sized>(&mut self, name: &str, value: &T) {
        if let Some(value) = self.param(name, value).filter(|v| !v.is_null()) {
            self.headers
                .push((name.to_string().into(), simple_text(value).into(), false));
        }
    }

    /// Adds a header parameter that carries a secret (an API key, a password): like
    /// [`RequestParts::header`], with the value marked sensitive and scrubbed from what the
    /// call returns.
    pub fn sensitive_header<T: ::serde::Serialize + ?Sized>(&mut self, name: &str, value: &T) {
        if let Some(value) = self.param(name, value).filter(|v| !v.is_null()) {
            self.secret_header(name, simple_text(value));
        }
    }

    /// Adds a header parameter with `explode: true`: an object's entries read `key=value`
    /// (`role=admin,firstName=Alex`); other values as [`RequestParts::header`].
    pub fn header_exploded<T: ::serde::Serialize + ?Sized>(&mut self, name: &str, value: &T) {
        let text = match self.param(name, value) {
            None | Some(::serde_json::Value::Null) => return,
            Some(::serde_json::Value::Object(map)) => map
                .iter()
                .map(|(key, item)| format!("{key}={}", scalar_text(item)))
                .collect::<::std::vec::Vec<_>>()
                .join(","),
            Some(other) => flatten(&other).join(","),
        };
        self.headers
            .push((name.to_string().into(), text.into(), false));
    }

    /// `Accept: <media types>`, the responses the operation reads. Literal text, sent as it
    /// is without a copy.
    pub fn accept(&mut self, media_types: &'static str) {
        self.accept = Some((self.headers.len(), media_types));
    }

    /// Adds a header whose value is a credential: marked sensitive and scrubbed.
    pub fn secret_header(&mut self, name: &str, value: ::std::string::String) {
        self.secrets.push(value.clone());
        self.headers
            .push((name.to_string().into(), value.into(), true));
    }

    /// `Authorization: Bearer <token>` (or another scheme's prefix), the token scrubbed.
    pub fn authorization(&mut self, scheme: &str, credentials: &str) {
        self.secrets.push(credentials.to_string());
        self.secret_header("Authorization", format!("{scheme} {credentials}"));
    }

    /// HTTP basic authentication from `username:password`; both the pair and the password
    /// are scrubbed.
    pub fn basic_auth_pair(&mut self, pair: &str) {
        use ::base64::Engine as _;
        if let Some((_, password)) = pair.split_once(':') {
            self.secrets.push(password.to_string());
        }
        self.secrets.push(pair.to_string());
        let encoded = ::base64::engine::general_purpose::STANDARD.encode(pair);
        self.authorization("Basic", &encoded);
    }

    /// HTTP basic authentication.
    pub fn basic_auth(&mut self, username: &str, password: &Secret<::std::string::String>) {
        self.basic_auth_pair(&format!("{username}:{}", password.expose()));
    }

    /// Adds a cookie; `None` adds nothing.
    pub fn cookie<T: ::serde::Serialize + ?Sized>(&mut self, name: &str, value: &T) {
        if let Some(value) = self.param(name, value).filter(|v| !v.is_null()) {
            self.cookies.push((name.to_string(), simple_text(value)));
        }
    }

    /// Adds a cookie whose value is a credential.
    pub fn secret_cookie(&mut self, name: &str, value: ::std::string::String) {
        self.secrets.push(value.clone());
        self.cookies.push((name.to_string(), value));
    }

    /// Adds a query pair whose value is a credential (an API key).
    pub fn secret_query(&mut self, name: &str, value: ::std::string::String) {
        self.secrets.push(value.clone());
        self.query
            .push((encode_component(name), encode_component(&value)));
    }

    /// Adds a header given as it is, by the caller (per-call options).
    pub(crate) fn raw_header(&mut self, name: &str, value: &str) {
        self.headers
            .push((name.to_string().into(), value.to_string().into(), false));
    }

    /// A JSON body (`application/json` or another JSON media type).
    pub fn json<T: ::serde::Serialize + ?Sized>(&mut self, media_type: &'static str, body: &T) {
        let (bytes, found) = crate::scrub::collecting(|| ::serde_json::to_vec(body));
        if self.secrets.is_empty() {
            self.secrets = found;
        } else {
            self.secrets.extend(found);
        }
        match bytes {
            Ok(bytes) => self.body = Some(Body::Encoded(media_type, bytes)),
            Err(error) => self.fail(InvalidRequest(format!("JSON body: {error}"))),
        }
    }

    /// An `application/x-www-form-urlencoded` body.
    pub fn form<T: ::serde::Serialize + ?Sized>(&mut self, media_type: &'static str, body: &T) {
        match form_body(body, &mut self.secrets) {
            Ok(text) => self.body = Some(Body::Encoded(media_type, text.into_bytes())),
            Err(error) => self.fail(error),
        }
    }

    /// A body sent as it is (text or bytes).
    pub fn raw(
        &mut self,
        media_type: &'static str,
        body: impl ::std::convert::Into<::std::vec::Vec<u8>>,
    ) {
        self.body = Some(Body::Encoded(media_type, body.into()));
    }

    /// A `multipart/form-data` body of `body`'s fields as text parts (JSON text for
    /// structured values), absent ones left out; the fields named in `binary` are left for
    /// [`RequestParts::multipart_file`].
    pub fn multipart<T: ::serde::Serialize + ?Sized>(&mut self, body: &T, binary: &[&str]) {
        match to_json("multipart body", body, &mut self.secrets)
            .and_then(|value| multipart_text_parts(value, binary))
        {
            Ok(form) => self.body = Some(Body::Multipart(form)),
            Err(error) => self.fail(error),
        }
    }

    /// Adds a file part to the multipart body, labelled `application/octet-stream` as RFC
    /// 7578 asks for file data of unknown type (unlabelled, a server reads it as text).
    pub fn multipart_file(&mut self, name: &str, bytes: &[u8]) {
        if let Some(Body::Multipart(form)) = self.body.take() {
            let part =
                || ::reqwest::multipart::Part::bytes(bytes.to_vec()).file_name(name.to_string());
            // The literal media type always parses; the fallback is the same part unlabelled.
            let part = part()
                .mime_str("application/octet-stream")
                .unwrap_or_else(|_| part());
            self.body = Some(Body::Multipart(form.part(name.to_string(), part)));
        }
    }

    /// Whether the body can be sent again on a retry.
    pub(crate) fn replayable(&self) -> bool {
        !matches!(self.body, Some(Body::Multipart(_)))
    }

    /// A copy for one attempt, for a request that may be sent again. Multipart bodies are
    /// not copied: such a request is sent once (see [`RequestParts::replayable`]).
    pub(crate) fn copy_for_attempt(&self) -> Self {
        RequestParts {
            path: self.path.clone(),
            query: self.query.clone(),
            headers: self.headers.clone(),
            accept: self.accept,
            cookies: self.cookies.clone(),
            body: match &self.body {
                Some(Body::Encoded(media_type, bytes)) => {
                    Some(Body::Encoded(media_type, bytes.clone()))
                }
                _ => None,
            },
            secrets: self.secrets.clone(),
            error: self.error.clone(),
            // Credentials are attached to each attempt's copy, never to the template.
            sourced: ::std::vec::Vec::new(),
        }
    }

    /// The first value that could not be encoded, if any.
    pub(crate) fn take_error(&mut self) -> ::std::option::Option<InvalidRequest> {
        self.error.take()
    }

    /// The secrets set so far, taken out of the parts.
    pub(crate) fn take_secrets(&mut self) -> ::std::vec::Vec<::std::string::String> {
        ::std::mem::take(&mut self.secrets)
    }

    /// The path, percent-encoded, relative to the base URL.
    pub(crate) fn joined_path(&self) -> &str {
        &self.path
    }

    /// Whether the URL has query pairs after the path.
    pub(crate) fn has_query(&self) -> bool {
        !self.query.is_empty()
    }

    /// The URL: the base joined with the path, and the query pairs appended.
    pub(crate) fn url(
        &self,
        base: &BaseUrl,
    ) -> ::std::result::Result<::reqwest::Url, InvalidRequest> {
        self.url_joined(|path| base.join(path))
    }

    /// The URL, with the path joined to the base URL by `join`, and the query pairs
    /// appended.
    pub(crate) fn url_joined(
        &self,
        join: impl FnOnce(&str) -> ::std::result::Result<::reqwest::Url, InvalidRequest>,
    ) -> ::std::result::Result<::reqwest::Url, InvalidRequest> {
        let mut url = join(&self.path)?;
        if !self.query.is_empty() {
            let ours: ::std::vec::Vec<::std::string::String> = self
                .query
                .iter()
                .map(|(name, value)| format!("{name}={value}"))
                .collect();
            let query = match url.query().filter(|existing| !existing.is_empty()) {
                Some(existing) => format!("{existing}&{}", ours.join("&")),
                None => ours.join("&"),
            };
            url.set_query(Some(&query));
        }
        Ok(url)
    }

    /// Builds the request to `base_url` joined with the path, outside of a client's
    /// transport (for tests and tools): fails on the first value that could not be encoded.
    pub fn build(
        mut self,
        http: &::reqwest::Client,
        method: ::reqwest::Method,
        base_url: &str,
    ) -> ::std::result::Result<::reqwest::RequestBuilder, InvalidRequest> {
        if let Some(error) = self.take_error() {
            return Err(error);
        }
        let url = self.url(&BaseUrl::new(base_url.to_string()))?;
        let request = self.build_at(http, method, url)?;
        Ok(::reqwest::RequestBuilder::from_parts(http.clone(), request))
    }

    /// Builds the request on `url`: headers, cookies and body. A request without a body that
    /// normally has one says `Content-Length: 0`, as some proxies insist (411 otherwise).
    /// Headers and body are set on the request itself rather than through a
    /// `RequestBuilder`, which would be moved through every setter.
    pub(crate) fn build_at(
        self,
        http: &::reqwest::Client,
        method: ::reqwest::Method,
        url: ::reqwest::Url,
    ) -> ::std::result::Result<::reqwest::Request, InvalidRequest> {
        use ::reqwest::header::{HeaderName, HeaderValue};
        let expects_body = [
            ::reqwest::Method::POST,
            ::reqwest::Method::PUT,
            ::reqwest::Method::PATCH,
        ]
        .contains(&method);
        // A URL with a user or password, or without a host, and a multipart form are built
        // by the client: it takes the user and password out of the URL into an
        // `Authorization` header, rejects the URL, or sets the form's own headers. Other
        // requests are made directly, without the client's builder.
        let by_client = |builder: ::reqwest::RequestBuilder| {
            builder
                .build()
                .map_err(|error| InvalidRequest(crate::error::chain(&error.without_url())))
        };
        let bodiless = self.body.is_none();
        let (mut request, body) = match self.body {
            Some(Body::Multipart(form)) => {
                (by_client(http.request(method, url).multipart(form))?, None)
            }
            body if url.has_host() && url.username().is_empty() && url.password().is_none() => {
                (::reqwest::Request::new(method, url), body)
            }
            body => (by_client(http.request(method, url))?, body),
        };
        let headers = request.headers_mut();
        let accept = |headers: &mut ::reqwest::header::HeaderMap, media_types| {
            let value = static_value(media_types)
                .ok_or_else(|| InvalidRequest("invalid value for header `accept`".to_string()))?;
            headers.append(::reqwest::header::ACCEPT, value);
            Ok::<(), InvalidRequest>(())
        };
        let count = self.headers.len();
        for (index, (name, value, sensitive)) in self.headers.into_iter().enumerate() {
            if let Some((_, media_types)) = self.accept.filter(|(at, _)| *at == index) {
                accept(headers, media_types)?;
            }
            let name = HeaderName::from_bytes(name.as_bytes())
                .map_err(|_| InvalidRequest(format!("invalid header name `{name}`")))?;
            let value = match value {
                Text::Borrowed(text) => static_value(text),
                Text::Owned(text) => HeaderValue::try_from(text).ok(),
            };
            let mut value = value
                .ok_or_else(|| InvalidRequest(format!("invalid value for header `{name}`")))?;
            value.set_sensitive(sensitive);
            headers.append(name, value);
        }
        if let Some((_, media_types)) = self.accept.filter(|(at, _)| *at >= count) {
            accept(headers, media_types)?;
        }
        if !self.cookies.is_empty() {
            let cookie = self
                .cookies
                .iter()
                .map(|(k, v)| format!("{k}={}", encode_component(v)))
                .collect::<::std::vec::Vec<_>>()
                .join("; ");
            let mut value = HeaderValue::try_from(cookie)
                .map_err(|_| InvalidRequest("invalid cookie value".to_string()))?;
            value.set_sensitive(true);
            headers.append(::reqwest::header::COOKIE, value);
        }
        match body {
            Some(Body::Encoded(media_type, bytes)) => {
                let content_type = static_value(media_type)
                    .ok_or_else(|| InvalidRequest(format!("invalid media type `{media_type}`")))?;
                headers.append(::reqwest::header::CONTENT_TYPE, content_type);
                *request.body_mut() = Some(bytes.into());
            }
            _ if bodiless && expects_body => {
                let zero = ::reqwest::header::HeaderValue::from_static("0");
                headers.append(::reqwest::header::CONTENT_LENGTH, zero);
            }
            _ => {}
        }
        Ok(request)
    }
}

/// A header value of literal text, not copied where it is plain visible ASCII.
fn static_value(text: &'static str) -> Option<::reqwest::header::HeaderValue> {
    // `from_static` accepts exactly these bytes (and panics on others); text with other
    // bytes is copied, and checked, by `from_str`.
    if text
        .bytes()
        .all(|b| b == b'\t' || (b' '..=b'~').contains(&b))
    {
        Some(::reqwest::header::HeaderValue::from_static(text))
    } else {
        ::reqwest::header::HeaderValue::from_str(text).ok()
    }
}

/// A base URL as given, and parsed once, so that a request sets only its path on a copy
/// instead of parsing scheme, host and port again; the URL is the one [`join_url`] and a
/// parse of the whole would give.
#[derive(Debug, Clone)]
pub struct BaseUrl {
    text: ::std::string::String,
    /// The parsed URL (fragment dropped) and its path without trailing slashes, for an
    /// `http(s)` base URL that parses.
    parsed: Option<(::reqwest::Url, ::std::string::String)>,
}

impl BaseUrl {
    /// Parses `text`; one that does not parse is kept, and each request reports it.
    pub fn new(text: ::std::string::String) -> Self {
        let without_fragment = text.split('#').next().unwrap_or_default();
        let parsed = ::reqwest::Url::parse(without_fragment)
            .ok()
            .filter(|url| matches!(url.scheme(), "http" | "https"))
            .map(|url| {
                let prefix = url.path().trim_end_matches('/').to_string();
                (url, prefix)
            });
        BaseUrl { text, parsed }
    }

    /// The base URL as given.
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// The URL of `path` (percent-encoded, relative to the base). A path with `?`, `#`, `\`
    /// or characters a URL parser skips or encodes is joined as text and parsed whole.
    pub fn join(&self, path: &str) -> ::std::result::Result<::reqwest::Url, InvalidRequest> {
        let plain = path
            .bytes()
            .all(|b| b.is_ascii_graphic() && !matches!(b, b'?' | b'#' | b'\\'));
        match &self.parsed {
            Some((base, prefix)) if plain => {
                let path = path.trim_start_matches('/');
                let mut full = ::std::string::String::with_capacity(prefix.len() + 1 + path.len());
                full.push_str(prefix);
                full.push('/');
                full.push_str(path);
                let mut url = base.clone();
                url.set_path(&full);
                Ok(url)
            }
            _ => parse_joined(&self.text, path),
        }
    }
}

/// [`join_url`], parsed.
fn parse_joined(
    base_url: &str,
    path: &str,
) -> ::std::result::Result<::reqwest::Url, InvalidRequest> {
    let joined = join_url(base_url, path);
    ::reqwest::Url::parse(&joined).map_err(|error| {
        InvalidRequest(format!(
            "invalid URL `{joined}`: {error}; set the base URL with `Server::Custom`"
        ))
    })
}

/// Joins a base URL and a path with exactly one `/` between them, keeping any path prefix of
/// the base URL (`https://host/v1` + `/login` = `https://host/v1/login`) and any query it
/// carries (`https://host/v1?tenant=a` + `/login` = `https://host/v1/login?tenant=a`); a
/// fragment, which is never sent, is dropped.
pub fn join_url(base_url: &str, path: &str) -> ::std::string::String {
    let base_url = base_url.split('#').next().unwrap_or_default();
    let (base, query) = match base_url.split_once('?') {
        Some((base, query)) => (base, Some(query)),
        None => (base_url, None),
    };
    let base = base.trim_end_matches('/');
    let path = path.trim_start_matches('/');
    match query {
        Some(query) => format!("{base}/{path}?{query}"),
        None => format!("{base}/{path}"),
    }
}

/// Everything but RFC 3986 unreserved characters (`A-Z a-z 0-9 - . _ ~`).
const UNRESERVED: &::percent_encoding::AsciiSet = &::percent_encoding::NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'.')
    .remove(b'_')
    .remove(b'~');

/// Percent-encodes everything but RFC 3986 unreserved characters.
pub fn encode_component(text: &str) -> ::std::string::String {
    ::percent_encoding::utf8_percent_encode(text, UNRESERVED).to_string()
}

/// One path parameter, serialized by its style and percent-encoded. The style rules
/// (label, matrix, exploded objects) are OpenAPI's own; no URL crate knows them, so they are
/// applied here, each item encoded with [`encode_component`].
pub fn path_param<T: ::serde::Serialize + ?Sized>(
    name: &str,
    value: &T,
    style: Style,
    explode: bool,
) -> ::std::result::Result<::std::string::String, InvalidRequest> {
    let value = to_json(ParameterName(name), value, &mut ::std::vec::Vec::new())?;
    Ok(path_text(name, &value, style, explode))
}

fn path_text(
    name: &str,
    value: &::serde_json::Value,
    style: Style,
    explode: bool,
) -> ::std::string::String {
    // Exploded, an object's entries read `key=value`; otherwise keys and values alternate.
    let pairs = explode && value.is_object();
    let items: ::std::vec::Vec<::std::string::String> = match value {
        ::serde_json::Value::Object(map) if pairs => map
            .iter()
            .map(|(key, item)| {
                format!(
                    "{}={}",
                    encode_component(key),
                    encode_component(&scalar_text(item))
                )
            })
            .collect(),
        other => flatten(other)
            .iter()
            .map(|item| encode_component(item))
            .collect(),
    };
    match style {
        Style::Label if explode => format!(".{}", items.join(".")),
        Style::Label => format!(".{}", items.join(",")),
        Style::Matrix if pairs => items.iter().map(|item| format!(";{item}")).collect(),
        Style::Matrix if explode => items.iter().map(|item| format!(";{name}={item}")).collect(),
        Style::Matrix => format!(";{name}={}", items.join(",")),
        _ => items.join(","),
    }
}

/// `application/x-www-form-urlencoded` (encoded by `form_urlencoded`): fields in declaration
/// order, absent ones left out, lists as repeated fields, nested objects as JSON text. The
/// secrets among the values are added to `secrets`.
pub fn form_body<T: ::serde::Serialize + ?Sized>(
    body: &T,
    secrets: &mut ::std::vec::Vec<::std::string::String>,
) -> ::std::result::Result<::std::string::String, InvalidRequest> {
    let value = to_json("form body", body, secrets)?;
    let ::serde_json::Value::Object(map) = &value else {
        return Err(InvalidRequest("a form body must be an object".into()));
    };
    let mut form = ::form_urlencoded::Serializer::new(::std::string::String::new());
    for (name, item) in map {
        match item {
            ::serde_json::Value::Null => {}
            ::serde_json::Value::Array(items) => {
                for item in items {
                    form.append_pair(name, &scalar_text(item));
                }
            }
            other => {
                form.append_pair(name, &scalar_text(other));
            }
        }
    }
    Ok(form.finish())
}

/// The text parts of a multipart body; the fields named in `binary` are skipped.
fn multipart_text_parts(
    value: ::serde_json::Value,
    binary: &[&str],
) -> ::std::result::Result<::reqwest::multipart::Form, InvalidRequest> {
    let ::serde_json::Value::Object(map) = value else {
        return Err(InvalidRequest("a multipart body must be an object".into()));
    };
    let mut form = ::reqwest::multipart::Form::new();
    for (name, item) in map {
        if binary.contains(&name.as_str()) {
            continue;
        }
        match item {
            ::serde_json::Value::Null => {}
            ::serde_json::Value::Array(items) => {
                for item in items {
                    form = form.text(name.clone(), scalar_text(&item));
                }
            }
            other => form = form.text(name, scalar_text(&other)),
        }
    }
    Ok(form)
}
