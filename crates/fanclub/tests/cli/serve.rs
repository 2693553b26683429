//! `fanclub serve`: the real binary serves the web app on loopback, on the same database.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Command, Stdio};

use crate::support::Fc;

/// Kills the server however the test ends.
struct Running(std::process::Child);

impl Drop for Running {
    fn drop(&mut self) {
        self.0.kill().ok();
        self.0.wait().ok();
    }
}

fn get(addr: &str, path: &str) -> String {
    let mut s = TcpStream::connect(addr).expect("the server accepts connections");
    write!(
        s,
        "GET {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut out = String::new();
    s.read_to_string(&mut out).unwrap();
    out
}

#[test]
fn serve_shows_the_cli_data_on_loopback() {
    let fc = Fc::new();
    fc.person("Dana Kim", &["--title", "VP Product"]);
    let child = Command::new(env!("CARGO_BIN_EXE_fanclub"))
        .arg("--db")
        .arg(&fc.db)
        .args(["serve", "--port", "0"])
        .env_remove("FANCLUB_DATABASE_URL")
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary starts");
    let mut server = Running(child);
    let mut line = String::new();
    BufReader::new(server.0.stderr.take().unwrap())
        .read_line(&mut line)
        .unwrap();
    let addr = line
        .split("http://")
        .nth(1)
        .and_then(|rest| rest.split('/').next())
        .unwrap_or_else(|| panic!("no address announced: {line}"))
        .to_string();
    assert!(addr.starts_with("127.0.0.1:"), "{addr}");
    let page = get(&addr, "/people");
    assert!(page.starts_with("HTTP/1.1 200"), "{page}");
    assert!(page.contains("Dana Kim"), "{page}");
    assert!(page.contains("content-security-policy"), "{page}");
}
