//! Rating the four factors of the trust equation, from its own page or the person's page.

use axum::Form;
use axum::extract::{Path, State};
use axum::http::StatusCode;

use super::{person, small_form_page, to_person};
use crate::AppState;
use crate::forms::FieldErrors;
use crate::forms_people::TrustForm;
use crate::pages::form_view::{Field, FormView, Section};
use crate::pages::{PageResult, ok, render};

/// The trust form, posting to the person's trust route.
pub(super) fn view(handle: &str, f: &TrustForm, errors: &FieldErrors) -> FormView {
    let form = "trust";
    let scale = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
    FormView::new(
        format!("/people/{handle}/trust"),
        "Rate trust",
        "Save trust",
        vec![Section::plain(vec![
            Field::select(form, "credibility", "Credibility", &scale, &f.credibility)
                .hint("They believe what you say."),
            Field::select(form, "reliability", "Reliability", &scale, &f.reliability)
                .hint("They can depend on what you do."),
            Field::select(form, "intimacy", "Intimacy", &scale, &f.intimacy)
                .hint("They feel safe being open with you."),
            Field::select(
                form,
                "self_orientation",
                "Self-orientation",
                &scale,
                &f.self_orientation,
            )
            .hint("How focused on yourself you seem to them: lower is better."),
        ])],
        errors,
    )
}

pub(super) async fn page(State(state): State<AppState>, Path(handle): Path<String>) -> PageResult {
    let (p, _) = person(&*state.store, &handle).await?;
    let f = TrustForm::of(p.trust.as_ref());
    ok(&small_form_page(
        &p,
        "Rate trust",
        view(&handle, &f, &FieldErrors::default()),
    ))
}

pub(super) async fn rate(
    State(state): State<AppState>,
    Path(handle): Path<String>,
    Form(form): Form<TrustForm>,
) -> PageResult {
    let store = &*state.store;
    let (mut p, _) = person(store, &handle).await?;
    match form.parse() {
        Ok(t) => {
            p.trust = Some(t);
            store.update_person(&p, state.today()).await?;
            Ok(to_person(&handle, "trust"))
        }
        Err(errors) => render(
            StatusCode::UNPROCESSABLE_ENTITY,
            &small_form_page(&p, "Rate trust", view(&handle, &form, &errors)),
        ),
    }
}
