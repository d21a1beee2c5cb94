#![no_main]
// Any bytes as messages from classmates on the network: forest_and_trees::untrusted::team_messages must return.
libfuzzer_sys::fuzz_target!(|data: &[u8]| forest_and_trees::untrusted::team_messages(data));
