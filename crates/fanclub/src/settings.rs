//! Where the data lives: `--db` beats `FANCLUB_DATABASE_URL`, which beats the platform's
//! data directory (`…/fanclub/fanclub.db`, created when missing).

use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use serde::Serialize;

/// The environment variable that points fanclub at a database.
pub const DATABASE_ENV: &str = "FANCLUB_DATABASE_URL";

/// Where the location came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Source {
    Flag,
    Environment,
    DataDirectory,
}

impl Source {
    pub fn describe(self) -> &'static str {
        match self {
            Source::Flag => "from --db",
            Source::Environment => "from FANCLUB_DATABASE_URL",
            Source::DataDirectory => "the default data directory",
        }
    }
}

/// The database to open.
#[derive(Debug, Clone)]
pub struct Location {
    /// The URL handed to the store (may hold a password: never print it, use `display`).
    pub url: String,
    /// The SQLite file, when the location is a plain path.
    pub path: Option<PathBuf>,
    pub source: Source,
}

impl Location {
    /// The location as it may be shown: the file path, or the URL without its password.
    pub fn display(&self) -> String {
        match &self.path {
            Some(p) => p.display().to_string(),
            None => redact(&self.url),
        }
    }
}

/// Work out the location from the flag and the environment. Only the default data
/// directory is created here: a path the member typed is used as given.
pub fn locate(flag: Option<&str>) -> Result<Location> {
    let from_env = std::env::var(DATABASE_ENV)
        .ok()
        .filter(|v| !v.trim().is_empty());
    if let Some(given) = flag.filter(|v| !v.trim().is_empty()) {
        return Ok(from_given(given.trim(), Source::Flag));
    }
    if let Some(given) = from_env {
        return Ok(from_given(given.trim(), Source::Environment));
    }
    let dirs = directories::ProjectDirs::from("", "", "fanclub")
        .context("cannot find a home directory for the data; pass --db PATH")?;
    let dir = dirs.data_dir();
    std::fs::create_dir_all(dir)
        .with_context(|| format!("cannot create the data directory {}", dir.display()))?;
    let path = dir.join("fanclub.db");
    Ok(Location {
        url: fanclub_store::sqlite_url(&path),
        path: Some(path),
        source: Source::DataDirectory,
    })
}

fn from_given(given: &str, source: Source) -> Location {
    let lower = given.to_ascii_lowercase();
    if lower.starts_with("sqlite:")
        || lower.starts_with("postgres://")
        || lower.starts_with("postgresql://")
    {
        Location {
            url: given.to_string(),
            path: None,
            source,
        }
    } else {
        let path = Path::new(given).to_path_buf();
        Location {
            url: fanclub_store::sqlite_url(&path),
            path: Some(path),
            source,
        }
    }
}

/// A URL with its password (in the authority or a `password=` parameter) replaced by `***`.
pub fn redact(url: &str) -> String {
    let mut out = url.to_string();
    if let Some(scheme_end) = out.find("://") {
        let rest_start = scheme_end + 3;
        let authority_end = out[rest_start..]
            .find(['/', '?', '#'])
            .map_or(out.len(), |i| rest_start + i);
        if let Some(at) = out[rest_start..authority_end].rfind('@') {
            let userinfo = &out[rest_start..rest_start + at];
            if let Some(colon) = userinfo.find(':') {
                let start = rest_start + colon + 1;
                out.replace_range(start..rest_start + at, "***");
            }
        }
    }
    if let Some(q) = out.find('?') {
        let (head, query) = out.split_at(q + 1);
        let query: Vec<String> = query
            .split('&')
            .map(|kv| match kv.split_once('=') {
                Some((k, _)) if k.eq_ignore_ascii_case("password") => format!("{k}=***"),
                _ => kv.to_string(),
            })
            .collect();
        out = format!("{head}{}", query.join("&"));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn passwords_never_show() {
        assert_eq!(
            redact("postgres://dana:s3cret@db.example.com:5432/fc"),
            "postgres://dana:***@db.example.com:5432/fc"
        );
        assert_eq!(redact("postgresql://dana@db/fc"), "postgresql://dana@db/fc");
        assert_eq!(
            redact("postgres://db/fc?user=a&password=x"),
            "postgres://db/fc?user=a&password=***"
        );
        assert_eq!(
            redact("sqlite:///tmp/a.db?mode=rwc"),
            "sqlite:///tmp/a.db?mode=rwc"
        );
    }

    #[test]
    fn urls_pass_through_and_paths_become_sqlite() {
        let l = from_given("postgres://u:p@h/db", Source::Flag);
        assert_eq!(l.url, "postgres://u:p@h/db");
        assert!(l.path.is_none());
        let l = from_given("/tmp/x.db", Source::Environment);
        assert_eq!(l.path.as_deref(), Some(Path::new("/tmp/x.db")));
        assert_eq!(l.display(), "/tmp/x.db");
    }
}
