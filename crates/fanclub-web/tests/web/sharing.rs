//! Naming one person without a list of everyone: each win's share form suggests a few
//! people who have not heard of it, best first, and takes anyone else typed by handle or
//! by whole name; an unknown or ambiguous name comes back next to the field, as typed. The
//! evidence, perception check and opportunity forms pick people the same way.

use super::support::*;
use fanclub_core::generate::{GenerateSpec, generate_workspace};
use fanclub_core::{Channel, Day, Handle, InteractionKind, Name, Person, Record};

/// How many people a form suggests (the page's promise, kept here on purpose: a change
/// to it should be a decision, seen in this test).
const SUGGESTED: usize = 8;

/// The text between `start` and the next `end`, from the first `start`.
fn between<'a>(body: &'a str, start: &str, end: &str) -> &'a str {
    let from = body
        .find(start)
        .unwrap_or_else(|| panic!("{start:?} not in the page"));
    let rest = &body[from..];
    &rest[..rest.find(end).unwrap_or(rest.len())]
}

/// The `(value, label)` of each option of a `<select>` (its HTML up to `</select>`).
fn options_of(select: &str) -> Vec<(String, String)> {
    select
        .split("<option value=\"")
        .skip(1)
        .map(|o| {
            let value = &o[..o.find('"').unwrap_or(0)];
            let label = &o[o.find('>').map_or(0, |i| i + 1)..];
            let label = &label[..label.find("</option>").unwrap_or(label.len())];
            (value.to_string(), label.to_string())
        })
        .collect()
}

/// A workspace of `people` generated people (with their wins and rooms), in the app.
async fn generated(people: usize) -> TestApp {
    let app = spawn_app().await;
    let spec = GenerateSpec {
        people,
        interactions: 0,
        connections: 0,
        seed: 7,
    };
    let ws = generate_workspace(&spec, Day::today());
    app.store.import_workspace(&ws).await.expect("import");
    app
}

/// Someone named `name` with the given handle (two people may share a name).
async fn add_named(app: &TestApp, name: &str, handle: &str) -> Record<Person> {
    let mut p = Person::new(Name::parse(name).expect("name"));
    p.handle = Handle::parse(handle).expect("handle");
    app.store
        .create_person(&p, Day::today())
        .await
        .expect("create person")
}

#[tokio::test]
async fn each_win_suggests_a_few_people_who_have_not_heard_and_the_page_stays_small() {
    // 300 people: the most the page used to list in full in every win's form.
    let app = generated(300).await;
    let people = app.store.list_people().await.unwrap();
    let wins = app.store.list_wins().await.unwrap();
    assert!(people.len() >= 300 && wins.len() >= 12);

    let page = app.get("/wins").await;
    assert_eq!(page.status, StatusCode::OK);
    let forms = page.body.matches("class=\"share-form\"").count();
    assert_eq!(forms, wins.len(), "one share form per win");
    // Per form: a blank choice, the suggestions, the channels; besides them only the kinds
    // of the header's quick log form.
    let options = page.body.matches("<option").count();
    let most = forms * (1 + SUGGESTED + Channel::ALL.len()) + InteractionKind::ALL.len();
    assert!(options <= most, "{options} options for {forms} wins");
    // Every form still takes anyone, by typing.
    assert_eq!(page.body.matches("name=\"person_other\"").count(), forms);

    for w in &wins {
        let card = between(&page.body, &format!("id=\"win-{}\"", w.id), "</form>");
        let select = between(card, "<select id=\"share-", "</select>");
        let choices = options_of(select);
        assert_eq!(choices[0].0, "", "a blank first choice");
        assert!(choices[0].1.contains("Choose who heard"), "{choices:?}");
        let suggested = &choices[1..];
        assert!(
            !suggested.is_empty() && suggested.len() <= SUGGESTED,
            "{suggested:?}"
        );
        // Nobody suggested has heard of it already.
        for s in &w.shares {
            let who = people.iter().find(|p| p.id == s.person).unwrap();
            assert!(
                !suggested
                    .iter()
                    .any(|(handle, _)| handle == who.handle.as_str()),
                "{} heard already",
                who.name
            );
        }
        // The first suggestion is the first key person "still to tell".
        if card.contains("Still to tell:") {
            let still = between(card, "Still to tell:", "</p>");
            let link = between(still, "href=\"/people/", "\">");
            let first = &link["href=\"/people/".len()..];
            assert_eq!(suggested[0].0, first, "{still}");
        }
    }
    app.stop().await;
}

