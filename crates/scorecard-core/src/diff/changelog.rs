//! A diff in words, as plain text, Markdown (a changelog) or HTML (the Atom entry's content).
//!
//! The words are built once as a small document ([`Block`]s of [`Inline`]s) and then written
//! in each format, so the three say the same thing and each escapes feed text its own way.

use std::fmt::Write as _;

use super::{Changed, FeedDiff, OfficialChange, OfficialSnap, QuestionChange, RecordSnap, Summary};
use crate::feed::Evidence;

#[derive(Clone, Debug, PartialEq)]
pub enum Inline {
    Text(String),
    Strong(String),
    /// An id, as code.
    Code(String),
    /// Only from a checked link (an evidence `url` is a `SafeUrl`).
    Link {
        text: String,
        url: String,
    },
}

#[derive(Clone, Debug, PartialEq)]
pub enum Block {
    Heading(u8, Vec<Inline>),
    Paragraph(Vec<Inline>),
    /// A list item, `depth` 0 for the outer list.
    Item(u8, Vec<Inline>),
}

/// The changelog's format.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Text,
    Markdown,
    Html,
}

/// "2 officials added, 1 removed, 3 stance changes", or "no changes".
pub fn summary_sentence(s: &Summary) -> String {
    let n = |count: usize, one: &str, many: &str| format!("{count} {}", if count == 1 { one } else { many });
    let parts = [
        (s.added, n(s.added, "official added", "officials added")),
        (s.removed, n(s.removed, "removed", "removed")),
        (s.renamed, n(s.renamed, "renamed", "renamed")),
        (s.stance_changes, n(s.stance_changes, "stance change", "stance changes")),
        (s.evidence_changes, n(s.evidence_changes, "evidence update", "evidence updates")),
        (s.details_changed, n(s.details_changed, "official's details changed", "officials' details changed")),
        (s.questions, n(s.questions, "question change", "question changes")),
        (s.meta, n(s.meta, "change to the feed's details", "changes to the feed's details")),
    ];
    let parts: Vec<String> = parts.into_iter().filter(|(count, _)| *count > 0).map(|(_, words)| words).collect();
    if parts.is_empty() {
        "no changes".to_string()
    } else {
        parts.join(", ")
    }
}

