//! The private calendar feed's token: one secret per account, made from the operating
//! system's random source. Whoever holds it can read the feed, so a new one replaces the
//! old at once and turning the feed off removes it.

use std::fmt::Write;

use fanclub_core::{CoreError, CoreResult};
use rand::TryRngCore;
use rand::rngs::OsRng;

use crate::SqlStore;
use crate::violation::DbResult;

/// 32 random bytes: 256 bits, far past guessing.
const TOKEN_BYTES: usize = 32;

/// A fresh token as lowercase hex: safe in a URL path without any escaping.
fn new_token() -> CoreResult<String> {
    let mut bytes = [0u8; TOKEN_BYTES];
    OsRng.try_fill_bytes(&mut bytes).map_err(|e| {
        CoreError::Storage(format!(
            "the operating system gave no random bytes for the calendar link ({e}); try again"
        ))
    })?;
    let mut token = String::with_capacity(TOKEN_BYTES * 2);
    for b in bytes {
        // Writing into a String cannot fail.
        let _ = write!(token, "{b:02x}");
    }
    Ok(token)
}

impl SqlStore {
    pub(crate) async fn calendar_token_tx(&self) -> CoreResult<Option<String>> {
        let row: Option<(String,)> =
            sqlx::query_as("SELECT token FROM calendar_feeds WHERE account_id = $1")
                .bind(self.account())
                .fetch_optional(self.pool())
                .await
                .db()?;
        Ok(row.map(|(token,)| token))
    }

    pub(crate) async fn rotate_calendar_token_tx(&self) -> CoreResult<String> {
        let token = new_token()?;
        let created_at = chrono::Utc::now().format("%Y-%m-%dT%H:%M:%SZ").to_string();
        // One statement: the old token stops working the moment the new one is stored.
        sqlx::query(
            "INSERT INTO calendar_feeds (account_id, token, created_at) VALUES ($1, $2, $3) \
             ON CONFLICT (account_id) DO UPDATE SET token = excluded.token, \
             created_at = excluded.created_at",
        )
        .bind(self.account())
        .bind(token.clone())
        .bind(created_at)
        .execute(self.pool())
        .await
        .db()?;
        Ok(token)
    }

    pub(crate) async fn remove_calendar_token_tx(&self) -> CoreResult<()> {
        sqlx::query("DELETE FROM calendar_feeds WHERE account_id = $1")
            .bind(self.account())
            .execute(self.pool())
            .await
            .db()?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_are_long_url_safe_and_different() {
        let a = new_token().unwrap();
        let b = new_token().unwrap();
        assert_eq!(a.len(), 64);
        assert!(
            a.bytes()
                .all(|c| c.is_ascii_hexdigit() && !c.is_ascii_uppercase())
        );
        assert_ne!(a, b);
    }
}
