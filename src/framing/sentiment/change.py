"""Valence shifted by the direction of change: a word of decrease applied to a quantity that is bad
(unemployment, deaths, inflation) reads positive, and applied to one that is good (wages, jobs,
growth) negative; a word of increase, or a decrease negated ("did not fall", "without cuts"), keeps
the quantity's sign (contextual valence shifters,
Polanyi & Zaenen 2006; polarity composition, Moilanen & Pulman 2007). VADER alone reads "Jobless
claims fall to a pandemic low" as negative: *jobless* and *low* are negative words.

The word lists are data (`[change]` of the news lexicon). The rule's effect is a number per text:
what to add to the sum of valences behind VADER's compound (`change_shifts`), which
`Scorer.combine` adds before un-saturating. VADER's and TextBlob's own scores are not changed."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property

import numpy as np
from vaderSentiment.vaderSentiment import NEGATE

# Words and the marks that end a clause; a quantity and a direction pair only inside one clause.
_TOKEN = re.compile(r"[^\W_]+(?:[-'][^\W_]+)*|[,;:()\[\]]|--|[\u2013\u2014]")
_CLAUSE_MARK = re.compile(r"[,;:()\[\]\u2013\u2014]|--")
# VADER's negations (Hutto & Gilbert 2014), and how many words before a direction word one reaches.
NEGATIONS = frozenset(NEGATE)
NEGATION_REACH = 3
# VADER's scalar for a negated word (Hutto & Gilbert 2014): a decrease reverses a quantity's
# valence as a negation does.
REVERSAL = -0.74
_COORDINATORS = frozenset({"and", "or", "&"})
# A noun of change (a direction word after a determiner, at most one word between) followed by "in"
# or "of" applies to what follows it ("a decline in the white population", "the sharp rise in").
_CHANGE_OF = frozenset({"in", "of"})
_DETERMINERS = frozenset({"a", "an", "the", "its", "their", "his", "her", "our", "this", "that", "any", "no"})


@dataclass(frozen=True)
class ChangeRule:
    """The lists of `[change]`: words of decrease and increase, quantities that are bad and good,
    the valence of a listed quantity VADER does not rate with the list's sign, and how many words
    may stand between a quantity and its direction."""

    decrease: frozenset
    increase: frozenset
    bad: frozenset
    good: frozenset
    valence: float
    window: int
    # Words naming a bound on a quantity ("debt limit"): the phrase is the bound, not the quantity.
    bound: frozenset = frozenset()
    # Adjectives of level ("high", "lowest"), and the measure nouns they may describe in place of
    # the quantity ("high rates of infections").
    level: frozenset = frozenset()
    measure: frozenset = frozenset()
    # Function words (the shipped stop words): a level adjective before one is not attributive.
    function_words: frozenset = frozenset()

    @cached_property
    def quantities(self) -> frozenset:
        return self.bad | self.good

    @cached_property
    def directions(self) -> frozenset:
        return self.decrease | self.increase

    @cached_property
    def quantity_pattern(self) -> re.Pattern:
        """A listed quantity not inside a longer run of letters and digits (lower-case text)."""
        words = sorted(self.quantities, key=len, reverse=True)
        return re.compile(r"(?<![^\W_])(?:" + "|".join(map(re.escape, words)) + r")(?![^\W_])")


def load_change_rule(table: dict | None) -> ChangeRule | None:
    """The rule of a news lexicon's `[change]` table, or None when the lexicon has none."""
    if not table:
        return None

    def words(key):
        return frozenset(w.lower() for w in table[key])

    def optional(key):
        return words(key) if key in table else frozenset()

    return ChangeRule(decrease=words("decrease"), increase=words("increase"), bad=words("bad"),
                      good=words("good"), valence=float(table["valence"]), window=int(table["window"]),
                      bound=optional("bound"), level=optional("level"), measure=optional("measure"),
                      function_words=_function_words() if "level" in table else frozenset())


def _function_words() -> frozenset:
    """The shipped stop words (closed word classes: determiners, prepositions, conjunctions …)."""
    from ..lexicons import load_data

    return frozenset(w.lower() for words in load_data("stopwords")["words"].values() for w in words)


def change_shifts(rule: ChangeRule | None, texts: list[str], lexicon: dict) -> np.ndarray:
    """What the rule adds to the sum of valences of each text (0 for most): per listed quantity
    with a direction word within `window` words in its clause, the phrase's valence (the
    quantity's, reversed by a decrease) less what VADER's lexicon gave the two words."""
    out = np.zeros(len(texts))
    if rule is None:
        return out
    for i, text in enumerate(texts):
        if isinstance(text, str):
            out[i] = text_shift(rule, text, lexicon)
    return out


