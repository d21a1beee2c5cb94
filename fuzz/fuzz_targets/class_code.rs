#![no_main]
// Any bytes as class code input: forest_and_trees::untrusted::class_code must return.
libfuzzer_sys::fuzz_target!(|data: &[u8]| forest_and_trees::untrusted::class_code(data));
