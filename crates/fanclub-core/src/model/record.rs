//! Reading a `Record<T>` from an object that holds its `id` beside the value's own fields,
//! without buffering the object first.
//!
//! `#[serde(flatten)]` would read every record into an intermediate tree of its fields and
//! then read the value again from that tree; an archive holds a million interactions, and
//! reading one that way took half as long again. Here the value reads the object's fields
//! as they come, and the `id` is taken out on the way.

use std::fmt;
use std::marker::PhantomData;

use serde::de::value::{BorrowedStrDeserializer, StringDeserializer};
use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, Visitor};
use serde::{Deserialize, forward_to_deserialize_any};

use super::Record;
use crate::Id;

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Record<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_map(RecordVisitor(PhantomData))
    }
}

struct RecordVisitor<T>(PhantomData<fn() -> T>);

impl<'de, T: Deserialize<'de>> Visitor<'de> for RecordVisitor<T> {
    type Value = Record<T>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a record: an object with its id and its fields")
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Record<T>, A::Error> {
        let mut id = None;
        let value = T::deserialize(WithoutId { map, id: &mut id })?;
        let id = id.ok_or_else(|| de::Error::missing_field("id"))?;
        Ok(Record { id, value })
    }
}

/// The record's object, handed to the value with its `id` field taken out.
struct WithoutId<'a, A, T> {
    map: A,
    id: &'a mut Option<Id<T>>,
}

impl<'de, A: MapAccess<'de>, T> Deserializer<'de> for WithoutId<'_, A, T> {
    type Error = A::Error;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, A::Error> {
        visitor.visit_map(self)
    }

    forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf
        option unit unit_struct newtype_struct seq tuple tuple_struct map struct enum
        identifier ignored_any
    }
}

impl<'de, A: MapAccess<'de>, T> MapAccess<'de> for WithoutId<'_, A, T> {
    type Error = A::Error;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, A::Error> {
        loop {
            let Some(key) = self.map.next_key::<Key<'de>>()? else {
                return Ok(None);
            };
            if key.as_str() == "id" {
                if self.id.is_some() {
                    return Err(de::Error::duplicate_field("id"));
                }
                *self.id = Some(self.map.next_value()?);
                continue;
            }
            return match key {
                Key::Borrowed(k) => seed.deserialize(BorrowedStrDeserializer::new(k)),
                Key::Owned(k) => seed.deserialize(StringDeserializer::new(k)),
            }
            .map(Some);
        }
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, A::Error> {
        self.map.next_value_seed(seed)
    }

    fn size_hint(&self) -> Option<usize> {
        self.map.size_hint()
    }
}

/// A field name, borrowed from the input when it can be.
enum Key<'de> {
    Borrowed(&'de str),
    Owned(String),
}

impl Key<'_> {
    fn as_str(&self) -> &str {
        match self {
            Key::Borrowed(k) => k,
            Key::Owned(k) => k,
        }
    }
}

impl<'de> Deserialize<'de> for Key<'de> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct KeyVisitor;
        impl<'de> Visitor<'de> for KeyVisitor {
            type Value = Key<'de>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a field name")
            }
            fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<Key<'de>, E> {
                Ok(Key::Borrowed(v))
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Key<'de>, E> {
                Ok(Key::Owned(v.to_string()))
            }
            fn visit_string<E: de::Error>(self, v: String) -> Result<Key<'de>, E> {
                Ok(Key::Owned(v))
            }
        }
        deserializer.deserialize_identifier(KeyVisitor)
    }
}

#[cfg(test)]
mod tests {
    use crate::{Goal, Record};

    #[test]
    fn the_id_is_read_wherever_it_stands_and_the_rest_is_the_value() {
        for text in [
            r#"{"id": 7, "title": "Grow revenue", "period": "2026-H1"}"#,
            r#"{"title": "Grow revenue", "id": 7, "period": "2026-H1"}"#,
            r#"{"title": "Grow revenue", "period": "2026-H1", "id": 7}"#,
        ] {
            let r: Record<Goal> = serde_json::from_str(text).unwrap();
            assert_eq!(r.id.get(), 7);
            assert_eq!(r.title.as_str(), "Grow revenue");
            // Written back, it reads the same.
            let again: Record<Goal> =
                serde_json::from_str(&serde_json::to_string(&r).unwrap()).unwrap();
            assert_eq!(again, r);
        }
        // An escaped field name cannot be borrowed from the text; it still reads.
        let r: Record<Goal> =
            serde_json::from_str(r#"{"i\u0064": 3, "titl\u0065": "Ship it"}"#).unwrap();
        assert_eq!((r.id.get(), r.title.as_str()), (3, "Ship it"));
    }

    #[test]
    fn a_record_without_an_id_or_with_two_is_refused_by_name() {
        let e = serde_json::from_str::<Record<Goal>>(r#"{"title": "No id"}"#).unwrap_err();
        assert!(e.to_string().contains("missing field `id`"), "{e}");
        let e = serde_json::from_str::<Record<Goal>>(r#"{"id": 1, "id": 2, "title": "x"}"#)
            .unwrap_err();
        assert!(e.to_string().contains("duplicate field `id`"), "{e}");
        let e = serde_json::from_str::<Record<Goal>>(r#"{"id": 1}"#).unwrap_err();
        assert!(e.to_string().contains("title"), "{e}");
        let e = serde_json::from_str::<Record<Goal>>("[1]").unwrap_err();
        assert!(e.to_string().contains("an object with its id"), "{e}");
    }
}
