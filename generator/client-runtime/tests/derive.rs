//! The runtime's `Deserialize` derive against serde's own: each type is declared twice from
//! one definition, once with each derive, and every input must decode to the same value with
//! both, or fail with both.

use serde_json::{json, Value};
use std::collections::BTreeMap;

fn default_retries() -> i64 {
    3
}

/// Declares `$name` in two modules, `serde_derive` and `ours`, one per derive.
macro_rules! twice {
    ($($item:item)*) => {
        mod serde_derive {
            #[allow(unused_imports)]
            use super::*;
            $(
                #[derive(Debug, PartialEq, serde::Deserialize)]
                $item
            )*
        }
        mod ours {
            #[allow(unused_imports)]
            use super::*;
            $(
                #[derive(Debug, PartialEq, client_runtime::Deserialize)]
                $item
            )*
        }
    };
}

twice! {
    pub struct Login {
        pub access_token: String,
        #[serde(rename = "token-type")]
        pub token_type: Kind,
        pub expires: Option<i64>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub scope: Option<String>,
        #[serde(default, with = "client_runtime::nullable")]
        pub refresh: Option<Option<String>>,
        #[serde(default = "default_retries")]
        pub retries: i64,
        pub r#type: Option<String>,
        pub nested: Option<Nested>,
        #[serde(flatten)]
        pub rest: BTreeMap<String, Value>,
    }

    pub struct Nested {
        pub id: u32,
        #[serde(default)]
        pub tags: Vec<String>,
    }

    pub enum Kind {
        #[serde(rename = "bearer")]
        Bearer,
        #[serde(rename = "mac")]
        Mac,
        Other,
    }

    #[serde(untagged)]
    pub enum Shape {
        Number(i64),
        Text(String),
        Nested(Nested),
        List(Vec<Shape>),
    }

    /// A response enum: a value not listed lands in the catch-all, as it came.
    pub enum Open {
        #[serde(rename = "active")]
        Active,
        Closed,
        #[serde(untagged)]
        UnknownValue(String),
    }

    #[serde(transparent)]
    pub struct Id(pub String);

    pub struct Nothing {}

    #[serde(untagged)]
    pub enum Never {}

    pub enum NoValue {}

    /// Named like the names a derive's expansion might introduce.
    pub struct D {
        pub deserializer: Option<Box<D>>,
        pub object: Option<i64>,
        pub value: Option<Value>,
    }
}

/// Each input decoded as `T` by both derives: the same value, or an error from both.
macro_rules! same {
    ($ty:ident, $($input:expr),+ $(,)?) => {
        $(
            let input: String = $input.to_string();
            let theirs = serde_json::from_str::<serde_derive::$ty>(&input);
            let mine = serde_json::from_str::<ours::$ty>(&input);
            match (&theirs, &mine) {
                (Ok(a), Ok(b)) => assert_eq!(format!("{a:?}"), format!("{b:?}"), "{input}"),
                (Err(_), Err(_)) => {}
                _ => panic!("{input}: serde {theirs:?}, ours {mine:?}"),
            }
        )+
    };
}

#[test]
fn structs_decode_as_with_serde() {
    same!(
        Login,
        json!({"access_token": "a", "token-type": "bearer"}),
        json!({"access_token": "a", "token-type": "mac", "expires": 5, "scope": "s",
               "refresh": null, "retries": 7, "type": "t", "nested": {"id": 1},
               "extra": [1, 2], "more": {"x": null}}),
        json!({"access_token": "a", "token-type": "bearer", "refresh": "r", "expires": null}),
        json!({"access_token": "a", "token-type": "bearer", "scope": null}),
        json!({"access_token": "a", "token-type": "bearer", "nested": {"id": 1, "tags": ["x"]}}),
        // Missing, mistyped and unknown values.
        json!({"token-type": "bearer"}),
        json!({"access_token": "a"}),
        json!({"access_token": 1, "token-type": "bearer"}),
        json!({"access_token": "a", "token-type": "jwt"}),
        json!({"access_token": "a", "token-type": "bearer", "retries": "x"}),
        json!({"access_token": "a", "token-type": "bearer", "nested": {"id": -1}}),
        json!({"access_token": "a", "token-type": "bearer", "nested": {}}),
        json!({"access_token": "a", "token_type": "bearer"}),
        json!("a"),
        json!(null),
        json!(1),
    );
    // A field given twice.
    same!(
        Login,
        r#"{"access_token": "a", "access_token": "b", "token-type": "bearer"}"#,
        r#"{"access_token": "a", "token-type": "bearer", "x": 1, "x": 2}"#,
    );
}

#[test]
fn enums_and_newtypes_decode_as_with_serde() {
    same!(
        Kind,
        json!("bearer"),
        json!("mac"),
        json!("Other"),
        json!("Bearer"),
        json!(1),
        json!(null)
    );
    same!(
        Shape,
        json!(1),
        json!("x"),
        json!({"id": 2}),
        json!([1, "y", {"id": 3}, ["z"]]),
        json!({"id": "no"}),
        json!(null),
        json!(1.5),
    );
    same!(
        Open,
        json!("active"),
        json!("Closed"),
        json!("archived"),
        json!(""),
        json!("Active"),
        json!(1),
        json!(null)
    );
    same!(Id, json!("abc"), json!(1), json!(null));
    same!(Nothing, json!({}), json!({"a": 1}), json!(null));
    same!(Never, json!({}), json!(1));
    same!(NoValue, json!("a"), json!(1));
    same!(
        D,
        json!({"deserializer": {"object": 1}, "value": 2}),
        json!({"object": "x"})
    );
}

#[test]
fn an_unlisted_value_is_kept_in_the_catch_all() {
    let value: ours::Open = serde_json::from_value(json!("archived")).unwrap();
    assert_eq!(value, ours::Open::UnknownValue("archived".into()));
    let listed: ours::Open = serde_json::from_value(json!("active")).unwrap();
    assert_eq!(listed, ours::Open::Active);
}

#[test]
fn a_failing_field_is_named_in_the_error() {
    let input = json!({"access_token": "a", "token-type": "bearer", "nested": {"id": "x"}});
    let error = serde_json::from_value::<ours::Login>(input)
        .unwrap_err()
        .to_string();
    assert!(
        error.starts_with("at `nested.id`: invalid type: string \"x\""),
        "{error}"
    );
}

#[test]
fn a_struct_is_not_read_from_an_array() {
    // serde's derive accepts `[..]` for a struct, by field order; a JSON API never sends one,
    // and a reply that does is not what the spec declares.
    assert!(serde_json::from_value::<serde_derive::Nested>(json!([1, []])).is_ok());
    assert!(serde_json::from_value::<ours::Nested>(json!([1, []])).is_err());
}
