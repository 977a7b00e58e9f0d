//! JSON Lines input read one line at a time under a byte limit per line.
//!
//! `BufRead::lines` reads a whole line into memory before anyone can check its size, and
//! fails the whole stream at the first line that is not UTF-8. Here a line longer than the
//! limit is skipped in buffer-sized pieces (it costs at most the limit in memory, however
//! long it is), and lines are handed out as bytes so the caller can reject a bad one alone.

use std::io::{self, BufRead, ErrorKind, Read};

/// One line of input, without its `\n` or `\r\n`.
pub enum Line<'a> {
    /// The line's bytes, at most the limit.
    Text(&'a [u8]),
    /// A line over the limit, already skipped: its length in bytes.
    TooLong(u64),
}

/// Splits input on `b'\n'`, trims one trailing `\r`, and numbers the lines from 1.
pub struct Lines<R> {
    input: R,
    limit: usize,
    buf: Vec<u8>,
    number: u64,
}

impl<R: BufRead> Lines<R> {
    /// Reads `input`, refusing lines longer than `limit` bytes.
    pub fn new(input: R, limit: usize) -> Self {
        Lines {
            input,
            limit,
            buf: Vec::new(),
            number: 0,
        }
    }

    /// The number of the line last returned (0 before the first).
    pub fn number(&self) -> u64 {
        self.number
    }

    /// The next line and its number, or `None` at the end of the input.
    pub fn next_line(&mut self) -> io::Result<Option<(u64, Line<'_>)>> {
        self.buf.clear();
        // Room for the limit and a "\r\n": a read that fills it without a '\n' is too long.
        let room = self.limit as u64 + 2;
        let read = (&mut self.input)
            .take(room)
            .read_until(b'\n', &mut self.buf)?;
        if read == 0 {
            return Ok(None);
        }
        self.number += 1;
        let ended = self.buf.last() == Some(&b'\n');
        if !ended && read as u64 == room {
            let length = self.skip_line()?;
            return Ok(Some((self.number, Line::TooLong(length))));
        }
        let mut line = &self.buf[..];
        if ended {
            line = &line[..line.len() - 1];
        }
        if let [head @ .., b'\r'] = line {
            line = head;
        }
        if line.len() > self.limit {
            return Ok(Some((self.number, Line::TooLong(line.len() as u64))));
        }
        Ok(Some((self.number, Line::Text(line))))
    }

    /// Discards the rest of the line begun in `buf`, up to and including the next '\n' (or to
    /// the end), returning the whole line's length without its '\n' or '\r\n'.
    fn skip_line(&mut self) -> io::Result<u64> {
        let mut length = self.buf.len() as u64;
        let mut last = self.buf.last().copied();
        loop {
            let (used, done) = {
                let available = match self.input.fill_buf() {
                    Ok(available) => available,
                    Err(e) if e.kind() == ErrorKind::Interrupted => continue,
                    Err(e) => return Err(e),
                };
                let newline = available.iter().position(|&b| b == b'\n');
                let before = &available[..newline.unwrap_or(available.len())];
                if let Some(&b) = before.last() {
                    last = Some(b);
                }
                length += before.len() as u64;
                let used = newline.map_or(available.len(), |i| i + 1);
                // Done at the newline, or at the end of the input.
                (used, newline.is_some() || available.is_empty())
            };
            self.input.consume(used);
            if done {
                // `length` is past the limit, so it still is without the '\r'.
                return Ok(length - u64::from(last == Some(b'\r')));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{Line, Lines};

    /// Every line of `input` under `limit`: `Ok(text)` or `Err(length)` when too long.
    fn read(input: &[u8], limit: usize) -> Vec<(u64, Result<String, u64>)> {
        let mut lines = Lines::new(input, limit);
        let mut all = Vec::new();
        while let Some((n, line)) = lines.next_line().expect("reading a slice") {
            all.push(match line {
                Line::Text(t) => (n, Ok(String::from_utf8_lossy(t).into_owned())),
                Line::TooLong(len) => (n, Err(len)),
            });
        }
        all
    }

    #[test]
    fn splits_on_newline_and_trims_one_carriage_return() {
        let got = read(b"a\r\nbb\n\nc\r\r\nd", 10);
        let want = [
            (1, Ok("a".into())),
            (2, Ok("bb".into())),
            (3, Ok(String::new())),
            (4, Ok("c\r".into())),
            (5, Ok("d".into())),
        ];
        assert_eq!(got, want);
        assert!(read(b"", 10).is_empty());
    }

    #[test]
    fn a_line_at_the_limit_fits_and_one_byte_more_is_skipped() {
        assert_eq!(
            read(b"abcd\nx", 4),
            [(1, Ok("abcd".into())), (2, Ok("x".into()))]
        );
        assert_eq!(
            read(b"abcd\r\nx", 4),
            [(1, Ok("abcd".into())), (2, Ok("x".into()))]
        );
        assert_eq!(read(b"abcde\nx", 4), [(1, Err(5)), (2, Ok("x".into()))]);
        assert_eq!(read(b"abcde\r\nx", 4), [(1, Err(5)), (2, Ok("x".into()))]);
        assert_eq!(read(b"abcdef", 4), [(1, Err(6))]);
        // The reader's room (limit + 2) ends right after the '\r' of "\r\n".
        assert_eq!(
            read(b"abcdefghijklmn\r\nx", 12),
            [(1, Err(14)), (2, Ok("x".into()))]
        );
    }

    #[test]
    fn a_long_line_is_measured_across_buffer_refills() {
        let mut input = vec![b' '; 100_000];
        input.extend_from_slice(b"\r\nnext\n");
        let reader = std::io::BufReader::with_capacity(16, &input[..]);
        let mut lines = Lines::new(reader, 10);
        let mut all = Vec::new();
        while let Some((n, line)) = lines.next_line().expect("reading a slice") {
            all.push(match line {
                Line::Text(t) => (n, Ok(t.to_vec())),
                Line::TooLong(len) => (n, Err(len)),
            });
        }
        assert_eq!(all, [(1, Err(100_000)), (2, Ok(b"next".to_vec()))]);
    }
}
