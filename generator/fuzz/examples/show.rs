//! Prints the document the `structure` target builds from an input file, so that a crash or a
//! timeout it found can be kept as a regression fixture:
//! `cargo run --release --example show -- artifacts/structure/<file> > doc.json`.

fn main() {
    let path = std::env::args().nth(1).expect("an input file");
    let data = std::fs::read(&path).expect("the input file is readable");
    let document = generator_fuzz::mutated_document(&data);
    println!(
        "{}",
        serde_json::to_string_pretty(&document).expect("a value prints")
    );
}
