//! `scorecard-feed zip-table`: shards written, bad rows reported by row and column, and the
//! bundled table's settings read from the manifest.

use std::path::{Path, PathBuf};

use scorecard_core::zip_table::{lookup, Shard, Zip, ZipAnswer};

mod support;

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn cli(args: &[&str]) -> (i32, String) {
    let out = support::scorecard_feed().args(args).current_dir(repo()).output().unwrap();
    (out.status.code().unwrap_or(-1), String::from_utf8_lossy(&out.stderr).into_owned())
}

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("scorecard-zip-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[test]
fn an_organizers_csv_becomes_shards_and_bad_rows_are_located() {
    let dir = temp_dir("organizer");
    let csv = dir.join("zips.csv");
    std::fs::write(&csv, "zip,state,district,ocd_id\n55401,MN,59B,ocd-division/country:us/state:mn/sldl:59b\n5540,MN,60A,\n55402,MN,60A,\n").unwrap();
    let out = dir.join("zip");
    std::fs::create_dir_all(&out).unwrap();
    std::fs::write(out.join("999.json"), "stale").unwrap();
    let (code, stderr) = cli(&[
        "zip-table",
        csv.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
        "--period",
        "mn-house-2022",
        "--attribution",
        "Data: test",
        "--attribution-url",
        "https://example.org/",
    ]);
    assert_eq!(code, 0, "{stderr}");
    assert!(stderr.contains("error: row 3, column \"zip\": \"5540\" is not a five-digit ZIP code"), "{stderr}");
    assert!(stderr.contains("1 shard files for 2 ZIP codes"), "{stderr}");
    assert!(!out.join("999.json").exists(), "an earlier build's files are removed");
    let shard = Shard::parse(&std::fs::read(out.join("554.json")).unwrap()).unwrap();
    assert_eq!(shard.period.as_deref(), Some("mn-house-2022"));
    assert_eq!(shard.attribution.as_ref().map(|a| a.text.as_str()), Some("Data: test"));
    let ZipAnswer::Districts(found) = lookup(Some(&shard), &Zip::parse("55401").unwrap()) else { panic!() };
    assert_eq!(found[0].division_id.as_deref(), Some("ocd-division/country:us/state:mn/sldl:59b"));

    let (code, stderr) = cli(&["zip-table", csv.to_str().unwrap(), "--out", out.to_str().unwrap(), "--strict"]);
    assert_eq!(code, 1, "--strict fails on skipped rows: {stderr}");
    assert!(stderr.contains("without --period"), "{stderr}");
    let (code, stderr) =
        cli(&["zip-table", csv.to_str().unwrap(), "--out", out.to_str().unwrap(), "--period", "MN 2022"]);
    assert_eq!(code, 1, "{stderr}");
    assert!(stderr.contains("not an id like us-house-119"), "{stderr}");
}

#[test]
fn the_bundled_table_is_built_from_the_manifest() {
    let out = temp_dir("bundled");
    let (code, stderr) = cli(&["zip-table", "feeds/bundled.toml", "--out", out.to_str().unwrap()]);
    assert_eq!(code, 0, "{stderr}");
    assert!(stderr.contains("42,033 loaded, 0 skipped, 0 warnings"), "{stderr}");
    assert!(stderr.contains("shard files for 33,774 ZIP codes"), "{stderr}");
    let shard = Shard::parse(&std::fs::read(out.join("054.json")).unwrap()).unwrap();
    assert_eq!(shard.period.as_deref(), Some("us-house-119"));
    assert!(shard.attribution.unwrap().text.contains("us-zipcodes-congress"));
    let _ = std::fs::remove_dir_all(out);
}
