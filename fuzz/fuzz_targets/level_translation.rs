#![no_main]
// Any bytes as First Week's Spanish translation: forest_and_trees::untrusted::level_translation must return.
libfuzzer_sys::fuzz_target!(|data: &[u8]| forest_and_trees::untrusted::level_translation(data));
