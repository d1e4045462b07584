//! Where the widget keeps things in the browser's localStorage, one key format for all: a
//! widget's key is its feed's absolute address (and its element's id, so two widgets on one
//! page with the same feed keep apart); what is kept for it has that key with a suffix.
//! `v1` is the storage format's version: a new format gets new keys, never misreads old ones.

/// The key of the widget showing the feed at `absolute` (an element id: `instance`).
pub fn feed(absolute: &str, instance: Option<&str>) -> String {
    match instance {
        Some(instance) => format!("scorecard:v1:{absolute}:{instance}"),
        None => format!("scorecard:v1:{absolute}"),
    }
}

/// The saved shortlist.
pub fn shortlist(feed_key: &str) -> String {
    format!("{feed_key}:shortlist")
}

/// A saved shortlist that could not be read, set aside rather than overwritten.
pub fn damaged(key: &str) -> String {
    format!("{key}:damaged")
}

/// The reader's ZIP code.
pub fn zip(feed_key: &str) -> String {
    format!("{feed_key}:zip")
}

/// An unfinished "Give to each" run.
pub fn give_run(feed_key: &str) -> String {
    format!("{feed_key}:give")
}

/// What the reader saw of the feed, for "changed since your last visit" (`since::storage`).
pub fn seen(feed_key: &str) -> String {
    format!("{feed_key}:seen")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_are_stable() {
        // Changing these loses every reader's saved list: they must stay as they are.
        let key = feed("https://example.org/feed.json", None);
        assert_eq!(key, "scorecard:v1:https://example.org/feed.json");
        assert_eq!(feed("https://example.org/f.json", Some("w2")), "scorecard:v1:https://example.org/f.json:w2");
        assert_eq!(shortlist(&key), "scorecard:v1:https://example.org/feed.json:shortlist");
        assert_eq!(damaged(&shortlist("k")), "k:shortlist:damaged");
        assert_eq!(zip("k"), "k:zip");
        assert_eq!(give_run("k"), "k:give");
        assert_eq!(seen("k"), "k:seen");
    }
}
