//! The runtime's encoders, for the constructs the five real specs do not use (query arrays in
//! every style, path parameters that need percent-encoding, header and cookie parameters,
//! basic credentials, binary multipart parts). The fixture clients in `tests/fixtures/wire_*`
//! call exactly these functions; the runtime is the same text in every generated crate, so it
//! is tested once, through the `runtime` module one real client exposes, instead of building
//! every fixture crate for a test run. Expected values follow the OpenAPI style table.

mod common;

use chift::runtime::{self, RequestParts, Style};
use common::{Reply, Server};
use serde_json::json;

/// The URL and headers `parts` build for `GET http://api.test/v2` + their path.
fn built(parts: RequestParts) -> reqwest::Request {
    parts
        .build(
            &reqwest::Client::new(),
            reqwest::Method::GET,
            "http://api.test/v2",
        )
        .expect("the request builds")
        .build()
        .expect("a request")
}

fn query_of(add: impl FnOnce(&mut RequestParts)) -> String {
    let mut parts = RequestParts::new("/x");
    add(&mut parts);
    built(parts).url().query().unwrap_or_default().to_string()
}

/// The query's pairs as a form decoder reads them back.
fn decoded(query: &str) -> Vec<(String, String)> {
    reqwest::Url::parse(&format!("http://h/?{query}"))
        .expect("a URL")
        .query_pairs()
        .map(|(k, v)| (k.into_owned(), v.into_owned()))
        .collect()
}

fn pairs(expected: &[(&str, &str)]) -> Vec<(String, String)> {
    expected
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect()
}

#[test]
fn query_form_exploded_repeats_the_name() {
    let query = query_of(|p| p.query_styled("id", &[3, 4, 5], Style::Form, true));
    assert_eq!(query, "id=3&id=4&id=5");
}

#[test]
fn query_form_not_exploded_joins_with_commas() {
    let query = query_of(|p| p.query_styled("tags", &["a", "b,c"], Style::Form, false));
    // The delimiter stays literal and a comma inside an item is encoded, so the server can
    // split before decoding and still see two items.
    assert_eq!(query, "tags=a,b%2Cc");
    let items: Vec<String> = query["tags=".len()..]
        .split(',')
        .map(|item| decoded(&format!("x={item}"))[0].1.clone())
        .collect();
    assert_eq!(items, ["a", "b,c"]);
}

#[test]
fn query_space_and_pipe_delimited() {
    let spaces =
        query_of(|p| p.query_styled("words", &["blue", "black"], Style::SpaceDelimited, false));
    assert_eq!(decoded(&spaces), pairs(&[("words", "blue black")]));
    assert_eq!(spaces, "words=blue%20black");
    let pipes =
        query_of(|p| p.query_styled("pipes", &["blue", "black"], Style::PipeDelimited, false));
    assert_eq!(pipes, "pipes=blue%7Cblack");
    assert_eq!(decoded(&pipes), pairs(&[("pipes", "blue|black")]));
}

/// Swagger 2.0's `collectionFormat: tsv`, which no 3.0 style names: items joined by a tab.
#[test]
fn query_tab_delimited_joins_with_tabs() {
    let tabs = query_of(|p| p.query_styled("tsv", &["blue", "black"], Style::TabDelimited, false));
    assert_eq!(tabs, "tsv=blue%09black");
    assert_eq!(decoded(&tabs), pairs(&[("tsv", "blue\tblack")]));
}

#[test]
fn query_deep_object_and_exploded_object() {
    let filter = json!({"status": "open", "owner": "me & you"});
    let deep = query_of(|p| p.query_styled("filter", &filter, Style::DeepObject, true));
    assert_eq!(
        decoded(&deep),
        pairs(&[("filter[status]", "open"), ("filter[owner]", "me & you")])
    );
    assert_eq!(
        deep,
        "filter%5Bstatus%5D=open&filter%5Bowner%5D=me%20%26%20you"
    );
    let exploded = query_of(|p| p.query_styled("filter", &filter, Style::Form, true));
    assert_eq!(
        decoded(&exploded),
        pairs(&[("status", "open"), ("owner", "me & you")])
    );
    let flat = query_of(|p| p.query_styled("filter", &filter, Style::Form, false));
    assert_eq!(
        decoded(&flat),
        pairs(&[("filter", "status,open,owner,me & you")])
    );
}

