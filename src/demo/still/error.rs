//! Errors for invalid demo inputs.

/// An input to the distillation model that is outside the range the model covers.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum StillError {
    /// A mole or mass fraction outside 0 to 1, or not a number.
    #[error("{name} {value} is not a fraction; expected a number from 0 to 1")]
    NotAFraction { name: &'static str, value: f64 },

    /// A feed that the column model cannot separate.
    #[error(
        "feed mole fraction {value} is out of range; expected more than 0 and less than \
         {limit:.4}, the {limit_name}, because the column model separates mixtures below it"
    )]
    FeedOutOfRange {
        value: f64,
        limit: f64,
        limit_name: &'static str,
    },

    /// A reflux ratio that is zero, negative or not a number.
    #[error("reflux ratio {0} is invalid; expected a positive number or `total`")]
    InvalidReflux(String),

    /// A target composition that is not richer in ethanol than the feed.
    #[error(
        "target mole fraction {target} is not above the feed {feed}; \
         expected a target between the feed and 1"
    )]
    TargetNotAboveFeed { target: f64, feed: f64 },

    /// A plate count above [`MAX_PLATES`](super::MAX_PLATES).
    #[error("{0} plates is too many; expected at most {max}", max = super::MAX_PLATES)]
    TooManyPlates(u32),
}
