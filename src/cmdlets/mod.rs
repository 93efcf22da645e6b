//! The one table of cmdlet definitions and the cmdlet implementations, one file per family.
