//! One document's run: Prism started for it, the harness calling every operation, and each
//! call paired with the request Prism logged for it. Prism sometimes crashes on a request
//! (an exception in its negotiator or validator ends the process); the call it crashed on is
//! recorded as Prism's failure, Prism is started again, and the harness goes on from the next
//! operation, so one crash does not cost every later operation.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Instant;

use super::classify::Call;
use super::report::DocRun;
use super::{harness, prism_log};
use crate::corpus::docs::Doc;

/// The call kind of an operation Prism crashed on.
pub const PRISM_CRASHED: &str = "prism-crashed";

/// Starts Prism for one document, runs its harness, and pairs each call with the request
/// Prism logged for it.
pub fn run_doc(doc: &Doc, prism: &Path, out: &Path) -> DocRun {
    let started = Instant::now();
    let logs = out.join("logs");
    let harness = harness_binary(out, &doc.crate_name);
    let mut calls: Vec<Call> = Vec::new();
    let mut harness_log = String::new();
    // Each restart moves past at least one operation, so this ends.
    for segment in 0.. {
        let name = match segment {
            0 => format!("{}.prism", doc.id),
            n => format!("{}.prism-{n}", doc.id),
        };
        let mut mock = match crate::prism::start_mock(prism, &doc.path, &name, &logs) {
            Ok(mock) => mock,
            Err(error) if segment == 0 => {
                return DocRun {
                    id: doc.id.clone(),
                    skipped: Some(format!("Prism did not start: {error:#}")),
                    calls: Vec::new(),
                    duration: started.elapsed(),
                }
            }
            // The calls of the crashed segment stay as they were.
            Err(_) => break,
        };
        let first = calls.len();
        let output = Command::new(&harness)
            .arg(mock.url())
            .arg(first.to_string())
            .stdin(Stdio::null())
            .output();
        let crashed = mock.has_exited();
        let prism_log_path = mock.log().to_path_buf();
        // Stopping Prism first makes sure its log is complete.
        drop(mock);
        let output = match output {
            Ok(output) => output,
            Err(error) => {
                return DocRun {
                    id: doc.id.clone(),
                    skipped: Some(format!("could not run {}: {error}", harness.display())),
                    calls,
                    duration: started.elapsed(),
                }
            }
        };
        let stdout = String::from_utf8_lossy(&output.stdout);
        let stderr = String::from_utf8_lossy(&output.stderr);
        harness_log.push_str(&format!("{stdout}\n--- stderr ---\n{stderr}\n"));
        let prism_log = std::fs::read_to_string(&prism_log_path).unwrap_or_default();
        let mut segment_calls = pair(&stdout, &prism_log::parse(&prism_log));
        let culprit = crashed
            .then(|| segment_calls.iter().position(|c| c.kind == "no-response"))
            .flatten();
        if let Some(at) = culprit {
            segment_calls.truncate(at + 1);
            let call = &mut segment_calls[at];
            call.kind = PRISM_CRASHED.to_string();
            call.message = crash_reason(&prism_log);
            calls.extend(segment_calls);
            continue;
        }
        calls.extend(segment_calls);
        if !output.status.success() {
            calls.push(Call {
                name: "(harness)".to_string(),
                method: String::new(),
                path: String::new(),
                kind: "panic".to_string(),
                status: None,
                message: format!(
                    "harness exited with {}: {}",
                    output.status,
                    last_lines(&stderr)
                ),
                received: None,
                ..Call::default()
            });
        }
        break;
    }
    let redo: Vec<usize> = (0..calls.len())
        .filter(|&i| calls[i].needs_dynamic_reply())
        .collect();
    if !redo.is_empty() {
        let (dynamic, log) = dynamic_replies(doc, prism, &logs, &harness, &redo);
        harness_log.push_str(&log);
        for (index, call) in redo.into_iter().zip(dynamic) {
            calls[index].dynamic = call.map(Box::new);
        }
    }
    let _ = std::fs::write(logs.join(format!("{}.harness.log", doc.id)), harness_log);
    // Read once for every rule that asks the document; one that does not read answers nothing.
    let document = super::spec_doc::read(&doc.path).unwrap_or_default();
    let media = super::spec_media::request_media(&document);
    let overlaps = super::spec_unions::overlaps(&document);
    let objects = std::sync::Arc::new(super::spec_objects::objects(&document));
    let replies = std::sync::Arc::new(super::spec_required::Replies::of(document));
    let generation_log = std::fs::read_to_string(logs.join(format!("{}.log", doc.id)));
    let undeclared =
        super::spec_warnings::Undeclared::from_log(&generation_log.unwrap_or_default());
    for call in &mut calls {
        let key = (call.method.clone(), call.path.clone());
        call.request_media = media.get(&key).cloned().unwrap_or_default();
        call.union_overlaps = overlaps.get(&key).cloned().unwrap_or_default();
        call.objects = std::sync::Arc::clone(&objects);
        call.replies = std::sync::Arc::clone(&replies);
        if let Some(dynamic) = call.dynamic.as_mut() {
            dynamic.replies = std::sync::Arc::clone(&replies);
        }
        call.undeclared = undeclared.clone();
    }
    DocRun {
        id: doc.id.clone(),
        skipped: None,
        calls,
        duration: started.elapsed(),
    }
}