/// The diff as a document. With `max_officials`, lists at most that many officials' changes
/// (the Atom entry's limit) and says how many were left out.
pub fn document(diff: &FeedDiff, max_officials: Option<usize>) -> Vec<Block> {
    let mut doc = vec![Block::Heading(1, vec![text(format!("Changes to {}", diff.about.title))])];
    let mut sentence = String::new();
    if let Some(updated) = diff.about.updated {
        let _ = write!(sentence, "Data as of {updated}: ");
    }
    sentence.push_str(&capitalize_first(&summary_sentence(&diff.summary())));
    sentence.push('.');
    doc.push(Block::Paragraph(vec![text(sentence)]));

    if !diff.meta.is_empty() || !diff.questions.is_empty() {
        doc.push(Block::Heading(2, vec![text("The feed")]));
        for change in &diff.meta {
            doc.push(item(vec![code(&change.field), text(format!(": {}", from_to(&change.old, &change.new)))]));
        }
        for change in &diff.questions {
            match change {
                QuestionChange::Added { id, text: words } => {
                    doc.push(item(vec![text("Question "), code(id), text(format!(" added: {words}"))]));
                }
                QuestionChange::Removed { id, text: words } => {
                    doc.push(item(vec![text("Question "), code(id), text(format!(" removed: {words}"))]));
                }
                QuestionChange::Changed { id, fields } => {
                    doc.push(item(vec![text("Question "), code(id), text(" changed")]));
                    for f in fields {
                        doc.push(sub(vec![code(&f.field), text(format!(": {}", from_to(&f.old, &f.new)))]));
                    }
                }
            }
        }
    }

    let mut budget = max_officials.unwrap_or(usize::MAX);
    let mut left_out = 0usize;
    let mut take = |doc: &mut Vec<Block>, blocks: Vec<Block>| {
        if budget == 0 {
            left_out += 1;
        } else {
            budget -= 1;
            doc.extend(blocks);
        }
    };
    // Stance changes, a section per question, in the new feed's question order.
    for (question, label) in &diff.question_labels {
        if diff.whole_question(question) {
            continue;
        }
        let changes: Vec<(&Changed, &super::StanceChange)> = changed(diff)
            .flat_map(|c| c.stances.iter().filter(|s| &s.question == question).map(move |s| (c, s)))
            .collect();
        if changes.is_empty() {
            continue;
        }
        doc.push(Block::Heading(2, vec![text(format!("Stance changes: {label}"))]));
        for (c, s) in changes {
            let mut line = who(&c.name, c.state.code(), &c.id);
            line.push(text(": "));
            match (&s.old, &s.new) {
                (Some(old), Some(new)) if old.stance == new.stance => {
                    line.push(text("evidence updated: "));
                    line.extend(record_words(new));
                }
                (old, new) => {
                    line.push(text(format!("{} → ", old.as_ref().map_or("not rated", |r| &*r.label))));
                    match new {
                        Some(new) => line.extend(record_words(new)),
                        None => line.push(Inline::Strong("not rated".into())),
                    }
                }
            }
            let mut blocks = vec![item(line)];
            blocks.extend(s.new.iter().flat_map(|r| r.evidence.iter()).map(|e| sub(evidence_words(e))));
            take(&mut doc, blocks);
        }
    }
    let added: Vec<&OfficialSnap<'_>> = diff
        .officials
        .iter()
        .filter_map(|c| match c {
            OfficialChange::Added(o) => Some(o),
            _ => None,
        })
        .collect();
    if !added.is_empty() {
        doc.push(Block::Heading(2, vec![text("Added")]));
        for o in added {
            let mut line = who(o.name(), o.state.code(), &o.id);
            let office = office_words(o);
            if !office.is_empty() {
                line.push(text(format!(": {office}")));
            }
            let mut blocks = vec![item(line)];
            for r in o.stances.iter().filter(|r| !diff.whole_question(&r.question)) {
                let mut line = vec![text(format!("{}: ", diff.question_label(&r.question)))];
                line.extend(record_words(r));
                blocks.push(sub(line));
                blocks.extend(r.evidence.iter().map(|e| Block::Item(2, evidence_words(e))));
            }
            take(&mut doc, blocks);
        }
    }
    let removed: Vec<Vec<Inline>> = diff
        .officials
        .iter()
        .filter_map(|c| match c {
            OfficialChange::Removed(o) => Some(who(o.name(), o.state.code(), &o.id)),
            _ => None,
        })
        .collect();
    if !removed.is_empty() {
        doc.push(Block::Heading(2, vec![text("Removed")]));
        for line in removed {
            take(&mut doc, vec![item(line)]);
        }
    }
    let renamed: Vec<&Changed> = changed(diff).filter(|c| c.previous_id.is_some()).collect();
    if !renamed.is_empty() {
        doc.push(Block::Heading(2, vec![text("New ids")]));
        for c in renamed {
            let line = vec![
                Inline::Strong(c.name.clone()),
                text(format!(" ({}): ", c.state.code())),
                code(c.previous_id.as_deref().unwrap_or_default()),
                text(" → "),
                code(&c.id),
            ];
            take(&mut doc, vec![item(line)]);
        }
    }
    let details: Vec<&Changed> = changed(diff).filter(|c| !c.details.is_empty()).collect();
    if !details.is_empty() {
        doc.push(Block::Heading(2, vec![text("Changed details")]));
        for c in details {
            let mut blocks = vec![item(who(&c.name, c.state.code(), &c.id))];
            for d in &c.details {
                blocks.push(sub(vec![text(format!("{}: {}", d.detail.key(), from_to(&d.old, &d.new)))]));
            }
            take(&mut doc, blocks);
        }
    }
    if left_out > 0 {
        doc.push(Block::Paragraph(vec![text(format!(
            "… and {left_out} more {}: see the full changelog.",
            if left_out == 1 { "change" } else { "changes" }
        ))]));
    }
    doc
}