#[tokio::test]
async fn a_share_takes_a_typed_handle_or_a_whole_name_and_refuses_a_guess() {
    let app = generated(60).await;
    let win = app.store.list_wins().await.unwrap().remove(0);
    let path = format!("/wins/{}/shares", win.id);
    let zoe = add_named(&app, "Zoë Marković", "zoe-m").await;
    let lee = add_named(&app, "Lee Okafor", "lee-okafor").await;
    let dana = add_named(&app, "Dana Whitlock", "dana-w").await;
    let dana2 = add_named(&app, "Dana Whitlock", "dana-w-2").await;
    let shares = || async { app.store.get_win(win.id).await.unwrap().value.shares };
    let before = shares().await.len();

    // By handle, typed.
    let by_handle = app
        .post_form(
            &path,
            &[
                ("person", ""),
                ("person_other", "zoe-m"),
                ("channel", "email"),
            ],
        )
        .await;
    assert_eq!(
        by_handle.status,
        StatusCode::SEE_OTHER,
        "{}",
        by_handle.body
    );
    let now = shares().await;
    assert_eq!(now.len(), before + 1);
    assert!(
        now.iter()
            .any(|s| s.person == zoe.id && s.channel == Channel::Email)
    );

    // By the whole name, any case.
    let by_name = app
        .post_form(
            &path,
            &[("person_other", "  lee OKAFOR "), ("channel", "1:1")],
        )
        .await;
    assert_eq!(by_name.status, StatusCode::SEE_OTHER, "{}", by_name.body);
    assert!(shares().await.iter().any(|s| s.person == lee.id));

    // Two people of that name: refused next to the field, the candidates named, the
    // name kept as typed, nothing written.
    let count = shares().await.len();
    let ambiguous = app
        .post_form(
            &path,
            &[("person_other", "Dana Whitlock"), ("channel", "1:1")],
        )
        .await;
    assert_eq!(ambiguous.status, StatusCode::UNPROCESSABLE_ENTITY);
    let field = between(
        &ambiguous.body,
        &format!("id=\"share-1-{}-person-other\"", win.id),
        "</div>",
    );
    assert!(field.contains("aria-invalid=\"true\""), "{field}");
    assert!(field.contains("value=\"Dana Whitlock\""), "{field}");
    let error = between(field, "class=\"error\"", "</p>");
    assert!(error.contains("matches more than one person"), "{error}");
    assert!(error.contains("dana-w (Dana Whitlock)"), "{error}");
    assert!(error.contains("dana-w-2 (Dana Whitlock)"), "{error}");
    ambiguous.assert_contains("That share was not recorded");

    // Nobody of that name: refused; a part of a name is not a guess, but close
    // matches are offered.
    let unknown = app
        .post_form(
            &path,
            &[("person_other", "Nobody Here"), ("channel", "1:1")],
        )
        .await;
    assert_eq!(unknown.status, StatusCode::UNPROCESSABLE_ENTITY);
    let error = between(
        &unknown.body,
        &format!("id=\"share-1-{}-person-other-error\"", win.id),
        "</p>",
    );
    assert!(error.contains("No one here matches"), "{error}");
    let partial = app
        .post_form(&path, &[("person_other", "dana whit"), ("channel", "1:1")])
        .await;
    assert_eq!(partial.status, StatusCode::UNPROCESSABLE_ENTITY);
    let error = between(
        &partial.body,
        &format!("id=\"share-1-{}-person-other-error\"", win.id),
        "</p>",
    );
    assert!(error.contains("Dana Whitlock (dana-w)"), "{error}");

    // A choice in the list and a different typed name: asked to keep one.
    let both = app
        .post_form(
            &path,
            &[
                ("person", dana.handle.as_str()),
                ("person_other", dana2.handle.as_str()),
                ("channel", "1:1"),
            ],
        )
        .await;
    assert_eq!(both.status, StatusCode::UNPROCESSABLE_ENTITY);
    both.assert_contains("clear one of the two");
    // Neither field: the error sits next to the list.
    let neither = app.post_form(&path, &[("channel", "1:1")]).await;
    assert_eq!(neither.status, StatusCode::UNPROCESSABLE_ENTITY);
    neither.assert_contains(&format!("id=\"share-1-{}-person-error\"", win.id));
    assert_eq!(shares().await.len(), count, "no mistake is written");

    // The same person twice in a day, typed: the core's rule, next to the typed field.
    let twice = app
        .post_form(&path, &[("person_other", "zoe-m"), ("channel", "1:1")])
        .await;
    assert_eq!(twice.status, StatusCode::UNPROCESSABLE_ENTITY);
    let error = between(
        &twice.body,
        &format!("id=\"share-1-{}-person-other-error\"", win.id),
        "</p>",
    );
    assert!(error.contains("once per person and day"), "{error}");
    app.stop().await;
}