/// The calls `indices` made again against Prism answering with replies generated from the
/// schema (`Prefer: dynamic=true`), each paired with what Prism logged; `None` where the call
/// was not made (Prism did not start or crashed before it).
fn dynamic_replies(
    doc: &Doc,
    prism: &Path,
    logs: &Path,
    harness: &Path,
    indices: &[usize],
) -> (Vec<Option<Call>>, String) {
    let name = format!("{}.prism-dynamic", doc.id);
    let Ok(mock) = crate::prism::start_mock(prism, &doc.path, &name, logs) else {
        return (vec![None; indices.len()], String::new());
    };
    let list: Vec<String> = indices.iter().map(usize::to_string).collect();
    let output = Command::new(harness)
        .arg(mock.url())
        .arg(format!("dynamic:{}", list.join(",")))
        .stdin(Stdio::null())
        .output();
    let prism_log_path = mock.log().to_path_buf();
    drop(mock);
    let Ok(output) = output else {
        return (vec![None; indices.len()], String::new());
    };
    let stdout = String::from_utf8_lossy(&output.stdout);
    let prism_log = std::fs::read_to_string(&prism_log_path).unwrap_or_default();
    let mut made = pair(&stdout, &prism_log::parse(&prism_log)).into_iter();
    let calls = indices.iter().map(|_| made.next()).collect();
    (calls, format!("--- dynamic replies ---\n{stdout}"))
}

/// The exception Prism's log ends with (`TypeError: invalid media type`).
fn crash_reason(log: &str) -> String {
    let error = log.lines().map(str::trim).find(|line| {
        line.split_once(": ").is_some_and(|(kind, _)| {
            kind.ends_with("Error") && kind.chars().all(|c| c.is_ascii_alphanumeric())
        })
    });
    format!(
        "Prism's process ended on this request: {}",
        error.unwrap_or("no exception in its log")
    )
}

fn harness_binary(out: &Path, krate: &str) -> PathBuf {
    out.join("target").join("debug").join(format!(
        "{}{}",
        harness::name(krate),
        std::env::consts::EXE_SUFFIX
    ))
}

/// The harness's `call` lines, each with the first request Prism logged after the previous
/// call's whose method and path fit the operation.
fn pair(stdout: &str, received: &[prism_log::Received]) -> Vec<Call> {
    let mut cursor = 0;
    let mut calls = Vec::new();
    for line in stdout.lines() {
        let fields: Vec<&str> = line.splitn(8, '\t').collect();
        let [_, _, name, method, path, kind, status, message] = fields[..] else {
            continue;
        };
        let sent = !message.contains("invalid request") && kind != "panic";
        let found = sent
            .then(|| {
                received[cursor.min(received.len())..]
                    .iter()
                    .position(|r| r.method == method && prism_log::path_matches(path, &r.path))
            })
            .flatten();
        let request = found.map(|offset| {
            cursor += offset + 1;
            received[cursor - 1].clone()
        });
        calls.push(Call {
            name: name.to_string(),
            method: method.to_string(),
            path: path.to_string(),
            kind: kind.to_string(),
            status: status.parse().ok(),
            message: message.to_string(),
            received: request,
            ..Call::default()
        });
    }
    calls
}

fn last_lines(text: &str) -> String {
    let lines: Vec<&str> = text.lines().collect();
    lines[lines.len().saturating_sub(3)..].join(" / ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn crash_reason_names_the_exception() {
        let log = "[3:21] info Request received\n\n/x/index.js:126\n    throw new TypeError('invalid media type')\n          ^\nTypeError: invalid media type\n    at Object.parse (/x/index.js:126:11)\n";
        assert_eq!(
            crash_reason(log),
            "Prism's process ended on this request: TypeError: invalid media type"
        );
        assert!(crash_reason("all fine").ends_with("no exception in its log"));
    }
}
