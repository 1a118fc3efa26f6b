//! The encoding of the files a run keeps in its staging folder (the
//! candidate tally's runs, the events waiting for the merge): numbers as
//! eight little-endian bytes, texts as their length and their bytes. Exact
//! and private to one run, unlike a CSV cell.

use std::io::Read;

/// Appends `n`.
pub(crate) fn put_number(out: &mut Vec<u8>, n: u64) {
    out.extend_from_slice(&n.to_le_bytes());
}

/// Appends `text`, its length first.
pub(crate) fn put_text(out: &mut Vec<u8>, text: &str) {
    put_number(out, text.len() as u64);
    out.extend_from_slice(text.as_bytes());
}

/// Reads a number [`put_number`] wrote.
pub(crate) fn read_number(input: &mut impl Read) -> std::io::Result<u64> {
    let mut number = [0u8; 8];
    input.read_exact(&mut number)?;
    Ok(u64::from_le_bytes(number))
}

/// Reads a text [`put_text`] wrote.
pub(crate) fn read_text(input: &mut impl Read) -> std::io::Result<String> {
    let len = read_number(input)?;
    read_text_of(input, len)
}

/// Room made at once for a text's bytes, at most: a length read from a
/// damaged file cannot ask for more memory than this before its bytes come.
const TEXT_ROOM: u64 = 1 << 16;

/// Reads the bytes of a text whose length `len` was read already.
pub(crate) fn read_text_of(input: &mut impl Read, len: u64) -> std::io::Result<String> {
    // Read into room made for the whole text, not grown as it comes: the
    // merge of the candidate tally reads hundreds of thousands of names.
    let mut bytes = Vec::with_capacity(len.min(TEXT_ROOM) as usize);
    input.take(len).read_to_end(&mut bytes)?;
    if bytes.len() as u64 != len {
        return Err(std::io::ErrorKind::UnexpectedEof.into());
    }
    String::from_utf8(bytes).map_err(|e| std::io::Error::new(std::io::ErrorKind::InvalidData, e))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_and_texts_come_back_and_a_cut_text_is_an_error() {
        let mut bytes = Vec::new();
        put_number(&mut bytes, 7);
        put_text(&mut bytes, "Kim Il Sung, \u{2019}");
        put_text(&mut bytes, "");
        let mut input = bytes.as_slice();
        assert_eq!(read_number(&mut input).unwrap(), 7);
        assert_eq!(read_text(&mut input).unwrap(), "Kim Il Sung, \u{2019}");
        assert_eq!(read_text(&mut input).unwrap(), "");
        let mut cut = &bytes[..12];
        read_number(&mut cut).unwrap();
        assert!(read_text(&mut cut).is_err());
        // A damaged length: an error, not an allocation of its size.
        let mut damaged = Vec::new();
        put_number(&mut damaged, u64::MAX);
        damaged.extend_from_slice(b"Kim");
        assert!(read_text(&mut damaged.as_slice()).is_err());
        // A text longer than the room made at once comes back whole.
        let long = "Pyongyang ".repeat(10_000);
        let mut bytes = Vec::new();
        put_text(&mut bytes, &long);
        assert_eq!(read_text(&mut bytes.as_slice()).unwrap(), long);
    }
}
