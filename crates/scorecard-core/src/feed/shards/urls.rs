//! Where a state file may be.

use crate::link;

/// Checks where a state file is, as written in an index: either relative to the index's
/// address (`MN.json`, `../2024/MN.json`, `/feeds/MN.json`), which keeps it on the index's
/// server, or an absolute `https://` URL. Returns it trimmed, or why it is refused.
pub fn check_shard_url(raw: &str) -> Result<String, String> {
    link::relative_or_https(raw, "state files", "the index")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::link::MAX_URL_LEN;
    #[test]
    fn shard_urls_stay_on_the_index_server_or_use_https() {
        for ok in ["MN.json", "shards/MN.json", "../2024/MN.json", "/feeds/MN.json", "MN.json?v=2", "1:2.json"] {
            assert_eq!(check_shard_url(ok).as_deref(), Ok(ok), "{ok}");
        }
        assert_eq!(
            check_shard_url(" https://CDN.example.org/MN.json ").as_deref(),
            Ok("https://cdn.example.org/MN.json")
        );
        let refused = |url: &str| check_shard_url(url).expect_err(url);
        assert!(refused("http://example.org/MN.json").contains("not with \"http:\""));
        assert!(refused("javascript:alert(1)").contains("not with \"javascript:\""));
        assert!(refused("MN:x.json").contains("not with \"mn:\""));
        assert!(refused("//evil.example/MN.json").contains("https:// in full"));
        assert!(refused("\\\\evil.example/MN.json").contains("backslashes"));
        assert!(refused("M N.json").contains("spaces"));
        assert!(refused("").contains("empty"));
        assert!(refused("https://user:pw@example.org/MN.json").contains("user name or password"));
        assert!(refused(&"a".repeat(MAX_URL_LEN + 1)).contains("limit"));
    }
}
