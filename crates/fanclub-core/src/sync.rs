//! Taking a lock on in-memory state shared between threads (the caches of the store and
//! of the web pages).

use std::sync::{Mutex, MutexGuard, PoisonError};

/// The guard of `mutex`, even when a thread panicked while holding it.
///
/// A poisoned lock is still safe to use for the state kept under these locks: each change
/// made while holding one is a single insert, assignment or clear, so a panic cannot leave
/// the value half-updated. Refusing the lock instead would turn one panic into a failure of
/// every later request.
pub fn lock<T: ?Sized>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(PoisonError::into_inner)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_poisoned_lock_still_gives_the_value() {
        let shared = std::sync::Arc::new(Mutex::new(vec![1]));
        let held = shared.clone();
        let outcome = std::thread::spawn(move || {
            let _guard = held.lock();
            panic!("poison the lock");
        })
        .join();
        assert!(outcome.is_err());
        assert!(shared.is_poisoned());
        lock(&shared).push(2);
        assert_eq!(*lock(&shared), vec![1, 2]);
    }
}
