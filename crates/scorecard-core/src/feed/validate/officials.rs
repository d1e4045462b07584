//! The officials' part of validation: each record, its identifiers, links, stances,
//! evidence and dates.

use super::*;

/// The officials checked so far.
pub(super) struct Officials {
    pub(super) kept: Vec<Official>,
    /// The kept officials' folded names and sort keys.
    pub(super) names: NameTexts,
    pub(super) ids: SeenIds,
    pub(super) positions: Interner,
    pub(super) parties: Interner,
    /// Records read, kept or skipped: the next one's index in the input.
    pub(super) read: usize,
}

impl Officials {
    pub(super) fn with_capacity(count: usize) -> Self {
        Officials {
            kept: Vec::with_capacity(count),
            names: NameTexts::new(),
            ids: SeenIds::with_capacity(count),
            positions: Interner::default(),
            parties: Interner::default(),
            read: 0,
        }
    }
}

impl Validator<'_> {
    /// Checks the next official: kept, or reported and skipped.
    pub(super) fn push_official(&mut self, officials: &mut Officials, doc: OfficialDoc<'_>, questions: &[Question]) {
        let index = officials.read;
        officials.read += 1;
        let Officials { kept, names, ids, positions, parties, .. } = officials;
        match self.official(index, doc, questions, ids, kept, positions, parties) {
            // Its id is claimed: nothing after the id skips an official.
            Some(official) => {
                names.push(&official);
                kept.push(official);
            }
            None => self.report.skipped += 1,
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn official(
        &mut self,
        index: usize,
        doc: OfficialDoc<'_>,
        questions: &[Question],
        ids: &mut SeenIds,
        officials: &[Official],
        positions: &mut Interner,
        parties: &mut Interner,
    ) -> Option<Official> {
        let at = |field: &'static str| FeedPath::official(index, field);
        let Some(name) = self.limited(Some(doc.name), limits::NAME, || at("name"), "the name") else {
            self.error(at("name"), "the official has no name; skipped");
            return None;
        };
        let Some(state) = State::parse(&doc.state) else {
            let shown = clean(&doc.state);
            let message = if shown.is_empty() {
                format!("{name} has no state; skipped")
            } else {
                format!("\"{shown}\" is not a U.S. state or territory code (like VT, DC or PR); {name} skipped")
            };
            self.error(at("state"), message);
            return None;
        };
        let id = match doc.id.map(clean_text).filter(|id| !id.is_empty()) {
            Some(id) if id.chars().count() > limits::ID => {
                self.error(at("id"), format!("the id is longer than {} characters; {name} skipped", limits::ID));
                return None;
            }
            Some(id) => {
                if let Err(first) = ids.claim(&id, officials, officials.len(), index) {
                    let first_at = self.locate.locate(&FeedPath::official(first, ""));
                    self.error(
                        at("id"),
                        format!("the id \"{id}\" is already used by the official at {first_at}; {name} skipped"),
                    );
                    return None;
                }
                id.into_owned()
            }
            None => {
                // Slugs of long names are cut so made-up ids stay well within the id limit.
                let name_slug: String = slug(&name).chars().take(limits::ID - 10).collect();
                let base = format!("{}-{}", name_slug.trim_end_matches('-'), state.code().to_ascii_lowercase());
                let mut id = base.clone();
                let mut n = 2;
                while ids.claim(&id, officials, officials.len(), index).is_err() {
                    id = format!("{base}-{n}");
                    n += 1;
                }
                self.warn(at("id"), format!("{name} has no id; using \"{id}\", made from the name and state"));
                id
            }
        };
        let sort_name = self.limited(doc.sort_name, limits::NAME, || at("sort_name"), "the sort name");
        let position = self.limited_text(doc.position, limits::SHORT, || at("position"), "the position");
        let position = position.map(|p| positions.intern(&p));
        let district = self.limited(doc.district, limits::SHORT, || at("district"), "the district");
        let city = self.limited(doc.city, limits::SHORT, || at("city"), "the city");
        let party = self.limited_text(doc.party, limits::SHORT, || at("party"), "the party");
        let party = party.map(|p| parties.intern(&p));
        let division_id = doc.division_id.as_deref().map(str::trim).filter(|d| !d.is_empty()).and_then(|d| {
            let ok = text::is_division_id(d);
            if !ok {
                self.warn(
                    at("division_id"),
                    format!("\"{}\" is not an Open Civic Data division id; ignored", text::truncate(&clean(d), 80)),
                );
            }
            ok.then(|| d.to_string())
        });
        let identifiers =
            doc.identifiers.into_iter().enumerate().filter_map(|(i, ident)| self.identifier(index, i, ident)).collect();
        let website = self.https(doc.website, || at("website"));
        let contact_url = self.https(doc.contact_url, || at("contact_url"));
        let donate_url = self.https(doc.donate_url, || at("donate_url"));
        let image = self.https(doc.image, || at("image"));
        let email = doc.email.filter(|e| !e.trim().is_empty()).and_then(|e| match SafeUrl::mailto(&e) {
            Ok(url) => Some(url),
            Err(problem) => {
                self.warn(at("email"), format!("{problem}; ignored"));
                None
            }
        });
        let stances = self.stance_records(index, &name, doc.stances, questions);
        Some(Official {
            id,
            name,
            sort_name,
            state,
            position,
            district,
            city,
            party,
            division_id,
            identifiers,
            website,
            contact_url,
            donate_url,
            email,
            image,
            stances,
        })
    }

    fn identifier(
        &mut self,
        official: usize,
        i: usize,
        doc: crate::feed::doc::IdentifierDoc<'_>,
    ) -> Option<Identifier> {
        let scheme = doc.scheme.trim().to_ascii_lowercase();
        let identifier = clean(&doc.identifier);
        let at = || FeedPath::official(official, format!("identifiers[{i}]"));
        let valid = match scheme.as_str() {
            "" => {
                self.warn(at(), "the identifier has no scheme; ignored");
                return None;
            }
            // FEC candidate ids: office (H, S or P), a digit, two state letters (or 00), five digits.
            "fec" => {
                let b = identifier.as_bytes();
                b.len() == 9
                    && matches!(b[0], b'H' | b'S' | b'P')
                    && b[1].is_ascii_digit()
                    && b[2..4].iter().all(u8::is_ascii_alphanumeric)
                    && b[4..].iter().all(u8::is_ascii_digit)
            }
            "bioguide" => {
                let b = identifier.as_bytes();
                b.len() == 7 && b[0].is_ascii_uppercase() && b[1..].iter().all(u8::is_ascii_digit)
            }
            _ => !identifier.is_empty() && identifier.len() <= 200,
        };
        if !valid {
            self.warn(
                at(),
                format!("\"{}\" is not a valid {scheme} identifier; ignored", text::truncate(&identifier, 40)),
            );
            return None;
        }
        Some(Identifier { scheme, identifier })
    }

    fn https<'p>(&mut self, value: Option<Text<'_>>, at: impl FnOnce() -> FeedPath<'p>) -> Option<SafeUrl> {
        let value = value.filter(|v| !v.trim().is_empty())?;
        match SafeUrl::https(&value) {
            Ok(url) => Some(url),
            Err(problem) => {
                let location = self.locate.locate(&at());
                self.report.push(Diagnostic::warning(location, format!("{problem}; link dropped")));
                None
            }
        }
    }

    fn stance_records(
        &mut self,
        index: usize,
        name: &str,
        docs: StanceMap<'_>,
        questions: &[Question],
    ) -> Vec<Option<StanceRecord>> {
        let mut records: Vec<Option<StanceRecord>> = vec![None; questions.len()];
        for (question_id, doc) in docs {
            // Paths are built only when there is something to report.
            let at = |suffix: &str| FeedPath::official(index, format!("stances.{question_id}{suffix}"));
            let Some(q) = questions.iter().position(|q| q.id == *question_id) else {
                self.warn(at(""), format!("there is no question \"{question_id}\"; this stance of {name} is ignored"));
                continue;
            };
            let question = &questions[q];
            let Some(stance) = question.stance_index(doc.stance.trim()) else {
                let known: Vec<&str> = question.stances.iter().map(|s| s.id.as_str()).collect();
                let shown_as = match question.default_stance {
                    Some(d) => format!("\"{}\", the question's default", question.stances[d as usize].label),
                    None => "not rated".to_string(),
                };
                self.warn(
                    at(".stance"),
                    format!(
                        "\"{}\" is not a stance of question \"{question_id}\" (expected one of: {}); {name} is shown as {shown_as}",
                        text::truncate(&clean(&doc.stance), 40),
                        known.join(", ")
                    ),
                );
                continue;
            };
            let detail = self.limited(doc.detail, limits::DETAIL, || at(".detail"), "the detail");
            let date = self.date(doc.date, || at(".date"));
            let evidence = doc
                .evidence
                .into_iter()
                .enumerate()
                .filter_map(|(i, e)| self.evidence(index, &question_id, i, e))
                .collect();
            records[q] = Some(StanceRecord { stance, detail, date, evidence });
        }
        for (record, question) in records.iter_mut().zip(questions) {
            if record.is_none() {
                *record = question.default_record();
            }
        }
        records
    }

    fn evidence(&mut self, index: usize, question_id: &str, i: usize, doc: EvidenceDoc<'_>) -> Option<Evidence> {
        let at = |field: &str| FeedPath::official(index, format!("stances.{question_id}.evidence[{i}].{field}"));
        let url = self.https(doc.url, || at("url"));
        let date = self.date(doc.date, || at("date"));
        let title = self.limited(doc.title, limits::SHORT, || at("title"), "the title");
        let quote = self.limited(doc.quote, limits::QUOTE, || at("quote"), "the quote");
        // Evidence with nothing to show (e.g. only an unsafe link that was dropped) is removed;
        // its date, if any, is not lost for sorting because the stance keeps its own date.
        (url.is_some() || title.is_some() || quote.is_some()).then_some(Evidence { url, title, date, quote })
    }

    fn date<'p>(&mut self, value: Option<Text<'_>>, at: impl FnOnce() -> FeedPath<'p>) -> Option<Date> {
        let value = value.filter(|v| !v.trim().is_empty())?;
        let parsed = Date::parse_iso(value.trim());
        if parsed.is_none() {
            let location = self.locate.locate(&at());
            self.report.push(Diagnostic::warning(
                location,
                format!("\"{}\" is not a date like 2020-03-27; date ignored", text::truncate(&clean(&value), 40)),
            ));
        }
        parsed
    }
}
