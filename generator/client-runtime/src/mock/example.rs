//! Every operation called once with synthesized arguments, its result reduced to what a
//! conformance run compares with the server's view: did the call decode, and if not, why.

use super::{MockOperation, OperationInfo};
use crate::{ApiResult, ErrorKind};

/// How one example call ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CallKind {
    /// A declared success status, body decoded into the declared type.
    Ok,
    /// A declared error status, body decoded into the declared error type.
    Status,
    /// A status the operation does not declare.
    UnexpectedStatus,
    /// A declared status whose body did not decode into the declared type.
    Decode,
    /// No response: transport, timeout, body limit, invalid request or credential error.
    NoResponse,
}

impl CallKind {
    /// The lower-case name a report prints.
    pub fn name(self) -> &'static str {
        match self {
            CallKind::Ok => "ok",
            CallKind::Status => "status",
            CallKind::UnexpectedStatus => "unexpected-status",
            CallKind::Decode => "decode",
            CallKind::NoResponse => "no-response",
        }
    }
}

/// The outcome of one example call.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CallOutcome {
    /// How it ended.
    pub kind: CallKind,
    /// The response status, when the client saw one it reports.
    pub status: ::std::option::Option<u16>,
    /// The error's message (empty on success).
    pub message: ::std::string::String,
}

impl CallOutcome {
    /// Reduces a call's result.
    pub fn of<T, E: ::std::fmt::Debug>(result: &ApiResult<T, E>) -> CallOutcome {
        let status = match result {
            Ok(response) => Some(response.status.as_u16()),
            Err(error) => error.status().map(|s| s.as_u16()),
        };
        let kind = match result {
            Ok(_) => CallKind::Ok,
            Err(error) => match error.kind() {
                ErrorKind::Status(_) => CallKind::Status,
                ErrorKind::UnexpectedStatus => CallKind::UnexpectedStatus,
                ErrorKind::Decode(_) => CallKind::Decode,
                _ => CallKind::NoResponse,
            },
        };
        let message = match result {
            Ok(_) => ::std::string::String::new(),
            Err(error) => error.to_string(),
        };
        CallOutcome {
            kind,
            status,
            message,
        }
    }
}

/// One operation's example call, not yet started.
pub struct ExampleCall<'a> {
    /// The operation.
    pub info: OperationInfo,
    /// The call; awaiting it sends the request.
    pub call: ::std::pin::Pin<Box<dyn ::std::future::Future<Output = CallOutcome> + Send + 'a>>,
}

/// [`MockOperation::example_call`] of `Op` on `client`, its result reduced to a
/// [`CallOutcome`] so that calls of every operation fit in one list.
pub fn example_call<Op>(client: &Op::Client) -> ExampleCall<'_>
where
    Op: MockOperation,
    Op::Ok: 'static,
    Op::Client: Sync,
    Op::Error: ::std::fmt::Debug + 'static,
{
    ExampleCall {
        info: Op::INFO,
        call: Box::pin(async move { CallOutcome::of(&Op::example_call(client).await) }),
    }
}
