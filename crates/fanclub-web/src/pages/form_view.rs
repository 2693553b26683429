//! How the forms of the people, interaction, room and weekly-review pages are shown: each
//! field with its label, hint and error (tied together with `aria-describedby`), grouped
//! in fieldsets, and two page shapes (a form alone, a confirmation) that every one of those
//! forms shares. The first field in error gets the focus when the page comes back.

use askama::Template;

use super::{Choice, Layout};
use crate::forms::FieldErrors;

/// Which control a field is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Control {
    Text,
    Date,
    TextArea,
    Select,
    /// Posts `on` when ticked; `value` is `on` when it is.
    Checkbox,
}

/// One labelled field of a form, with what was typed and what was wrong with it.
#[derive(Debug, Clone)]
pub(crate) struct Field {
    /// The element's id: the form's prefix and the field's name.
    pub(crate) id: String,
    pub(crate) name: &'static str,
    pub(crate) label: &'static str,
    pub(crate) control: Control,
    pub(crate) value: String,
    pub(crate) choices: Vec<Choice>,
    pub(crate) rows: u8,
    pub(crate) hint: Option<String>,
    pub(crate) error: Option<String>,
    pub(crate) optional: bool,
    pub(crate) required: bool,
    pub(crate) wide: bool,
    pub(crate) autofocus: bool,
    /// The id of a `<datalist>` of suggestions (people's handles).
    pub(crate) suggest: Option<&'static str>,
}

impl Field {
    fn new(form: &str, name: &'static str, label: &'static str, control: Control) -> Field {
        Field {
            id: format!("{form}-{}", name.replace('_', "-")),
            name,
            label,
            control,
            value: String::new(),
            choices: Vec::new(),
            rows: 3,
            hint: None,
            error: None,
            optional: false,
            required: false,
            wide: false,
            autofocus: false,
            suggest: None,
        }
    }

    pub(crate) fn text(form: &str, name: &'static str, label: &'static str, value: &str) -> Field {
        Field {
            value: value.to_string(),
            ..Field::new(form, name, label, Control::Text)
        }
    }

    pub(crate) fn date(form: &str, name: &'static str, label: &'static str, value: &str) -> Field {
        Field {
            value: value.to_string(),
            ..Field::new(form, name, label, Control::Date)
        }
    }

    pub(crate) fn area(form: &str, name: &'static str, label: &'static str, value: &str) -> Field {
        Field {
            value: value.to_string(),
            wide: true,
            ..Field::new(form, name, label, Control::TextArea)
        }
    }

    /// A `<select>` of `all`, with `current` chosen.
    pub(crate) fn select<T: std::fmt::Display>(
        form: &str,
        name: &'static str,
        label: &'static str,
        all: &[T],
        current: &str,
    ) -> Field {
        Field {
            value: current.to_string(),
            choices: Choice::list(all, current),
            ..Field::new(form, name, label, Control::Select)
        }
    }

    pub(crate) fn checkbox(form: &str, name: &'static str, label: &'static str, on: bool) -> Field {
        Field {
            value: if on { "on".into() } else { String::new() },
            ..Field::new(form, name, label, Control::Checkbox)
        }
    }

    pub(crate) fn hint(mut self, hint: impl Into<String>) -> Field {
        self.hint = Some(hint.into());
        self
    }

    pub(crate) fn optional(mut self) -> Field {
        self.optional = true;
        self
    }

    pub(crate) fn required(mut self) -> Field {
        self.required = true;
        self
    }

    pub(crate) fn wide(mut self) -> Field {
        self.wide = true;
        self
    }

    pub(crate) fn rows(mut self, rows: u8) -> Field {
        self.rows = rows;
        self
    }

    pub(crate) fn suggest_people(mut self) -> Field {
        self.suggest = Some(PEOPLE_LIST);
        self
    }

    pub(crate) fn hint_id(&self) -> String {
        format!("{}-hint", self.id)
    }

    pub(crate) fn error_id(&self) -> String {
        format!("{}-error", self.id)
    }

    /// What `aria-describedby` names: the hint and the error, when there are any.
    pub(crate) fn described_by(&self) -> Option<String> {
        let ids: Vec<String> = [
            self.hint.as_ref().map(|_| self.hint_id()),
            self.error.as_ref().map(|_| self.error_id()),
        ]
        .into_iter()
        .flatten()
        .collect();
        (!ids.is_empty()).then(|| ids.join(" "))
    }

