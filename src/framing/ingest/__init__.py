"""Read a corpus folder into raw articles: detect format and encoding, attach manifest metadata.

Nothing here changes the raw files, and everything read is taken as data: a symlink that leads out
of the corpus folder is not followed, a file name is never interpreted. Each problem with a file
becomes one `Problem` naming the file and what to do; the rest of the corpus is still read.

The modules, each using only those above it:

- `articles`: what reading gives, `RawArticle` and `Problem`;
- `markdown`: Markdown files read as plain text;
- `decode`: bytes to text (binary files told apart, encoding detected);
- `dates`: dates as written, read to a day;
- `exports`: CSV and JSON-lines exports, one article per row;
- `manifest`: `manifest.csv`, the metadata a user gives for each file;
- `duplicates`: repeated articles (exact, same words, near copies);
- `folder`: a corpus folder listed and read, file by file (`read_corpus`, `iter_corpus`).
"""
from .articles import EXPORT_FORMATS, MAX_LISTED, Problem, RawArticle, read_flag
from .markdown import markdown_as_text
from .decode import BLOCK_BYTES, binary_kind, decode_bytes, strip_controls
from .dates import (DATE_FIX, DATE_PROBLEMS, ISO_DAY, DateOrder, date_note, dates_problems, read_date,
                    read_dates)
from .exports import BATCH_ROWS, FIELD_ALIASES, METADATA_FIELDS, OPTION_FIELDS, SEPARATORS, column_words
from .manifest import MANIFEST, read_manifest
from .duplicates import Duplicates, memo_key
from .folder import (CONFIG_FILES, EXPORT_EXTENSIONS, MAX_ARTICLE_BYTES, TEXT_EXTENSIONS, corpus_files,
                     file_format, iter_corpus, iter_file, list_corpus, read_bytes, read_corpus, read_file)

# Inner parts the build, tests and benchmarks use
from .articles import _where  # noqa: F401
from .duplicates import _words_digest  # noqa: F401

__all__ = ["BATCH_ROWS", "BLOCK_BYTES", "CONFIG_FILES", "DATE_FIX", "DATE_PROBLEMS", "DateOrder",
           "Duplicates", "EXPORT_EXTENSIONS", "EXPORT_FORMATS", "FIELD_ALIASES", "ISO_DAY", "MANIFEST",
           "MAX_ARTICLE_BYTES", "MAX_LISTED", "METADATA_FIELDS", "OPTION_FIELDS", "Problem", "RawArticle",
           "SEPARATORS", "TEXT_EXTENSIONS", "binary_kind", "column_words", "corpus_files", "date_note", "dates_problems",
           "decode_bytes", "file_format", "iter_corpus", "iter_file", "list_corpus", "markdown_as_text",
           "memo_key", "read_bytes", "read_corpus", "read_date", "read_dates", "read_file", "read_flag",
           "read_manifest", "strip_controls"]
