//! Everything that touches the outside world: the URL, the clock, local storage, the
//! network and messages from the host app. Only the root component calls these.

pub mod bridge;
pub mod clock;
pub mod fetch;
pub mod storage;
pub mod url;
