//! The `client` module: `Client`, its builder, servers, credentials and one method per operation.

use super::operation::{decoders_used, render_items, render_method};
use super::security::{render_credentials, render_setters};
use super::servers::render_servers;
use crate::format::{Deferred, Piece};
use crate::ir::Api;
use crate::settings::Settings;
use quote::{format_ident, quote};

/// The client module, piece by piece: the fixed part, `impl Client` with one method per
/// operation, then each operation's items. Each piece is rendered when it is called for.
pub(crate) fn render_client<'a>(
    api: &'a Api,
    settings: &'a Settings,
) -> impl Iterator<Item = Deferred<'a>> + 'a {
    let methods = api
        .operations
        .iter()
        .map(move |op| -> Deferred { Box::new(move || Piece::Member(render_method(api, op))) });
    let items = (0..api.operations.len()).map(move |index| -> Deferred {
        let owners = api.shared_enums.of_operation(index);
        Box::new(move || Piece::Items(render_items(api, index, owners)))
    });
    let fixed: [Deferred; 2] = [
        Box::new(move || Piece::Items(fixed_items(api, settings))),
        Box::new(move || Piece::ImplOpen {
            header: quote! { impl Client },
        }),
    ];
    fixed
        .into_iter()
        .chain(methods)
        .chain(std::iter::once(Box::new(|| Piece::ImplClose) as Deferred))
        .chain(items)
}

/// Everything before `impl Client`: imports, servers, credentials, `Client` and its builder
/// (declared by the runtime's `client!`, the same for every API), and the credential setters.
fn fixed_items(api: &Api, settings: &Settings) -> proc_macro2::TokenStream {
    let servers = render_servers(api);
    let credentials = render_credentials(api);
    let setters = render_setters(api);
    let setters = (!setters.is_empty()).then(|| quote! { impl ClientBuilder { #setters } });
    let user_agent = format!("{}/{}", settings.crate_name, settings.crate_version);
    // Short names for what every method uses, so that signatures and status arms fit on one
    // line. No item of this module can take these names: generated ones end in `Error`,
    // `Options`, `Body` or `Success`. Sorted, as `cargo fmt` would.
    let imports = (!api.operations.is_empty()).then(|| {
        let mut names = decoders_used(api);
        names.extend(["ApiResult", "Operation", "RequestParts"]);
        let names = names.iter().map(|name| format_ident!("{name}"));
        quote! { use crate::runtime::{#(#names),*}; }
    });
    quote! {
        //! The client and its operations.

        #imports

        #servers
        #credentials

        crate::runtime::client!(#user_agent);

        #setters
    }
}
