//! Every fixture case by name, for the wasm test (`include_str!` needs literal paths).
//! `fixtures::every_case_matches_its_snapshot` checks this list against the directory.

macro_rules! for_each_case {
    ($m:ident) => {
        $m!["cn-retail--example"]
    };
}
