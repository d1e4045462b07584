//! How a feed gets from its address to the screen: fetched with a time limit, read by the core,
//! kept as the last good copy, and that copy shown (dated) when the network fails. A sharded feed
//! (an index plus one file per state, see `scorecard_core::feed::shards`) loads in steps: the
//! index, then the files of the states a reader arrives wanting (their view, saved shortlist and
//! shared link), then each state they pick; every file that arrives gives a new combined feed.
//! State files are kept as last good copies too, so a reader offline still finds their states.

use std::cell::RefCell;
use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;
use std::task::Poll;

use scorecard_core::csv_import::load_csv;
use scorecard_core::diagnostics::Report;
use scorecard_core::feed::shards::{self, Opened, ShardEntry, ShardStatus, ShardedFeed};
use scorecard_core::feed::{self, Feed, Loaded};
use scorecard_core::i18n::Msg;
use scorecard_core::shortlist::Shortlist;
use scorecard_core::source::{detect_format, Format, FormatHints};
use scorecard_core::states::{State, StateSet};
use scorecard_core::{share_link, storage_key};
use yew::prelude::*;

use crate::browser::{feed_cache, fetch, location, perf, storage};
use crate::lazy::{lazy_part, NotLoaded, Part};
use crate::options::WidgetOptions;
use crate::state::FeedRef;

/// What the widget shows while and after loading.
#[derive(Clone, Debug)]
pub(crate) enum LoadState {
    Loading,
    Failed(Msg),
    Ready(Rc<LoadedFeed>),
}

/// Where the widget's feed comes from.
#[derive(Clone, Debug)]
pub enum FeedSource {
    /// Fetched from a URL (JSON or CSV: the bytes decide, `scorecard_core::source::detect_format`).
    Url(String),
    /// Already loaded: component tests and previews.
    Loaded(Rc<LoadedFeed>),
    /// The page asked for a feed the widget will not load; the message says why.
    Refused(Msg),
}

impl PartialEq for FeedSource {
    fn eq(&self, other: &Self) -> bool {
        match (self, other) {
            (FeedSource::Url(a), FeedSource::Url(b)) => a == b,
            (FeedSource::Loaded(a), FeedSource::Loaded(b)) => Rc::ptr_eq(a, b),
            (FeedSource::Refused(a), FeedSource::Refused(b)) => a == b,
            _ => false,
        }
    }
}

/// A loaded feed, what loading it reported, and the key its saved shortlist lives under.
#[derive(Debug)]
pub struct LoadedFeed {
    pub feed: FeedRef,
    pub report: Report,
    pub storage_key: String,
    /// Set when this is the last good copy, shown because the latest could not be loaded.
    pub stale: Option<Stale>,
    /// For a sharded feed: every state in its index, and whether its file is loaded. `feed`
    /// then holds the officials of the loaded states only.
    pub shards: Option<Rc<Vec<ShardStatus>>>,
}

/// Why an older copy of the feed is shown, and from when.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Stale {
    /// When the copy was saved: an ISO 8601 date-time.
    pub saved_at: String,
    /// What went wrong with the latest.
    pub reason: Msg,
}

impl LoadedFeed {
    /// Builds a loaded feed from loader output; `Err` when no feed could be made, with the
    /// first error as the message.
    pub fn from_loaded(loaded: Loaded, storage_key: String) -> Result<LoadedFeed, Msg> {
        match loaded.feed {
            Some(feed) => Ok(LoadedFeed {
                feed: FeedRef(Rc::new(feed)),
                report: loaded.report,
                storage_key,
                stale: None,
                shards: None,
            }),
            None => Err(unreadable(&loaded.report)),
        }
    }
}

/// Why a feed could not be read at all: its first error (the validator's words, in English).
fn unreadable(report: &Report) -> Msg {
    let first = report.diagnostics.iter().find(|d| d.is_error()).map(|d| d.to_string()).unwrap_or_default();
    Msg::new("load.unreadable").text("first", first)
}

/// A sharded feed's bookkeeping, `scorecard_core::feed::shards::ShardedFeed`, as the widget
/// uses it. Reached only through this trait, from a box the careful part makes (below), so its
/// code and the careful JSON path it reads state files with stay in that part's module: only
/// sharded feeds need them.
pub(crate) trait Sharded {
    /// The index as a feed: meta and questions, no officials.
    fn index_feed(&self) -> &Feed;
    fn statuses(&self) -> &[ShardStatus];
    fn loaded_states(&self) -> StateSet;
    fn start_loading(&mut self, wanted: StateSet) -> Vec<ShardEntry>;
    fn retry(&mut self, state: State);
    fn fail(&mut self, state: State, message: Msg);
    fn add_shard(&mut self, state: State, bytes: &[u8]);
    fn combined(&self) -> Loaded;
}

