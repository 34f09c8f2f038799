//! Stage 6: tokens to text. One formatting path for every generated Rust file.

use crate::error::Error;
use proc_macro2::TokenStream;

/// One independently printable part of a Rust file. A file is printed piece by piece, so
/// that only one piece's syntax tree is alive at a time (the tree of a whole large client is
/// several times the size of its text) and each tree is dropped while still small. The text
/// is byte for byte what printing the whole file at once gives.
pub(crate) enum Piece {
    /// Items; in a file's first piece, also its inner attributes (`//!` docs).
    Items(TokenStream),
    /// The opening of an `impl` block whose members follow as [`Piece::Member`]s; `header` is
    /// everything before the braces. At least one member must follow.
    ImplOpen { header: TokenStream },
    /// Members of the `impl` block opened with the same `header`.
    Member {
        header: TokenStream,
        members: TokenStream,
    },
    /// The closing brace of an `impl` block.
    ImplClose,
}

/// Where the time of printing a file went: producing the pieces (rendering) and printing them.
#[derive(Debug, Default, Clone, Copy)]
pub(crate) struct PrintTimes {
    pub render: std::time::Duration,
    pub format: std::time::Duration,
}

/// Prints the pieces in order, with the header line on top. `pieces` is consumed lazily: each
/// piece is rendered, printed and dropped before the next is made.
pub(crate) fn format_pieces(
    pieces: impl IntoIterator<Item = Piece>,
    header: &str,
    path: &str,
    times: &mut PrintTimes,
) -> Result<String, Error> {
    let mut out = format!("// {header}\n\n");
    let mut shells = ShellLines::default();
    let mut pieces = pieces.into_iter();
    loop {
        let started = std::time::Instant::now();
        let Some(piece) = pieces.next() else {
            times.render += started.elapsed();
            break;
        };
        let rendered = std::time::Instant::now();
        times.render += rendered - started;
        print_piece(piece, path, &mut shells, &mut out)?;
        times.format += rendered.elapsed();
    }
    Ok(out)
}

/// How many lines an empty `impl` block prints before its last, by header: the same for every
/// member of one block, so it is printed once.
#[derive(Default)]
struct ShellLines {
    last: Option<(String, usize)>,
}

impl ShellLines {
    fn of(&mut self, header: &TokenStream, path: &str) -> Result<usize, Error> {
        let key = header.to_string();
        if let Some((cached, lines)) = &self.last {
            if *cached == key {
                return Ok(*lines);
            }
        }
        let lines = print(quote::quote! { #header {} }, path)?.lines().count();
        self.last = Some((key, lines));
        Ok(lines)
    }
}

fn print_piece(
    piece: Piece,
    path: &str,
    shells: &mut ShellLines,
    out: &mut String,
) -> Result<(), Error> {
    match piece {
        Piece::Items(tokens) => out.push_str(&print(tokens, path)?),
        Piece::ImplOpen { header } => {
            // `impl X {}` prints its attributes and docs, then the header line ending in `{}`.
            let shell = print(quote::quote! { #header {} }, path)?;
            let shell = shell.trim_end_matches('\n');
            let open = shell.strip_suffix("{}").unwrap_or(shell);
            out.push_str(open);
            out.push_str("{\n");
        }
        Piece::Member { header, members } => {
            let shell_lines = shells.of(&header, path)?;
            let whole = print(quote::quote! { #header { #members } }, path)?;
            let lines: Vec<&str> = whole.lines().collect();
            // The shell's lines less its last (`impl X {}`) are the attributes and docs; the
            // header line of the block with members is one more, and the last is `}`.
            let start = shell_lines.min(lines.len());
            let end = lines.len().saturating_sub(1).max(start);
            for line in &lines[start..end] {
                out.push_str(line);
                out.push('\n');
            }
        }
        Piece::ImplClose => out.push_str("}\n"),
    }
    Ok(())
}

/// Parses tokens as a file and pretty-prints them.
fn print(tokens: TokenStream, path: &str) -> Result<String, Error> {
    let file: syn::File = syn::parse2(tokens).map_err(|error| {
        Error::Internal(format!("{path}: generated code does not parse: {error}"))
    })?;
    Ok(prettyplease::unparse(&file))
}
