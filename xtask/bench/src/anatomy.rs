//! Where formatting time goes, for the profile section of the report: the formatter's three
//! steps (tokens to a `syn::File`, `prettyplease::unparse`, dropping the tokens and the tree),
//! timed on progenitor's token stream (exact) and on our formatted files read back into tokens
//! (our own tokens stay inside the generator; the same steps on the same code give the same
//! split, and lexing the text is timed apart and left out).

use crate::docs::Doc;
use crate::measure::{parse_openapi, Ours};
use crate::stats::{median, timed};
use proc_macro2::TokenStream;
use std::str::FromStr;

/// Median milliseconds of each step.
pub struct Anatomy {
    /// Lines formatted.
    pub lines: usize,
    /// Text to tokens (ours only: the step that our pipeline does not have).
    pub lex: f64,
    /// Tokens to `syn::File`.
    pub parse: f64,
    /// `syn::File` to text.
    pub unparse: f64,
    /// Dropping the tokens and the tree.
    pub drop: f64,
}

/// The formatter's steps on the reference document.
pub struct Formatter {
    /// The document.
    pub name: String,
    /// Our files printed whole.
    pub whole: Option<Anatomy>,
    /// Our files printed item by item, and whether that gave the same bytes.
    pub by_item: Option<(Anatomy, bool)>,
    /// Progenitor's tokens.
    pub peer: Option<Anatomy>,
}

/// Times the three ways of formatting (our files whole, our files item by item, progenitor's
/// tokens) in `runs` interleaved rounds, rotating which goes first.
pub fn formatter(name: &str, ours: Option<&Ours>, doc: &Doc, runs: usize) -> Formatter {
    let texts: Vec<&str> = ours
        .map(|o| o.files.iter().filter(|f| f.path.ends_with(".rs")))
        .into_iter()
        .flatten()
        .map(|f| f.contents.as_str())
        .collect();
    let lines: usize = texts.iter().map(|t| t.lines().count()).sum();
    let items = item_pieces(&texts);
    let spec = parse_openapi(doc).ok();
    let mut samples: [Vec<[f64; 4]>; 3] = Default::default();
    let mut peer_lines = 0;
    for round in 0..runs {
        for turn in 0..3 {
            let which = (round + turn) % 3;
            let sample = match which {
                0 if !texts.is_empty() => whole_round(&texts),
                1 => items.as_ref().and_then(|(pieces, _)| item_round(pieces)),
                2 => spec.as_ref().and_then(peer_round).map(|(lines, sample)| {
                    peer_lines = lines;
                    sample
                }),
                _ => None,
            };
            if let Some(sample) = sample {
                samples[which].push(sample);
            }
        }
    }
    let [whole, by_item, peer] = samples;
    Formatter {
        name: name.to_string(),
        whole: finish(lines, &whole),
        by_item: finish(lines, &by_item).zip(items.map(|(_, identical)| identical)),
        peer: finish(peer_lines, &peer),
    }
}

/// One round on our files read back: lex, parse, unparse, drop (summed over files).
fn whole_round(texts: &[&str]) -> Option<[f64; 4]> {
    let mut step = [0.0; 4];
    for text in texts {
        let (lex, tokens) = timed(|| TokenStream::from_str(text));
        let (_, [parse, unparse, drop]) = steps(tokens.ok()?)?;
        for (total, value) in step.iter_mut().zip([lex, parse, unparse, drop]) {
            *total += value;
        }
    }
    Some(step)
}

/// One round on progenitor's tokens (generated afresh, untimed): the printed line count and
/// the steps (no lexing).
fn peer_round(spec: &openapiv3::OpenAPI) -> Option<(usize, [f64; 4])> {
    let mut generator = progenitor::Generator::new(&progenitor::GenerationSettings::default());
    let tokens = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        generator.generate_tokens(spec)
    }))
    .ok()?
    .ok()?;
    let (lines, [parse, unparse, drop]) = steps(tokens)?;
    Some((lines, [f64::NAN, parse, unparse, drop]))
}

