//! Cutting one feed into an index and one feed per state.

use std::collections::BTreeMap;

use super::shard_file_name;
use crate::feed::doc::{FeedDoc, OfficialDoc, ShardDoc};
use crate::states::State;

/// A feed cut into an index and one feed per state.
#[derive(Clone, Debug, PartialEq)]
pub struct Split<'a> {
    /// Meta and questions, no officials, and a `shards` entry per state (in code order).
    pub index: FeedDoc<'a>,
    /// One complete feed per state, in code order, named by [`shard_file_name`] in the index.
    pub shards: Vec<(State, FeedDoc<'a>)>,
    /// Names of officials whose state is not a known code: in no shard.
    pub unplaced: Vec<String>,
}

/// Splits a feed by state. Officials keep their order within each state.
pub fn split<'a>(doc: &FeedDoc<'a>) -> Split<'a> {
    let mut by_state: BTreeMap<State, Vec<OfficialDoc<'a>>> = BTreeMap::new();
    let mut unplaced = Vec::new();
    for official in &doc.officials {
        match State::parse(&official.state) {
            Some(state) => by_state.entry(state).or_default().push(official.clone()),
            None => unplaced.push(official.name.to_string()),
        }
    }
    // Meta and questions only: cloning `doc` whole would copy every official once more.
    let shell = FeedDoc {
        schema: doc.schema.clone(),
        format_version: doc.format_version,
        meta: doc.meta.clone(),
        questions: doc.questions.clone(),
        officials: Vec::new(),
        shards: Vec::new(),
    };
    let shards: Vec<(State, FeedDoc<'a>)> =
        by_state.into_iter().map(|(state, officials)| (state, FeedDoc { officials, ..shell.clone() })).collect();
    let entries = shards
        .iter()
        .map(|(state, shard)| ShardDoc {
            state: state.code().to_string(),
            url: shard_file_name(*state),
            officials: u32::try_from(shard.officials.len()).unwrap_or(u32::MAX),
        })
        .collect();
    Split { index: FeedDoc { shards: entries, ..shell }, shards, unplaced }
}
