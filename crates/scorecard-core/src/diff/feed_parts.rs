//! What changed in a feed besides its officials: `meta` and the questions, field by field, as
//! text (these are few, and a reader of the changelog wants the words, not the structure).

use crate::feed::{Meta, NamedLink, Question, Stance};

/// A changed field, e.g. `meta.updated` or a question's `text`, its values as text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldChange {
    pub field: String,
    pub old: Option<String>,
    pub new: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum QuestionChange {
    Added { id: String, text: String },
    Removed { id: String, text: String },
    Changed { id: String, fields: Vec<FieldChange> },
}

impl QuestionChange {
    pub fn id(&self) -> &str {
        match self {
            QuestionChange::Added { id, .. }
            | QuestionChange::Removed { id, .. }
            | QuestionChange::Changed { id, .. } => id,
        }
    }
}

/// The `meta` fields that differ, in the format's order.
pub fn meta_changes(old: &Meta, new: &Meta) -> Vec<FieldChange> {
    let fields = |m: &Meta| -> [(&'static str, Option<String>); 10] {
        [
            ("meta.title", Some(m.title.clone())),
            ("meta.description", m.description.clone()),
            ("meta.publisher", m.publisher.as_ref().map(named)),
            ("meta.attribution", m.attribution.as_ref().map(named)),
            ("meta.license", m.license.as_ref().map(named)),
            ("meta.updated", m.updated.map(|d| d.to_string())),
            ("meta.districts", m.districts.clone()),
            ("meta.zip_table", m.zip_table.clone()),
            ("meta.donation_search", m.donation_search.as_ref().map(|d| d.template().to_string())),
            ("meta.updates_url", m.updates_url.as_ref().map(|u| u.to_string())),
        ]
    };
    changed_fields(fields(old), fields(new))
}

/// A named link as one text: "FiveThirtyEight <https://…>".
fn named(link: &NamedLink) -> String {
    match &link.url {
        Some(url) => format!("{} <{url}>", link.text),
        None => link.text.clone(),
    }
}

/// Questions added, removed and changed: the new feed's order, then the ones it dropped.
pub fn question_changes(old: &[Question], new: &[Question]) -> Vec<QuestionChange> {
    let mut changes = Vec::new();
    for q in new {
        match old.iter().find(|o| o.id == q.id) {
            None => changes.push(QuestionChange::Added { id: q.id.clone(), text: q.text.clone() }),
            Some(o) => {
                let fields = changed_fields(question_fields(o), question_fields(q));
                let mut fields: Vec<FieldChange> = fields;
                fields.extend(stance_changes(&o.stances, &q.stances));
                if !fields.is_empty() {
                    changes.push(QuestionChange::Changed { id: q.id.clone(), fields });
                }
            }
        }
    }
    for o in old.iter().filter(|o| new.iter().all(|q| q.id != o.id)) {
        changes.push(QuestionChange::Removed { id: o.id.clone(), text: o.text.clone() });
    }
    changes
}

fn question_fields(q: &Question) -> [(&'static str, Option<String>); 5] {
    [
        ("text", Some(q.text.clone())),
        ("label", Some(q.label.clone())),
        ("description", q.description.clone()),
        ("default_stance", q.default_stance.map(|i| q.stances[usize::from(i)].id.clone())),
        ("stance order", Some(q.stances.iter().map(|s| s.id.as_str()).collect::<Vec<_>>().join(", "))),
    ]
}

/// Each stance as one text ("Endorsed Sanders, positive, #1b7837"), keyed `stances.<id>`.
fn stance_changes(old: &[Stance], new: &[Stance]) -> Vec<FieldChange> {
    let words = |s: &Stance| {
        let mut parts = vec![s.label.clone(), format!("{:?}", s.tone).to_lowercase()];
        parts.extend(s.color.clone());
        parts.extend(s.description.clone());
        parts.join(", ")
    };
    let find = |list: &[Stance], id: &str| list.iter().find(|s| s.id == id).map(words);
    let mut ids: Vec<&str> = new.iter().map(|s| s.id.as_str()).collect();
    ids.extend(old.iter().map(|s| s.id.as_str()).filter(|id| new.iter().all(|s| s.id != *id)));
    ids.into_iter()
        .filter_map(|id| {
            let (o, n) = (find(old, id), find(new, id));
            (o != n).then(|| FieldChange { field: format!("stances.{id}"), old: o, new: n })
        })
        .collect()
}

fn changed_fields<const N: usize>(
    old: [(&'static str, Option<String>); N],
    new: [(&'static str, Option<String>); N],
) -> Vec<FieldChange> {
    old.into_iter()
        .zip(new)
        .filter(|((_, o), (_, n))| o != n)
        .map(|((field, old), (_, new))| FieldChange { field: field.to_string(), old, new })
        .collect()
}