/// The diff as text, Markdown or HTML.
pub fn write(diff: &FeedDiff, format: Format, max_officials: Option<usize>) -> String {
    render(&document(diff, max_officials), format)
}

/// Writes a document in a format.
pub fn render(doc: &[Block], format: Format) -> String {
    let mut out = String::new();
    let mut open_lists = 0u8; // HTML: how many <ul> are open
    for (i, block) in doc.iter().enumerate() {
        let depth = match block {
            Block::Item(depth, _) => Some(*depth),
            _ => None,
        };
        match format {
            Format::Html => {
                let want = depth.map_or(0, |d| d + 1);
                while open_lists > want {
                    out.push_str("</li></ul>");
                    open_lists -= 1;
                }
                if open_lists == want && depth.is_some() {
                    out.push_str("</li>");
                }
                while open_lists < want {
                    out.push_str("<ul>");
                    open_lists += 1;
                }
            }
            Format::Text | Format::Markdown => {
                // A blank line between blocks, none inside a list.
                let in_list = depth.is_some() && i > 0 && matches!(doc[i - 1], Block::Item(..));
                if i > 0 && !in_list {
                    out.push('\n');
                }
            }
        }
        match (format, block) {
            (Format::Text, Block::Heading(level, inlines)) => {
                let line = inline_text(inlines, Format::Text);
                let underline = if *level == 1 { '=' } else { '-' };
                let _ = writeln!(out, "{line}\n{}", underline.to_string().repeat(line.chars().count()));
            }
            (Format::Markdown, Block::Heading(level, inlines)) => {
                let _ = writeln!(out, "{} {}", "#".repeat(usize::from(*level)), inline_text(inlines, format));
            }
            (Format::Html, Block::Heading(level, inlines)) => {
                let _ = write!(out, "<h{level}>{}</h{level}>", inline_text(inlines, format));
            }
            (Format::Html, Block::Paragraph(inlines)) => {
                let _ = write!(out, "<p>{}</p>", inline_text(inlines, format));
            }
            (_, Block::Paragraph(inlines)) => {
                let _ = writeln!(out, "{}", inline_text(inlines, format));
            }
            (Format::Html, Block::Item(_, inlines)) => {
                let _ = write!(out, "<li>{}", inline_text(inlines, format));
            }
            (_, Block::Item(depth, inlines)) => {
                let _ = writeln!(out, "{}- {}", "  ".repeat(usize::from(*depth)), inline_text(inlines, format));
            }
        }
    }
    if format == Format::Html {
        for _ in 0..open_lists {
            out.push_str("</li></ul>");
        }
    }
    out
}

fn inline_text(inlines: &[Inline], format: Format) -> String {
    let mut out = String::new();
    for inline in inlines {
        match (format, inline) {
            (Format::Text, Inline::Text(t) | Inline::Strong(t) | Inline::Code(t)) => out.push_str(&one_line(t)),
            (Format::Text, Inline::Link { text, url }) if text == url => out.push_str(url),
            (Format::Text, Inline::Link { text, url }) => {
                let _ = write!(out, "{} <{url}>", one_line(text));
            }
            (Format::Markdown, Inline::Text(t)) => out.push_str(&markdown_escape(t)),
            (Format::Markdown, Inline::Strong(t)) => {
                let _ = write!(out, "**{}**", markdown_escape(t));
            }
            (Format::Markdown, Inline::Code(t)) => out.push_str(&markdown_code(t)),
            (Format::Markdown, Inline::Link { text, url }) => {
                let _ = write!(out, "[{}](<{}>)", markdown_escape(text), markdown_url(url));
            }
            (Format::Html, Inline::Text(t)) => out.push_str(&html_escape(t)),
            (Format::Html, Inline::Strong(t)) => {
                let _ = write!(out, "<strong>{}</strong>", html_escape(t));
            }
            (Format::Html, Inline::Code(t)) => {
                let _ = write!(out, "<code>{}</code>", html_escape(t));
            }
            (Format::Html, Inline::Link { text, url }) => {
                let _ = write!(out, "<a href=\"{}\">{}</a>", html_escape(url), html_escape(text));
            }
        }
    }
    out
}

