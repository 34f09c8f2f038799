//! Documentation attributes from spec text.

use proc_macro2::TokenStream;
use quote::quote;

/// `#[doc = " line"]` per line, so the output reads as `///` comments. Spec text is Markdown
/// written for other tools: code fences become `text` blocks (rustdoc would compile them as
/// doctests) and leading indentation is dropped (rustdoc would read it as a code block).
pub(crate) fn doc_attrs(text: Option<&str>) -> TokenStream {
    let Some(text) = text else {
        return TokenStream::new();
    };
    let lines = doc_lines(text);
    quote! { #( #[doc = #lines] )* }
}

/// The same as [`doc_attrs`], for inner attributes (`#![doc]`) is not needed: crate docs live in
/// the README.
pub(crate) fn doc_lines(text: &str) -> Vec<String> {
    let mut in_fence = false;
    let mut out = Vec::new();
    for line in text.trim().lines() {
        let trimmed = line.trim();
        let line = if trimmed.starts_with("```") || trimmed.starts_with("~~~") {
            in_fence = !in_fence;
            if in_fence {
                "```text".to_string()
            } else {
                "```".to_string()
            }
        } else if in_fence {
            line.trim_end().to_string()
        } else {
            trimmed.to_string()
        };
        out.push(if line.is_empty() {
            String::new()
        } else {
            format!(" {line}")
        });
    }
    if in_fence {
        out.push(" ```".to_string());
    }
    out
}
