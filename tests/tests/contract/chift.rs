//! `specs/chift.yaml`: `POST /token`, a JSON body with a UUID and a 3.1 nullable; 422 declared.

use ::chift::types::AuthItem;
use ::chift::{Client, Error, GenerateAccessTokenTokenPostError, Server};

use super::support;

pub const SPEC: &str = "chift";

const ACCOUNT: uuid::Uuid = uuid::Uuid::from_u128(0x3fa8_5f64_5717_4562_b3fc_2c96_3f66_afa6);

fn client(url: &str) -> Client {
    Client::builder(Server::Custom(url.to_string()))
        .build()
        .expect("the client builds")
}

fn client_preferring(url: &str, status: u16) -> Client {
    Client::builder(Server::Custom(url.to_string()))
        .default_header("Prefer", support::prefer_code(status))
        .build()
        .expect("the client builds")
}

fn auth_item(marketplace_id: Option<Option<uuid::Uuid>>) -> AuthItem {
    let mut item = AuthItem::new("client", "secret", ACCOUNT);
    item.marketplace_id = marketplace_id;
    item
}

/// The nullable `marketplaceId` absent, `null` and set: Prism accepts all three as the client
/// encodes them, and the 200 decodes into `Token`.
#[tokio::test]
async fn valid_request_is_accepted_and_decodes() {
    let url = support::mock_url(SPEC);
    let marketplace = uuid::Uuid::from_u128(0x1111_2222_3333_4444_5555_6666_7777_8888);
    for marketplace_id in [None, Some(None), Some(Some(marketplace))] {
        let what = format!("POST /token with marketplaceId {marketplace_id:?}");
        let result = client(&url)
            .generate_access_token_token_post(&auth_item(marketplace_id))
            .await;
        let response: ::chift::ResponseValue<::chift::types::Token> =
            result.unwrap_or_else(|e| panic!("{what}: {e:?}; {}", support::see_log(SPEC)));
        assert_eq!(response.status.as_u16(), 200, "{what}");
        support::assert_no_violations(&what, &response.headers);
    }
}

#[tokio::test]
async fn declared_422_decodes_into_its_variant() {
    let url = support::mock_url(SPEC);
    let result = client_preferring(&url, 422)
        .generate_access_token_token_post(&auth_item(None))
        .await;
    match result.as_ref().map_err(Error::declared) {
        Err(Some(GenerateAccessTokenTokenPostError::UnprocessableEntity(_))) => {}
        _ => panic!("Prefer: code=422: expected UnprocessableEntity, got {result:?}"),
    }
}

/// Without the required `accountId` Prism answers with the spec's 422 and names the property.
#[tokio::test]
async fn request_without_account_id_is_rejected() {
    let url = support::mock_url(SPEC);
    let body = serde_json::json!({ "clientId": "client", "clientSecret": "secret" });
    let request = reqwest::Client::new()
        .post(format!("{url}/token"))
        .header("content-type", "application/json")
        .body(body.to_string());
    let answer = support::send_by_hand(request).await;
    support::assert_rejected_for_missing(&answer, "accountId");
}
