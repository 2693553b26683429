//! Why a store could not be opened. Every URL in these errors has its password replaced
//! by `***`, in the message and in `Debug` alike.

use thiserror::Error;

#[derive(Debug, Error)]
pub enum StoreError {
    #[error(
        "cannot use the database URL {url:?}: fanclub works with SQLite (sqlite:///path/to/fanclub.db, \
         or a file path) and PostgreSQL (postgres://user@host/db or postgresql://…)"
    )]
    UnsupportedScheme { url: String },
    #[error("cannot connect to {url}: {reason}")]
    Connect { url: String, reason: String },
    #[error("cannot bring the database at {url} up to date (migration failed): {reason}")]
    Migrate { url: String, reason: String },
}

impl StoreError {
    pub(crate) fn connect(url: &str, e: &sqlx::Error) -> StoreError {
        StoreError::Connect {
            url: redact(url),
            reason: scrub(url, &e.to_string()),
        }
    }

    pub(crate) fn migrate(url: &str, e: &sqlx::migrate::MigrateError) -> StoreError {
        StoreError::Migrate {
            url: redact(url),
            reason: scrub(url, &e.to_string()),
        }
    }
}

/// The URL with its password (in the authority or a `password=` parameter) as `***`.
pub(crate) fn redact(url: &str) -> String {
    let mut out = url.to_string();
    if let Some(scheme_end) = out.find("://") {
        let start = scheme_end + 3;
        let end = out[start..]
            .find(['/', '?', '#'])
            .map_or(out.len(), |i| start + i);
        if let Some(at) = out[start..end].rfind('@')
            && let Some(colon) = out[start..start + at].find(':')
        {
            out.replace_range(start + colon + 1..start + at, "***");
        }
    }
    if let Some(q) = out.find('?') {
        let (head, query) = out.split_at(q + 1);
        let query: Vec<String> = query
            .split('&')
            .map(|pair| match pair.split_once('=') {
                Some((k, _)) if k.eq_ignore_ascii_case("password") => format!("{k}=***"),
                _ => pair.to_string(),
            })
            .collect();
        out = format!("{head}{}", query.join("&"));
    }
    out
}

/// A driver's message with any password of `url` removed, in case the driver quoted it.
fn scrub(url: &str, message: &str) -> String {
    let mut out = message.to_string();
    for secret in passwords(url) {
        if !secret.is_empty() {
            out = out.replace(&secret, "***");
        }
    }
    out
}

fn passwords(url: &str) -> Vec<String> {
    let mut found = Vec::new();
    if let Some(scheme_end) = url.find("://") {
        let start = scheme_end + 3;
        let end = url[start..]
            .find(['/', '?', '#'])
            .map_or(url.len(), |i| start + i);
        if let Some(at) = url[start..end].rfind('@')
            && let Some((_, password)) = url[start..start + at].split_once(':')
        {
            found.push(password.to_string());
        }
    }
    if let Some((_, query)) = url.split_once('?') {
        for pair in query.split('&') {
            if let Some((k, v)) = pair.split_once('=')
                && k.eq_ignore_ascii_case("password")
            {
                found.push(v.to_string());
            }
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn passwords_never_show() {
        assert_eq!(
            redact("postgres://dana:s3cret@db:5432/fan"),
            "postgres://dana:***@db:5432/fan"
        );
        assert_eq!(
            redact("postgres://db/fan?user=x&password=s3cret"),
            "postgres://db/fan?user=x&password=***"
        );
        assert_eq!(redact("postgres://dana@db/fan"), "postgres://dana@db/fan");
        assert_eq!(
            redact("sqlite:///tmp/a.db?mode=rwc"),
            "sqlite:///tmp/a.db?mode=rwc"
        );
        let e = StoreError::Connect {
            url: redact("postgres://dana:s3cret@db/fan"),
            reason: scrub("postgres://dana:s3cret@db/fan", "bad password s3cret"),
        };
        assert!(!e.to_string().contains("s3cret"), "{e}");
        assert!(!format!("{e:?}").contains("s3cret"), "{e:?}");
    }
}
