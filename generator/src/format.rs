//! Stage 9: tokens to text. Every generated Rust file is parsed with `syn` and printed with
//! `prettyplease`, piece by piece and on several threads.

use crate::error::Error;
use proc_macro2::TokenStream;

/// One independently printable part of a Rust file. A file is printed piece by piece, so
/// that only one piece's syntax tree is alive at a time (the tree of a whole large client is
/// several times the size of its text), each tree is dropped while still small, and the
/// pieces of a file are shared out among the threads. The text is what printing the whole
/// file at once gives: prettyplease separates neither items nor `impl` members by blank lines.
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

/// Where the time of printing a file went: producing the pieces (rendering) and printing them.
#[derive(Debug, Default, Clone, Copy)]
pub(crate) struct PrintTimes {
    pub render: std::time::Duration,
    pub format: std::time::Duration,
}

/// A piece still to be rendered: rendering runs on whichever thread prints it.
pub(crate) type Deferred<'a> = Box<dyn FnOnce() -> Piece + 'a>;

/// A printed piece: its position among all the pieces, the index of its file, and its text
/// (or why it could not be printed).
type Printed = (usize, usize, Result<String, Error>);

/// Prints the pieces of several files, each file with the header line on top, returning
/// the texts in the order of `paths`. `pieces` lists every piece with the index of its file
/// (in `paths`), in order. Each of `workers` threads makes its own list with `pieces` and
/// claims the next unclaimed piece whenever it is free, so a thread never waits on another's
/// share; each piece is rendered, printed and dropped by the thread that claimed it, and the
/// texts are joined by position, so the files are the same whatever the number of threads.
pub(crate) fn format_files<'a, I>(
    pieces: impl Fn() -> I + Sync,
    paths: &[String],
    workers: usize,
    header: &str,
) -> Result<(Vec<String>, PrintTimes), Error>
where
    I: Iterator<Item = (usize, Deferred<'a>)>,
{
    let next = std::sync::atomic::AtomicUsize::new(0);
    let printed =
        crate::threads::each_worker(workers.max(1), |_| print_claimed(pieces(), &next, paths));
    let mut times = PrintTimes::default();
    let mut texts: Vec<Printed> = Vec::new();
    for (share, share_times) in printed {
        times.render += share_times.render;
        times.format += share_times.format;
        texts.extend(share);
    }
    texts.sort_unstable_by_key(|(position, _, _)| *position);
    let mut files = vec![format!("// {header}\n\n"); paths.len()];
    for (_, file, text) in texts {
        let text = text?;
        if let Some(out) = files.get_mut(file) {
            out.push_str(&text);
        }
    }
    Ok((files, times))
}

/// Claims pieces from `next` until none is left, rendering and printing each in turn; returns
/// each with its position and its file.
fn print_claimed<'a>(
    mut pieces: impl Iterator<Item = (usize, Deferred<'a>)>,
    next: &std::sync::atomic::AtomicUsize,
    paths: &[String],
) -> (Vec<Printed>, PrintTimes) {
    let mut times = PrintTimes::default();
    let mut texts = Vec::new();
    let mut position = 0;
    loop {
        let claimed = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        // Claims only grow, so the pieces before this one are another thread's: skip them.
        let Some((file, render)) = pieces.nth(claimed - position) else {
            break;
        };
        position = claimed + 1;
        let started = std::time::Instant::now();
        let piece = render();
        let rendered = std::time::Instant::now();
        times.render += rendered - started;
        let path = paths.get(file).map_or("", String::as_str);
        texts.push((claimed, file, print_piece(piece, path)));
        times.format += rendered.elapsed();
    }
    (texts, times)
}

fn print_piece(piece: Piece, path: &str) -> Result<String, Error> {
    match piece {
        Piece::Items(tokens) => print(tokens, path),
        Piece::ImplOpen { header } => {
            // `impl X {}` prints its attributes and docs, then the header line ending in `{}`.
            let shell = print(wrapped(header, TokenStream::new()), path)?;
            let shell = shell.trim_end_matches('\n');
            let open = shell.strip_suffix("{}").unwrap_or(shell);
            Ok(format!("{open}{{\n"))
        }
        Piece::Member(members) => {
            // Members print the same inside any `impl` block: print them in a one-line one
            // and keep the lines between its first and its last.
            let whole = print(wrapped(quote::quote! { impl X }, members), path)?;
            let inner = whole
                .strip_prefix("impl X {\n")
                .and_then(|rest| rest.strip_suffix("}\n"))
                .ok_or_else(|| {
                    Error::Internal(format!("{path}: an impl block printed unexpectedly"))
                })?;
            Ok(inner.to_string())
        }
        Piece::ImplClose => Ok("}\n".to_string()),
    }
}

/// `head { body }`. The body moves into its group: `quote!` would copy every token of it.
fn wrapped(mut head: TokenStream, body: TokenStream) -> TokenStream {
    let group = proc_macro2::Group::new(proc_macro2::Delimiter::Brace, body);
    head.extend(std::iter::once(proc_macro2::TokenTree::Group(group)));
    head
}

/// Parses tokens as a file and pretty-prints them.
fn print(tokens: TokenStream, path: &str) -> Result<String, Error> {
    let file: syn::File = syn::parse2(tokens).map_err(|error| {
        Error::Internal(format!("{path}: generated code does not parse: {error}"))
    })?;
    Ok(prettyplease::unparse(&file))
}

/// Prints a stand-alone piece of code (a README example) as a file. Code that does not parse
/// (a bug here) is written as its raw tokens: the README's doc test then fails and shows it.
pub(crate) fn print_items(tokens: TokenStream) -> String {
    let raw = tokens.to_string();
    print(tokens, "README.md").unwrap_or(raw)
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
            header: quote! { #[doc = " Methods."] impl Item0 },
        });
        let close: Deferred = Box::new(|| Piece::ImplClose);
        items
            .chain(std::iter::once(open))
            .chain(members)
            .chain(std::iter::once(close))
    }

    #[test]
    fn any_number_of_threads_prints_the_same_files() {
        let paths = ["a.rs".to_string(), "b.rs".to_string()];
        let both = || {
            pieces()
                .map(|piece| (0, piece))
                .chain(pieces().map(|piece| (1, piece)))
        };
        let (alone, _) = format_files(both, &paths, 1, "header").unwrap();
        for workers in 2..=5 {
            let (shared, _) = format_files(both, &paths, workers, "header").unwrap();
            assert_eq!(alone, shared, "{workers} threads");
        }
        assert_eq!(alone[0], alone[1]);
        assert!(alone[0].starts_with("// header\n\n/// An item.\npub struct Item0 {"));
        assert!(alone[0].contains("/// Methods.\nimpl Item0 {\n    pub fn method_0(&self) -> u8 {"));
        assert!(alone[0].ends_with("}\n}\n"), "{}", alone[0]);
    }

    #[test]
    fn pieces_print_as_the_whole_file_does() {
        let whole: TokenStream = pieces()
            .filter_map(|piece| match piece() {
                Piece::Items(tokens) => Some(tokens),
                _ => None,
            })
            .chain(std::iter::once(quote! {
                #[doc = " Methods."]
                impl Item0 {
                    pub fn method_0(&self) -> u8 { self.field }
                    pub fn method_1(&self) -> u8 { self.field }
                    pub fn method_2(&self) -> u8 { self.field }
                    pub fn method_3(&self) -> u8 { self.field }
                    pub fn method_4(&self) -> u8 { self.field }
                }
            }))
            .collect();
        let (files, _) = format_files(
            || pieces().map(|piece| (0, piece)),
            &["a.rs".to_string()],
            2,
            "header",
        )
        .unwrap();
        assert_eq!(
            files[0],
            format!("// header\n\n{}", print(whole, "a.rs").unwrap())
        );
    }
}
