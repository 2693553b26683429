//! The forms for people, connections, interactions, rooms and the weekly review: each
//! saves what it says (read back from the store), refuses bad input with 422, the message
//! next to the field and what was typed kept, writing nothing; answers 404 for an unknown
//! record; and refuses a post from another site. One module per page; this one holds what
//! they share.

mod interactions;
mod people;
mod review;
mod rooms;

use fanclub_core::{Day, Interaction, InteractionKind, Person, Record, Title};

use super::support::*;

/// The site a forged post comes from.
const EVIL: &str = "http://evil.example";

/// A coffee about the roadmap today with `people`, with a follow-up when asked.
async fn interaction_with(
    app: &TestApp,
    people: &[&Record<Person>],
    follow_up: bool,
) -> Record<Interaction> {
    let mut i = Interaction::new(
        Day::today(),
        InteractionKind::Coffee,
        Title::parse("Coffee about the roadmap").unwrap(),
        people.iter().map(|p| p.id).collect(),
    );
    if follow_up {
        i.follow_up = Some("Send the deck".into());
    }
    app.store.create_interaction(&i).await.unwrap()
}
