//! The CSV plumbing the LinkedIn and Google readers share: find the header row by its
//! content (exports put notes above it), guess the delimiter a spreadsheet program may have
//! changed, and hand out rows with their line numbers in the original file.

use csv::StringRecord;

/// How many lines from the top are searched for the header row. LinkedIn's notes preamble
/// is three or four lines; far beyond that the file is not the export asked for.
pub(crate) const HEADER_SEARCH_LINES: usize = 100;

/// A CSV table whose header row was found.
pub(crate) struct Table<'a> {
    /// Header cells, trimmed.
    pub header: Vec<String>,
    /// The text from the header row on.
    body: &'a str,
    delimiter: u8,
    /// 1-based line number of the header row in the file.
    header_line: u64,
}

/// One data row and the file line it starts on.
pub(crate) struct Row {
    pub line: u64,
    pub record: StringRecord,
}

impl<'a> Table<'a> {
    /// Find the first line among the first [`HEADER_SEARCH_LINES`] whose cells satisfy
    /// `is_header` (called with trimmed, unquoted cells).
    pub fn find(text: &'a str, is_header: impl Fn(&[String]) -> bool) -> Option<Table<'a>> {
        let mut offset = 0;
        for (i, line) in text
            .split_inclusive('\n')
            .take(HEADER_SEARCH_LINES)
            .enumerate()
        {
            let delimiter = guess_delimiter(line);
            let cells = split_cells(line, delimiter);
            if is_header(&cells) {
                return Some(Table {
                    header: cells,
                    body: &text[offset..],
                    delimiter,
                    header_line: i as u64 + 1,
                });
            }
            offset += line.len();
        }
        None
    }

    /// The line where a quoted value opens and never closes, if one does: the CSV reader
    /// would take every line after it as part of that value. Quotes count as the reader
    /// counts them: one opens a value only at its start, and `""` inside is a quote.
    pub fn unclosed_quote(&self) -> Option<u64> {
        let bytes = self.body.as_bytes();
        let mut line = self.header_line;
        let mut opened = None;
        let mut field_start = true;
        let mut i = 0;
        while i < bytes.len() {
            let b = bytes[i];
            if opened.is_some() {
                if b == b'"' {
                    if bytes.get(i + 1) == Some(&b'"') {
                        i += 1;
                    } else {
                        opened = None;
                    }
                }
            } else if b == b'"' && field_start {
                opened = Some(line);
            }
            if b == b'\n' {
                line += 1;
            }
            field_start = opened.is_none() && (b == self.delimiter || b == b'\n' || b == b'\r');
            i += 1;
        }
        opened
    }

    /// Index of the first header cell equal to any of `names`, ignoring case.
    pub fn column(&self, names: &[&str]) -> Option<usize> {
        names
            .iter()
            .find_map(|n| self.header.iter().position(|h| h.eq_ignore_ascii_case(n)))
    }

    /// The data rows after the header. A row the CSV reader cannot read becomes `Err` with
    /// its line and the reason, and reading goes on with the next row.
    pub fn rows(&self) -> impl Iterator<Item = Result<Row, (u64, String)>> + 'a {
        let body = self.body.as_bytes();
        let reader = csv::ReaderBuilder::new()
            .has_headers(false)
            // Exports end rows early when trailing cells are blank; spreadsheets pad them.
            .flexible(true)
            .delimiter(self.delimiter)
            .from_reader(body);
        // Lines are counted from byte offsets: the reader's own line count is one short
        // after a CRLF row end, and LinkedIn writes CRLF.
        let mut counted = (0usize, self.header_line);
        let mut line_at = move |byte: usize| -> u64 {
            let mut start = byte.min(body.len());
            while start < body.len() && matches!(body[start], b'\r' | b'\n') {
                start += 1;
            }
            let (from, line) = counted;
            let from = from.min(start);
            let line = line + body[from..start].iter().filter(|&&b| b == b'\n').count() as u64;
            counted = (start, line);
            line
        };
        reader.into_records().skip(1).map(move |r| match r {
            Ok(record) => {
                let byte = record.position().map_or(0, |p| p.byte() as usize);
                Ok(Row {
                    line: line_at(byte),
                    record,
                })
            }
            Err(e) => {
                let byte = e.position().map_or(0, |p| p.byte() as usize);
                Err((line_at(byte), e.to_string()))
            }
        })
    }
}

impl Row {
    /// The trimmed cell at `column`, `""` when the row is shorter.
    pub fn cell(&self, column: Option<usize>) -> &str {
        column
            .and_then(|c| self.record.get(c))
            .map_or("", str::trim)
    }
}

/// Comma, unless the line has none and has semicolons or tabs instead: European
/// spreadsheet programs re-save CSV files with semicolons.
fn guess_delimiter(line: &str) -> u8 {
    if line.contains(',') {
        b','
    } else if line.contains(';') {
        b';'
    } else if line.contains('\t') {
        b'\t'
    } else {
        b','
    }
}

/// Split a header line without a CSV reader: header cells never hold the delimiter, and a
/// preamble line with an unbalanced quote must not swallow the rest of the file.
fn split_cells(line: &str, delimiter: u8) -> Vec<String> {
    line.trim_start_matches('\u{feff}')
        .split(char::from(delimiter))
        .map(|c| c.trim().trim_matches('"').trim().to_string())
        .collect()
}

/// True when `cells` contain every one of `names`, ignoring case.
pub(crate) fn has_all(cells: &[String], names: &[&str]) -> bool {
    names
        .iter()
        .all(|n| cells.iter().any(|c| c.eq_ignore_ascii_case(n)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_header_under_a_preamble_and_numbers_rows_by_file_line() {
        let text = "Notes:\n\"Some, notes\"\n\nA,B\n1,2\n\"multi\nline\",3\n4,5\n";
        let t = Table::find(text, |c| has_all(c, &["a", "b"])).unwrap();
        assert_eq!(t.header, ["A", "B"]);
        let rows: Vec<Row> = t.rows().map(|r| r.ok().unwrap()).collect();
        let lines: Vec<u64> = rows.iter().map(|r| r.line).collect();
        assert_eq!(lines, [5, 6, 8]);
        assert_eq!(rows[1].cell(Some(0)), "multi\nline");
        assert_eq!(rows[0].cell(Some(7)), "");
    }

    #[test]
    fn reads_semicolon_files() {
        let t = Table::find("A;B\r\n1;2\r\n", |c| has_all(c, &["a", "b"])).unwrap();
        let row = t.rows().next().unwrap().ok().unwrap();
        assert_eq!(row.cell(Some(1)), "2");
        assert_eq!(row.line, 2);
    }
}
