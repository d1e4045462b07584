#![no_main]
libfuzzer_sys::fuzz_target!(|data: &[u8]| scorecard_core::fuzzing::sharded_feed(data));
