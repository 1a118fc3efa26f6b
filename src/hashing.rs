//! Quick lookups in the small tables of the hot path (names by their first
//! bytes, tense markers and word lists by their words): a hasher of one
//! multiplication a byte or a word, where the standard hasher guards
//! against adversarial keys that a table built from the project's own lists
//! does not have; and a sieve of the keys' shapes that turns away most
//! words before any lookup.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// A hash map with [`KeyHasher`].
pub(crate) type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<KeyHasher>>;

/// A hash set with [`KeyHasher`].
pub(crate) type FastSet<K> = std::collections::HashSet<K, BuildHasherDefault<KeyHasher>>;

/// The shapes of a table's keys, its first byte (up to ASCII case) and its
/// length: a word of no such shape is in no such table, which two bit
/// operations tell, before any hashing or comparing. Most words looked up
/// in a small table are not in it.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct ShapeSieve {
    /// Bit `n` of row `b`: a key of `n` bytes (63 for any longer) whose
    /// first byte is `b` in [`ShapeSieve::row`].
    lengths: [u64; 32],
}

impl ShapeSieve {
    /// The sieve of `keys`.
    pub(crate) fn of<'k>(keys: impl IntoIterator<Item = &'k [u8]>) -> ShapeSieve {
        let mut sieve = ShapeSieve::default();
        for key in keys {
            if let Some(&first) = key.first() {
                sieve.lengths[ShapeSieve::row(first)] |= ShapeSieve::length_bit(key.len());
            }
        }
        sieve
    }

    /// Whether a key may be `word` up to ASCII case: false only when none is.
    pub(crate) fn may_hold(&self, word: &[u8]) -> bool {
        word.first()
            .is_some_and(|&first| self.may_hold_shape(first, word.len()))
    }

    /// [`ShapeSieve::may_hold`] for a word of `len` bytes that starts with
    /// `first`, told before the word is put together.
    pub(crate) fn may_hold_shape(&self, first: u8, len: usize) -> bool {
        self.lengths[ShapeSieve::row(first)] & ShapeSieve::length_bit(len) != 0
    }

    /// The same row for two words equal up to ASCII case.
    fn row(first: u8) -> usize {
        usize::from(first.to_ascii_lowercase() & 31)
    }

    fn length_bit(len: usize) -> u64 {
        1 << len.min(63)
    }
}

/// Multiplicative hashing (Fibonacci constant): fast on short keys.
#[derive(Default)]
pub(crate) struct KeyHasher(u64);

impl Hasher for KeyHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &byte in bytes {
            self.0 = (self.0.rotate_left(8) ^ u64::from(byte)).wrapping_mul(0x9E37_79B9_7F4A_7C15);
        }
    }

    fn write_u32(&mut self, n: u32) {
        // The high bits of the product depend on every bit of the key;
        // folded down, so do the low bits the table indexes by.
        let product = u64::from(n).wrapping_mul(0x9E37_79B9_7F4A_7C15);
        self.0 = product ^ (product >> 32);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Keys that differ in one byte or one bit land apart.
    #[test]
    fn near_keys_hash_apart() {
        let hash = |key: &str| {
            let mut h = KeyHasher::default();
            h.write(key.as_bytes());
            h.finish()
        };
        assert_ne!(hash("was held"), hash("was heLd"));
        assert_ne!(hash("ab"), hash("ba"));
        let sieve = ShapeSieve::of(["will".as_bytes(), b"is to", b"[x]"]);
        for (word, may) in [
            ("will", true),
            ("WILL", true),
            ("wall", true),
            ("wil", false),
            ("bill", false),
            ("Is to", true),
            ("is", false),
            ("{y]", true),
            ("", false),
        ] {
            assert_eq!(sieve.may_hold(word.as_bytes()), may, "{word:?}");
        }
        let number = |n: u32| {
            let mut h = KeyHasher::default();
            h.write_u32(n);
            h.finish()
        };
        assert_ne!(number(1) & 0xFFFF, number(2) & 0xFFFF);
        let mut table: FastMap<&str, u8> = FastMap::default();
        table.insert("will", 1);
        table.insert("was", 2);
        assert_eq!(
            (table.get("will"), table.get("was"), table.get("is")),
            (Some(&1), Some(&2), None)
        );
    }
}
