//! A small HTTP/1.1 server on 127.0.0.1 for the wire tests. It records each request exactly
//! as it arrived (method, target, headers in order, body bytes) and answers with scripted
//! replies, so a test can assert both what a generated client sends and what it makes of
//! any answer, including ones a well-behaved server would never give.
//!
//! Written by hand rather than taken from a mock-server crate: the tests need the raw bytes
//! (header order, body encoding, multipart framing) and replies no mock server offers
//! (a body longer than its announced limit, invalid UTF-8, a reply that never comes).

// Each test binary uses its own subset of these helpers.
#![allow(dead_code)]

use std::sync::{Arc, Mutex};
use std::time::Duration;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};

/// How a reply's body is framed on the wire.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Framing {
    /// With a `Content-Length` header.
    Length,
    /// `Transfer-Encoding: chunked`, so the client learns the size only while reading.
    Chunked,
    /// A `Content-Length` for the whole body, but only this many bytes of it before the
    /// connection closes.
    Truncated(usize),
}

/// One scripted answer.
#[derive(Debug, Clone)]
pub struct Reply {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
    pub delay: Duration,
    pub framing: Framing,
    /// Answer with the request itself, as servers that quote their input do.
    pub echo: Option<Echo>,
}

/// Where an echoing reply puts the request it received (method, target, headers, body, as
/// text).
#[derive(Debug, Clone)]
pub enum Echo {
    /// A JSON body: every string `"{request}"` in this template becomes the request's text.
    Json(serde_json::Value),
    /// A `text/plain` body.
    Text,
    /// No body: only the `x-echo` header every echo carries (line breaks and bytes a header
    /// cannot hold replaced by spaces).
    Header,
}

impl Reply {
    /// A reply with no body.
    pub fn status(status: u16) -> Reply {
        Reply {
            status,
            headers: Vec::new(),
            body: Vec::new(),
            delay: Duration::ZERO,
            framing: Framing::Length,
            echo: None,
        }
    }

    /// A reply that quotes the request back (see [`Echo`]).
    pub fn echo(status: u16, echo: Echo) -> Reply {
        Reply {
            echo: Some(echo),
            ..Reply::status(status)
        }
    }

    /// This reply, with the request filled in where it echoes it.
    fn answering(&self, request: &Recorded) -> Reply {
        let Some(echo) = &self.echo else {
            return self.clone();
        };
        let mut text = format!("{} {}\n", request.method, request.target);
        for (name, value) in &request.headers {
            text.push_str(&format!("{name}: {value}\n"));
        }
        text.push_str(&String::from_utf8_lossy(&request.body));
        let reply = match echo {
            Echo::Json(template) => Reply::bytes(
                self.status,
                "application/json",
                fill(template, &text).to_string(),
            ),
            Echo::Text => Reply::bytes(self.status, "text/plain", text.clone()),
            Echo::Header => Reply::status(self.status),
        };
        // Every echo also quotes the request in a header.
        let value: String = text
            .chars()
            .map(|c| {
                if c.is_ascii_graphic() || c == ' ' {
                    c
                } else {
                    ' '
                }
            })
            .collect();
        reply.header("x-echo", &value)
    }

    /// A JSON reply.
    pub fn json(status: u16, value: serde_json::Value) -> Reply {
        Reply::bytes(status, "application/json", value.to_string().into_bytes())
    }

    /// A reply with any content type and body bytes (which need not be valid UTF-8).
    pub fn bytes(status: u16, content_type: &str, body: impl Into<Vec<u8>>) -> Reply {
        Reply {
            body: body.into(),
            ..Reply::status(status)
        }
        .header("Content-Type", content_type)
    }

    /// Adds a response header.
    pub fn header(mut self, name: &str, value: &str) -> Reply {
        self.headers.push((name.to_string(), value.to_string()));
        self
    }

    /// Waits this long after reading the request before answering.
    pub fn delayed(mut self, delay: Duration) -> Reply {
        self.delay = delay;
        self
    }

    /// Sends the body chunked, without a `Content-Length`.
    pub fn chunked(mut self) -> Reply {
        self.framing = Framing::Chunked;
        self
    }

