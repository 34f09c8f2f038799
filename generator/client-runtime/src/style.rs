//! How a parameter is serialized (OpenAPI `style`). This file has no dependencies: the
//! generator compiles the same file into its IR (`generator::ir::ParamStyle`), so the styles
//! the generator knows and the ones the runtime encodes are one list.

/// How a parameter is serialized (OpenAPI `style`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Style {
    /// `form`: `name=a&name=b` exploded, `name=a,b` otherwise.
    Form,
    /// `simple`: `a,b`.
    Simple,
    /// `spaceDelimited`: `a b`.
    SpaceDelimited,
    /// `pipeDelimited`: `a|b`.
    PipeDelimited,
    /// Tab-separated (Swagger 2.0's `collectionFormat: tsv`, which no 3.0 style names): `a\tb`.
    TabDelimited,
    /// `deepObject`: `name[key]=value`.
    DeepObject,
    /// `label`: `.a.b`.
    Label,
    /// `matrix`: `;name=a,b`.
    Matrix,
}

impl Style {
    /// The variant's name, as generated code writes it (`Style::SpaceDelimited`).
    pub const fn variant_name(self) -> &'static str {
        match self {
            Style::Form => "Form",
            Style::Simple => "Simple",
            Style::SpaceDelimited => "SpaceDelimited",
            Style::PipeDelimited => "PipeDelimited",
            Style::TabDelimited => "TabDelimited",
            Style::DeepObject => "DeepObject",
            Style::Label => "Label",
            Style::Matrix => "Matrix",
        }
    }
}