impl Sharded for ShardedFeed {
    fn index_feed(&self) -> &Feed {
        &self.index().feed
    }
    fn statuses(&self) -> &[ShardStatus] {
        ShardedFeed::statuses(self)
    }
    fn loaded_states(&self) -> StateSet {
        ShardedFeed::loaded_states(self)
    }
    fn start_loading(&mut self, wanted: StateSet) -> Vec<ShardEntry> {
        ShardedFeed::start_loading(self, wanted)
    }
    fn retry(&mut self, state: State) {
        ShardedFeed::retry(self, state)
    }
    fn fail(&mut self, state: State, message: Msg) {
        ShardedFeed::fail(self, state, message)
    }
    fn add_shard(&mut self, state: State, bytes: &[u8]) {
        ShardedFeed::add_shard(self, state, bytes)
    }
    fn combined(&self) -> Loaded {
        ShardedFeed::combined(self)
    }
}

/// A sharded feed being loaded: the core's bookkeeping, and where its index is.
pub(crate) struct ShardSession {
    pub(crate) sharded: Box<dyn Sharded>,
    /// The index's absolute URL: the state files' URLs resolve against it.
    pub(crate) index_url: String,
    pub(crate) storage_key: String,
    pub(crate) stale: Option<Stale>,
    /// The feed of the states loaded so far, and its report; replaced as files arrive.
    pub(crate) feed: FeedRef,
    pub(crate) report: Report,
    /// Which load of the index this is: files that arrive for an older one are dropped.
    pub(crate) generation: u32,
}

impl ShardSession {
    fn new(sharded: Box<dyn Sharded>, index_url: String, storage_key: String) -> ShardSession {
        let Loaded { feed, report } = sharded.combined();
        let feed = feed.unwrap_or_else(|| sharded.index_feed().clone());
        ShardSession {
            sharded,
            index_url,
            storage_key,
            stale: None,
            feed: FeedRef(Rc::new(feed)),
            report,
            generation: 0,
        }
    }

    /// Rebuilds the feed from the files loaded so far.
    fn combine(&mut self) {
        let combined = self.sharded.combined();
        if let Some(feed) = combined.feed {
            self.feed = FeedRef(Rc::new(feed));
        }
        self.report = combined.report;
    }

    /// What the widget shows now. The feed is the same `Rc` until a file arrives, so a change of
    /// status alone does not replace the feed.
    pub(crate) fn snapshot(&self) -> LoadedFeed {
        LoadedFeed {
            feed: self.feed.clone(),
            report: self.report.clone(),
            storage_key: self.storage_key.clone(),
            stale: self.stale.clone(),
            shards: Some(Rc::new(self.sharded.statuses().to_vec())),
        }
    }

    /// Reads a state's file, or records why it could not be fetched, and rebuilds the feed.
    fn receive(&mut self, state: State, file: StateFile) {
        self.take(state, file);
        self.combine();
    }

    /// Reads a state's file, or records why it could not be fetched; the feed is rebuilt by
    /// [`ShardSession::combine`] once the files that came together are in.
    fn take(&mut self, state: State, file: StateFile) {
        let could_not =
            |error: &fetch::FetchError| Msg::new("load.state_failed").state("state", state).msg("why", error.msg());
        match file {
            StateFile::Latest { url, bytes } => {
                self.sharded.add_shard(state, &bytes);
                if self.sharded.loaded_states().contains(state) {
                    feed_cache::store_later(url, bytes);
                }
            }
            StateFile::Saved { bytes, saved_at, error } => {
                self.sharded.add_shard(state, &bytes);
                // One notice for the whole widget: the first copy shown says when and why.
                if self.stale.is_none() && self.sharded.loaded_states().contains(state) {
                    self.stale = Some(Stale { saved_at, reason: could_not(&error) });
                }
            }
            StateFile::Failed(error) => self.sharded.fail(state, could_not(&error)),
        }
    }
}

/// A state's file as fetched: the latest, or (when that fails) the copy saved the last time it
/// loaded, or neither.
enum StateFile {
    Latest { url: String, bytes: Vec<u8> },
    Saved { bytes: Vec<u8>, saved_at: String, error: fetch::FetchError },
    Failed(fetch::FetchError),
}

async fn fetch_state_file(url: String, timeout_secs: u32) -> StateFile {
    match fetch::fetch_bytes(&url, timeout_secs).await {
        Ok((bytes, _)) => StateFile::Latest { url, bytes },
        Err(error) => match feed_cache::load(&url).await {
            Some((bytes, saved_at)) => StateFile::Saved { bytes, saved_at, error },
            None => StateFile::Failed(error),
        },
    }
}

