//! Values shared by identity between components: an engine, a profile, an evaluation.

use std::rc::Rc;

use strata_core::Engine;

/// A shared value compared by identity: props and memo keys holding an engine, a
/// profile or an evaluation then cost a pointer comparison, and the wasm carries no
/// deep `PartialEq` of those large types. Whoever makes a new one means a new value.
#[derive(Debug)]
pub struct Shared<T>(pub Rc<T>);

impl<T> Shared<T> {
    /// Shares `value`.
    pub fn new(value: T) -> Self {
        Shared(Rc::new(value))
    }
}

impl<T> Clone for Shared<T> {
    fn clone(&self) -> Self {
        Shared(Rc::clone(&self.0))
    }
}

impl<T> PartialEq for Shared<T> {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl<T> std::ops::Deref for Shared<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.0
    }
}

/// The engine (ruleset and catalog), shared.
pub type EngineRef = Shared<Engine>;
