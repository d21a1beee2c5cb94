#![no_main]
// Any bytes as settings input: forest_and_trees::untrusted::settings must return.
libfuzzer_sys::fuzz_target!(|data: &[u8]| forest_and_trees::untrusted::settings(data));