    /// Announces the whole body but sends only its first `sent` bytes, then closes.
    pub fn truncated(mut self, sent: usize) -> Reply {
        self.framing = Framing::Truncated(sent);
        self
    }
}

/// One request as it arrived.
#[derive(Debug, Clone)]
pub struct Recorded {
    pub method: String,
    /// The request target: path and query, exactly as sent.
    pub target: String,
    /// Header names lowercased, values as sent, in arrival order.
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
    /// When the request was read, on tokio's clock (which a test may pause).
    pub received: tokio::time::Instant,
}

impl Recorded {
    /// The path, without the query.
    pub fn path(&self) -> &str {
        self.target.split('?').next().unwrap_or_default()
    }

    /// The raw query string, if there is one.
    pub fn query(&self) -> Option<&str> {
        self.target.split_once('?').map(|(_, query)| query)
    }

    /// The value of a header that must occur at most once.
    pub fn header(&self, name: &str) -> Option<&str> {
        let values = self.header_all(name);
        assert!(
            values.len() <= 1,
            "header `{name}` sent {} times",
            values.len()
        );
        values.first().copied()
    }

    /// Every value of a header, in order.
    pub fn header_all(&self, name: &str) -> Vec<&str> {
        let name = name.to_ascii_lowercase();
        self.headers
            .iter()
            .filter(|(n, _)| *n == name)
            .map(|(_, v)| v.as_str())
            .collect()
    }

    /// Header names, sorted, for asserting that nothing else was sent.
    pub fn header_names(&self) -> Vec<&str> {
        let mut names: Vec<&str> = self.headers.iter().map(|(n, _)| n.as_str()).collect();
        names.sort_unstable();
        names
    }

    /// Asserts the complete set of headers: none missing, none extra, none repeated. An
    /// expected value of `*` accepts any value (a multipart boundary).
    pub fn assert_headers(&self, expected: &[(&str, &str)]) {
        let any_value = |name: &str| expected.iter().any(|(n, v)| *n == name && *v == "*");
        let mut actual: Vec<(&str, &str)> = self
            .headers
            .iter()
            .map(|(n, v)| (n.as_str(), if any_value(n) { "*" } else { v.as_str() }))
            .collect();
        let mut expected = expected.to_vec();
        actual.sort_unstable();
        expected.sort_unstable();
        assert_eq!(actual, expected, "request headers");
    }

    /// The body as UTF-8 text.
    pub fn body_text(&self) -> &str {
        std::str::from_utf8(&self.body).expect("request body is UTF-8")
    }

    /// The body parsed as `multipart/form-data`, using the boundary from `Content-Type`.
    pub fn multipart(&self) -> Vec<Part> {
        let content_type = self.header("content-type").expect("a content type");
        let boundary = content_type
            .split(';')
            .map(str::trim)
            .find_map(|p| p.strip_prefix("boundary="))
            .expect("a multipart boundary")
            .trim_matches('"');
        parse_multipart(&self.body, boundary)
    }
}

/// One part of a multipart body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Part {
    pub name: String,
    pub filename: Option<String>,
    pub content_type: Option<String>,
    pub body: Vec<u8>,
}

impl Part {
    /// The part's body as text.
    pub fn text(&self) -> &str {
        std::str::from_utf8(&self.body).expect("part body is UTF-8")
    }
}

/// Splits a multipart body into parts. Panics on framing errors: the body under test is
/// then wrong, and the panic message says how.
fn parse_multipart(body: &[u8], boundary: &str) -> Vec<Part> {
    let delimiter = format!("--{boundary}");
    let mut rest = body
        .strip_prefix(delimiter.as_bytes())
        .expect("the body starts with the boundary");
    let mut parts = Vec::new();
    loop {
        if rest.starts_with(b"--") {
            assert!(
                rest == b"--" || rest == b"--\r\n",
                "data after the closing boundary"
            );
            return parts;
        }
        rest = rest.strip_prefix(b"\r\n").expect("CRLF after a boundary");
        let next = format!("\r\n{delimiter}");
        let end = find(rest, next.as_bytes()).expect("a boundary after each part");
        parts.push(parse_part(&rest[..end]));
        rest = &rest[end + next.len()..];
    }
}

