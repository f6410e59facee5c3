"""What English writes in lower case, read from the part-of-speech lexicon TextBlob ships (Brill
1992): common words (`english_common_words`), words also written in lower case
(`also_written_in_lower_case`), the verbs of headlines (`headline_verbs`) and the nouns that name a
topic or a group rather than end a person's name (`_is_topic_noun`)."""
from __future__ import annotations

from functools import lru_cache
from importlib.util import find_spec
from pathlib import Path

@lru_cache(maxsize=4096)
def _is_topic_noun(word: str, endings: tuple) -> bool:
    """True for a capitalised common noun that names a field, a topic or a group of people rather than
    ending a person's name: a plural the part-of-speech lexicon tags NNS in lower case and not NNP
    capitalised ("Voters", "Studies", "Diseases"; not "Powers", "Banks", "Gates", which it knows as
    names), or a singular tagged NN in lower case with an ending of abstract nouns in `endings`
    ("Analysis", "Policy", "Science", "Parenthood"; an ending, not the whole word: not "Hood"; Brill
    1992's lexicon as TextBlob ships it)."""
    tags = _lexicon_tags()
    lower = tags.get(word.lower())
    if lower == "NNS":
        return tags.get(word) != "NNP"
    word = word.lower()
    return lower == "NN" and any(word.endswith(e) and len(word) > len(e) for e in endings) if endings else False


@lru_cache(maxsize=1)
def _lexicon_tags() -> dict[str, str]:
    """{word: its part-of-speech tag} of the lexicon TextBlob ships (Brill 1992)."""
    tags: dict[str, str] = {}
    package = find_spec("textblob")  # located, not imported (importing it loads NLTK)
    text = (Path(package.submodule_search_locations[0]) / "en" / "en-lexicon.txt").read_text(encoding="utf-8")
    for line in text.splitlines():
        parts = line.split()
        if len(parts) == 2 and not line.startswith(";"):
            tags.setdefault(parts[0], parts[1])
    return tags


@lru_cache(maxsize=1)
def headline_verbs() -> frozenset:
    """Capitalised verbs in the third person singular present, the tense of headlines ("Urges",
    "Calls", "Slams", "Says"): lower-case entries the lexicon tags VBZ (Brill 1992) that are also
    `english_common_words` (so "Jobs", "Gates", "Waters", which the lexicon knows as names, are not)."""
    common = english_common_words()
    return frozenset(w.capitalize() for w, tag in _lexicon_tags().items()
                     if tag == "VBZ" and w.isalpha() and w.islower() and w.capitalize() in common)


@lru_cache(maxsize=1)
def english_common_words() -> frozenset:
    """Capitalised forms of the words that English writes in lower case: a lower-case entry of the
    part-of-speech lexicon TextBlob ships (Brill 1992, from the Brown corpus and the Penn Treebank)
    whose capitalised form is no proper noun there ("Good", "Ads", "Plague"; not "Brown", "Star",
    which the lexicon also knows as names)."""
    tags = _lexicon_tags()
    return frozenset(word.capitalize() for word, tag in tags.items()
                     if word.isalpha() and word.islower() and not tag.startswith("NNP")
                     and not tags.get(word.capitalize(), "").startswith("NNP"))


def also_written_in_lower_case(word: str) -> bool:
    """True when English also writes the word in lower case: the part-of-speech lexicon has a lower-case
    entry for it, whatever it tags the capitalised form ("Red", "Cross", "United", "International",
    "Brown"; not "Opelka", "Iacocca"). Wider than `english_common_words`: a surname such as "Brown" is one."""
    return word.lower() in _lexicon_tags()
