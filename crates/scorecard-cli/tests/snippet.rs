//! `scorecard-feed snippet`: the organizer page's snippet (scorecard_core::embed), titled with the
//! feed's title, its options read as the widget reads them; a bad hash or option is refused.

use std::path::PathBuf;

mod support;

fn cli(args: &[&str]) -> (i32, String, String) {
    let repo = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..");
    let out = support::scorecard_feed().args(args).current_dir(repo).output().unwrap();
    let text = |bytes: &[u8]| String::from_utf8_lossy(bytes).into_owned();
    (out.status.code().unwrap_or(-1), text(&out.stdout), text(&out.stderr))
}

#[test]
fn the_snippet_names_the_feed_and_pins_the_loader() {
    let (code, stdout, stderr) = cli(&[
        "snippet",
        "feeds/endorsements-2020.json",
        "--url",
        "https://example.org/feed.json?a=1&b=2",
        "--embed-js",
        "https://cdn.example.org/embed.js",
        "--integrity",
        "sha384-abc+/=",
        "--data",
        "states=vermont, mn",
        "--data",
        "data-refcode=my blog!",
        "--data",
        "compact=",
        "--link",
        "https://example.org/",
    ]);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(
        stdout,
        "<div data-scorecard data-feed=\"https://example.org/feed.json?a=1&amp;b=2\" data-states=\"MN, VT\" \
         data-refcode=\"myblog\" data-compact>\n  <a href=\"https://example.org/\">Who endorsed Bernie Sanders in \
         2020?</a>\n</div>\n<script type=\"module\" src=\"https://cdn.example.org/embed.js\"\n        \
         integrity=\"sha384-abc+/=\" crossorigin=\"anonymous\"></script>\n"
    );
    // Without a hash or a link: unpinned, and the link is the feed's address.
    let (code, stdout, _) = cli(&["snippet", "feeds/endorsements-2020.json", "--url", "f.json", "--embed-js", "e.js"]);
    assert_eq!(code, 0);
    assert!(stdout.contains("<a href=\"f.json\">") && stdout.contains("src=\"e.js\"></script>"), "{stdout}");
}

#[test]
fn a_bad_hash_option_or_feed_is_refused() {
    let feed = "feeds/endorsements-2020.json";
    for (args, message) in [
        (vec!["--integrity", "md5-x"], "error: --integrity \"md5-x\" is not a hash like sha384-…"),
        (vec!["--data", "states"], "error: --data \"states\": write it as NAME=VALUE"),
    ] {
        let (code, stdout, stderr) = cli(&[&["snippet", feed, "--url", "u", "--embed-js", "e"][..], &args].concat());
        assert_eq!((code, stdout.as_str()), (2, ""), "{stderr}");
        assert!(stderr.contains(message), "{stderr}");
    }
    let (code, _, stderr) = cli(&["snippet", "feeds/README.md", "--url", "u", "--embed-js", "e"]);
    assert_eq!(code, 2, "{stderr}");
    assert!(stderr.contains("feeds/README.md: the feed cannot be loaded: validate it"), "{stderr}");
}
