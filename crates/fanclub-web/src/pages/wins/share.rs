//! Recording who heard about a win, from the one-row form on the win itself: someone from
//! the win's suggestions (people who have not heard yet, best first) or typed by name or
//! handle, how, and when. The core's rule for a new share is checked last.

use axum::Form;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect};
use fanclub_core::{Channel, CoreError, Day, Person, Record, Share, Win};
use serde::Deserialize;

use super::{FailedShare, WinsPage, WinsQuery};
use crate::AppState;
use crate::forms::{FieldErrors, keep};
use crate::pages::pick::Pick;
use crate::pages::records::{id, with_error};
use crate::pages::{PageResult, render};

/// A share as typed in a win's inline form.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub(crate) struct ShareForm {
    /// The handle chosen among the suggestions.
    pub(crate) person: String,
    /// "Or someone else": a name or a handle, typed.
    pub(crate) person_other: String,
    pub(crate) channel: String,
    pub(crate) on: String,
}

impl ShareForm {
    pub(super) fn blank(today: Day) -> ShareForm {
        ShareForm {
            channel: Channel::OneOnOne.to_string(),
            on: today.to_string(),
            ..ShareForm::default()
        }
    }

    fn pick(&self) -> Pick<'_> {
        Pick {
            field: "person",
            other: "person_other",
            chosen: &self.person,
            typed: &self.person_other,
        }
    }

    fn parse(
        &self,
        win: &Win,
        people: &[Record<Person>],
        today: Day,
    ) -> Result<Share, FieldErrors> {
        let mut errors = FieldErrors::default();
        let person = self
            .pick()
            .required(people, &mut errors, "the person you told");
        let channel = keep(&mut errors, "channel", Channel::parse(&self.channel));
        let on = if self.on.trim().is_empty() {
            Some(today)
        } else {
            keep(&mut errors, "on", Day::parse_field("date", &self.on))
        };
        let (Some(person), Some(channel), Some(on)) = (person, channel, on) else {
            return Err(errors);
        };
        let share = Share {
            person,
            on,
            channel,
        };
        win.check_new_share(&share, today).map_err(|e| {
            // "Already told that day" is about the person: next to the field that named them.
            let field = match e {
                CoreError::Conflict(_) if self.person_other.trim().is_empty() => "person",
                CoreError::Conflict(_) => "person_other",
                _ => "on",
            };
            with_error(field, e)
        })?;
        Ok(share)
    }
}

pub(super) async fn create(
    State(state): State<AppState>,
    Path(raw): Path<i64>,
    Form(values): Form<ShareForm>,
) -> PageResult {
    let store = &*state.store;
    let today = state.today();
    let w = store.get_win(id(raw)).await?;
    let people = store.shared_people().await?;
    match values.parse(&w, &people, today) {
        Ok(s) => {
            store.add_share(w.id, &s).await?;
            let to = format!("/wins?done=shared#win-{raw}");
            Ok(Redirect::to(&to).into_response())
        }
        Err(errors) => {
            let failed = FailedShare {
                win: w.id,
                values,
                errors,
            };
            let page = WinsPage::build(&state, &WinsQuery::default(), Some(failed)).await?;
            render(StatusCode::UNPROCESSABLE_ENTITY, &page)
        }
    }
}
