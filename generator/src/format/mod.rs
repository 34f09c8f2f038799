//! Stage 6: tokens to text. One formatting path for every generated Rust file.

mod layout;
mod verify;

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
    /// Members of the `impl` block opened last.
    Member(TokenStream),
    /// The closing brace of an `impl` block.
    ImplClose,
}

impl Piece {
    /// The piece as the tokens of a whole file, with the text that completes its printed
    /// form to that file; `None` for the closing brace, which is no file.
    fn as_file(&self) -> Option<(TokenStream, &'static str)> {
        match self {
            Piece::Items(tokens) | Piece::Member(tokens) => Some((tokens.clone(), "")),
            Piece::ImplOpen { header } => Some((quote::quote! { #header {} }, "}")),
            Piece::ImplClose => None,
        }
    }
}

/// Where the time of printing a file went: producing the pieces (rendering) and printing them.
#[derive(Debug, Default, Clone, Copy)]
pub(crate) struct PrintTimes {
    pub render: std::time::Duration,
    pub format: std::time::Duration,
}

/// A piece still to be rendered: rendering runs on whichever thread prints it.
pub(crate) type Deferred<'a> = Box<dyn FnOnce() -> Piece + 'a>;

/// Prints a file's pieces with the header line on top. Pieces are shared out among
/// `workers` threads by position (piece `i` to worker `i % workers`), each thread making its
/// own list with `pieces` and rendering, printing and dropping only its own; the texts are
/// then joined in order, so the file is the same whatever the number of threads.
pub(crate) fn format_pieces<'a, I>(
    pieces: impl Fn() -> I + Sync,
    workers: usize,
    header: &str,
    path: &str,
) -> Result<(String, PrintTimes), Error>
where
    I: Iterator<Item = Deferred<'a>>,
{
    let workers = workers.max(1);
    let printed = crate::stack::each_worker(workers, |worker| {
        print_share(pieces().skip(worker).step_by(workers), path)
    });
    let mut times = PrintTimes::default();
    let mut shares = Vec::with_capacity(workers);
    for share in printed {
        let (texts, share_times) = share?;
        times.render += share_times.render;
        times.format += share_times.format;
        shares.push(texts.into_iter());
    }
    let mut out = format!("// {header}\n\n");
    // Piece i is the (i / workers)-th of worker i % workers: take from each in turn.
    'join: loop {
        for share in &mut shares {
            match share.next() {
                Some(text) => out.push_str(&text),
                None => break 'join,
            }
        }
    }
    Ok((out, times))
}

/// Renders and prints one worker's pieces, in order, each dropped before the next is made.
fn print_share<'a>(
    pieces: impl Iterator<Item = Deferred<'a>>,
    path: &str,
) -> Result<(Vec<String>, PrintTimes), Error> {
    let mut times = PrintTimes::default();
    let mut texts = Vec::new();
    for render in pieces {
        let started = std::time::Instant::now();
        let piece = render();
        let rendered = std::time::Instant::now();
        times.render += rendered - started;
        let expected = cfg!(debug_assertions).then(|| piece.as_file()).flatten();
        let text = print_piece(piece);
        if let Some((tokens, suffix)) = expected {
            verify::same_tokens(tokens, &format!("{text}{suffix}"), path)?;
        }
        texts.push(text);
        times.format += rendered.elapsed();
    }
    Ok((texts, times))
}

fn print_piece(piece: Piece) -> String {
    let mut printer = layout::Printer::new();
    match piece {
        Piece::Items(tokens) => printer.items(tokens, 0),
        Piece::ImplOpen { header } => printer.open_block(header),
        Piece::Member(members) => printer.items(members, 1),
        Piece::ImplClose => printer.close_block(),
    }
    printer.finish()
}

/// Prints a stand-alone piece of code (a README example) as a file.
pub(crate) fn print_items(tokens: TokenStream) -> String {
    print_piece(Piece::Items(tokens))
}

#[cfg(test)]
mod tests {
    use super::*;
    use quote::quote;

    /// A file of items and an `impl` block, as the client module is made.
    fn pieces() -> impl Iterator<Item = Deferred<'static>> {
        let items = (0..7).map(|n| -> Deferred {
            Box::new(move || {
                let name = quote::format_ident!("Item{n}");
                Piece::Items(quote! { #[doc = " An item."] pub struct #name { pub field: u8 } })
            })
        });
        let members = (0..5).map(|n| -> Deferred {
            Box::new(move || {
                let name = quote::format_ident!("method_{n}");
                Piece::Member(quote! { pub fn #name(&self) -> u8 { self.field } })
            })
        });
        let open: Deferred = Box::new(|| Piece::ImplOpen {
            header: quote! { impl Item0 },
        });
        let close: Deferred = Box::new(|| Piece::ImplClose);
        items
            .chain(std::iter::once(open))
            .chain(members)
            .chain(std::iter::once(close))
    }

    #[test]
    fn any_number_of_threads_prints_the_same_file() {
        let (alone, _) = format_pieces(pieces, 1, "header", "f.rs").unwrap();
        for workers in 2..=5 {
            let (shared, _) = format_pieces(pieces, workers, "header", "f.rs").unwrap();
            assert_eq!(alone, shared, "{workers} threads");
        }
        assert!(alone.contains("impl Item0 {\n    pub fn method_0(&self) -> u8 {"));
        assert!(alone.ends_with("}\n}\n"), "{alone}");
    }
}
