//! Counts an organizer wants to see: officials per state, and per stance of each question.

use crate::feed::Feed;
use crate::filter::{run, states_in_feed, FilterSpec};
use crate::states::State;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FeedStats {
    pub officials: usize,
    /// States with at least one official, in code order.
    pub states: Vec<(State, u32)>,
    pub questions: Vec<QuestionStats>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct QuestionStats {
    pub id: String,
    pub text: String,
    /// (stance label, officials), in the question's order.
    pub stances: Vec<(String, u32)>,
    pub not_rated: u32,
}

impl FeedStats {
    pub fn of(feed: &Feed) -> FeedStats {
        let questions = feed
            .questions
            .iter()
            .map(|question| {
                let result = run(feed, &FilterSpec { question: Some(question.id.clone()), ..FilterSpec::default() });
                QuestionStats {
                    id: question.id.clone(),
                    text: question.text.clone(),
                    stances: question.stances.iter().map(|s| s.label.clone()).zip(result.facets.stances).collect(),
                    not_rated: result.facets.not_rated,
                }
            })
            .collect();
        FeedStats { officials: feed.officials.len(), states: states_in_feed(feed), questions }
    }
}
