//! ZIP tables: every ZIP code of the source round-trips through the shards to its districts
//! (on the real zccd.csv too), and no bytes make a shard reader panic.

use std::collections::{BTreeMap, BTreeSet};

use proptest::prelude::*;
use scorecard_core::zip_table::{build, lookup, BuildOptions, Shard, Zip, ZipAnswer};

/// ZIP code → its (state, district) pairs, straight from CSV rows `state,zip,district`.
type Expected = BTreeMap<String, BTreeSet<(String, String)>>;

/// Builds, reads every shard back, and checks each ZIP code's districts equal `expected`.
fn assert_round_trip(csv: &str, expected: &Expected) {
    let built = build(csv.as_bytes(), &BuildOptions { period: Some("us-house-119".into()), attribution: None });
    assert!(!built.report.has_errors(), "{:?}", &built.report.diagnostics[..built.report.diagnostics.len().min(5)]);
    let shards: BTreeMap<String, Shard> = built
        .shards
        .iter()
        .map(|(name, json)| (name.clone(), Shard::parse(json.as_bytes()).expect("a built shard reads back")))
        .collect();
    assert_eq!(built.zips, expected.len());
    for (zip, districts) in expected {
        let zip = Zip::parse(zip).unwrap();
        let ZipAnswer::Districts(found) = lookup(shards.get(&zip.shard_file()), &zip) else {
            panic!("{zip} is in the source but unknown in the table")
        };
        let found: BTreeSet<(String, String)> =
            found.iter().map(|d| (d.state.code().to_string(), d.district.clone())).collect();
        assert_eq!(&found, districts, "{zip}");
    }
    // And nothing else: every entry of every shard is in the source.
    let listed: usize = shards.values().map(|s| s.entries().count()).sum();
    assert_eq!(listed, expected.values().map(BTreeSet::len).sum::<usize>());
}

#[test]
fn every_zip_code_of_zccd_round_trips_to_its_districts() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../feeds/source/zccd.csv");
    let csv = std::fs::read_to_string(path).unwrap();
    let mut expected = Expected::new();
    for line in csv.lines().skip(1) {
        let cells: Vec<&str> = line.split(',').collect();
        expected.entry(cells[2].to_string()).or_default().insert((cells[1].to_string(), cells[3].to_string()));
    }
    assert_eq!(expected.len(), 33_774, "the README's count of ZIP codes");
    assert_round_trip(&csv, &expected);

    // Small enough to fetch one at a time.
    let built = build(csv.as_bytes(), &BuildOptions { period: Some("us-house-119".into()), attribution: None });
    let largest = built.shards.iter().map(|(_, json)| json.len()).max().unwrap();
    assert!(largest < 8_000, "largest shard {largest} bytes");
    // A split ZIP code lists each of its districts.
    let shard = Shard::parse(built.shards.iter().find(|(n, _)| n == "350.json").unwrap().1.as_bytes()).unwrap();
    let ZipAnswer::Districts(found) = lookup(Some(&shard), &Zip::parse("35005").unwrap()) else { panic!() };
    assert_eq!(found.len(), 2);
}

proptest! {
    #[test]
    fn random_tables_round_trip(rows in prop::collection::vec((0usize..6, 0u32..100_000, 0u32..60), 1..300)) {
        const STATES: [&str; 6] = ["VT", "NH", "CA", "PR", "DC", "MN"];
        let mut csv = String::from("state_abbr,zcta,cd\n");
        let mut expected = Expected::new();
        for (state, zip, district) in rows {
            let zip = format!("{zip:05}");
            csv.push_str(&format!("{},{zip},{district}\n", STATES[state]));
            expected.entry(zip).or_default().insert((STATES[state].to_string(), district.to_string()));
        }
        assert_round_trip(&csv, &expected);
    }

    #[test]
    fn no_bytes_make_the_shard_reader_panic(bytes in prop::collection::vec(any::<u8>(), 0..400)) {
        let _ = Shard::parse(&bytes);
    }

    #[test]
    fn no_json_like_text_makes_the_shard_reader_panic(
        version in 0u32..3,
        prefix in "[0-9a]{2,4}",
        state in "[A-Za-z]{0,3}",
        district in ".{0,5}",
        zips in "[0-9x]{0,9}",
    ) {
        let json = serde_json::json!({
            "zip_table": version, "prefix": prefix,
            "districts": [{ "state": state, "district": district, "zips": zips }]
        });
        if let Ok(shard) = Shard::parse(json.to_string().as_bytes()) {
            for (zip, _) in shard.entries() {
                prop_assert!(Zip::parse(&zip).is_ok());
            }
        }
    }

    #[test]
    fn typed_text_is_a_zip_code_or_a_reason(text in ".{0,12}") {
        match Zip::parse(&text) {
            Ok(zip) => prop_assert!(zip.as_str().len() == 5 && zip.as_str().bytes().all(|b| b.is_ascii_digit())),
            Err(problem) => prop_assert!(!problem.to_string().is_empty()),
        }
    }
}
