//! `servers` to base URL choices with typed variables.

use super::Lowerer;
use crate::ir::names::{field_name, type_name, Scope};
use crate::ir::{Server, ServerVariable};

impl Lowerer<'_> {
    /// Every declared server; the first is the default. A document without servers gets `/`,
    /// as the specification says, which the user overrides with a custom URL.
    pub fn lower_servers(&mut self) -> Vec<Server> {
        let mut scope = Scope::with_reserved(&["Custom"]);
        let mut servers = Vec::new();
        for (index, server) in self.api.servers.iter().enumerate() {
            let base = server
                .description
                .as_deref()
                .map(|d| type_name(d, "Server"))
                .filter(|n| n.len() <= 40)
                .unwrap_or_else(|| {
                    if index == 0 {
                        "Default".into()
                    } else {
                        format!("Server{}", index + 1)
                    }
                });
            let mut var_scope = Scope::default();
            let variables = server
                .variables
                .iter()
                .flatten()
                .map(|(name, variable)| ServerVariable {
                    name: var_scope.claim(field_name(name, "variable")),
                    wire_name: name.clone(),
                    default: variable.default.clone(),
                    allowed: variable.enumeration.clone(),
                    doc: variable.description.clone(),
                })
                .collect();
            servers.push(Server {
                name: scope.claim(base),
                url: server.url.clone(),
                doc: server.description.clone(),
                variables,
            });
        }
        if servers.is_empty() {
            servers.push(Server {
                name: "Default".into(),
                url: "/".into(),
                doc: None,
                variables: Vec::new(),
            });
        }
        servers
    }
}
