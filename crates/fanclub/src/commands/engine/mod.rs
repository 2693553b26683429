//! The engine's commands: each loads what its engine function needs, once, calls it, and
//! prints the answer (a readable view, or the engine's own JSON with `--json`).

mod check;
mod due;
mod generate;
mod momentum;
mod path;
mod readiness;
mod room;
mod trust;
mod visibility;
mod week;

pub use check::check_message;
pub use due::due;
pub use generate::generate;
pub use momentum::momentum;
pub use path::path;
pub use readiness::readiness;
pub use room::room;
pub use trust::trust;
pub use visibility::visibility;
pub use week::{review_agenda, week};

/// A 0–1 share as a whole percentage.
pub fn percent(share: f64) -> String {
    format!("{:.0}%", share * 100.0)
}

#[cfg(test)]
mod tests {
    #[test]
    fn percentages_round() {
        assert_eq!(super::percent(0.333), "33%");
        assert_eq!(super::percent(1.0), "100%");
    }
}
