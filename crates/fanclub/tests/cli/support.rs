//! The test harness: a temporary database and one method per way of running the binary.

use std::path::PathBuf;

use assert_cmd::Command;
use serde_json::Value;
use tempfile::TempDir;

/// One member's workspace in a temporary directory.
pub struct Fc {
    pub dir: TempDir,
    pub db: PathBuf,
}

impl Fc {
    pub fn new() -> Fc {
        let dir = tempfile::tempdir().expect("a temporary directory");
        let db = dir.path().join("fanclub.db");
        Fc { dir, db }
    }

    /// The binary, pointed at this workspace with `--db`, isolated from the environment.
    pub fn cmd(&self) -> Command {
        let mut c = Command::new(env!("CARGO_BIN_EXE_fanclub"));
        c.arg("--db")
            .arg(&self.db)
            .env_remove("FANCLUB_DATABASE_URL");
        c
    }

    /// Run and expect success; returns stdout.
    pub fn ok(&self, args: &[&str]) -> String {
        let out = self.cmd().args(args).output().expect("the binary runs");
        assert!(
            out.status.success(),
            "fanclub {args:?} failed ({:?}):\n{}",
            out.status.code(),
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).expect("utf-8 output")
    }

    /// Run with `--json` and parse stdout.
    pub fn json(&self, args: &[&str]) -> Value {
        let mut all = args.to_vec();
        all.push("--json");
        let text = self.ok(&all);
        serde_json::from_str(&text)
            .unwrap_or_else(|e| panic!("fanclub {args:?} printed invalid JSON ({e}):\n{text}"))
    }

    /// Run and expect failure with `code`; returns stderr, which must be one clean
    /// `error: …` message (no panic, no debug dump).
    pub fn fails(&self, args: &[&str], code: i32) -> String {
        let out = self.cmd().args(args).output().expect("the binary runs");
        let stderr = String::from_utf8_lossy(&out.stderr).to_string();
        assert_eq!(
            out.status.code(),
            Some(code),
            "fanclub {args:?}: stderr was\n{stderr}"
        );
        assert!(
            stderr.starts_with("error: "),
            "fanclub {args:?}: stderr was\n{stderr}"
        );
        assert!(
            !stderr.contains("panicked") && !stderr.contains("RUST_BACKTRACE"),
            "{stderr}"
        );
        stderr
    }

    /// Add a person and return their id.
    pub fn person(&self, name: &str, extra: &[&str]) -> i64 {
        let mut args = vec!["person", "add", name];
        args.extend_from_slice(extra);
        id(&self.json(&args))
    }

    /// Everything the workspace holds, as the list commands print it.
    pub fn state(&self) -> Value {
        let lists: [&[&str]; 12] = [
            &["person", "list"],
            &["connection", "list"],
            &["interaction", "list", "--all"],
            &["goal", "list"],
            &["win", "list"],
            &["evidence", "list"],
            &["perception", "list"],
            &["opportunity", "list"],
            &["decision", "list"],
            &["review", "list"],
            &["settings", "show"],
            &["framework", "show"],
        ];
        Value::Array(lists.iter().map(|a| self.json(a)).collect())
    }

    /// Run a command that must be refused with `code`, naming `field`, and change nothing.
    pub fn refused(&self, args: &[&str], code: i32, field: &str) -> String {
        let before = self.state();
        let stderr = self.fails(args, code);
        assert!(
            stderr.contains(field),
            "fanclub {args:?} should name {field:?}:\n{stderr}"
        );
        assert_eq!(self.state(), before, "fanclub {args:?} changed the data");
        stderr
    }
}

/// The `id` of a JSON record.
pub fn id(v: &Value) -> i64 {
    v["id"].as_i64().unwrap_or_else(|| panic!("no id in {v}"))
}

/// The ids of a JSON list.
pub fn ids(v: &Value) -> Vec<i64> {
    v.as_array().expect("a JSON list").iter().map(id).collect()
}
