"""Write and read a corpus's processed tables (`data/processed/<corpus>/`), and every other file
framing writes, safely.

Each module does one part, in the order a build goes through them:

- `layout`: the names of what framing writes (tables, marker, list of files, lock, temporary names);
- `atomic`: a file written under a temporary name, then renamed into place (`write_atomic`);
- `spreadsheets`: CSV copies whose formula-like cells a spreadsheet will not run (`save_csv`);
- `ownership`: which folders framing may write into (`claim_folder`, `owns`, the `.framing` marker);
- `manifest`: which files in an output folder framing wrote (`.framing-files.json`) and which are
  the user's, never replaced or removed;
- `into_place`: staged files and folders moved into an output folder (`publish`);
- `tables`: the tables written as Parquet (in parts when large) with CSV copies and `build.json`,
  and checked against it (`save_tables`, `save_parts`, `check_tables`);
- `locks`: one framing command at a time on a folder (`lock_folder`, `working_folder`);
- `cleanup`: what `framing clean` removes (`remove_outputs`);
- `freshness`: whether the raw folder changed since the build (`changed_since_build`, by its listing
  `raw_listing_sha256`), warned once;
- `load`: reading the tables back (`load_articles`, `load_sentences`, `load_removed`, `read_rows`).

Writing is atomic: every file is first written under a temporary name and only then moved into
place, so a run killed midway leaves the previous tables intact. A build also leaves
`.texts-seen.parquet` beside its tables (what its near-duplicate check learnt of each text, see
`framing.build.reuse.save_texts_seen`), which the next build may read back.

framing writes and deletes only inside folders it owns, and only files it wrote there. A folder it
makes carries a marker file, `.framing`; an existing folder is written into, cleaned or replaced
only when it carries the marker (or is empty, or holds nothing but what an earlier version of
framing wrote). Every output folder lists the files framing wrote there with their SHA-256
(`.framing-files.json`, see `written_files`): only those, unchanged, are ever replaced or removed.
Files are created readable as the user's umask allows, like any other tool's. Every CSV cell a
spreadsheet would run as a formula is written with a leading `'` (the Parquet tables keep the raw
value).

Every name below is importable from `framing.store`. The size limits of the tables,
`PARTITION_ROWS` and `CSV_MAX_ROWS`, live in `framing.store.tables` (set them there).
"""
from __future__ import annotations

from .atomic import make_temp_dir, make_temp_file, save_text, write_atomic
from .cleanup import remove_outputs
from .freshness import changed_since_build, raw_listing_sha256, warn_stale_once
from .into_place import Published, publish, swap_folder
from .layout import BOOKKEEPING, HUMAN_INPUT, LOCK, MANIFEST, MARKER, SCRATCH, TABLES, table_files
from .load import (HELD_TABLE_BYTES, RowReader, corpus_dir, keep_kinds, load_articles, load_removed,
                   load_sentences, load_table, missing_corpus, no_corpora, read_rows)
from .locks import FolderBusy, lock_folder, remove_leftovers, working_folder
from .manifest import (OutputExists, check_replaceable, is_framings, keep_files, keep_user_files, kept_line,
                       record_files, report_files, set_aside, user_files, write_manifest, written_files,
                       yours_name)
from .ownership import (check_claimable, claim_folder, describe_write_error, mark_folder, new_folder, owns,
                        refusal)
from .spreadsheets import FORMULA_START, neutralise_formulas, save_csv
from .tables import NOT_RECORDED, check_tables, fingerprint, save_parts, save_tables
from .words import counted

__all__ = [
    "BOOKKEEPING", "FORMULA_START", "HELD_TABLE_BYTES", "HUMAN_INPUT", "LOCK", "MANIFEST", "MARKER", "NOT_RECORDED",
    "SCRATCH", "TABLES", "FolderBusy", "OutputExists", "Published", "RowReader", "changed_since_build",
    "check_claimable", "check_replaceable", "check_tables", "claim_folder", "corpus_dir", "counted",
    "describe_write_error", "fingerprint", "is_framings", "keep_files", "keep_kinds", "keep_user_files",
    "kept_line", "load_articles", "load_removed", "load_sentences", "load_table", "lock_folder",
    "make_temp_dir", "make_temp_file", "mark_folder", "missing_corpus", "neutralise_formulas", "no_corpora",
    "new_folder", "owns", "publish", "raw_listing_sha256", "read_rows", "record_files", "refusal", "remove_leftovers",
    "remove_outputs", "report_files", "save_csv", "save_parts", "save_tables", "save_text", "set_aside",
    "swap_folder", "table_files", "user_files", "warn_stale_once", "working_folder", "write_atomic",
    "write_manifest", "written_files", "yours_name",
]
