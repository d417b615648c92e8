//! Inline Markdown text: plain-text extraction and styled spans.