#[test]
fn query_scalars_absent_values_and_special_characters() {
    let query = query_of(|p| {
        p.query_styled("q", "a&b=c d+é/?#", Style::Form, true);
        p.query_styled("n", &7, Style::Form, true);
        p.query_styled("flag", &true, Style::Form, true);
        p.query_styled("unset", &None::<String>, Style::Form, true);
        p.query_styled("empty", &Vec::<String>::new(), Style::Form, true);
    });
    assert_eq!(
        decoded(&query),
        pairs(&[("q", "a&b=c d+é/?#"), ("n", "7"), ("flag", "true")])
    );
    assert_eq!(query, "q=a%26b%3Dc%20d%2B%C3%A9%2F%3F%23&n=7&flag=true");
}

#[test]
fn query_parameters_and_a_query_api_key_keep_their_order() {
    let mut parts = RequestParts::new("/search");
    parts.query("a", "1");
    parts.secret_query("api_key", "k&y".to_string());
    let request = parts
        .build(
            &reqwest::Client::new(),
            reqwest::Method::GET,
            "http://api.test/v2",
        )
        .expect("builds")
        .build()
        .expect("a request");
    assert_eq!(
        request.url().as_str(),
        "http://api.test/v2/search?a=1&api_key=k%26y"
    );
}

#[test]
fn path_parameters_are_percent_encoded() {
    let encoded = runtime::path_param("name", "a b/c?d#e%f&ü", Style::Simple, false).unwrap();
    assert_eq!(encoded, "a%20b%2Fc%3Fd%23e%25f%26%C3%BC");
    assert_eq!(
        runtime::path_param("id", &42, Style::Simple, false).unwrap(),
        "42"
    );
    // Safe characters pass through; reserved ones never split the path.
    assert_eq!(
        runtime::path_param("k", "A-z_0.9~", Style::Simple, false).unwrap(),
        "A-z_0.9~"
    );
    let mut parts = RequestParts::new("/files/");
    parts.path("folder", "../etc");
    let request = built(parts);
    assert_eq!(request.url().path(), "/v2/files/..%2Fetc");
}

#[test]
fn path_parameter_styles_follow_the_style_table() {
    let colors = ["blue", "black", "brown"];
    let rgb = json!({"R": 100, "G": 200, "B": 150});
    let cases: [(Style, bool, &serde_json::Value, &str); 10] = [
        (Style::Simple, false, &json!(colors), "blue,black,brown"),
        (Style::Simple, false, &rgb, "R,100,G,200,B,150"),
        (Style::Simple, true, &rgb, "R=100,G=200,B=150"),
        (Style::Label, false, &json!(colors), ".blue,black,brown"),
        (Style::Label, true, &json!(colors), ".blue.black.brown"),
        (Style::Label, true, &rgb, ".R=100.G=200.B=150"),
        (
            Style::Matrix,
            false,
            &json!(colors),
            ";color=blue,black,brown",
        ),
        (
            Style::Matrix,
            true,
            &json!(colors),
            ";color=blue;color=black;color=brown",
        ),
        (Style::Matrix, false, &rgb, ";color=R,100,G,200,B,150"),
        (Style::Matrix, true, &rgb, ";R=100;G=200;B=150"),
    ];
    for (style, explode, value, expected) in cases {
        assert_eq!(
            runtime::path_param("color", value, style, explode).unwrap(),
            expected,
            "{style:?} explode={explode} {value}"
        );
    }
    assert_eq!(
        runtime::path_param("color", "blue", Style::Label, false).unwrap(),
        ".blue"
    );
    assert_eq!(
        runtime::path_param("color", "blue", Style::Matrix, true).unwrap(),
        ";color=blue"
    );
    // Items are encoded one by one, so an item's own comma is not a separator.
    assert_eq!(
        runtime::path_param("c", &["a,b", "c d"], Style::Simple, false).unwrap(),
        "a%2Cb,c%20d"
    );
}

#[test]
fn headers_and_cookies() {
    let mut parts = RequestParts::new("/x");
    parts.header("X-Request-Id", "0b6a0f5e-8d1c-4a52-9a55-1c6f1d2e3f40");
    parts.header("X-Trace", &["a", "b"]);
    parts.header("X-Unset", &None::<String>);
    parts.cookie("session", "s p;a=ce");
    parts.cookie("theme", "dark");
    parts.cookie("unset", &None::<String>);
    parts.secret_header("Authorization", "Basic abc".to_string());
    let request = built(parts);
    let headers = request.headers();
    assert_eq!(
        headers["x-request-id"],
        "0b6a0f5e-8d1c-4a52-9a55-1c6f1d2e3f40"
    );
    assert_eq!(headers["x-trace"], "a,b");
    assert!(!headers.contains_key("x-unset"));
    assert_eq!(headers["cookie"], "session=s%20p%3Ba%3Dce; theme=dark");
    // Credentials and cookies are marked sensitive, so `reqwest`/`http` never print them.
    assert!(headers["cookie"].is_sensitive());
    assert!(headers["authorization"].is_sensitive());
    assert!(!headers["x-trace"].is_sensitive());
    assert_eq!(headers.len(), 4);
}

