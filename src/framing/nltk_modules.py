"""NLTK's modules one at a time, without NLTK's package: what segment (Punkt), the keyword
collocations and the Porter stemmer of the sentiment toward actors need, without the second that
`import nltk` spends importing SciPy and scikit-learn."""
from __future__ import annotations

import importlib
import importlib.machinery
import importlib.util
import sys
from pathlib import Path


def import_nltk_module(name: str):
    """NLTK's module `name` (e.g. `nltk.tokenize.punkt`), without running NLTK's package
    initialisation.

    `import nltk` imports most of NLTK and, through its chunkers, classifiers and collocation
    measures, SciPy and scikit-learn: over a second that a build, which needs only Punkt and the
    few small modules Punkt imports, never uses (nor does the Porter stemmer of the sentiment
    toward actors, nor the keyword collocations). So while the module is imported, `nltk` and
    the packages on the way to the module stand as empty packages over NLTK's own folders;
    afterwards every `nltk` entry made meanwhile is taken out of `sys.modules` again, so a later
    `import nltk` (TextBlob's package, a user's own) loads the whole package as usual. The code run is NLTK's own, so the results are
    the same. When NLTK is already imported, its module is used as it is."""
    spec = None if "nltk" in sys.modules else importlib.util.find_spec("nltk")
    if spec is None or not spec.submodule_search_locations:
        return importlib.import_module(name)
    before = set(sys.modules)
    root = Path(next(iter(spec.submodule_search_locations)))
    inner = name.split(".")[1:-1]  # the packages between `nltk` and the module
    for depth in range(len(inner) + 1):
        package = ".".join(["nltk", *inner[:depth]])
        stand_in = importlib.machinery.ModuleSpec(package, None, is_package=True)
        stand_in.submodule_search_locations = [str(root.joinpath(*inner[:depth]))]
        sys.modules[package] = importlib.util.module_from_spec(stand_in)
    try:
        return importlib.import_module(name)
    finally:
        for loaded in set(sys.modules) - before:
            if loaded == "nltk" or loaded.startswith("nltk."):
                del sys.modules[loaded]