/// Parse, unparse and drop, with the printed line count.
fn steps(tokens: TokenStream) -> Option<(usize, [f64; 3])> {
    let (parse, file) = timed(|| syn::parse2::<syn::File>(tokens));
    let file = file.ok()?;
    let (unparse, text) = timed(|| prettyplease::unparse(&file));
    let lines = text.lines().count();
    let (drop, ()) = timed(move || std::mem::drop((file, text)));
    Some((lines, [parse, unparse, drop]))
}

fn finish(lines: usize, samples: &[[f64; 4]]) -> Option<Anatomy> {
    if samples.is_empty() {
        return None;
    }
    let column = |i: usize| median(&samples.iter().map(|s| s[i]).collect::<Vec<_>>());
    Some(Anatomy {
        lines,
        lex: column(0),
        parse: column(1),
        unparse: column(2),
        drop: column(3),
    })
}

/// Our files cut into independently printable pieces (each method of an `impl` block on its
/// own, printed inside a one-method `impl` whose first and last lines are then cut), as a
/// generator that renders and formats one item at a time would print them; with whether the
/// joined pieces are byte-identical to printing each file whole.
fn item_pieces(texts: &[&str]) -> Option<(Vec<Piece>, bool)> {
    if texts.is_empty() {
        return None;
    }
    let mut all = Vec::new();
    let mut identical = true;
    for text in texts {
        let parsed = syn::parse_file(text).ok()?;
        let whole = prettyplease::unparse(&parsed);
        let pieces = pieces(parsed);
        identical &= print_pieces(&pieces)? == whole;
        all.extend(pieces);
    }
    Some((all, identical))
}

/// One round over all pieces: parse, unparse, drop (no lexing).
fn item_round(pieces: &[Piece]) -> Option<[f64; 4]> {
    let mut step = [f64::NAN, 0.0, 0.0, 0.0];
    for piece in pieces {
        let (_, [parse, unparse, drop]) = steps(piece.tokens.clone())?;
        step[1] += parse;
        step[2] += unparse;
        step[3] += drop;
    }
    Some(step)
}

/// One independently printable piece of a file.
struct Piece {
    tokens: TokenStream,
    /// Lines to cut from the top and the bottom of the printed piece.
    cut: (usize, usize),
}

fn pieces(file: syn::File) -> Vec<Piece> {
    use quote::ToTokens;
    let mut pieces = vec![Piece {
        tokens: syn::File {
            shebang: None,
            attrs: file.attrs,
            items: Vec::new(),
        }
        .into_token_stream(),
        cut: (0, 0),
    }];
    for item in file.items {
        match item {
            syn::Item::Impl(block) if block.items.len() > 1 => {
                let count = block.items.len();
                let mut shell = block.clone();
                shell.items.clear();
                for (index, member) in block.items.into_iter().enumerate() {
                    let mut one = shell.clone();
                    one.items.push(member);
                    let top = if index == 0 {
                        0
                    } else {
                        impl_header_lines(&shell)
                    };
                    let bottom = usize::from(index + 1 < count);
                    pieces.push(Piece {
                        tokens: one.into_token_stream(),
                        cut: (top, bottom),
                    });
                }
            }
            item => pieces.push(Piece {
                tokens: item.into_token_stream(),
                cut: (0, 0),
            }),
        }
    }
    pieces
}

/// Lines that an `impl` block prints before its first member (attributes, docs, the header).
fn impl_header_lines(shell: &syn::ItemImpl) -> usize {
    let text = prettyplease::unparse(&syn::File {
        shebang: None,
        attrs: Vec::new(),
        items: vec![syn::Item::Impl(shell.clone())],
    });
    // An empty impl prints as `impl X {}` on its last line: everything before it is header.
    text.lines().count()
}

fn print_pieces(pieces: &[Piece]) -> Option<String> {
    let mut out = String::new();
    for piece in pieces {
        let file = syn::parse2::<syn::File>(piece.tokens.clone()).ok()?;
        let text = prettyplease::unparse(&file);
        let lines: Vec<&str> = text.lines().collect();
        let end = lines.len().saturating_sub(piece.cut.1);
        for line in &lines[piece.cut.0.min(end)..end] {
            out.push_str(line);
            out.push('\n');
        }
    }
    Some(out)
}
