#![no_main]
// Any bytes as level input: forest_and_trees::untrusted::level must return.
libfuzzer_sys::fuzz_target!(|data: &[u8]| forest_and_trees::untrusted::level(data));