#[test]
fn header_objects_follow_explode() {
    let object = json!({"role": "admin", "firstName": "Alex"});
    let mut parts = RequestParts::new("/x");
    parts.header("X-Flat", &object);
    parts.header_exploded("X-Exploded", &object);
    parts.header_exploded("X-List", &["a", "b"]);
    parts.header_exploded("X-Unset", &None::<String>);
    let request = built(parts);
    let headers = request.headers();
    assert_eq!(headers["x-flat"], "role,admin,firstName,Alex");
    assert_eq!(headers["x-exploded"], "role=admin,firstName=Alex");
    assert_eq!(headers["x-list"], "a,b");
    assert!(headers.get("x-unset").is_none());
}

#[test]
fn secret_header_parameters_are_marked_sensitive() {
    let mut parts = RequestParts::new("/x");
    parts.sensitive_header("X-Api-Key", "k-123");
    parts.header("X-Trace", "t");
    let request = built(parts);
    let headers = request.headers();
    assert_eq!(headers["x-api-key"], "k-123");
    assert!(headers["x-api-key"].is_sensitive());
    assert!(!headers["x-trace"].is_sensitive());
    assert!(!format!("{headers:?}").contains("k-123"));
}

#[test]
fn an_invalid_header_value_is_an_error_not_a_panic() {
    let mut parts = RequestParts::new("/x");
    parts.header("X-Bad", "line\nbreak");
    let error = parts
        .build(
            &reqwest::Client::new(),
            reqwest::Method::GET,
            "http://api.test",
        )
        .expect_err("an invalid header value is rejected");
    assert!(error.0.contains("x-bad"), "{error}");
}

#[test]
fn basic_credentials_are_standard_base64() {
    // RFC 4648 test vectors (as passwords after `u:`), and the example of RFC 7617.
    let vectors = [
        ("Aladdin", "open sesame", "QWxhZGRpbjpvcGVuIHNlc2FtZQ=="),
        ("u", "", "dTo="),
        ("u", "f", "dTpm"),
        ("u", "fo", "dTpmbw=="),
        ("ü", "\u{ff}", "w7w6w78="),
    ];
    for (user, password, expected) in vectors {
        let mut parts = RequestParts::new("/x");
        parts.basic_auth(user, &runtime::Secret::new(password.to_string()));
        let request = built(parts);
        let header = &request.headers()["authorization"];
        assert_eq!(header, &format!("Basic {expected}"), "{user}:{password}");
        assert!(header.is_sensitive());
    }
}

#[test]
fn urls_join_with_exactly_one_slash() {
    let cases = [
        ("https://h", "/a", "https://h/a"),
        ("https://h/", "/a", "https://h/a"),
        ("https://h/v1", "/a", "https://h/v1/a"),
        ("https://h/v1/", "/a", "https://h/v1/a"),
        ("https://h/v1", "a", "https://h/v1/a"),
        ("https://h/v1//", "//a", "https://h/v1/a"),
        ("https://h/v1?tenant=t", "/a", "https://h/v1/a?tenant=t"),
        (
            "https://h/v1/?tenant=t#top",
            "/a",
            "https://h/v1/a?tenant=t",
        ),
        ("https://h/v1#top", "/a", "https://h/v1/a"),
    ];
    for (base, path, expected) in cases {
        assert_eq!(runtime::join_url(base, path), expected, "{base} + {path}");
    }
}

