//! Recording a stance change on its date, from its own page or the person's page.

use axum::Form;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use fanclub_core::Stance;

use super::{person, small_form_page, to_person};
use crate::AppState;
use crate::forms::FieldErrors;
use crate::forms_people::StanceForm;
use crate::pages::form_view::{Field, FormView, Section};
use crate::pages::{PageResult, ok, render};

/// The stance form, posting to the person's stance route.
pub(super) fn view(handle: &str, f: &StanceForm, errors: &FieldErrors) -> FormView {
    let form = "stance";
    FormView::new(
        format!("/people/{handle}/stance"),
        "Record a stance change",
        "Record stance",
        vec![Section::plain(vec![
            Field::select(form, "stance", "New stance", Stance::ALL, &f.stance),
            Field::date(form, "on", "Changed on", &f.on).hint("YYYY-MM-DD; today if left blank."),
            Field::text(form, "note", "What changed their mind", &f.note)
                .optional()
                .wide()
                .hint("Kept, dated, in their notes."),
        ])],
        errors,
    )
}

pub(super) async fn page(State(state): State<AppState>, Path(handle): Path<String>) -> PageResult {
    let (p, _) = person(&*state.store, &handle).await?;
    let f = StanceForm::blank(p.stance, state.today());
    ok(&small_form_page(
        &p,
        "Record a stance change",
        view(&handle, &f, &FieldErrors::default()),
    ))
}

pub(super) async fn record(
    State(state): State<AppState>,
    Path(handle): Path<String>,
    Form(form): Form<StanceForm>,
) -> PageResult {
    let store = &*state.store;
    let (mut p, _) = person(store, &handle).await?;
    let before = p.stance;
    match form.apply(&mut p.value, state.today()) {
        Ok(on) => {
            store.update_person(&p, on).await?;
            Ok(to_person(
                &handle,
                if p.stance == before {
                    "updated"
                } else {
                    "stance"
                },
            ))
        }
        Err(errors) => {
            let view = view(&handle, &form, &errors);
            render(
                StatusCode::UNPROCESSABLE_ENTITY,
                &small_form_page(&p, "Record a stance change", view),
            )
        }
    }
}