    /// A date input blanks a value it cannot show: after a mistake, a text input keeps
    /// what was typed.
    pub(crate) fn input_type(&self) -> &'static str {
        match self.control {
            Control::Date if self.error.is_none() => "date",
            _ => "text",
        }
    }

    pub(crate) fn is_area(&self) -> bool {
        self.control == Control::TextArea
    }

    pub(crate) fn is_checkbox(&self) -> bool {
        self.control == Control::Checkbox
    }

    pub(crate) fn is_select(&self) -> bool {
        self.control == Control::Select
    }
}

/// The `<datalist>` of everyone's handle, for fields that name a person.
pub(crate) const PEOPLE_LIST: &str = "people-handles";
/// The most handles that list holds (about 8 KB of page).
pub(crate) const PEOPLE_LISTED: usize = 300;

/// A group of fields, shown as a `<fieldset>` when it has a legend.
#[derive(Debug, Clone)]
pub(crate) struct Section {
    pub(crate) legend: Option<&'static str>,
    pub(crate) fields: Vec<Field>,
}

impl Section {
    pub(crate) fn new(legend: &'static str, fields: Vec<Field>) -> Section {
        Section {
            legend: Some(legend),
            fields,
        }
    }

    pub(crate) fn plain(fields: Vec<Field>) -> Section {
        Section {
            legend: None,
            fields,
        }
    }
}

/// One error of the summary at the top of a form, linking to its field.
#[derive(Debug, Clone)]
pub(crate) struct ErrorLink {
    pub(crate) href: String,
    pub(crate) label: &'static str,
    pub(crate) message: String,
}

/// A form as the template shows it.
#[derive(Debug, Clone)]
pub(crate) struct FormView {
    pub(crate) action: String,
    /// The accessible name of the form and the text of its button.
    pub(crate) label: &'static str,
    pub(crate) button: &'static str,
    pub(crate) sections: Vec<Section>,
    pub(crate) errors: Vec<ErrorLink>,
    /// The `back` field: where to go after saving.
    pub(crate) back: Option<String>,
    /// Handles to suggest in fields that name a person.
    pub(crate) people: Vec<String>,
}

impl FormView {
    /// Put each error next to its field; the first field in error gets the focus.
    pub(crate) fn new(
        action: impl Into<String>,
        label: &'static str,
        button: &'static str,
        mut sections: Vec<Section>,
        errors: &FieldErrors,
    ) -> FormView {
        let mut links = Vec::new();
        for field in sections.iter_mut().flat_map(|s| s.fields.iter_mut()) {
            field.error = errors.message(field.name);
            if let Some(message) = &field.error {
                field.autofocus = links.is_empty();
                links.push(ErrorLink {
                    href: format!("#{}", field.id),
                    label: field.label,
                    message: message.clone(),
                });
            }
        }
        FormView {
            action: action.into(),
            label,
            button,
            sections,
            errors: links,
            back: None,
            people: Vec::new(),
        }
    }

    pub(crate) fn back(mut self, back: Option<String>) -> FormView {
        self.back = back;
        self
    }

    /// Suggest these handles in the fields that name a person. A list of everyone helps
    /// typing in a workspace of ordinary size; past [`PEOPLE_LISTED`] it would outweigh the
    /// page, so it is left out: the fields still take any name or handle.
    pub(crate) fn people(mut self, handles: Vec<String>) -> FormView {
        self.people = if handles.len() <= PEOPLE_LISTED {
            handles
        } else {
            Vec::new()
        };
        self
    }

    pub(crate) fn has_errors(&self) -> bool {
        !self.errors.is_empty()
    }
}

/// A page that is one form: adding or editing a record.
#[derive(Template)]
#[template(path = "people/form.html")]
pub(crate) struct FormPage {
    pub(crate) layout: Layout,
    pub(crate) title: String,
    pub(crate) lede: String,
    /// Where "Cancel" and the breadcrumb go.
    pub(crate) cancel: String,
    pub(crate) cancel_label: String,
    pub(crate) form: FormView,
}

/// A list in a confirmation: what will be removed, what will be kept.
#[derive(Debug, Clone)]
pub(crate) struct Consequence {
    pub(crate) heading: &'static str,
    pub(crate) items: Vec<String>,
}

/// "Are you sure?" before removing something, saying exactly what goes and what stays.
#[derive(Template)]
#[template(path = "people/confirm.html")]
pub(crate) struct ConfirmPage {
    pub(crate) layout: Layout,
    pub(crate) title: String,
    pub(crate) lede: String,
    pub(crate) consequences: Vec<Consequence>,
    pub(crate) action: String,
    pub(crate) button: &'static str,
    pub(crate) cancel: String,
    pub(crate) back: Option<String>,
}
