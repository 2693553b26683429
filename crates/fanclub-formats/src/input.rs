//! The checks every reader makes on the raw bytes before it looks at their content: the
//! size limit, binary files (a zip archive handed over instead of the CSV inside it),
//! UTF-16 text (what spreadsheet programs write as "Unicode text") and invalid UTF-8.

use crate::{Format, FormatError, MAX_FILE_BYTES};

/// Check `bytes` and return them as text without a leading byte-order mark.
pub(crate) fn decode(bytes: &[u8], format: Format) -> Result<&str, FormatError> {
    if bytes.len() > MAX_FILE_BYTES {
        return Err(FormatError::TooLarge {
            size: bytes.len(),
            limit: MAX_FILE_BYTES,
        });
    }
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return Err(FormatError::Utf16 { format });
    }
    if let Some(what) = binary_kind(bytes) {
        return Err(FormatError::Binary { format, what });
    }
    let text = match std::str::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) => {
            let offset = e.valid_up_to();
            let line = 1 + bytes[..offset].iter().filter(|&&b| b == b'\n').count();
            let start = bytes[..offset]
                .iter()
                .rposition(|&b| b == b'\n')
                .map_or(0, |i| i + 1);
            // Everything before `offset` is valid UTF-8: count its characters.
            let column = 1 + String::from_utf8_lossy(&bytes[start..offset])
                .chars()
                .count();
            return Err(FormatError::NotUtf8 {
                format,
                line,
                column,
            });
        }
    };
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(FormatError::Empty { format });
    }
    Ok(text)
}

/// Name the kind of a binary file from its first bytes, or `None` for text.
fn binary_kind(bytes: &[u8]) -> Option<&'static str> {
    if bytes.starts_with(b"PK\x03\x04") {
        // LinkedIn and Google Takeout both hand out zip archives.
        return Some("a zip archive: unzip it and import the file inside");
    }
    if bytes.starts_with(b"%PDF") {
        return Some("a PDF document");
    }
    if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]) {
        return Some("an old Excel or Word document: save it as CSV first");
    }
    // UTF-16 without a byte-order mark has a NUL in every other byte of ASCII text; no
    // text format here has NULs at all.
    let head = &bytes[..bytes.len().min(4096)];
    if head.contains(&0) {
        return Some("it contains NUL bytes");
    }
    None
}

/// The first `BEGIN:{component}` that has no `END:{component}` before the file ends, as
/// (its number among the components begun, its line): a file cut short mid-download or
/// mid-copy ends inside a component, and what was read of its last value is cut too.
/// Components may nest (a vCard 2.1 `AGENT` holds a card).
pub(crate) fn unended(text: &str, component: &str) -> Option<(usize, usize)> {
    let mut open = Vec::new();
    let mut begun = 0;
    for (i, line) in text.lines().enumerate() {
        let Some((name, value)) = line.trim_end().split_once(':') else {
            continue;
        };
        if !value.trim().eq_ignore_ascii_case(component) {
            continue;
        }
        if name.eq_ignore_ascii_case("BEGIN") {
            begun += 1;
            open.push((begun, i + 1));
        } else if name.eq_ignore_ascii_case("END") {
            open.pop();
        }
    }
    open.first().copied()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strips_the_bom_and_refuses_what_is_not_utf8_text() {
        assert_eq!(decode(b"\xEF\xBB\xBFa,b", Format::LinkedIn).unwrap(), "a,b");
        assert!(matches!(
            decode(b"\xFF\xFEa\0", Format::LinkedIn),
            Err(FormatError::Utf16 { .. })
        ));
        assert!(matches!(
            decode(b"PK\x03\x04rest", Format::LinkedIn),
            Err(FormatError::Binary { .. })
        ));
        assert_eq!(
            decode(b"ok\nbad \xC3\x28", Format::VCard),
            Err(FormatError::NotUtf8 {
                format: Format::VCard,
                line: 2,
                column: 5
            })
        );
        assert!(matches!(
            decode(b"  \n", Format::VCard),
            Err(FormatError::Empty { .. })
        ));
    }

    #[test]
    fn refuses_files_over_the_limit() {
        let big = vec![b'a'; MAX_FILE_BYTES + 1];
        let err = decode(&big, Format::GoogleCsv).unwrap_err();
        assert!(err.to_string().contains("more than"), "{err}");
    }
}
