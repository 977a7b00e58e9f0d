//! Hooks of the app: derived data, memoised so it is recomputed only when its inputs change.

use std::rc::Rc;

use rust_decimal::Decimal;
use strata_core::evaluation::Evaluation;
use strata_core::recommend::Options;
use strata_ui::shared::Shared;
use yew::prelude::*;

use crate::state::WhatIf;
use crate::view::View;
use crate::what_if;

/// A what-if evaluation with the slider's range.
#[derive(Debug, PartialEq)]
pub struct WhatIfResult {
    /// The amount in effect (the scenario's start when none was chosen).
    pub amount: Decimal,
    /// Slider maximum.
    pub max: Decimal,
    /// Slider step.
    pub step: Decimal,
    /// Assets here in the scenario.
    pub assets: Decimal,
    /// The evaluation of the modified profile; `None` if it does not evaluate.
    pub eval: Option<Shared<Evaluation>>,
}

/// Re-evaluates a modified copy of the profile whenever the inputs change.
#[hook]
pub fn use_what_if(view: &View, input: WhatIf) -> Rc<WhatIfResult> {
    use_memo((view.clone(), input), |(v, w)| {
        let amount = w
            .amount
            .unwrap_or_else(|| what_if::start(w.mode, &v.profile, &v.eval));
        let (max, step) = what_if::range(w.mode, &v.profile, &v.eval);
        let (profile, as_of) = what_if::apply(v.engine(), &v.profile, v.as_of, w.mode, amount);
        let eval = v
            .engine()
            .evaluate_with(&profile, as_of, &Options::default())
            .ok()
            .map(Shared::new);
        let assets = eval.as_ref().map_or(amount, |e| what_if::aum(&profile, e));
        WhatIfResult {
            amount,
            max,
            step,
            assets,
            eval,
        }
    })
}
