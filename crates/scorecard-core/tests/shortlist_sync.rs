//! Several tabs, one shortlist (`shortlist::Synced`), under random edits: two tabs edit at
//! random, each saving after every change as the widget does, and each hearing of the other's
//! saves only when its `storage` event comes (here: at random moments), so a save may overwrite
//! what the other just wrote. Then both hear of the last saves. They must agree, and hold the
//! newest change of every official's place on the list, amount and Given mark.

use std::collections::BTreeMap;

use proptest::prelude::*;
use scorecard_core::money::{Cents, DEFAULT_AMOUNT};
use scorecard_core::shortlist::{Shortlist, Synced};

const IDS: [&str; 5] = ["a", "b", "c", "d", "e"];

#[derive(Clone, Debug)]
enum Op {
    Add(usize),
    Remove(usize),
    Amount(usize, u64),
    Given(usize, bool),
    Move(usize, usize),
    /// The tab's `storage` event: it hears of the stored list and merges it in.
    Hear,
    Reload,
}

fn op() -> impl Strategy<Value = Op> {
    let id = 0..IDS.len();
    prop_oneof![
        id.clone().prop_map(Op::Add),
        id.clone().prop_map(Op::Remove),
        (id.clone(), 1u64..50).prop_map(|(i, dollars)| Op::Amount(i, dollars * 100)),
        (id.clone(), any::<bool>()).prop_map(|(i, g)| Op::Given(i, g)),
        (id, 0..5usize).prop_map(|(i, to)| Op::Move(i, to)),
        Just(Op::Hear),
        Just(Op::Reload),
    ]
}

/// Makes an edit in `list`; `false` for the ops that are not edits.
fn edit(list: &mut Shortlist, op: &Op) -> bool {
    match *op {
        Op::Add(i) => drop(list.add(IDS[i], IDS[i])),
        Op::Remove(i) => drop(list.remove(IDS[i])),
        Op::Amount(i, cents) => drop(list.set_amount(IDS[i], Cents(cents))),
        Op::Given(i, g) => list.set_given(IDS[i], g),
        Op::Move(i, to) => list.move_to(IDS[i], to),
        Op::Hear | Op::Reload => return false,
    }
    true
}

/// One tab: what it shows, and the list it last saved or heard of.
#[derive(Default)]
struct Tab {
    list: Shortlist,
    base: Synced,
}

impl Tab {
    /// After a change, and on the storage event: the same step (`Synced::update`), merging with
    /// what this tab knows is stored. A save may merge with a stale view (the other tab's write
    /// not yet seen), and so overwrite it; the other tab's event then brings its change back.
    fn sync(&mut self, stored_view: &Synced, stored: &mut Synced, now: u64) {
        let merged = self.base.update(&self.list, stored_view, now);
        if merged != *stored {
            *stored = merged.clone();
        }
        self.list = merged.list().clone();
        self.base = merged;
    }
}

/// The newest effective change of each official's fields, as (time, value).
#[derive(Default, Debug)]
struct Newest {
    presence: BTreeMap<&'static str, (u64, bool)>,
    amount: BTreeMap<&'static str, (u64, Cents)>,
    given: BTreeMap<&'static str, (u64, bool)>,
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn two_tabs_agree_and_keep_every_newest_change(ops in proptest::collection::vec((any::<bool>(), op()), 1..40)) {
        let mut tabs = [Tab::default(), Tab::default()];
        // What each tab last heard was stored (its view of storage between events).
        let mut heard = [Synced::default(), Synced::default()];
        let mut stored = Synced::default();
        let mut newest = Newest::default();
        for (step, (second, op)) in ops.iter().enumerate() {
            let now = 1_000 + step as u64;
            let t = usize::from(*second);
            let tab = &mut tabs[t];
            let before = tab.list.clone();
            if !edit(&mut tab.list, op) {
                let fresh = stored.clone();
                tab.sync(&fresh, &mut stored, now);
                // A reload, once the tab has heard of the other's saves: it starts from storage.
                if matches!(op, Op::Reload) {
                    *tab = Tab { list: stored.list().clone(), base: stored.clone() };
                }
                heard[t] = stored.clone();
                continue;
            }
            for id in IDS {
                let (was, is) = (before.get(id), tab.list.get(id));
                if was.is_some() != is.is_some() {
                    newest.presence.insert(id, (now, is.is_some()));
                }
                if let (None, Some(entry)) = (was, is) {
                    newest.amount.insert(id, (now, entry.amount));
                    newest.given.insert(id, (now, entry.given));
                }
                if let (Some(was), Some(is)) = (was, is) {
                    if was.amount != is.amount { newest.amount.insert(id, (now, is.amount)); }
                    if was.given != is.given { newest.given.insert(id, (now, is.given)); }
                }
            }
            if tab.list != before {
                tab.sync(&heard[t].clone(), &mut stored, now);
                heard[t] = stored.clone();
            }
        }
        // Both hear of the last saves (the second hearing of the first tab takes the second's
        // write-back, if it made one).
        let end = 10_000;
        for t in [0, 1, 0, 1] {
            let fresh = stored.clone();
            tabs[t].sync(&fresh, &mut stored, end);
        }
        prop_assert_eq!(&tabs[0].list, &tabs[1].list);
        prop_assert_eq!(&tabs[0].list, stored.list());
        let list = &tabs[0].list;
        for id in IDS {
            let present = newest.presence.get(id).is_some_and(|(_, p)| *p);
            prop_assert_eq!(list.contains(id), present, "{} {:?}", id, newest);
            if let Some(entry) = list.get(id) {
                prop_assert_eq!(entry.amount, newest.amount.get(id).map_or(DEFAULT_AMOUNT, |(_, a)| *a));
                prop_assert_eq!(entry.given, newest.given.get(id).is_some_and(|(_, g)| *g));
            }
        }
    }

    #[test]
    fn a_merge_is_commutative_and_idempotent(
        a_ops in proptest::collection::vec(op(), 0..12),
        b_ops in proptest::collection::vec(op(), 0..12),
        same_clock in any::<bool>(),
    ) {
        let build = |ops: &[Op], start: u64| {
            let mut tab = Tab::default();
            let mut stored = Synced::default();
            for (step, op) in ops.iter().enumerate() {
                edit(&mut tab.list, op);
                let heard = stored.clone();
                tab.sync(&heard, &mut stored, start + step as u64);
            }
            stored
        };
        // The same clock gives ties between the two copies.
        let a = build(&a_ops, 1_000);
        let b = build(&b_ops, if same_clock { 1_000 } else { 1_003 });
        prop_assert_eq!(a.merge(&b), b.merge(&a));
        prop_assert_eq!(a.merge(&a), a.clone());
        prop_assert_eq!(a.merge(&b).merge(&b), a.merge(&b));
    }
}
