#![no_main]
// Any bytes as decisions input: forest_and_trees::untrusted::decisions must return.
libfuzzer_sys::fuzz_target!(|data: &[u8]| forest_and_trees::untrusted::decisions(data));
