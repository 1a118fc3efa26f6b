//! A fast hasher for the small tables looked up on the hot path (names by
//! their first bytes, tense markers by their words): one multiplication a
//! byte or a word, where the standard hasher guards against adversarial
//! keys that a table built from the project's own lists does not have.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// A hash map with [`KeyHasher`].
pub(crate) type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<KeyHasher>>;

/// A hash set with [`KeyHasher`].
pub(crate) type FastSet<K> = std::collections::HashSet<K, BuildHasherDefault<KeyHasher>>;

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
