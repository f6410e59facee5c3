"""framing: media framing analysis of news articles from several outlets.

Notebooks need only `import framing as fr`: every public verb is re-exported here. Modules are
imported on first use, so `import framing` stays fast and a notebook pays only for what it calls.
"""
from importlib import import_module
from importlib.metadata import PackageNotFoundError, version as _version

try:
    __version__ = _version("framing")
except PackageNotFoundError:  # running from a source tree that was not installed
    __version__ = "0.0.0"

# public name → module that defines it
_EXPORTS = {
    "build": ["Build", "build_tables", "save_build"],
    "config": ["CONTENT_KINDS", "KINDS", "META_KINDS", "SEED_CORPUS"],
    "lexicons": ["load_data"],
    "segment": ["sentence_spans", "split_sentences"],
    "store": ["load_articles", "load_removed", "load_sentences"],
}
_WHERE = {name: module for module, names in _EXPORTS.items() for name in names}
__all__ = sorted(_WHERE)


def __getattr__(name: str):
    if name not in _WHERE:
        raise AttributeError(f"module 'framing' has no attribute {name!r}")
    value = getattr(import_module(f".{_WHERE[name]}", __name__), name)
    globals()[name] = value
    return value


def __dir__():
    return sorted(set(globals()) | set(__all__))
