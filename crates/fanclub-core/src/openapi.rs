//! OpenAPI schemas (utoipa) for the types whose JSON is written by hand rather than derived:
//! ids, records, validated values and the closed vocabularies. Each schema states what
//! `parse` accepts in its canonical form (the form the API writes), so a client can check
//! a value before sending it. Records and engine answers derive theirs beside their
//! definitions, behind the same `openapi` feature.

use std::borrow::Cow;

use utoipa::__dev::ComposeSchema;
use utoipa::openapi::schema::{
    AllOfBuilder, KnownFormat, ObjectBuilder, Schema, SchemaFormat, SchemaType, Type,
};
use utoipa::openapi::{Ref, RefOr};
use utoipa::{PartialSchema, ToSchema};

use crate::{
    CadenceDays, Channel, Circle, Day, DecisionKind, Email, EvidenceSource, EvidenceStrength,
    Handle, Id, Influence, InteractionKind, Interest, IsoWeek, Level, Name, OpportunityKind,
    OpportunityStatus, PerceptionStatus, Quadrant, Record, Relation, RoomRole, Stance, Strength,
    Title, TrackKey, TrustFactor, WinKind,
};

fn string() -> ObjectBuilder {
    ObjectBuilder::new().schema_type(SchemaType::Type(Type::String))
}

fn integer(min: i64, max: Option<i64>) -> ObjectBuilder {
    ObjectBuilder::new()
        .schema_type(SchemaType::Type(Type::Integer))
        .format(Some(SchemaFormat::KnownFormat(KnownFormat::Int64)))
        .minimum(Some(min as f64))
        .maximum(max.map(|m| m as f64))
}

fn done(o: ObjectBuilder) -> RefOr<Schema> {
    RefOr::T(Schema::Object(o.build()))
}

/// Every record id: a positive integer the store assigned. `Id` and `Record` are generic,
/// and utoipa composes generic schemas through `ComposeSchema`.
impl<T> ComposeSchema for Id<T> {
    fn compose(_: Vec<RefOr<Schema>>) -> RefOr<Schema> {
        done(integer(1, None).description(Some("A record's id, given by fanclub.")))
    }
}

impl<T> ToSchema for Id<T> {
    fn name() -> Cow<'static, str> {
        Cow::Borrowed("Id")
    }
}

/// A record is its value with an `id` beside the value's own fields (`#[serde(flatten)]`).
impl<T: ToSchema> ComposeSchema for Record<T> {
    fn compose(generics: Vec<RefOr<Schema>>) -> RefOr<Schema> {
        let id = ObjectBuilder::new()
            .schema_type(SchemaType::Type(Type::Object))
            .property("id", Ref::from_schema_name("Id"))
            .required("id");
        let value = generics
            .into_iter()
            .next()
            .unwrap_or_else(|| Ref::from_schema_name(T::name()).into());
        RefOr::T(Schema::AllOf(
            AllOfBuilder::new().item(id).item(value).build(),
        ))
    }
}

impl<T: ToSchema> ToSchema for Record<T> {
    fn name() -> Cow<'static, str> {
        // utoipa appends the generic argument: `Record_Person`.
        Cow::Borrowed("Record")
    }

    fn schemas(schemas: &mut Vec<(String, RefOr<Schema>)>) {
        schemas.push(("Id".into(), <Id<T> as PartialSchema>::schema()));
        schemas.push((T::name().into_owned(), T::schema()));
        T::schemas(schemas);
    }
}

/// Whole numbers within a closed range.
macro_rules! bounded_schema {
    ($($name:ident: $what:literal),+ $(,)?) => {$(
        impl PartialSchema for $name {
            fn schema() -> RefOr<Schema> {
                done(
                    integer(i64::from($name::MIN), Some(i64::from($name::MAX)))
                        .format(Some(SchemaFormat::KnownFormat(KnownFormat::Int32)))
                        .description(Some($what)),
                )
            }
        }
        impl ToSchema for $name {}
    )+};
}

bounded_schema!(
    Influence: "Power over decisions about me, 1 to 5.",
    Interest: "Interest in my work, 1 to 5.",
    TrustFactor: "One factor of the trust equation, 1 to 10.",
    Level: "A competency level, 0 to 4.",
    Strength: "How well two people know each other, 1 (met once) to 5 (close).",
);

/// Trimmed, non-empty texts with a length cap.
macro_rules! text_schema {
    ($($name:ident: $what:literal),+ $(,)?) => {$(
        impl PartialSchema for $name {
            fn schema() -> RefOr<Schema> {
                done(
                    string()
                        .min_length(Some(1))
                        .max_length(Some($name::MAX_CHARS))
                        .description(Some($what)),
                )
            }
        }
        impl ToSchema for $name {}
    )+};
}

text_schema!(
    Name: "A person's name: non-empty, without control characters.",
    Title: "A one-line title or summary: non-empty, without control characters.",
);

impl PartialSchema for Handle {
    fn schema() -> RefOr<Schema> {
        done(
            string()
                .pattern(Some("^[a-z0-9][a-z0-9-]{0,59}$"))
                .description(Some("A person's short, stable handle, like dana-kim."))
                .examples(["dana-kim"]),
        )
    }
}
impl ToSchema for Handle {}

impl PartialSchema for Email {
    fn schema() -> RefOr<Schema> {
        done(
            string()
                .format(Some(SchemaFormat::Custom("email".into())))
                .max_length(Some(254))
                .description(Some("An e-mail address, kept lowercase.")),
        )
    }
}
impl ToSchema for Email {}

impl PartialSchema for CadenceDays {
    fn schema() -> RefOr<Schema> {
        done(
            integer(1, Some(730))
                .format(Some(SchemaFormat::KnownFormat(KnownFormat::Int32)))
                .description(Some("The longest gap wanted between contacts, in days.")),
        )
    }
}
impl ToSchema for CadenceDays {}

impl PartialSchema for TrackKey {
    fn schema() -> RefOr<Schema> {
        done(
            string()
                .pattern(Some("^[a-z][a-z0-9-]{0,39}$"))
                .description(Some(
                    "The key of a competency track, like strategy or buy-in.",
                ))
                .examples(["strategy"]),
        )
    }
}
impl ToSchema for TrackKey {}

impl PartialSchema for Day {
    fn schema() -> RefOr<Schema> {
        done(
            string()
                .format(Some(SchemaFormat::KnownFormat(KnownFormat::Date)))
                .description(Some("A calendar day, YYYY-MM-DD."))
                .examples(["2026-03-14"]),
        )
    }
}
impl ToSchema for Day {}

impl PartialSchema for IsoWeek {
    fn schema() -> RefOr<Schema> {
        done(
            string()
                .pattern(Some("^[0-9]{4}-W[0-9]{2}$"))
                .description(Some("An ISO 8601 week, YYYY-Www."))
                .examples(["2026-W47"]),
        )
    }
}
impl ToSchema for IsoWeek {}

/// The closed vocabularies: strings, one of their canonical spellings.
macro_rules! vocabulary_schema {
    ($($name:ident),+ $(,)?) => {$(
        impl PartialSchema for $name {
            fn schema() -> RefOr<Schema> {
                done(string().enum_values(Some($name::ALL.iter().map(|v| v.as_str()))))
            }
        }
        impl ToSchema for $name {}
    )+};
}

vocabulary_schema!(
    Circle,
    Relation,
    Stance,
    Quadrant,
    InteractionKind,
    WinKind,
    Channel,
    EvidenceStrength,
    EvidenceSource,
    PerceptionStatus,
    OpportunityKind,
    OpportunityStatus,
    DecisionKind,
    RoomRole,
);
