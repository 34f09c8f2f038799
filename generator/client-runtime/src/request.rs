//! Request building: parameters serialized by their OpenAPI style, bodies by media type, and
//! the URL.

use super::*;

pub use crate::style::Style;

/// The path, query pairs, headers, cookies and body gathered for one request.
#[derive(Default)]
pub struct RequestParts {
    /// The path, percent-encoded, relative to the base URL.
    path: ::std::string::String,
    /// Percent-encoded `name=value` pairs. They are encoded here, item by item, so that the
    /// delimiter between array items stays literal (`a%2Cb,c` is two items, `a,b,c` three).
    query: ::std::vec::Vec<(::std::string::String, ::std::string::String)>,
    headers: ::std::vec::Vec<(::std::string::String, ::std::string::String, bool)>,
    cookies: ::std::vec::Vec<(::std::string::String, ::std::string::String)>,
    body: ::std::option::Option<Body>,
    /// Credentials attached from sources, renewed once on a 401 (see `renew.rs`).
    pub(crate) sourced: ::std::vec::Vec<crate::renew::Sourced>,
}

/// A request body, encoded.
enum Body {
    Encoded(&'static str, ::std::vec::Vec<u8>),
    Multipart(::reqwest::multipart::Form),
}

fn to_json<T: ::serde::Serialize + ?Sized>(
    name: &str,
    value: &T,
) -> ::std::result::Result<::serde_json::Value, InvalidRequest> {
    ::serde_json::to_value(value)
        .map_err(|error| InvalidRequest(format!("parameter `{name}`: {error}")))
}

fn scalar_text(value: &::serde_json::Value) -> ::std::string::String {
    match value {
        ::serde_json::Value::String(text) => text.clone(),
        ::serde_json::Value::Null => ::std::string::String::new(),
        other => other.to_string(),
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
    pub fn new(path: &str) -> Self {
        RequestParts {
            path: path.to_string(),
            ..RequestParts::default()
        }
    }

    /// Appends literal path text.
    pub fn path_text(&mut self, text: &str) {
        self.path.push_str(text);
    }

    /// Appends a path parameter in the default style (`simple`, not exploded).
    pub fn path<T: ::serde::Serialize + ?Sized>(
        &mut self,
        name: &str,
        value: &T,
    ) -> ::std::result::Result<(), InvalidRequest> {
        self.path_styled(name, value, Style::Simple, false)
    }

    /// Appends a path parameter in the given style.
    pub fn path_styled<T: ::serde::Serialize + ?Sized>(
        &mut self,
        name: &str,
        value: &T,
        style: Style,
        explode: bool,
    ) -> ::std::result::Result<(), InvalidRequest> {
        let text = path_param(name, value, style, explode)?;
        self.path.push_str(&text);
        Ok(())
    }

    /// Adds a query parameter in the default style (`form`, exploded); `None` adds nothing.
    pub fn query<T: ::serde::Serialize + ?Sized>(
        &mut self,
        name: &str,
        value: &T,
    ) -> ::std::result::Result<(), InvalidRequest> {
        self.query_styled(name, value, Style::Form, true)
    }

    /// Adds a query parameter in the given style; `None` (null) adds nothing.
    pub fn query_styled<T: ::serde::Serialize + ?Sized>(
        &mut self,
        name: &str,
        value: &T,
        style: Style,
        explode: bool,
    ) -> ::std::result::Result<(), InvalidRequest> {
        let value = to_json(name, value)?;
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
        Ok(())
    }

    /// Adds a header (`simple` style); `None` adds nothing.
    pub fn header<T: ::serde::Serialize + ?Sized>(
        &mut self,
        name: &str,
        value: &T,
    ) -> ::std::result::Result<(), InvalidRequest> {
        self.header_marked(name, value, false)
    }

    /// Adds a header parameter that carries a secret (an API key, a password): like
    /// [`RequestParts::header`], with the value marked sensitive so it is never printed.
    pub fn sensitive_header<T: ::serde::Serialize + ?Sized>(
        &mut self,
        name: &str,
        value: &T,
    ) -> ::std::result::Result<(), InvalidRequest> {
        self.header_marked(name, value, true)
    }

    /// Adds a header parameter with `explode: true`: an object's entries read `key=value`
    /// (`role=admin,firstName=Alex`); other values as [`RequestParts::header`].
    pub fn header_exploded<T: ::serde::Serialize + ?Sized>(
        &mut self,
        name: &str,
        value: &T,
    ) -> ::std::result::Result<(), InvalidRequest> {
        let value = to_json(name, value)?;
        let text = match &value {
            ::serde_json::Value::Null => return Ok(()),
            ::serde_json::Value::Object(map) => map
                .iter()
                .map(|(key, item)| format!("{key}={}", scalar_text(item)))
                .collect::<::std::vec::Vec<_>>()
                .join(","),
            other => flatten(other).join(","),
        };
        self.headers.push((name.to_string(), text, false));
        Ok(())
    }

    fn header_marked<T: ::serde::Serialize + ?Sized>(
        &mut self,
        name: &str,
        value: &T,
        sensitive: bool,
    ) -> ::std::result::Result<(), InvalidRequest> {
        let value = to_json(name, value)?;
        if !value.is_null() {
            self.headers
                .push((name.to_string(), flatten(&value).join(","), sensitive));
        }
        Ok(())
    }

    /// Adds a header whose value is a credential: marked sensitive so it is never printed.
    pub fn secret_header(&mut self, name: &str, value: ::std::string::String) {
        self.headers.push((name.to_string(), value, true));
    }

    /// Adds a cookie; `None` adds nothing.
    pub fn cookie<T: ::serde::Serialize + ?Sized>(
        &mut self,
        name: &str,
        value: &T,
    ) -> ::std::result::Result<(), InvalidRequest> {
        let value = to_json(name, value)?;
        if !value.is_null() {
            self.cookies
                .push((name.to_string(), flatten(&value).join(",")));
        }
        Ok(())
    }

    /// Adds a query pair as it is (API keys).
    pub fn raw_query(&mut self, name: &str, value: ::std::string::String) {
        self.query
            .push((encode_component(name), encode_component(&value)));
    }

    /// A JSON body (`application/json` or another JSON media type).
    pub fn json<T: ::serde::Serialize + ?Sized>(
        &mut self,
        media_type: &'static str,
        body: &T,
    ) -> ::std::result::Result<(), InvalidRequest> {
        let bytes = ::serde_json::to_vec(body)
            .map_err(|error| InvalidRequest(format!("JSON body: {error}")))?;
        self.body = Some(Body::Encoded(media_type, bytes));
        Ok(())
    }

    /// An `application/x-www-form-urlencoded` body.
    pub fn form<T: ::serde::Serialize + ?Sized>(
        &mut self,
        media_type: &'static str,
        body: &T,
    ) -> ::std::result::Result<(), InvalidRequest> {
        self.body = Some(Body::Encoded(media_type, form_body(body)?.into_bytes()));
        Ok(())
    }

    /// A body sent as it is (text or bytes).
    pub fn raw(
        &mut self,
        media_type: &'static str,
        body: impl ::std::convert::Into<::std::vec::Vec<u8>>,
    ) {
        self.body = Some(Body::Encoded(media_type, body.into()));
    }

    /// A `multipart/form-data` body.
    pub fn multipart(&mut self, form: ::reqwest::multipart::Form) {
        self.body = Some(Body::Multipart(form));
    }

    /// Builds the request: URL from base and path, then query, headers, cookies and body.
    pub fn build(
        self,
        http: &::reqwest::Client,
        method: ::reqwest::Method,
        base_url: &str,
    ) -> ::std::result::Result<::reqwest::RequestBuilder, InvalidRequest> {
        let url = parse_joined(base_url, &self.path)?;
        self.build_at(http, method, url)
    }

    /// [`RequestParts::build`] on a base URL parsed once.
    pub fn build_on(
        self,
        http: &::reqwest::Client,
        method: ::reqwest::Method,
        base: &BaseUrl,
    ) -> ::std::result::Result<::reqwest::RequestBuilder, InvalidRequest> {
        let url = base.join(&self.path)?;
        self.build_at(http, method, url)
    }

    fn build_at(
        self,
        http: &::reqwest::Client,
        method: ::reqwest::Method,
        mut url: ::reqwest::Url,
    ) -> ::std::result::Result<::reqwest::RequestBuilder, InvalidRequest> {
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
        let mut request = http.request(method, url);
        for (name, value, sensitive) in self.headers {
            let name = ::reqwest::header::HeaderName::from_bytes(name.as_bytes())
                .map_err(|_| InvalidRequest(format!("invalid header name `{name}`")))?;
            let mut value = ::reqwest::header::HeaderValue::from_str(&value)
                .map_err(|_| InvalidRequest(format!("invalid value for header `{name}`")))?;
            value.set_sensitive(sensitive);
            request = request.header(name, value);
        }
        if !self.cookies.is_empty() {
            let cookie = self
                .cookies
                .iter()
                .map(|(k, v)| format!("{k}={}", encode_component(v)))
                .collect::<::std::vec::Vec<_>>()
                .join("; ");
            let mut value = ::reqwest::header::HeaderValue::from_str(&cookie)
                .map_err(|_| InvalidRequest("invalid cookie value".to_string()))?;
            value.set_sensitive(true);
            request = request.header(::reqwest::header::COOKIE, value);
        }
        match self.body {
            Some(Body::Encoded(media_type, bytes)) => {
                request = request
                    .header(::reqwest::header::CONTENT_TYPE, media_type)
                    .body(bytes)
            }
            Some(Body::Multipart(form)) => request = request.multipart(form),
            None => {}
        }
        Ok(request)
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

/// Percent-encodes everything but RFC 3986 unreserved characters.
pub fn encode_component(text: &str) -> ::std::string::String {
    let mut out = ::std::string::String::with_capacity(text.len());
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'.' | b'_' | b'~') {
            out.push(byte as char);
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

/// One path parameter, serialized by its style and percent-encoded.
pub fn path_param<T: ::serde::Serialize + ?Sized>(
    name: &str,
    value: &T,
    style: Style,
    explode: bool,
) -> ::std::result::Result<::std::string::String, InvalidRequest> {
    let value = to_json(name, value)?;
    // Exploded, an object's entries read `key=value`; otherwise keys and values alternate.
    let pairs = explode && value.is_object();
    let items: ::std::vec::Vec<::std::string::String> = match &value {
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
    Ok(match style {
        Style::Label if explode => format!(".{}", items.join(".")),
        Style::Label => format!(".{}", items.join(",")),
        Style::Matrix if pairs => items.iter().map(|item| format!(";{item}")).collect(),
        Style::Matrix if explode => items.iter().map(|item| format!(";{name}={item}")).collect(),
        Style::Matrix => format!(";{name}={}", items.join(",")),
        _ => items.join(","),
    })
}

/// `application/x-www-form-urlencoded`: fields in declaration order, absent ones left out,
/// lists as repeated fields, nested objects as JSON text.
pub fn form_body<T: ::serde::Serialize + ?Sized>(
    body: &T,
) -> ::std::result::Result<::std::string::String, InvalidRequest> {
    let value = ::serde_json::to_value(body)
        .map_err(|error| InvalidRequest(format!("form body: {error}")))?;
    let mut out = ::std::string::String::new();
    let mut push = |name: &str, value: &::serde_json::Value| {
        if !out.is_empty() {
            out.push('&');
        }
        out.push_str(&form_encode(name));
        out.push('=');
        out.push_str(&form_encode(&scalar_text(value)));
    };
    let ::serde_json::Value::Object(map) = &value else {
        return Err(InvalidRequest("a form body must be an object".into()));
    };
    for (name, item) in map {
        match item {
            ::serde_json::Value::Null => {}
            ::serde_json::Value::Array(items) => items.iter().for_each(|i| push(name, i)),
            other => push(name, other),
        }
    }
    Ok(out)
}

/// The form encoding of one name or value (spaces as `+`).
fn form_encode(text: &str) -> ::std::string::String {
    encode_component(text).replace("%20", "+")
}

/// `multipart/form-data`: one text part per field (JSON text for structured values), absent
/// fields left out; the fields named in `binary` are skipped here and added as file parts.
pub fn multipart_text_parts<T: ::serde::Serialize + ?Sized>(
    body: &T,
    binary: &[&str],
) -> ::std::result::Result<::reqwest::multipart::Form, InvalidRequest> {
    let value = ::serde_json::to_value(body)
        .map_err(|error| InvalidRequest(format!("multipart body: {error}")))?;
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

/// Adds a file part, labelled `application/octet-stream` as RFC 7578 asks for file data of
/// unknown type (unlabelled, a server reads the part as `text/plain`).
pub fn multipart_file(
    form: ::reqwest::multipart::Form,
    name: &str,
    bytes: &[u8],
) -> ::reqwest::multipart::Form {
    let part = || ::reqwest::multipart::Part::bytes(bytes.to_vec()).file_name(name.to_string());
    // The literal media type always parses; the fallback is the same part without a label.
    let part = part()
        .mime_str("application/octet-stream")
        .unwrap_or_else(|_| part());
    form.part(name.to_string(), part)
}

/// Standard base64, for HTTP basic credentials.
pub fn base64(input: &[u8]) -> ::std::string::String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = ::std::string::String::with_capacity(input.len().div_ceil(3) * 4);
    for chunk in input.chunks(3) {
        let b = [
            chunk[0],
            *chunk.get(1).unwrap_or(&0),
            *chunk.get(2).unwrap_or(&0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for (i, shift) in [18u32, 12, 6, 0].iter().enumerate() {
            if i <= chunk.len() {
                out.push(ALPHABET[((n >> shift) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}
