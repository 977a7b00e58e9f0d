//! Hooks of the app: derived data, memoised so it is recomputed only when its inputs change.

use std::rc::Rc;

use rust_decimal::Decimal;
use strata_core::Money;
use strata_core::recommend::Options;
use strata_core::scenario::{Outcome, Range, Scenario};
use strata_ui::shared::Shared;
use yew::prelude::*;

use crate::state::WhatIf;
use crate::view::View;

/// A what-if outcome with the slider, both from core.
#[derive(Debug, PartialEq)]
pub struct WhatIfResult {
    /// The amount in effect (the slider's start when none was chosen).
    pub amount: Decimal,
    /// The slider: start, end, step and the amount at which each tier is reached.
    pub range: Option<Range>,
    /// The outcome; `None` if the scenario does not evaluate.
    pub outcome: Option<Shared<Outcome>>,
}

/// Asks core for the slider of the scenario kind, then for the outcome at the amount, each
/// time the inputs change.
#[hook]
pub fn use_what_if(view: &View, input: WhatIf) -> Rc<WhatIfResult> {
    let range = use_memo((view.clone(), input.mode), |(v, kind)| {
        v.engine().scenario_range(&v.profile, v.as_of, *kind).ok()
    });
    use_memo((view.clone(), input, range), |(v, w, range)| {
        let amount = w
            .amount
            .or_else(|| range.as_ref().as_ref().map(|r| r.start.0))
            .unwrap_or_default();
        let scenario = Scenario::new(w.mode, Money(amount));
        let outcome = v
            .engine()
            .what_if(&v.profile, v.as_of, &scenario, &Options::default())
            .ok()
            .map(Shared::new);
        WhatIfResult {
            amount,
            range: range.as_ref().clone(),
            outcome,
        }
    })
}
