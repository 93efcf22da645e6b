//! The tenant model and its JSON file (shared/spec/store-format.md).