#[tokio::test]
async fn record_forms_suggest_a_few_people_and_take_anyone_typed() {
    // More people than a page lists as typing suggestions.
    let app = generated(400).await;
    let people = app.store.list_people().await.unwrap();
    let someone = people.last().unwrap().clone();

    // Fields that take a typed name suggest no list of everyone here: the person page's
    // connection form, a room's seat form, an interaction's edit form, the person form.
    let room = app.store.list_decisions().await.unwrap().remove(0);
    for path in [
        format!("/people/{}", someone.handle),
        format!("/rooms/{}", room.id),
        "/people/new".to_string(),
    ] {
        let page = app.get(&path).await;
        assert_eq!(page.status, StatusCode::OK, "{path}");
        assert!(!page.body.contains("<datalist"), "{path} lists everyone");
    }

    // Each form: a short list, and "or someone else" with its own label.
    for (path, id) in [
        ("/perceptions", "perception-person"),
        ("/opportunities", "opportunity-sponsor"),
        ("/evidence/new", "evidence-person"),
    ] {
        let page = app.get(path).await;
        assert_eq!(page.status, StatusCode::OK, "{path}");
        let choices = options_of(between(&page.body, &format!("id=\"{id}\""), "</select>"));
        assert!(
            choices.len() > 1 && choices.len() <= 1 + SUGGESTED,
            "{path}: {choices:?}"
        );
        page.assert_contains(&format!("<label for=\"{id}-other\">Or someone else"));
        page.assert_contains(&format!("id=\"{id}-other\""));
    }

    // A perception check with someone typed by handle.
    let before = app.store.list_perceptions().await.unwrap().len();
    let added = app
        .post_form(
            "/perceptions",
            &[
                ("person", ""),
                ("person_other", someone.handle.as_str()),
                ("description", "The platform person"),
                ("status", "open"),
            ],
        )
        .await;
    assert_eq!(added.status, StatusCode::SEE_OTHER, "{}", added.body);
    let checks = app.store.list_perceptions().await.unwrap();
    assert_eq!(checks.len(), before + 1);
    assert!(checks.iter().any(|c| c.person == someone.id));
    // Editing it keeps them chosen, though they may not be among the suggestions.
    let saved = checks.iter().find(|c| c.person == someone.id).unwrap();
    let edit = app.get(&format!("/perceptions/{}/edit", saved.id)).await;
    let select = between(&edit.body, "id=\"perception-person\"", "</select>");
    assert!(
        select.contains(&format!("<option value=\"{}\" selected>", someone.handle)),
        "{select}"
    );

    // An opportunity's sponsor by whole name; an unknown one is refused next to the field.
    let unknown = app
        .post_form(
            "/opportunities",
            &[
                ("title", "Lead the pricing guild"),
                ("kind", "project"),
                ("status", "offered"),
                ("sponsor_other", "Nobody Here"),
            ],
        )
        .await;
    assert_eq!(unknown.status, StatusCode::UNPROCESSABLE_ENTITY);
    unknown.assert_contains("id=\"opportunity-sponsor-other-error\"");
    unknown.assert_contains("value=\"Nobody Here\"");
    app.stop().await;
}
