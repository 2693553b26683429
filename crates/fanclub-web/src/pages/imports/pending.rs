//! Uploads waiting for their confirmation: in memory only, under a random token, a few at
//! a time, each for at most [`KEEP_FOR`]. Each keeps the file and the member's choices, so
//! the confirmation plans with exactly what the preview showed.

use std::collections::HashMap;
use std::fmt::Write;
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};
use std::time::{Duration, Instant};

use fanclub_core::CoreError;
use fanclub_formats::{Format, ImportChoices};
use rand::TryRngCore;
use rand::rngs::OsRng;

/// How long an upload waits for its confirmation.
pub(super) const KEEP_FOR: Duration = Duration::from_secs(30 * 60);

/// Uploads kept waiting at most; the oldest goes first.
const KEEP_AT_MOST: usize = 4;

/// A file to import and how: what the preview planned and the confirmation plans again.
#[derive(Debug, Clone)]
pub(super) struct Upload {
    pub(super) bytes: Arc<Vec<u8>>,
    pub(super) file_name: String,
    pub(super) format: Format,
    pub(super) choices: ImportChoices,
}

/// One upload waiting, with when it came and in which order.
struct Waiting {
    upload: Upload,
    since: Instant,
    order: u64,
}

/// Uploads waiting for their confirmation, by token.
#[derive(Default)]
pub(crate) struct PendingImports {
    uploads: Mutex<HashMap<String, Waiting>>,
}

impl PendingImports {
    fn lock(&self) -> MutexGuard<'_, HashMap<String, Waiting>> {
        // A panic elsewhere while holding the lock leaves only uploads behind: keep going.
        self.uploads.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Keep `upload` under `token`, dropping expired uploads and, past the limit, the
    /// oldest.
    pub(super) fn keep(&self, token: String, upload: Upload) {
        let mut uploads = self.lock();
        uploads.retain(|_, w| w.since.elapsed() < KEEP_FOR);
        let order = uploads.values().map(|w| w.order).max().unwrap_or(0) + 1;
        while uploads.len() >= KEEP_AT_MOST {
            let oldest = uploads
                .iter()
                .min_by_key(|(_, w)| w.order)
                .map(|(t, _)| t.clone());
            match oldest {
                Some(t) => uploads.remove(&t),
                None => break,
            };
        }
        uploads.insert(
            token,
            Waiting {
                upload,
                since: Instant::now(),
                order,
            },
        );
    }

    /// A copy of the upload under `token`, if it has not expired; it stays until
    /// forgotten.
    pub(super) fn get(&self, token: &str) -> Option<Upload> {
        let mut uploads = self.lock();
        uploads.retain(|_, w| w.since.elapsed() < KEEP_FOR);
        uploads.get(token).map(|w| w.upload.clone())
    }

    pub(super) fn forget(&self, token: &str) {
        self.lock().remove(token);
    }
}

/// 32 random bytes as lowercase hex.
pub(super) fn new_token() -> Result<String, CoreError> {
    let mut bytes = [0u8; 32];
    OsRng.try_fill_bytes(&mut bytes).map_err(|e| {
        CoreError::Storage(format!(
            "the operating system gave no random bytes for the import ({e}); try again"
        ))
    })?;
    let mut token = String::with_capacity(64);
    for b in bytes {
        // Writing into a String cannot fail.
        let _ = write!(token, "{b:02x}");
    }
    Ok(token)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn upload(max_attendees: usize) -> Upload {
        Upload {
            bytes: Arc::new(vec![1]),
            file_name: "f".into(),
            format: Format::ICalendar,
            choices: ImportChoices {
                max_attendees,
                ..ImportChoices::default()
            },
        }
    }

    #[test]
    fn the_oldest_uploads_go_first_and_a_forgotten_one_is_gone() {
        let pending = PendingImports::default();
        for i in 0..KEEP_AT_MOST + 2 {
            pending.keep(format!("t{i}"), upload(i + 1));
        }
        assert!(pending.get("t0").is_none());
        let last = format!("t{}", KEEP_AT_MOST + 1);
        assert!(pending.get(&last).is_some());
        assert!(pending.lock().len() <= KEEP_AT_MOST);
        pending.forget(&last);
        assert!(pending.get(&last).is_none());
    }

    #[test]
    fn an_upload_keeps_its_choices() {
        let pending = PendingImports::default();
        pending.keep("t".into(), upload(3));
        let kept = pending.get("t").unwrap();
        assert_eq!(kept.choices.max_attendees, 3);
        assert_eq!(kept.format, Format::ICalendar);
    }

    #[test]
    fn tokens_are_long_and_different() {
        let a = new_token().unwrap();
        let b = new_token().unwrap();
        assert_eq!(a.len(), 64);
        assert!(a.chars().all(|c| c.is_ascii_hexdigit()));
        assert_ne!(a, b);
    }
}
