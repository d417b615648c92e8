//! Settings from the TOML config file, overridable by command-line flags.
