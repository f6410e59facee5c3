"""framing: media framing analysis of news articles from several outlets.

Notebooks need only `import framing as fr`: every public verb is re-exported here.
"""
from importlib.metadata import PackageNotFoundError, version as _version

try:
    __version__ = _version("framing")
except PackageNotFoundError:  # running from a source tree that was not installed
    __version__ = "0.0.0"

from .build import Build, build_tables, save_build
from .config import CONTENT_KINDS, KINDS, META_KINDS, SEED_CORPUS
from .lexicons import load_data
from .segment import sentence_spans, split_sentences
from .store import load_articles, load_removed, load_sentences