fn parse_part(raw: &[u8]) -> Part {
    let split = find(raw, b"\r\n\r\n").expect("a blank line after the part headers");
    let head = std::str::from_utf8(&raw[..split]).expect("part headers are UTF-8");
    let mut part = Part {
        name: String::new(),
        filename: None,
        content_type: None,
        body: raw[split + 4..].to_vec(),
    };
    for line in head.split("\r\n") {
        let (name, value) = line.split_once(':').expect("a part header line");
        match name.trim().to_ascii_lowercase().as_str() {
            "content-disposition" => {
                for param in value.split(';').map(str::trim) {
                    if let Some(v) = param.strip_prefix("name=") {
                        part.name = v.trim_matches('"').to_string();
                    } else if let Some(v) = param.strip_prefix("filename=") {
                        part.filename = Some(v.trim_matches('"').to_string());
                    }
                }
            }
            "content-type" => part.content_type = Some(value.trim().to_string()),
            other => panic!("unexpected part header `{other}`"),
        }
    }
    part
}

/// `template` with every string `"{request}"` replaced by `text`.
fn fill(template: &serde_json::Value, text: &str) -> serde_json::Value {
    match template {
        serde_json::Value::String(s) if s == "{request}" => serde_json::Value::String(text.into()),
        serde_json::Value::Array(items) => items.iter().map(|i| fill(i, text)).collect(),
        serde_json::Value::Object(map) => map
            .iter()
            .map(|(k, v)| (k.clone(), fill(v, text)))
            .collect::<serde_json::Map<_, _>>()
            .into(),
        other => other.clone(),
    }
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

/// The server: answers the scripted replies in order, repeating the last one.
pub struct Server {
    url: String,
    requests: Arc<Mutex<Vec<Recorded>>>,
    task: tokio::task::JoinHandle<()>,
}

impl Server {
    /// A server that gives every request the same reply.
    pub async fn start(reply: Reply) -> Server {
        Server::sequence(vec![reply]).await
    }

    /// A server that answers the n-th request with the n-th reply (the last one repeats).
    pub async fn sequence(replies: Vec<Reply>) -> Server {
        assert!(!replies.is_empty(), "a server needs at least one reply");
        let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind");
        let url = format!("http://{}", listener.local_addr().expect("address"));
        let requests = Arc::new(Mutex::new(Vec::new()));
        let script = Arc::new(replies);
        let recorded = Arc::clone(&requests);
        let task = tokio::spawn(async move {
            while let Ok((stream, _)) = listener.accept().await {
                let recorded = Arc::clone(&recorded);
                let script = Arc::clone(&script);
                tokio::spawn(serve_connection(stream, recorded, script));
            }
        });
        Server {
            url,
            requests,
            task,
        }
    }

    /// `http://127.0.0.1:<port>`, without a trailing slash.
    pub fn url(&self) -> &str {
        &self.url
    }

    /// Every request received so far.
    pub fn requests(&self) -> Vec<Recorded> {
        self.requests.lock().expect("lock").clone()
    }

    /// The one request received; fails if there were more or none.
    pub fn single_request(&self) -> Recorded {
        let requests = self.requests();
        assert_eq!(requests.len(), 1, "expected exactly one request");
        requests.into_iter().next().expect("one request")
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.task.abort();
    }
}

/// Serves one keep-alive connection until the client closes it.
async fn serve_connection(
    mut stream: TcpStream,
    recorded: Arc<Mutex<Vec<Recorded>>>,
    script: Arc<Vec<Reply>>,
) {
    let mut buffer = Vec::new();
    while let Some(request) = read_request(&mut stream, &mut buffer).await {
        let index = {
            let mut requests = recorded.lock().expect("lock");
            requests.push(request.clone());
            requests.len() - 1
        };
        let reply = &script[index.min(script.len() - 1)].answering(&request);
        tokio::time::sleep(reply.delay).await;
        if stream.write_all(&encode_reply(reply)).await.is_err() {
            return;
        }
        if let Framing::Truncated(_) = reply.framing {
            // Closing is what makes the body short; keeping the connection would stall it.
            return;
        }
    }
}

/// Reads one request; `None` when the connection closes first.
async fn read_request(stream: &mut TcpStream, buffer: &mut Vec<u8>) -> Option<Recorded> {
    let head_end = loop {
        if let Some(end) = find(buffer, b"\r\n\r\n") {
            break end;
        }
        read_more(stream, buffer).await?;
    };
    let head = String::from_utf8(buffer[..head_end].to_vec()).expect("request head is UTF-8");
    buffer.drain(..head_end + 4);
    let mut lines = head.split("\r\n");
    let mut request_line = lines.next()?.split(' ');
    let method = request_line.next()?.to_string();
    let target = request_line.next()?.to_string();
    let headers: Vec<(String, String)> = lines
        .filter_map(|line| line.split_once(':'))
        .map(|(n, v)| (n.trim().to_ascii_lowercase(), v.trim().to_string()))
        .collect();
    let value = |name: &str| {
        headers
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.clone())
    };
    let body = if value("transfer-encoding").is_some_and(|v| v.eq_ignore_ascii_case("chunked")) {
        read_chunked(stream, buffer).await?
    } else {
        let length: usize = value("content-length").map_or(0, |v| v.parse().expect("length"));
        while buffer.len() < length {
            read_more(stream, buffer).await?;
        }
        buffer.drain(..length).collect()
    };
    Some(Recorded {
        method,
        target,
        headers,
        body,
        received: tokio::time::Instant::now(),
    })
}

