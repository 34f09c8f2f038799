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

/// Fixed Rust source (the runtime module) through the same printer.
pub(crate) fn format_rust_text(text: &str, header: &str, path: &str) -> Result<String, Error> {
    let file: syn::File = syn::parse_str(text)
        .map_err(|error| Error::Internal(format!("{path}: template does not parse: {error}")))?;
    Ok(format!("// {header}\n\n{}", prettyplease::unparse(&file)))
}