pub(crate) type SharedSession = Rc<RefCell<Option<ShardSession>>>;

/// Starts fetching the files of the `wanted` states that have not been asked for yet. Each
/// one, when it arrives, swaps in a new combined feed.
pub(crate) fn fetch_shards(
    session: &SharedSession,
    load: &UseStateHandle<LoadState>,
    wanted: StateSet,
    timeout_secs: u32,
) {
    let (started, generation, index_url, snapshot) = {
        let mut guard = session.borrow_mut();
        let Some(current) = guard.as_mut() else { return };
        let started = current.sharded.start_loading(wanted);
        if started.is_empty() {
            return;
        }
        (started, current.generation, current.index_url.clone(), current.snapshot())
    };
    // Shows "Loading…" for them. Set only once the session is no longer borrowed: a render
    // may call back in here.
    load.set(LoadState::Ready(Rc::new(snapshot)));
    for entry in started {
        let session = session.clone();
        let load = load.clone();
        let url = location::resolve(&entry.url, &index_url);
        wasm_bindgen_futures::spawn_local(async move {
            let fetched = fetch_state_file(url, timeout_secs).await;
            let snapshot = {
                let mut guard = session.borrow_mut();
                let Some(current) = guard.as_mut().filter(|s| s.generation == generation) else { return };
                current.receive(entry.state, fetched);
                current.snapshot()
            };
            load.set(LoadState::Ready(Rc::new(snapshot)));
        });
    }
}

/// The states a reader arrives wanting: those of the view in the address (or the embedder's
/// preset), of their saved shortlist, and of a shortlist shared in the address. Their files
/// load before the first results, so all of these find their officials.
pub(crate) fn arriving_states(session: &ShardSession, options: &WidgetOptions) -> StateSet {
    let param = share_link::param_name(options.instance.as_deref());
    let decoded = share_link::decode(&location::fragment(), &param, &session.feed);
    let view = if decoded.present { decoded.view.filter.states } else { options.embed.states };
    let saved =
        storage::read(&storage_key::shortlist(&session.storage_key), |text| Shortlist::from_storage_json(text).ok())
            .map(|(list, _)| list)
            .unwrap_or_default();
    shards::wanted_states(view, &saved, decoded.list_states)
}

/// Fetches the files of the states a reader arrives wanting, all at once (a link naming several
/// states waits for the slowest file, not for the sum), before the first results are shown.
pub(crate) async fn load_arriving_states(session: &mut ShardSession, options: &WidgetOptions) {
    let wanted = arriving_states(session, options);
    let started = session.sharded.start_loading(wanted);
    if started.is_empty() {
        return;
    }
    let fetches = started
        .iter()
        .map(|entry| {
            Box::pin(fetch_state_file(location::resolve(&entry.url, &session.index_url), options.embed.timeout_secs))
        })
        .collect();
    for (entry, fetched) in started.iter().zip(all(fetches).await) {
        session.take(entry.state, fetched);
    }
    session.combine();
}

/// Waits for all of `futures`, which run side by side, and gives their outputs in order.
/// (`futures::future::join_all` does the same but added 4 KB of gzipped wasm.)
async fn all<F: Future + Unpin>(mut futures: Vec<F>) -> Vec<F::Output> {
    let mut outputs: Vec<Option<F::Output>> = futures.iter().map(|_| None).collect();
    std::future::poll_fn(|context| {
        for (future, output) in futures.iter_mut().zip(&mut outputs) {
            if output.is_none() {
                if let Poll::Ready(value) = Pin::new(future).poll(context) {
                    *output = Some(value);
                }
            }
        }
        if outputs.iter().all(Option::is_some) {
            Poll::Ready(())
        } else {
            Poll::Pending
        }
    })
    .await;
    outputs.into_iter().flatten().collect()
}

/// What the feed's address gave: a feed, or the index of a sharded feed.
pub(crate) enum Fetched {
    Feed(LoadedFeed),
    Index(Box<ShardSession>),
}

impl Fetched {
    fn set_stale(&mut self, stale: Stale) {
        match self {
            Fetched::Feed(loaded) => loaded.stale = Some(stale),
            Fetched::Index(session) => {
                session.stale = Some(stale);
            }
        }
    }
}