def holding_quantity(rule: ChangeRule, tokens: list[str]) -> np.ndarray:
    """The indices of the `tokens` (white-space tokens, or texts) in which a listed quantity may
    stand: a superset of those where `text_shift` finds one, from one search of the tokens joined."""
    lowered = [token.lower() for token in tokens]  # lower() may change a token's length ("İ")
    joined = "\n".join(lowered)
    starts = np.cumsum([0] + [len(token) + 1 for token in lowered[:-1]])
    found = [m.start() for m in rule.quantity_pattern.finditer(joined)]
    return np.unique(np.searchsorted(starts, found, side="right") - 1)


def text_shift(rule: ChangeRule, text: str, lexicon: dict) -> float:
    """`change_shifts` of one text: each listed quantity with a direction reads as the phrase's
    valence instead of its own, and every direction word in the clause of such a quantity is
    read as part of the change ("fell to its lowest level"), so its own valence is not counted."""
    tokens = _TOKEN.findall(text.lower())
    if rule.quantities.isdisjoint(tokens):  # most texts
        return 0.0
    clause = np.cumsum([bool(_CLAUSE_MARK.fullmatch(t)) for t in tokens])
    shift = 0.0
    changing = set()
    for i, j in _pairs(rule, tokens, clause):
        token = tokens[i]
        own = lexicon.get(token, 0.0)
        sign = -1.0 if token in rule.bad else 1.0
        valence = own if own * sign > 0 else sign * rule.valence
        falling = tokens[j] in rule.decrease and not _negated(tokens, clause, j)
        shift += valence * (REVERSAL if falling else 1.0) - own
        changing.add(clause[i])
    return shift - sum(lexicon.get(t, 0.0) for t, c in zip(tokens, clause) if c in changing and t in rule.directions)


def _pairs(rule: ChangeRule, tokens: list, clause: np.ndarray) -> list[tuple[int, int]]:
    """(quantity, direction) index pairs. A quantity followed by a word of its bound ("debt
    limit") is not the quantity. A direction word takes one quantity, the nearest, and those
    joined to it by "and" / "or" ("hospitalizations and deaths dropped"; in "jobs growth slowed"
    only growth slowed)."""
    found = {}
    for i, token in enumerate(tokens):
        if token in rule.quantities and not (i + 1 < len(tokens) and tokens[i + 1] in rule.bound):
            j = _direction_of(rule, tokens, clause, i)
            if j is not None:
                found.setdefault(j, []).append(i)
    pairs = []
    for j, quantities in found.items():
        nearest = min(quantities, key=lambda i: (abs(i - j), -i))
        pairs += [(i, j) for i in quantities if i == nearest or _coordinated(tokens, i, nearest)]
    return sorted(pairs)


def _coordinated(tokens: list, i: int, k: int) -> bool:
    """Whether "and" or "or" stands between the words at `i` and `k`."""
    return any(t in _COORDINATORS for t in tokens[min(i, k) + 1:max(i, k)])


def _negated(tokens: list, clause: np.ndarray, j: int) -> bool:
    """Whether a negation stands within `NEGATION_REACH` words before the direction word at `j`, in
    its clause: "crime did not fall" reads as no fall, "emissions cuts" after "without" as no cut."""
    return any(clause[k] == clause[j] and (tokens[k] in NEGATIONS or tokens[k].endswith("n't"))
               for k in range(max(0, j - NEGATION_REACH), j))


def _direction_of(rule: ChangeRule, tokens: list, clause: np.ndarray, i: int) -> int | None:
    """The direction word nearest the quantity at `i` (the later one on a tie), within `window`
    words and in the same clause, that can apply to it; None when there is none."""
    for distance in range(1, rule.window + 1):
        for j in (i + distance, i - distance):
            if (0 <= j < len(tokens) and clause[j] == clause[i] and tokens[j] in rule.directions
                    and _applies(rule, tokens, i, j)):
                return j
    return None


def _applies(rule: ChangeRule, tokens: list, i: int, j: int) -> bool:
    """Whether the direction word at `j` can apply to the quantity at `i`, by word order: a noun of
    change (after a determiner) followed by "in" or "of" applies to what follows it ("growth and a
    decline in the white population"; "inflation fell in August" is a verb), and an adjective of
    level directly before a content word describes that word: the quantity or its measure after it
    ("low unemployment", "the highest rates of infections"), nothing else ("jobs put them at high
    risk", "a roaring economy and low unemployment")."""
    after = tokens[j + 1] if j + 1 < len(tokens) else ""
    if after in _CHANGE_OF and _DETERMINERS.intersection(tokens[max(0, j - 2):j]):
        return i > j
    if tokens[j] in rule.level and re.fullmatch(r"[^\W\d_][\w'-]*", after) and after not in rule.function_words:
        return i > j and (after in rule.quantities or after in rule.measure)
    return True
