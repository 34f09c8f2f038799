//! Layout of small token streams, printed and compared whole.

use super::*;
use quote::quote;

fn print(tokens: TokenStream) -> String {
    let mut printer = Printer::new();
    printer.items(tokens, 0);
    printer.finish()
}

#[test]
fn spaces_fall_where_rust_is_usually_written() {
    let out = print(quote! {
        impl<'de> ::serde::Deserialize<'de> for Wrapper {
            fn f(&self, x: &mut ::std::vec::Vec<u8>) -> ::std::option::Option<&'static str> {
                let n = -1;
                let ok = !self.items.is_empty() && x.len() > 0usize;
                let found = self.items.iter().find(|item| **item == n).map(|_| ());
                let rest = Self { n, ..::std::default::Default::default() };
                format!("{}", n)?;
                match x { Some(Value { a, b }) | None => {} _ => return None, }
                None
            }
        }
    });
    let expected = r#"impl<'de> ::serde::Deserialize<'de> for Wrapper {
    fn f(&self, x: &mut ::std::vec::Vec<u8>) -> ::std::option::Option<&'static str> {
        let n = -1;
        let ok = !self.items.is_empty() && x.len() > 0usize;
        let found = self.items.iter().find(|item| **item == n).map(|_| ());
        let rest = Self {
            n,
            ..::std::default::Default::default()
        };
        format!("{}", n)?;
        match x {
            Some(Value { a, b }) | None => {}
            _ => return None,
        }
        None
    }
}
"#;
    assert_eq!(out, expected);
}

#[test]
fn a_list_too_long_for_its_line_puts_one_element_on_each() {
    let out = print(quote! {
        pub fn operation_with_a_long_name(&self, first_argument: &crate::types::FirstArgument, second: u8) -> ApiResult<crate::types::Reply, OperationError> {}
        fn g() { call(one_quite_long_argument_name, another_quite_long_argument_name, a_third_one_that_is_longer_still); }
        fn h() { wrap(a_single_argument_that_is_long_enough_to_reach_past_the_right_edge_of_the_line_by_itself_alone); }
    });
    let expected = r#"pub fn operation_with_a_long_name(
    &self,
    first_argument: &crate::types::FirstArgument,
    second: u8,
) -> ApiResult<crate::types::Reply, OperationError> {}
fn g() {
    call(
        one_quite_long_argument_name,
        another_quite_long_argument_name,
        a_third_one_that_is_longer_still,
    );
}
fn h() {
    wrap(
        a_single_argument_that_is_long_enough_to_reach_past_the_right_edge_of_the_line_by_itself_alone,
    );
}
"#;
    assert_eq!(out, expected);
}

#[test]
fn a_chain_too_long_for_its_line_puts_each_call_on_its_own() {
    let out = print(quote! {
        fn f() {
            let client = example_crate::Client::builder(example_crate::Server::default()).bearer_token("YOUR-CREDENTIAL").build()?;
            self.settings.headers.push((name.into(), crate::runtime::Secret::new(value.into_the_secret_value())));
        }
    });
    let expected = r#"fn f() {
    let client = example_crate::Client::builder(example_crate::Server::default())
        .bearer_token("YOUR-CREDENTIAL")
        .build()?;
    self.settings
        .headers
        .push((name.into(), crate::runtime::Secret::new(value.into_the_secret_value())));
}
"#;
    assert_eq!(out, expected);
}

#[test]
fn doc_attributes_become_comments_where_the_text_allows() {
    let out = print(quote! {
        #![doc = " Crate docs."]
        #[doc = " A line."]
        #[doc = ""]
        #[doc = "/ starts with a slash"]
        #[doc = " two\nlines"]
        #[doc = " \u{202e} turns the text around"]
        pub struct S;
    });
    let expected = r#"//! Crate docs.
/// A line.
///
#[doc = "/ starts with a slash"]
#[doc = " two\nlines"]
#[doc = " \u{202e} turns the text around"]
pub struct S;
"#;
    assert_eq!(out, expected);
}

#[test]
fn trailing_commas_go_only_where_they_change_nothing() {
    let out = print(quote! {
        const A: (u8,) = (1,);
        const B: (u8, u8,) = (1, 2,);
        fn f() { g(1,); }
    });
    let expected = "const A: (u8,) = (1,);\nconst B: (u8, u8) = (1, 2);\nfn f() {\n    g(1);\n}\n";
    assert_eq!(out, expected);
}

#[test]
fn the_end_of_a_statement_counts_toward_its_width() {
    // On one line these are 100 and 101 columns, the last with its `;`.
    let out = print(quote! {
        fn f() {
            parts.query_styled("poll.fields", &options.poll_fields, crate::runtime::Style::Form, false_33)?;
            parts.query_styled("poll.fields", &options.poll_fields, crate::runtime::Style::Form, false_333)?;
        }
    });
    let expected = r#"fn f() {
    parts.query_styled("poll.fields", &options.poll_fields, crate::runtime::Style::Form, false_33)?;
    parts.query_styled(
        "poll.fields",
        &options.poll_fields,
        crate::runtime::Style::Form,
        false_333,
    )?;
}
"#;
    assert_eq!(out, expected);
}

#[test]
fn generics_too_long_for_their_line_put_one_argument_on_each() {
    let out = print(quote! {
        pub struct S {
            pub tokens: ::std::option::Option<::std::collections::BTreeMap<::std::string::String, ::std::collections::BTreeMap<::std::string::String, crate::types::AccessToken> > >,
            pub short: ::std::option::Option<::std::vec::Vec<u8> >,
            pub fused: ::std::option::Option<::std::collections::BTreeMap<::std::string::String, ::std::vec::Vec<crate::types::AccessTokenWithALongName>>>,
        }
    });
    let expected = r#"pub struct S {
    pub tokens: ::std::option::Option<
        ::std::collections::BTreeMap<
            ::std::string::String,
            ::std::collections::BTreeMap<::std::string::String, crate::types::AccessToken>
        >
    >,
    pub short: ::std::option::Option<::std::vec::Vec<u8>>,
    pub fused: ::std::option::Option<
        ::std::collections::BTreeMap<::std::string::String, ::std::vec::Vec<crate::types::AccessTokenWithALongName>>
    >,
}
"#;
    assert_eq!(out, expected);
}

#[test]
fn a_signature_breaks_its_parameters_before_its_generics() {
    let out = print(quote! {
        fn read_token<T: ::serde::Serialize, E>(fields: &::token_source::TokenFields, response: crate::runtime::ResponseValue<T>) {}
    });
    let expected = r#"fn read_token<T: ::serde::Serialize, E>(
    fields: &::token_source::TokenFields,
    response: crate::runtime::ResponseValue<T>,
) {}
"#;
    assert_eq!(out, expected);
}

#[test]
fn a_fused_closing_of_generics_ends_them_both() {
    // `>>` closes two generics: the `,` after it ends the element, and the one before `)`
    // in the call on one line is dropped like any trailing comma after another comma.
    let out = print(quote! {
        fn f(first_argument: ::std::option::Option<::std::vec::Vec<u8>>, second_argument: ::std::vec::Vec<u8>) {
            g((a::<Vec<u8>>, b,));
        }
    });
    let expected = r#"fn f(
    first_argument: ::std::option::Option<::std::vec::Vec<u8>>,
    second_argument: ::std::vec::Vec<u8>,
) {
    g((a::<Vec<u8>>, b));
}
"#;
    assert_eq!(out, expected);
}