/// A base URL parsed once and joined with a path gives the URL that joining the text and
/// parsing the whole gives, whatever the base (prefix, slashes, query, fragment, port,
/// userinfo, IPv6, dot segments, encoded characters) and the path (encoded characters, `?`,
/// `#`, spaces, backslashes, non-ASCII, dot segments), and a base that does not parse fails
/// each request the same way.
#[test]
fn a_base_url_parsed_once_joins_as_the_whole_text_parses() {
    let bases = [
        "https://h",
        "https://h/",
        "http://h:8080/v1",
        "http://127.0.0.1:9/v1/",
        "https://user:pw@h/v1//",
        "https://[::1]:8443/a b/%41",
        "https://h/v1?tenant=t&x=%20",
        "https://h/v1/?tenant=t#top",
        "https://h/a/../v1/./b",
        "https://H\u{e9}.example/v1",
        "https://h/v1#frag",
        "ftp://h/v1",
        "not a url",
        "",
    ];
    let paths = [
        "",
        "/",
        "/token",
        "token",
        "//a//b",
        "/a%2Fb/%E2%9C%93",
        "/uploads?convert=x",
        "/a#b",
        "/a b",
        "/a\\b",
        "/\u{e9}t\u{e9}",
        "/a/../b/./c",
        "/%zz",
        "/..",
    ];
    for base in bases {
        let parsed_once = runtime::BaseUrl::new(base.to_string());
        assert_eq!(parsed_once.as_str(), base);
        for path in paths {
            let whole = reqwest::Url::parse(&runtime::join_url(base, path));
            match (parsed_once.join(path), whole) {
                (Ok(joined), Ok(whole)) => assert_eq!(joined, whole, "{base} + {path}"),
                (Err(_), Err(_)) => {}
                (joined, whole) => panic!("{base} + {path}: {joined:?} vs {whole:?}"),
            }
        }
    }
}

#[test]
fn a_query_in_the_base_url_comes_before_the_operations_own() {
    let mut parts = RequestParts::new("/search");
    parts.query("q", "x");
    let request = parts
        .build(
            &reqwest::Client::new(),
            reqwest::Method::GET,
            "http://api.test/v2?tenant=t",
        )
        .expect("builds")
        .build()
        .expect("a request");
    assert_eq!(
        request.url().as_str(),
        "http://api.test/v2/search?tenant=t&q=x"
    );
}

#[test]
fn form_bodies_repeat_lists_and_skip_nulls() {
    let body = json!({
        "name": "a b&c",
        "tags": ["x", "y"],
        "missing": null,
        "n": 1.5,
        "ok": false,
        "nested": {"k": "v"}
    });
    assert_eq!(
        runtime::form_body(&body, &mut Vec::new()).unwrap(),
        "name=a+b%26c&tags=x&tags=y&n=1.5&ok=false&nested=%7B%22k%22%3A%22v%22%7D"
    );
    assert!(runtime::form_body(&json!(["not", "an", "object"]), &mut Vec::new()).is_err());
}

#[tokio::test]
async fn multipart_bodies_carry_text_and_file_parts() {
    let body = json!({
        "caption": "a cat",
        "tags": ["x", "y"],
        "file": "skipped here: sent as a file part",
        "note": null
    });
    let mut form = RequestParts::new("/");
    form.multipart(&body, &["file"]);
    form.multipart_file("file", b"\x89PNG\r\n\x00\xff");
    let server = Server::start(Reply::status(204)).await;
    form.build(&reqwest::Client::new(), reqwest::Method::POST, server.url())
        .expect("builds")
        .send()
        .await
        .expect("sent");
    let parts = server.single_request().multipart();
    let summary: Vec<(&str, Option<&str>, &[u8])> = parts
        .iter()
        .map(|p| (p.name.as_str(), p.filename.as_deref(), p.body.as_slice()))
        .collect();
    assert_eq!(
        summary,
        [
            ("caption", None, b"a cat".as_slice()),
            ("tags", None, b"x".as_slice()),
            ("tags", None, b"y".as_slice()),
            ("file", Some("file"), b"\x89PNG\r\n\x00\xff".as_slice()),
        ]
    );
    let types: Vec<Option<&str>> = parts.iter().map(|p| p.content_type.as_deref()).collect();
    assert_eq!(types, [None, None, None, Some("application/octet-stream")]);
    let mut not_an_object = RequestParts::new("/");
    not_an_object.multipart(&json!("text"), &[]);
    assert!(not_an_object
        .build(
            &reqwest::Client::new(),
            reqwest::Method::POST,
            "http://api.test"
        )
        .is_err());
}

#[test]
fn secrets_are_plain_on_the_wire_and_redacted_in_print() {
    let secret = runtime::Secret::new("pa55".to_string());
    assert_eq!(format!("{secret:?}"), "Secret([redacted])");
    assert_eq!(format!("{secret}"), "[redacted]");
    assert_eq!(serde_json::to_string(&secret).unwrap(), r#""pa55""#);
    let back: runtime::Secret<String> = serde_json::from_str(r#""pa55""#).unwrap();
    assert_eq!(back.expose(), "pa55");
}
