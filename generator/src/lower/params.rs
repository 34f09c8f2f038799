//! Parameters: path-level and operation-level, merged, resolved and styled.

use super::schema::SchemaRef;
use super::structs::is_secret_name;
use super::Lowerer;
use crate::error::join;
use crate::ir::names::{field_name, type_name, Scope};
use crate::ir::{Param, ParamLocation, ParamStyle, Prim, TypeRef};
use openapiv3::{Parameter, ParameterSchemaOrContent, PathItem};

/// Names a generated method binds before it has read every parameter: its own arguments
/// (`body`, `options`) and the request being built (`parts`). A parameter with one of these
/// names gets a suffix (as an argument it would clash; as a field of the options struct it
/// shares the arguments' one namespace of parameter names). The locals bound later
/// (`response`, the body encoder's `value` and `form`) come after the last read of a
/// parameter, so a parameter may have their names.
pub(crate) const ARGUMENT_RESERVED: [&str; 3] = ["body", "options", "parts"];

impl<'a> Lowerer<'a> {
    /// The operation's parameters; an operation-level parameter replaces a path-level one with
    /// the same name and location.
    pub fn lower_params(
        &mut self,
        path: &str,
        item: &'a PathItem,
        operation: &'a openapiv3::Operation,
        stem: &str,
        pointer: &str,
    ) -> Vec<Param> {
        let mut resolved: Vec<(&'a Parameter, String)> = Vec::new();
        let item_pointer = pointer
            .rsplit_once('/')
            .map_or(pointer, |(parent, _)| parent);
        let sources = [
            (&item.parameters, join(item_pointer, "parameters")),
            (&operation.parameters, join(pointer, "parameters")),
        ];
        for (list, base) in sources {
            for (index, entry) in list.iter().enumerate() {
                let at = format!("{base}/{index}");
                match self.resolver.parameter(entry) {
                    Ok(parameter) => {
                        let data = parameter.parameter_data_ref();
                        let location = location_of(parameter);
                        resolved.retain(|(p, _)| {
                            !(p.parameter_data_ref().name == data.name
                                && location_of(p) == location)
                        });
                        resolved.push((parameter, at));
                    }
                    Err(error) => self
                        .diagnostics
                        .warn(&at, format!("{error}; parameter skipped")),
                }
            }
        }
        // Whether a security scheme sets `Authorization` for this operation.
        let secured = operation
            .security
            .as_ref()
            .or(self.api.security.as_ref())
            .is_some_and(|requirements| requirements.iter().any(|r| !r.is_empty()));
        let template_vars = template_variables(path);
        let mut scope = Scope::with_reserved(&ARGUMENT_RESERVED);
        let mut params = Vec::new();
        for (parameter, at) in resolved {
            let data = parameter.parameter_data_ref();
            let location = location_of(parameter);
            if location == ParamLocation::Path && !template_vars.contains(&data.name) {
                self.diagnostics.warn(
                    &at,
                    format!(
                        "path parameter `{}` does not appear in the path template; it is not sent",
                        data.name
                    ),
                );
                continue;
            }
            if location == ParamLocation::Header && is_reserved_header(&data.name, secured) {
                self.diagnostics.warn(
                    &at,
                    format!(
                        "header parameter `{}` is ignored, as OpenAPI requires: the client sets \
                         it from the security schemes and the media types (a per-call header \
                         can still send it)",
                        data.name
                    ),
                );
                continue;
            }
            params.push(self.lower_param(parameter, stem, &at, &mut scope));
        }
        for variable in template_vars {
            if !params
                .iter()
                .any(|p| p.location == ParamLocation::Path && p.wire_name == variable)
            {
                self.diagnostics.warn(pointer, format!("path template variable `{{{variable}}}` has no parameter; it is generated as a required string"));
                params.push(Param {
                    example: None,
                    name: scope.claim(field_name(&variable, "param")),
                    wire_name: variable,
                    location: ParamLocation::Path,
                    required: true,
                    ty: TypeRef::Prim(Prim::String),
                    style: ParamStyle::Simple,
                    explode: false,
                    secret: false,
                    doc: None,
                });
            }
        }
        params
    }

    fn lower_param(
        &mut self,
        parameter: &'a Parameter,
        stem: &str,
        pointer: &str,
        scope: &mut Scope,
    ) -> Param {
        let data = parameter.parameter_data_ref();
        let location = location_of(parameter);
        let hint = format!("{stem}{}", type_name(&data.name, "Param"));
        let (ty, schema_ref) = match &data.format {
            ParameterSchemaOrContent::Schema(schema) => {
                let schema_ref = SchemaRef::from(schema);
                (
                    self.schema_type(schema_ref, &hint, &join(pointer, "schema")),
                    Some(schema_ref),
                )
            }
            ParameterSchemaOrContent::Content(content) => match content.iter().next() {
                Some((media, m)) => match &m.schema {
                    Some(schema) => {
                        let at = join(&join(&join(pointer, "content"), media), "schema");
                        (self.schema_type(SchemaRef::from(schema), &hint, &at), None)
                    }
                    None => (TypeRef::Prim(Prim::String), None),
                },
                None => (TypeRef::Prim(Prim::String), None),
            },
        };
        let password = matches!(schema_ref, Some(SchemaRef::Inline(s)) if matches!(super::view::shape(s), super::view::Shape::String { format: Some("password"), .. }));
        let (mut style, default_explode) = style_of(parameter);
        let tsv = data
            .extensions
            .get(crate::normalize::swagger2::COLLECTION_FORMAT)
            == Some(&serde_json::Value::String("tsv".into()));
        if tsv && style == ParamStyle::Form {
            style = ParamStyle::TabDelimited;
        }
        let schema = schema_ref.and_then(|r| match r {
            SchemaRef::Inline(s) => Some(s),
            SchemaRef::Ref(r) => self.target(r).ok().map(|(s, _)| s),
        });
        Param {
            example: super::example::example_with(data.example.as_ref(), schema, &|items| {
                self.resolved(items.into())
            }),
            name: scope.claim(field_name(&data.name, "param")),
            wire_name: data.name.clone(),
            location,
            required: data.required || location == ParamLocation::Path,
            ty,
            style,
            explode: data.explode.unwrap_or(default_explode),
            secret: password || is_secret_name(&data.name),
            doc: data.description.clone(),
        }
    }
}

/// OpenAPI: a header parameter named `Accept`, `Content-Type` or `Authorization` "SHALL be
/// ignored"; those headers follow from the responses' and the body's media types and from the
/// security schemes. Sent as a parameter, `Authorization` would replace the credential
/// (servers, and validating mocks, then reject the request). An operation no security scheme
/// covers keeps an `Authorization` parameter: it is the only way the document says how to
/// authenticate, and dropping it would leave the caller without an argument for it.
fn is_reserved_header(name: &str, secured: bool) -> bool {
    let reserved: &[&str] = match secured {
        true => &["accept", "content-type", "authorization"],
        false => &["accept", "content-type"],
    };
    reserved.iter().any(|r| name.eq_ignore_ascii_case(r))
}

fn location_of(parameter: &Parameter) -> ParamLocation {
    match parameter {
        Parameter::Query { .. } => ParamLocation::Query,
        Parameter::Header { .. } => ParamLocation::Header,
        Parameter::Path { .. } => ParamLocation::Path,
        Parameter::Cookie { .. } => ParamLocation::Cookie,
    }
}

/// The style and the default of `explode` for it (true only for `form`).
fn style_of(parameter: &Parameter) -> (ParamStyle, bool) {
    use openapiv3::{PathStyle, QueryStyle};
    match parameter {
        Parameter::Query { style, .. } => match style {
            QueryStyle::Form => (ParamStyle::Form, true),
            QueryStyle::SpaceDelimited => (ParamStyle::SpaceDelimited, false),
            QueryStyle::PipeDelimited => (ParamStyle::PipeDelimited, false),
            QueryStyle::DeepObject => (ParamStyle::DeepObject, true),
        },
        Parameter::Path { style, .. } => match style {
            PathStyle::Simple => (ParamStyle::Simple, false),
            PathStyle::Label => (ParamStyle::Label, false),
            PathStyle::Matrix => (ParamStyle::Matrix, false),
        },
        Parameter::Header { .. } => (ParamStyle::Simple, false),
        Parameter::Cookie { .. } => (ParamStyle::Form, true),
    }
}

/// `{name}` variables of a path template, in order.
pub(crate) fn template_variables(path: &str) -> Vec<String> {
    let mut variables = Vec::new();
    let mut rest = path;
    while let Some(start) = rest.find('{') {
        let after = &rest[start + 1..];
        let Some(end) = after.find('}') else { break };
        let name = &after[..end];
        if !name.is_empty() && !variables.iter().any(|v| v == name) {
            variables.push(name.to_string());
        }
        rest = &after[end + 1..];
    }
    variables
}
