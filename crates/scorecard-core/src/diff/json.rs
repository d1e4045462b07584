//! A diff as JSON, for machines (`scorecard-feed diff --format json`). Records and evidence use
//! the feed format's own field names; the shape is documented in docs/feed-format.md.

use serde_json::{json, Map, Value};

use super::{FeedDiff, FieldChange, OfficialChange, OfficialSnap, QuestionChange, RecordSnap};
use crate::feed::Evidence;

/// This JSON's version, in its `diff_version` field.
pub const DIFF_VERSION: u32 = 1;

/// The diff as one line of JSON, or indented with `pretty`.
pub fn write(diff: &FeedDiff, pretty: bool) -> String {
    let value = to_value(diff);
    let text = if pretty { serde_json::to_string_pretty(&value) } else { serde_json::to_string(&value) };
    text.unwrap_or_default()
}

pub fn to_value(diff: &FeedDiff) -> Value {
    let s = diff.summary();
    json!({
        "diff_version": DIFF_VERSION,
        "title": diff.about.title,
        "updated": diff.about.updated.map(|d| d.to_string()),
        "summary": {
            "added": s.added,
            "removed": s.removed,
            "renamed": s.renamed,
            "stance_changes": s.stance_changes,
            "evidence_changes": s.evidence_changes,
            "details_changed": s.details_changed,
            "questions": s.questions,
            "meta": s.meta,
        },
        "meta": diff.meta.iter().map(field).collect::<Vec<_>>(),
        "questions": diff.questions.iter().map(question).collect::<Vec<_>>(),
        "officials": diff.officials.iter().map(official).collect::<Vec<_>>(),
    })
}

fn field(f: &FieldChange) -> Value {
    json!({ "field": f.field, "old": f.old, "new": f.new })
}

fn question(q: &QuestionChange) -> Value {
    match q {
        QuestionChange::Added { id, text } => json!({ "change": "added", "id": id, "text": text }),
        QuestionChange::Removed { id, text } => json!({ "change": "removed", "id": id, "text": text }),
        QuestionChange::Changed { id, fields } => {
            json!({ "change": "changed", "id": id, "fields": fields.iter().map(field).collect::<Vec<_>>() })
        }
    }
}

fn official(change: &OfficialChange) -> Value {
    match change {
        OfficialChange::Added(o) => snapshot("added", o),
        OfficialChange::Removed(o) => snapshot("removed", o),
        OfficialChange::Changed(c) => json!({
            "change": "changed",
            "id": c.id,
            "previous_id": c.previous_id,
            "name": c.name,
            "state": c.state.code(),
            "details": c.details.iter().map(|d| json!({ "field": d.detail.key(), "old": d.old, "new": d.new })).collect::<Vec<_>>(),
            "stances": c.stances.iter().map(|s| json!({
                "question": s.question,
                "old": s.old.as_ref().map(record),
                "new": s.new.as_ref().map(record),
            })).collect::<Vec<_>>(),
        }),
    }
}

/// An added or removed official: every field they have, and their stances keyed by question.
fn snapshot(change: &str, o: &OfficialSnap<'_>) -> Value {
    let mut fields = Map::new();
    fields.insert("change".into(), change.into());
    fields.insert("id".into(), o.id.as_ref().into());
    for (detail, value) in super::Detail::ALL.iter().zip(&o.details) {
        if let Some(value) = value {
            fields.insert(detail.key().into(), value.as_ref().into());
        }
    }
    let stances: Map<String, Value> = o.stances.iter().map(|r| (r.question.to_string(), record(r))).collect();
    fields.insert("stances".into(), stances.into());
    fields.into()
}

fn record(r: &RecordSnap<'_>) -> Value {
    let mut fields = Map::new();
    fields.insert("stance".into(), r.stance.as_ref().into());
    fields.insert("label".into(), r.label.as_ref().into());
    if let Some(detail) = &r.detail {
        fields.insert("detail".into(), detail.as_ref().into());
    }
    if let Some(date) = r.date {
        fields.insert("date".into(), date.to_string().into());
    }
    if !r.evidence.is_empty() {
        fields.insert("evidence".into(), r.evidence.iter().map(evidence).collect::<Vec<_>>().into());
    }
    fields.into()
}

fn evidence(e: &Evidence) -> Value {
    let mut fields = Map::new();
    if let Some(url) = &e.url {
        fields.insert("url".into(), url.as_str().into());
    }
    if let Some(title) = &e.title {
        fields.insert("title".into(), title.as_str().into());
    }
    if let Some(date) = e.date {
        fields.insert("date".into(), date.to_string().into());
    }
    if let Some(quote) = &e.quote {
        fields.insert("quote".into(), quote.as_str().into());
    }
    fields.into()
}
