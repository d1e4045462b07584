//! The JSON Schema of the feed format, generated from the wire types in [`crate::feed::doc`].
//! `docs/feed.schema.json` is this output; a test fails when the committed copy is stale.

use crate::feed::doc::FeedDoc;

/// The schema as pretty JSON with a final newline.
pub fn feed_schema_json() -> String {
    let schema = schemars::generate::SchemaSettings::draft2020_12().into_generator().into_root_schema_for::<FeedDoc>();
    let mut out = serde_json::to_string_pretty(&schema).unwrap_or_default();
    out.push('\n');
    out
}