async fn read_chunked(stream: &mut TcpStream, buffer: &mut Vec<u8>) -> Option<Vec<u8>> {
    let mut body = Vec::new();
    loop {
        let line_end = loop {
            if let Some(end) = find(buffer, b"\r\n") {
                break end;
            }
            read_more(stream, buffer).await?;
        };
        let size_text = String::from_utf8(buffer[..line_end].to_vec()).ok()?;
        let size = usize::from_str_radix(size_text.split(';').next()?.trim(), 16).ok()?;
        buffer.drain(..line_end + 2);
        while buffer.len() < size + 2 {
            read_more(stream, buffer).await?;
        }
        body.extend(buffer.drain(..size));
        buffer.drain(..2);
        if size == 0 {
            return Some(body);
        }
    }
}

async fn read_more(stream: &mut TcpStream, buffer: &mut Vec<u8>) -> Option<()> {
    let mut chunk = [0u8; 8192];
    match stream.read(&mut chunk).await {
        Ok(0) | Err(_) => None,
        Ok(n) => {
            buffer.extend_from_slice(&chunk[..n]);
            Some(())
        }
    }
}

fn encode_reply(reply: &Reply) -> Vec<u8> {
    let mut out = format!("HTTP/1.1 {} {}\r\n", reply.status, reason(reply.status));
    for (name, value) in &reply.headers {
        out.push_str(&format!("{name}: {value}\r\n"));
    }
    match reply.framing {
        Framing::Length | Framing::Truncated(_) => {
            out.push_str(&format!("Content-Length: {}\r\n\r\n", reply.body.len()))
        }
        Framing::Chunked => out.push_str("Transfer-Encoding: chunked\r\n\r\n"),
    }
    let mut bytes = out.into_bytes();
    match reply.framing {
        Framing::Length => bytes.extend_from_slice(&reply.body),
        Framing::Truncated(sent) => {
            bytes.extend_from_slice(&reply.body[..sent.min(reply.body.len())])
        }
        Framing::Chunked => {
            for chunk in reply.body.chunks(4096) {
                bytes.extend_from_slice(format!("{:x}\r\n", chunk.len()).as_bytes());
                bytes.extend_from_slice(chunk);
                bytes.extend_from_slice(b"\r\n");
            }
            bytes.extend_from_slice(b"0\r\n\r\n");
        }
    }
    bytes
}

/// Reason phrases are informational only; clients must not rely on them.
fn reason(status: u16) -> &'static str {
    match status {
        200 => "OK",
        404 => "Not Found",
        _ => "Status",
    }
}
