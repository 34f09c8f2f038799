//! The generated client's own overhead: the chift token request through
//! `generated/chift` against the same request written by hand with reqwest, both against one
//! tiny HTTP/1.1 server on 127.0.0.1 that answers every request with a `Token`. Rounds
//! alternate which client goes first; each round sends a batch through each client.

use crate::stats::median;
use anyhow::{bail, Context, Result};
use std::time::Instant;
use tokio::io::{AsyncReadExt, AsyncWriteExt};

/// Median microseconds per request of each client.
pub struct Overhead {
    /// Through the generated client.
    pub generated_us: f64,
    /// Through hand-written reqwest code.
    pub hand_us: f64,
    /// Hand-written, with the generated client's per-request timeout and `User-Agent`.
    pub hand_like_us: f64,
    /// Median over rounds of generated/by-hand within the same round (robust to load that
    /// changes between rounds, as the generation ratios are).
    pub paired: f64,
    /// Rounds and requests per round, for the report.
    pub rounds: usize,
    /// Requests per client per round.
    pub batch: usize,
}

const TOKEN: &str = r#"{"access_token":"eyJhbGciOiJIUzI1NiJ9.e30.c2lnbmF0dXJl","token_type":"bearer","expires_in":1800,"expires_on":1700001800}"#;

/// The request body as a hand-written client would declare it.
#[derive(serde::Serialize)]
struct HandAuth {
    #[serde(rename = "clientId")]
    client_id: String,
    #[serde(rename = "clientSecret")]
    client_secret: String,
    #[serde(rename = "accountId")]
    account_id: uuid::Uuid,
}

/// The response as a hand-written client would declare it.
#[derive(serde::Deserialize)]
struct HandToken {
    access_token: String,
    #[allow(dead_code)]
    token_type: String,
    #[allow(dead_code)]
    expires_in: i64,
    #[allow(dead_code)]
    expires_on: i64,
}

/// Runs `rounds` rounds of `batch` requests per client.
pub fn measure(rounds: usize, batch: usize) -> Result<Overhead> {
    let listener = std::net::TcpListener::bind("127.0.0.1:0")?;
    listener.set_nonblocking(true)?;
    let base = format!("http://{}", listener.local_addr()?);
    std::thread::spawn(move || {
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build();
        if let Ok(runtime) = runtime {
            runtime.block_on(serve(listener));
        }
    });
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()?;
    runtime.block_on(compare(&base, rounds, batch))
}

async fn compare(base: &str, rounds: usize, batch: usize) -> Result<Overhead> {
    let generated = chift::Client::new(chift::Server::Custom(base.to_string()))
        .map_err(|e| anyhow::anyhow!("building the client: {e:?}"))?;
    let hand = reqwest::Client::new();
    let account = uuid::Uuid::from_u128(0x0123_4567_89ab_cdef_0123_4567_89ab_cdef);
    let body = chift::types::AuthItem::new("client", "secret", account);
    let hand_body = HandAuth {
        client_id: "client".into(),
        client_secret: "secret".into(),
        account_id: account,
    };
    let url = format!("{base}/token");
    let hand_like = reqwest::Client::new();
    // Warm the connection pools.
    generated_request(&generated, &body).await?;
    hand_request(&hand, &url, &hand_body, None).await?;
    hand_request(&hand_like, &url, &hand_body, Some(LIKE_GENERATED)).await?;
    let mut samples: [Vec<f64>; 3] = Default::default();
    for round in 0..rounds {
        for turn in 0..3 {
            let which = (round + turn) % 3;
            let start = Instant::now();
            for _ in 0..batch {
                match which {
                    0 => generated_request(&generated, &body).await?,
                    1 => hand_request(&hand, &url, &hand_body, None).await?,
                    _ => hand_request(&hand_like, &url, &hand_body, Some(LIKE_GENERATED)).await?,
                }
            }
            samples[which].push(start.elapsed().as_secs_f64() * 1e6 / batch as f64);
        }
    }
    let paired: Vec<f64> = samples[0]
        .iter()
        .zip(&samples[1])
        .map(|(generated, hand)| generated / hand)
        .collect();
    Ok(Overhead {
        generated_us: median(&samples[0]),
        hand_us: median(&samples[1]),
        hand_like_us: median(&samples[2]),
        paired: median(&paired),
        rounds,
        batch,
    })
}

async fn generated_request(client: &chift::Client, body: &chift::types::AuthItem) -> Result<()> {
    let response = client
        .generate_access_token_token_post(body)
        .await
        .map_err(|e| anyhow::anyhow!("generated client: {e:?}"))?;
    if response.into_body().access_token.expose().is_empty() {
        bail!("empty token");
    }
    Ok(())
}

/// The generated client's defaults: a 30 s timeout and its `User-Agent` on every request.
const LIKE_GENERATED: (std::time::Duration, &str) =
    (std::time::Duration::from_secs(30), "chift/0.1.0");

async fn hand_request(
    http: &reqwest::Client,
    url: &str,
    body: &HandAuth,
    extras: Option<(std::time::Duration, &str)>,
) -> Result<()> {
    let mut request = http.post(url).json(body);
    if let Some((timeout, user_agent)) = extras {
        request = request
            .timeout(timeout)
            .header(reqwest::header::USER_AGENT, user_agent);
    }
    let token: HandToken = request.send().await?.error_for_status()?.json().await?;
    if token.access_token.is_empty() {
        bail!("empty token");
    }
    Ok(())
}

/// Accepts connections forever, each served on its own task.
async fn serve(listener: std::net::TcpListener) {
    let Ok(listener) = tokio::net::TcpListener::from_std(listener) else {
        return;
    };
    while let Ok((socket, _)) = listener.accept().await {
        tokio::spawn(async move {
            let _ = answer_all(socket).await;
        });
    }
}

/// Answers every request on a keep-alive connection with the token, until the client closes.
async fn answer_all(mut socket: tokio::net::TcpStream) -> Result<()> {
    socket.set_nodelay(true)?;
    let response = format!(
        "HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: {}\r\n\r\n{TOKEN}",
        TOKEN.len()
    );
    let mut buffer = Vec::with_capacity(4096);
    let mut chunk = [0u8; 4096];
    loop {
        let Some(request_len) = complete_request(&buffer)? else {
            let read = socket.read(&mut chunk).await?;
            if read == 0 {
                return Ok(());
            }
            buffer.extend_from_slice(&chunk[..read]);
            continue;
        };
        buffer.drain(..request_len);
        socket.write_all(response.as_bytes()).await?;
    }
}

/// The length of the first complete request in `buffer` (head and body), if it is all there.
fn complete_request(buffer: &[u8]) -> Result<Option<usize>> {
    let Some(head_end) = buffer.windows(4).position(|w| w == b"\r\n\r\n") else {
        return Ok(None);
    };
    let head = std::str::from_utf8(&buffer[..head_end]).context("request head is not UTF-8")?;
    let body_len = head
        .lines()
        .filter_map(|line| line.split_once(':'))
        .find(|(name, _)| name.trim().eq_ignore_ascii_case("content-length"))
        .map(|(_, value)| value.trim().parse::<usize>())
        .transpose()?
        .unwrap_or(0);
    let total = head_end + 4 + body_len;
    Ok((buffer.len() >= total).then_some(total))
}