/// Feed text on one line: a description's line breaks would end a list item.
fn one_line(text: &str) -> String {
    if text.contains(['\n', '\r']) {
        text.split(['\n', '\r']).filter(|l| !l.trim().is_empty()).collect::<Vec<_>>().join(" ")
    } else {
        text.to_string()
    }
}

/// Feed text as Markdown text: every character Markdown could read as markup is escaped.
pub fn markdown_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in one_line(text).chars() {
        if matches!(c, '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|' | '&' | '~') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// An id as Markdown code: fenced with more backticks than it holds.
fn markdown_code(text: &str) -> String {
    let text = one_line(text);
    let longest = text.split(|c| c != '`').map(str::len).max().unwrap_or(0);
    let fence = "`".repeat(longest + 1);
    let pad = if text.starts_with('`') || text.ends_with('`') { " " } else { "" };
    format!("{fence}{pad}{text}{pad}{fence}")
}

/// A link's address inside `<…>`: the characters that would end it percent-encoded.
fn markdown_url(url: &str) -> String {
    url.replace('<', "%3C").replace('>', "%3E").replace(' ', "%20")
}

pub fn html_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in one_line(text).chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

fn changed(diff: &FeedDiff) -> impl Iterator<Item = &Changed> {
    diff.officials.iter().filter_map(|c| match c {
        OfficialChange::Changed(c) => Some(c),
        _ => None,
    })
}

fn text(s: impl Into<String>) -> Inline {
    Inline::Text(s.into())
}

fn code(s: &str) -> Inline {
    Inline::Code(s.to_string())
}

fn item(inlines: Vec<Inline>) -> Block {
    Block::Item(0, inlines)
}

fn sub(inlines: Vec<Inline>) -> Block {
    Block::Item(1, inlines)
}

/// "**Peter Welch** (VT, `peter-welch-vt`)".
fn who(name: &str, state: &str, id: &str) -> Vec<Inline> {
    vec![Inline::Strong(name.to_string()), text(format!(" ({state}, ")), code(id), text(")")]
}

fn from_to(old: &Option<String>, new: &Option<String>) -> String {
    format!("{} → {}", old.as_deref().unwrap_or("(none)"), new.as_deref().unwrap_or("(none)"))
}

/// "**Endorsed Sanders** (Joe Biden), 2019-02-19".
fn record_words(r: &RecordSnap<'_>) -> Vec<Inline> {
    let mut words = vec![Inline::Strong(r.label.to_string())];
    let mut rest = String::new();
    if let Some(detail) = &r.detail {
        let _ = write!(rest, " ({detail})");
    }
    if let Some(date) = r.date {
        let _ = write!(rest, ", {date}");
    }
    if !rest.is_empty() {
        words.push(text(rest));
    }
    words
}

/// A source: its link (titled, or its site's name), date and quote.
fn evidence_words(e: &Evidence) -> Vec<Inline> {
    let mut words = Vec::new();
    match (&e.url, &e.title) {
        (Some(url), title) => words.push(Inline::Link {
            text: title.clone().unwrap_or_else(|| url.as_str().to_string()),
            url: url.as_str().to_string(),
        }),
        (None, Some(title)) => words.push(text(title.clone())),
        (None, None) => words.push(text("a source")),
    }
    let mut rest = String::new();
    if let Some(date) = e.date {
        let _ = write!(rest, ", {date}");
    }
    if let Some(quote) = &e.quote {
        let _ = write!(rest, ": “{quote}”");
    }
    if !rest.is_empty() {
        words.push(text(rest));
    }
    words
}

/// "Senator · District 7 · Democratic".
fn office_words(o: &OfficialSnap<'_>) -> String {
    use super::Detail::{City, District, Party, Position};
    let parts: Vec<String> = [Position, District, City, Party]
        .into_iter()
        .filter_map(|d| o.detail(d).map(|v| if d == District { format!("District {v}") } else { v.to_string() }))
        .collect();
    parts.join(" · ")
}

/// The text with its first letter in capitals ("2 officials…" stays as it is).
pub fn capitalize_first(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}
