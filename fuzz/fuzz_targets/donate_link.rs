#![no_main]
libfuzzer_sys::fuzz_target!(|data: &[u8]| scorecard_core::fuzzing::donate_link_target(data));
