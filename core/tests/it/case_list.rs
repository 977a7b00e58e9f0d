// Every fixture case by name, for the wasm test (`include_str!` needs literal paths).
// `fixtures::every_case_matches_its_snapshot` checks this list against the directory.

macro_rules! for_each_case {
    ($m:ident) => {
        $m![
            "cn-corporate--branch-strategic-listed",
            "cn-corporate--head-office-strategic",
            "cn-corporate--key-credit-manufacturer",
            "cn-corporate--other-micro-no-credit",
            "cn-corporate--sme-specialist-manufacturer",
            "cn-retail--deferred-downgrade-high-end",
            "cn-retail--downgraded-after-three-reviews",
            "cn-retail--expired-risk-assessment",
            "cn-retail--high-end-falling-balance",
            "cn-retail--high-end-sme-owner-td-maturing",
            "cn-retail--manual-floor-active",
            "cn-retail--manual-floor-expired",
            "cn-retail--mid-lower-exactly-50000",
            "cn-retail--mid-upper-civil-servant-birthday",
            "cn-retail--ordinary-gap-35-college",
            "cn-retail--ordinary-minor-15",
            "cn-retail--potential-one-cent-below",
            "cn-retail--potential-student-20",
            "cn-retail--potentially-qualified-external",
            "cn-retail--private-fortune500-exec",
            "cn-retail-5k--mid-lower-exactly-50000",
            "cn-retail-5k--ordinary-one-cent-below-5000",
            "cn-retail-5k--potential-exactly-5000",
            "cn-retail-5k--potential-one-cent-below-50000",
            "cn-star--deferred-downgrade-four-star",
            "cn-star--downgraded-at-rating-date",
            "cn-star--five-star-near-six",
            "cn-star--mortgage-upgrade",
            "cn-star--new-customer-external",
            "cn-star--seven-star-entrepreneur",
            "us-rewards--diamond-grace",
            "us-rewards--gold-upgrade-from-member",
            "us-rewards--member-potential-external",
            "us-rewards--platinum-grace-expired",
            "us-rewards--platinum-honors-min-tenure",
        ]
    };
}
