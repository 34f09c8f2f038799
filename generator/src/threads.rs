//! Every stage recurses as deep as the document nests, and `openapiv3`'s derived deserializers
//! spend tens of kilobytes of stack per schema level in a debug build: a schema nested 40
//! `allOf`s deep overflowed a 2 MiB thread. The pipeline therefore runs on a thread of its own
//! with a stack sized for [`MAX_DEPTH`](crate::MAX_DEPTH) levels whatever thread calls it (a
//! test thread, a fuzzer's worker), instead of a limit tuned to one build profile. Only the
//! pages touched are committed, so the size costs address space, not memory.

/// Stack for one generation: about ten times what the deepest accepted document needs in a
/// debug build (measured: 4 MiB suffice for 114 levels of `allOf`).
const STACK_BYTES: usize = 64 * 1024 * 1024;

/// Runs `work` on a thread with a deep stack and returns its result; a panic is resumed on the
/// caller's thread. Falls back to the caller's thread if no thread can be started.
pub(crate) fn with_deep_stack<T: Send>(work: impl FnOnce() -> T + Send) -> T {
    join(work, || ()).0
}

/// Runs `work(0)` .. `work(workers - 1)`, one per thread (the caller's is the first), and
/// returns their results in that order; a panic in any is resumed here. Workers whose thread
/// cannot be started run on the caller's thread afterwards.
pub(crate) fn each_worker<T: Send>(workers: usize, work: impl Fn(usize) -> T + Sync) -> Vec<T> {
    let work = &work;
    let mut results: Vec<Option<T>> = std::thread::scope(|scope| {
        let handles: Vec<_> = (1..workers)
            .map(|k| spawn_deep(scope, move || work(k)))
            .collect();
        let first = work(0);
        let mut results = vec![Some(first)];
        for handle in handles {
            results.push(match handle.map(|handle| handle.join()) {
                Some(Ok(result)) => Some(result),
                Some(Err(panic)) => std::panic::resume_unwind(panic),
                None => None,
            });
        }
        results
    });
    for (k, result) in results.iter_mut().enumerate() {
        if result.is_none() {
            *result = Some(work(k));
        }
    }
    results.into_iter().flatten().collect()
}

/// Runs `left` on a second thread with a deep stack while `right` runs on this one, and
/// returns both results; a panic in `left` is resumed here. If no thread can be started,
/// `left` runs here after `right`.
pub(crate) fn join<A: Send, B>(
    left: impl FnOnce() -> A + Send,
    right: impl FnOnce() -> B,
) -> (A, B) {
    let slot = std::sync::Mutex::new(Some(left));
    let take = || slot.lock().ok().and_then(|mut guard| guard.take());
    let (spawned, right) = std::thread::scope(|scope| {
        let handle = spawn_deep(scope, || take().map(|work| work()));
        let right = right();
        (handle.map(|handle| handle.join()), right)
    });
    match spawned {
        Some(Ok(Some(left))) => (left, right),
        Some(Err(panic)) => std::panic::resume_unwind(panic),
        Some(Ok(None)) | None => match take() {
            Some(work) => (work(), right),
            None => unreachable!("the work ran nowhere but is gone"),
        },
    }
}

/// How many threads the stages that share their work (reading the document into openapiv3,
/// printing) use: the machine's, up to four (more does not pay for the threads on the
/// documents real specs give).
pub(crate) fn worker_threads() -> usize {
    std::thread::available_parallelism().map_or(1, |n| n.get().clamp(1, 4))
}

fn spawn_deep<'scope, T: Send + 'scope>(
    scope: &'scope std::thread::Scope<'scope, '_>,
    work: impl FnOnce() -> T + Send + 'scope,
) -> Option<std::thread::ScopedJoinHandle<'scope, T>> {
    std::thread::Builder::new()
        .name("generator".into())
        .stack_size(STACK_BYTES)
        .spawn_scoped(scope, work)
        .ok()
}
