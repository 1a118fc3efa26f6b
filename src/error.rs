//! Typed errors of the library. The binary wraps them with `anyhow` for display.

use std::path::PathBuf;

/// A `Result` whose error is [`Error`].
pub type Result<T> = std::result::Result<T, Error>;

/// Everything that can stop a library call.
///
/// Problems with one article never become an `Error`: they are reported as a
/// rejected row of `documents.csv` and the run goes on. An `Error` is for what
/// stops the whole run: a missing input path, a malformed gazetteer row, an
/// output directory that cannot be written.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// An input or output path could not be read or written.
    #[error("{path}: {error}")]
    Io {
        /// The path involved.
        path: PathBuf,
        /// The underlying error (part of the message, so that an error chain
        /// does not print it twice).
        error: std::io::Error,
    },
    /// A row of a gazetteer or lexicon file is malformed.
    #[error("{path}:{line}: {message}")]
    Gazetteer {
        /// The file.
        path: PathBuf,
        /// The 1-based line number.
        line: u64,
        /// What is wrong.
        message: String,
    },
    /// A CSV file could not be written.
    #[error("{path}: {error}")]
    Csv {
        /// The file.
        path: PathBuf,
        /// The underlying error.
        error: csv::Error,
    },
    /// A command-line value is invalid.
    #[error("{0}")]
    Usage(String),
}

impl Error {
    pub(crate) fn io(path: impl Into<PathBuf>, error: std::io::Error) -> Error {
        Error::Io {
            path: path.into(),
            error,
        }
    }
}
