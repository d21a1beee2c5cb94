#![no_main]
// Any bytes as save input: forest_and_trees::untrusted::save must return.
libfuzzer_sys::fuzz_target!(|data: &[u8]| forest_and_trees::untrusted::save(data));
