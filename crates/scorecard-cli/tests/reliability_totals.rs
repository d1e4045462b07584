//! `docs/reliability.md` ends with totals: how many classes of input or fault each section's
//! table lists. They are counted here from the tables, so a row added without its total (or a
//! total written by hand) fails this test, which prints the paragraph to paste.

use std::path::PathBuf;

/// (section heading as the totals name it, rows in its table), for every section with a table.
fn sections(markdown: &str) -> Vec<(String, usize)> {
    let mut sections: Vec<(String, usize)> = Vec::new();
    for line in markdown.lines() {
        if let Some(heading) = line.strip_prefix("## ") {
            // "Sharded feeds (an index plus one file per state)" → "sharded feeds".
            let heading = heading.split(" (").next().unwrap_or(heading).trim();
            let mut name = heading.to_string();
            let first_word = heading.split(' ').next().unwrap_or("");
            if first_word.chars().skip(1).any(|c| c.is_lowercase()) {
                name = heading[..1].to_lowercase() + &heading[1..];
            }
            sections.push((name, 0));
        } else if line.starts_with('|') && !line.starts_with("|---") {
            if let Some((_, rows)) = sections.last_mut() {
                *rows += 1; // the header row too: subtracted below
            }
        }
    }
    sections.into_iter().filter(|(_, rows)| *rows > 0).map(|(name, rows)| (name, rows - 1)).collect()
}

/// The totals' first two sentences, as they must read.
fn totals(sections: &[(String, usize)]) -> String {
    let total: usize = sections.iter().map(|(_, rows)| rows).sum();
    let parts: Vec<String> = sections.iter().map(|(name, rows)| format!("{rows} {name}")).collect();
    format!(
        "{total} classes of input or fault: {}. Every class has at least one test that could fail; {total} of {total} pass on the current commit (CI runs them all).",
        parts.join(", ")
    )
}

fn words(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn the_totals_are_the_tables_counted() {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../docs/reliability.md");
    let markdown = std::fs::read_to_string(&path).unwrap();
    let (_, written) = markdown.split_once("## Totals").expect("a ## Totals section");
    let expected = totals(&sections(&markdown));
    assert!(
        words(written).starts_with(&expected),
        "docs/reliability.md's totals do not match its tables; the Totals section should start:\n\n{expected}\n"
    );
}

#[test]
fn counting_skips_headers_separators_and_sections_without_tables() {
    let markdown = "# Title\n\n## Malformed JSON\n\n| input | tests |\n|---|---|\n| a | b |\n| c | d |\n\n\
                    ## ZIP tables (one file per prefix)\n\n| x |\n|---|\n| y |\n\n## Fuzzing\n\nText.\n";
    let counted = sections(markdown);
    assert_eq!(counted, vec![("malformed JSON".to_string(), 2), ("ZIP tables".to_string(), 1)]);
    assert!(totals(&counted).starts_with("3 classes of input or fault: 2 malformed JSON, 1 ZIP tables."));
}
