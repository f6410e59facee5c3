"""TextBlob's English module (`textblob.en`: the pattern analyzer behind TextBlob's polarity and
subjectivity) and the `textblob._text` module it is built on, loaded without TextBlob's package
initialisation."""
from __future__ import annotations

import importlib
import importlib.machinery
import importlib.util
import sys
from functools import lru_cache
from types import ModuleType


@lru_cache(maxsize=1)
def load_textblob_en() -> tuple[ModuleType, ModuleType]:
    """`textblob.en` and `textblob._text`, as TextBlob's package would give them. `import textblob`
    imports its `blob` module, which imports NLTK and, through NLTK's chunkers and classifiers,
    SciPy and scikit-learn: seconds that scoring sentiment never uses. So while the two modules are
    imported, `textblob` stands as an empty package over its own folder; afterwards the entries
    made meanwhile leave `sys.modules` again, so a later `import textblob` runs as usual (as
    `framing.sources.clause_tags` does for the tagger). The code run is TextBlob's own, so the
    scores are the same. When TextBlob is already imported, its own modules are used."""
    names = ("textblob.en", "textblob._text")
    if "textblob" in sys.modules:
        return tuple(importlib.import_module(name) for name in names)
    spec = importlib.util.find_spec("textblob")
    before = set(sys.modules)
    stand_in = importlib.machinery.ModuleSpec("textblob", None, is_package=True)
    stand_in.submodule_search_locations = list(spec.submodule_search_locations)
    sys.modules["textblob"] = importlib.util.module_from_spec(stand_in)
    try:
        return tuple(importlib.import_module(name) for name in names)
    finally:
        for loaded in set(sys.modules) - before:
            if loaded == "textblob" or loaded.startswith("textblob."):
                del sys.modules[loaded]
