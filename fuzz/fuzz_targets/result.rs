#![no_main]
// Any bytes as result input: forest_and_trees::untrusted::result must return.
libfuzzer_sys::fuzz_target!(|data: &[u8]| forest_and_trees::untrusted::result(data));
