//! How a failure becomes an exit code: 2 for bad usage (every validation error), 1 for an
//! operation that could not be done (not found, ambiguous, conflict, storage).

use std::fmt;

use fanclub_core::CoreError;

/// Bad usage found after clap parsed the arguments (a missing confirmation, a flag that
/// needs another one).
#[derive(Debug)]
pub struct Usage(pub String);

impl fmt::Display for Usage {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Usage {}

/// Shorthand for returning a usage error.
pub fn usage(message: impl Into<String>) -> anyhow::Error {
    anyhow::Error::new(Usage(message.into()))
}

pub fn exit_code(err: &anyhow::Error) -> u8 {
    for cause in err.chain() {
        if cause.is::<Usage>() {
            return 2;
        }
        if let Some(CoreError::Invalid { .. }) = cause.downcast_ref::<CoreError>() {
            return 2;
        }
    }
    1
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn validation_is_usage_and_the_rest_is_failure() {
        let invalid = anyhow::Error::new(CoreError::invalid("influence", "7", "1 to 5"));
        assert_eq!(exit_code(&invalid), 2);
        assert_eq!(exit_code(&usage("add --yes")), 2);
        let missing = anyhow::Error::new(CoreError::not_found("person", "zoe"));
        assert_eq!(exit_code(&missing), 1);
        assert_eq!(exit_code(&anyhow::anyhow!("disk full")), 1);
    }
}
