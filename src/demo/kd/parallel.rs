//! A minimal work queue over scoped threads.
//!
//! Each job is a pure function of its index, so results do not depend on
//! which thread ran a job or in which order jobs finished.

use std::num::NonZeroUsize;
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::thread;

/// Runs `job(0..count)` on up to one thread per core and returns the results
/// in index order. `on_done` runs after each job, on the thread that ran it.
pub fn map_indexed<T, F>(count: usize, job: F, on_done: &(dyn Fn() + Sync)) -> Vec<T>
where
    T: Send,
    F: Fn(usize) -> T + Sync,
{
    let workers = thread::available_parallelism()
        .map_or(1, NonZeroUsize::get)
        .min(count);
    let next = AtomicUsize::new(0);
    let slots: Mutex<Vec<Option<T>>> = Mutex::new((0..count).map(|_| None).collect());
    thread::scope(|scope| {
        for _ in 0..workers {
            scope.spawn(|| {
                loop {
                    let index = next.fetch_add(1, Ordering::Relaxed);
                    if index >= count {
                        break;
                    }
                    let result = job(index);
                    if let Ok(mut slots) = slots.lock() {
                        slots[index] = Some(result);
                    }
                    on_done();
                }
            });
        }
    });
    // A slot stays empty only if a job panicked, and then the scope above has
    // already propagated the panic.
    slots
        .into_inner()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
        .into_iter()
        .flatten()
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn results_keep_index_order() {
        let done = AtomicUsize::new(0);
        let squares = map_indexed(20, |i| i * i, &|| {
            done.fetch_add(1, Ordering::Relaxed);
        });
        assert_eq!(squares, (0..20).map(|i| i * i).collect::<Vec<_>>());
        assert_eq!(done.load(Ordering::Relaxed), 20);
    }

    #[test]
    fn zero_jobs_return_empty() {
        let empty: Vec<usize> = map_indexed(0, |i| i, &|| {});
        assert!(empty.is_empty());
    }
}
