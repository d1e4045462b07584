//! A state file's questions mapped onto the index's, when they differ.

use crate::feed::model::{Official, Question, StanceIx, StanceRecord};

/// How a file's questions map onto the index's, when they differ: for each index question,
/// the file's question with the same id and, for each of its stances, the index's stance with
/// the same id.
pub(super) struct QuestionMap {
    questions: Vec<Option<(usize, Vec<Option<StanceIx>>)>>,
    /// What differs, in plain words, for the report.
    pub(super) differences: Vec<String>,
}

impl QuestionMap {
    /// `None` when the file's questions are the index's (the usual case: nothing to map).
    pub(super) fn new(index: &[Question], file: &[Question]) -> Option<QuestionMap> {
        if index == file {
            return None;
        }
        let mut differences = Vec::new();
        let mut questions = Vec::with_capacity(index.len());
        for question in index {
            let Some(j) = file.iter().position(|q| q.id == question.id) else {
                differences.push(format!("question \"{}\" is missing", question.id));
                questions.push(None);
                continue;
            };
            let theirs = &file[j];
            let stance_map: Vec<Option<StanceIx>> =
                theirs.stances.iter().map(|s| question.stance_index(&s.id)).collect();
            for (stance, mapped) in theirs.stances.iter().zip(&stance_map) {
                if mapped.is_none() {
                    differences
                        .push(format!("stance \"{}\" of question \"{}\" is not in the index", stance.id, question.id));
                }
            }
            for stance in &question.stances {
                if theirs.stance_index(&stance.id).is_none() {
                    differences.push(format!("stance \"{}\" of question \"{}\" is missing", stance.id, question.id));
                }
            }
            if theirs != question
                && stance_map.iter().all(Option::is_some)
                && theirs.stances.len() == question.stances.len()
            {
                differences.push(format!(
                    "question \"{}\" is worded differently (its text, labels, colours, order or default)",
                    question.id
                ));
            }
            if j != questions.len() {
                differences.push(format!("question \"{}\" is in another position", question.id));
            }
            questions.push(Some((j, stance_map)));
        }
        for question in file {
            if !index.iter().any(|q| q.id == question.id) {
                differences.push(format!("question \"{}\" is not in the index", question.id));
            }
        }
        Some(QuestionMap { questions, differences })
    }

    /// Re-expresses an official's stances in the index's questions. Returns how many of their
    /// stances the index has no match for.
    pub(super) fn apply(&self, official: &mut Official, index: &[Question]) -> usize {
        let mut unmatched = 0;
        let mut theirs = std::mem::take(&mut official.stances);
        official.stances = self
            .questions
            .iter()
            .zip(index)
            .map(|(mapping, question)| {
                let record = mapping.as_ref().and_then(|(j, stance_map)| {
                    let record = theirs.get_mut(*j)?.take()?;
                    match stance_map.get(record.stance as usize).copied().flatten() {
                        Some(stance) => Some(StanceRecord { stance, ..record }),
                        None => {
                            unmatched += 1;
                            None
                        }
                    }
                });
                record.or_else(|| question.default_record())
            })
            .collect();
        unmatched
    }
}
