//! Stage 6: tokens to text. One formatting path for every generated Rust file.

use crate::error::Error;
use proc_macro2::TokenStream;

/// Parses tokens as a file and pretty-prints them, with the header line on top.
pub(crate) fn format_rust(tokens: TokenStream, header: &str, path: &str) -> Result<String, Error> {
    let file: syn::File = syn::parse2(tokens).map_err(|error| {
        Error::Internal(format!("{path}: generated code does not parse: {error}"))
    })?;
    Ok(format!("// {header}\n\n{}", prettyplease::unparse(&file)))
}

/// Fixed Rust source (the runtime module) through the same printer. The text is the same in
/// every generation, so it is printed once per process: otherwise it costs most of the time of
/// generating a small spec (which the fuzz tests do thousands of times).
pub(crate) fn format_rust_text(text: &str, header: &str, path: &str) -> Result<String, Error> {
    static PRINTED: std::sync::OnceLock<std::sync::Mutex<Vec<(String, String)>>> =
        std::sync::OnceLock::new();
    let printed = PRINTED.get_or_init(Default::default);
    let cached = printed.lock().ok().and_then(|cache| {
        cache
            .iter()
            .find(|(source, _)| source == text)
            .map(|(_, out)| out.clone())
    });
    let body = match cached {
        Some(body) => body,
        None => {
            let file: syn::File = syn::parse_str(text).map_err(|error| {
                Error::Internal(format!("{path}: template does not parse: {error}"))
            })?;
            let body = prettyplease::unparse(&file);
            if let Ok(mut cache) = printed.lock() {
                cache.push((text.to_string(), body.clone()));
            }
            body
        }
    };
    Ok(format!("// {header}\n\n{body}"))
}