/// Fetches and reads the feed (or the index of a sharded feed). When that fails (network,
/// server, or a feed that cannot be read at all), the last good copy is shown instead, if this
/// browser has one.
pub(crate) async fn load_from_url(url: &str, options: &WidgetOptions) -> Result<Fetched, Msg> {
    let absolute = location::absolute(url);
    let key = storage_key::feed(&absolute, options.instance.as_deref());
    // A hint only (the bytes decide): a CSV feed's reader, a part of its own, is fetched beside
    // the feed rather than after it.
    if detect_format(b"", FormatHints { url: Some(url), content_type: None }) == Format::Csv {
        CsvImport::preload();
    }
    let latest = match fetch::fetch_bytes(url, options.embed.timeout_secs).await {
        Ok((bytes, content_type)) => {
            let hints = FormatHints { url: Some(url), content_type: content_type.as_deref() };
            perf::mark("scorecard:parse-start");
            let loaded = read(&bytes, hints, &absolute, &key).await;
            perf::mark("scorecard:parse-end");
            if loaded.is_ok() {
                feed_cache::store_later(absolute.clone(), bytes);
            }
            loaded
        }
        Err(error) => Err(error.msg()),
    };
    match latest {
        Ok(loaded) => Ok(loaded),
        Err(reason) => match feed_cache::load(&absolute).await {
            Some((bytes, saved_at)) => {
                // The saved copy has no content type; the bytes decide, as they did online.
                let hints = FormatHints { url: Some(url), content_type: None };
                let mut loaded = read(&bytes, hints, &absolute, &key).await.map_err(|_| reason.clone())?;
                loaded.set_stale(Stale { saved_at, reason });
                Ok(loaded)
            }
            None => Err(reason),
        },
    }
}

/// Reads a feed's bytes: a spreadsheet, a feed, or the index of a sharded feed (which of JSON
/// and CSV: `detect_format`, the one rule, with `hints` only for blank bytes). `absolute` is the
/// feed's address, `key` where its shortlist is saved.
///
/// The usual feed, well-formed JSON, is read by the main module alone; anything else by a part
/// loaded for it (src/lazy.rs): spreadsheets by [`CsvImport`], the rest by [`Careful`].
async fn read(bytes: &[u8], hints: FormatHints<'_>, absolute: &str, key: &str) -> Result<Fetched, Msg> {
    if detect_format(bytes, hints) == Format::Csv {
        let read_csv = CsvImport::load().await.map_err(|NotLoaded| Msg::new("load.part_missing.csv"))?;
        return LoadedFeed::from_loaded(read_csv(bytes), key.to_string()).map(Fetched::Feed);
    }
    if let Some(loaded) = feed::load_json_fast(bytes) {
        return LoadedFeed::from_loaded(loaded, key.to_string()).map(Fetched::Feed);
    }
    let open = Careful::load().await.map_err(|NotLoaded| Msg::new("load.part_missing.feed"))?;
    match open(bytes) {
        Opening::Feed(loaded) => LoadedFeed::from_loaded(loaded, key.to_string()).map(Fetched::Feed),
        Opening::Index(sharded) => {
            Ok(Fetched::Index(Box::new(ShardSession::new(sharded, absolute.to_string(), key.to_string()))))
        }
        Opening::Unreadable(report) => Err(unreadable(&report)),
    }
}

lazy_part! {
    /// Reading spreadsheets: the csv crate's reader, guessing a mapping, converting. Only a CSV
    /// feed needs it, and most feeds are JSON.
    pub(crate) struct CsvImport: fn(&[u8]) -> Loaded = csv_import => read_csv;
}

fn read_csv(bytes: &[u8]) -> Loaded {
    load_csv(bytes, None).loaded
}

/// What the careful part made of a JSON document the fast path could not read.
#[allow(clippy::large_enum_variant)] // one per feed read, taken apart at once
pub(crate) enum Opening {
    /// A feed: with its problems reported at their line:column, bad records skipped.
    Feed(Loaded),
    /// The index of a sharded feed, and the bookkeeping for its state files.
    Index(Box<dyn Sharded>),
    /// Nothing usable: the report says why.
    Unreadable(Report),
}

lazy_part! {
    /// Everything the usual well-formed feed does not need: the careful JSON path (each record
    /// read on its own, a bad one reported at its line:column and skipped, broken JSON
    /// explained), and sharded feeds (reading the index, then each state's file, combining them).
    pub(crate) struct Careful: fn(&[u8]) -> Opening = careful => open_carefully;
}

fn open_carefully(bytes: &[u8]) -> Opening {
    match shards::open(bytes) {
        Opened::Feed(loaded) => Opening::Feed(loaded),
        Opened::Index { index: Some(index), report } => Opening::Index(Box::new(ShardedFeed::new(index, report))),
        Opened::Index { index: None, report } => Opening::Unreadable(report),
    }
}
