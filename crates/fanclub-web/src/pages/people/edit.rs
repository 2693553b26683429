//! Adding and editing a person: the form's sections, the page around them, and the
//! handlers that show, check and save it.

use axum::Form;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use fanclub_core::{Circle, Person, Record, Relation, Stance};

use super::{person, to_person};
use crate::AppState;
use crate::forms::FieldErrors;
use crate::forms_people::PersonForm;
use crate::pages::form_view::{Field, FormPage, FormView, Section};
use crate::pages::{Layout, Nav, PageResult, ok, render};
use crate::services;

const PF: &str = "person";

fn person_sections(f: &PersonForm, adding: bool) -> Vec<Section> {
    let mut standing = vec![
        Field::select(PF, "circle", "Circle", Circle::ALL, &f.circle)
            .hint("Team: your own team. Company: your organisation outside it. Outside: other organisations."),
        Field::select(PF, "relation", "Relation to you", Relation::ALL, &f.relation),
        Field::select(PF, "influence", "Influence", &[1, 2, 3, 4, 5], &f.influence)
            .hint("Power over decisions about you: 1 none, 5 decides."),
        Field::select(PF, "interest", "Interest", &[1, 2, 3, 4, 5], &f.interest)
            .hint("Interest in your work: 1 none, 5 follows it closely."),
    ];
    if adding {
        standing.push(
            Field::select(PF, "stance", "Stance", Stance::ALL, &f.stance)
                .hint("From detractor to sponsor. Unknown until you know better."),
        );
        standing.push(
            Field::date(PF, "since", "Stance since", &f.since)
                .optional()
                .hint("YYYY-MM-DD; today if left blank."),
        );
    }
    vec![
        Section::new(
            "Who they are",
            vec![
                Field::text(PF, "name", "Name", &f.name).required(),
                Field::text(PF, "title", "Title", &f.title).optional(),
                Field::text(PF, "organisation", "Organisation", &f.organisation).optional(),
                Field::text(PF, "team", "Team", &f.team).optional(),
                Field::text(PF, "handle", "Handle", &f.handle)
                    .optional()
                    .hint("Lowercase letters, digits and dashes, for the command line; made from the name if left blank."),
            ],
        ),
        Section::new("Where they stand", standing),
        Section::new(
            "What they care about",
            vec![
                Field::area(PF, "goals", "Their goals", &f.goals)
                    .optional()
                    .hint("What they are trying to achieve at work."),
                Field::area(PF, "struggles", "Their struggles", &f.struggles).optional(),
                Field::area(PF, "interests", "Interests outside work", &f.interests)
                    .optional(),
            ],
        ),
        Section::new(
            "How you know them",
            vec![
                Field::text(PF, "how_met", "How you met", &f.how_met).optional(),
                Field::text(PF, "introduced_by", "Introduced by", &f.introduced_by)
                    .optional()
                    .suggest_people()
                    .hint("Their handle or name."),
                Field::text(PF, "cadence", "Keep in touch every", &f.cadence)
                    .optional()
                    .hint("Days, or 3w, 2m. Blank: the default for their place on the grid."),
                Field::text(PF, "birthday", "Birthday", &f.birthday)
                    .optional()
                    .hint("YYYY-MM-DD, or --MM-DD without the year."),
            ],
        ),
        Section::new(
            "How to reach them",
            vec![
                Field::text(PF, "emails", "E-mail addresses", &f.emails)
                    .optional()
                    .wide()
                    .hint("Separated by commas."),
                Field::area(PF, "phones", "Phone numbers", &f.phones)
                    .optional()
                    .rows(2)
                    .hint("One per line."),
                Field::area(PF, "links", "Links", &f.links)
                    .optional()
                    .rows(2)
                    .hint("Profile or web addresses, one per line."),
            ],
        ),
        Section::new(
            "Notes",
            vec![
                Field::area(PF, "notes", "Notes", &f.notes)
                    .optional()
                    .rows(5)
                    .hint("Markdown works: **bold**, lists, links, - [ ] tasks."),
            ],
        ),
    ]
}

fn person_form_page(
    f: &PersonForm,
    errors: &FieldErrors,
    editing: Option<&Record<Person>>,
    people: &[Record<Person>],
) -> FormPage {
    let handles = people.iter().map(|p| p.handle.to_string()).collect();
    match editing {
        None => FormPage {
            layout: Layout::new(Nav::People),
            title: "Add a person".into(),
            lede: "Someone whose view of you matters, or may one day. Only the name is needed; \
                   add the rest as you learn it."
                .into(),
            cancel: "/people".into(),
            cancel_label: "People".into(),
            form: FormView::new("/people", "Add a person", "Add person", person_sections(f, true), errors)
                .people(handles),
        },
        Some(p) => FormPage {
            layout: Layout::new(Nav::People),
            title: format!("Edit {}", p.name),
            lede: "To record a change of stance with its date, use “Record a stance change” on their page.".into(),
            cancel: format!("/people/{}", p.handle),
            cancel_label: p.name.to_string(),
            form: FormView::new(
                format!("/people/{}", p.handle),
                "Edit person",
                "Save changes",
                person_sections(f, false),
                errors,
            )
            .people(handles),
        },
    }
}

pub(super) async fn new(State(state): State<AppState>) -> PageResult {
    let today = state.today();
    let people = state.store.shared_people().await?;
    ok(&person_form_page(
        &PersonForm::blank(today),
        &FieldErrors::default(),
        None,
        &people,
    ))
}

pub(super) async fn create(
    State(state): State<AppState>,
    Form(form): Form<PersonForm>,
) -> PageResult {
    let today = state.today();
    let store = &*state.store;
    let people = store.shared_people().await?;
    match form.parse(None, &people, today) {
        Ok(input) => {
            let saved =
                services::create_person(store, input.person, input.handle_given, input.since)
                    .await?;
            Ok(to_person(saved.handle.as_str(), "added"))
        }
        Err(errors) => render(
            StatusCode::UNPROCESSABLE_ENTITY,
            &person_form_page(&form, &errors, None, &people),
        ),
    }
}

pub(super) async fn edit(State(state): State<AppState>, Path(handle): Path<String>) -> PageResult {
    let (p, people) = person(&*state.store, &handle).await?;
    ok(&person_form_page(
        &PersonForm::of(&p, &people),
        &FieldErrors::default(),
        Some(&p),
        &people,
    ))
}

pub(super) async fn update(
    State(state): State<AppState>,
    Path(handle): Path<String>,
    Form(form): Form<PersonForm>,
) -> PageResult {
    let today = state.today();
    let store = &*state.store;
    let (before, people) = person(store, &handle).await?;
    match form.parse(Some(&before), &people, today) {
        Ok(input) => {
            let saved = store
                .update_person(&Record::new(before.id, input.person), today)
                .await?;
            Ok(to_person(saved.handle.as_str(), "updated"))
        }
        Err(errors) => render(
            StatusCode::UNPROCESSABLE_ENTITY,
            &person_form_page(&form, &errors, Some(&before), &people),
        ),
    }
}
