"""Actors: the people an article names, one canonical name per person across outlets.

`find_actors(sentences)` reads every run of capitalised words and keeps those that name a person,
with rules a careful reader would write down (all lists are data in `src/framing/data/actors.toml`):

- titles and honorifics are cut off for matching ("Mr. Trump", "President Trump", "Texas Gov. Greg
  Abbott" → "Trump", "Trump", "Greg Abbott"), and so are a final possessive ("Trump's") and the
  function words that open a sentence ("If Hillsborough …", "Now Ryan …" → "Hillsborough", "Ryan");
- news organisations (a shipped list plus the corpus's own outlet names) are never persons, and a
  word inside one ("Fox" of "Fox News") is not a person on its own (an outlet label written as one
  person's name, a columnist's or a host's, is a person where the text gives it person evidence:
  "host Tucker Carlson", `author_labels`); places (US states, countries,
  capitals and large cities) are never persons; words written in capitals are acronyms or
  datelines ("WASHINGTON —", "NATO"), never part of a name, save initials written without spaces before a
  surname ("J.K. Rowling"); a run holding an organisation word
  ("Oversight Committee", "Supreme Court", "Honolulu Star Advertiser") is an organisation, and so is a
  newspaper's name ending with a word such as "Leader" or "World" after "the" or a place ("the Tulsa
  World", "Sioux Falls Argus Leader": `newspaper_words`); so are
  capitalised words opening with "The" inside a sentence ("the comedy The Princess Bride": a work's
  or a body's name) and words next to "&" ("Johnson & Johnson"); a full name opening with a listed
  given name before "of" is the person, what follows their body ("Lawrence Solomon of Energy
  Probe"); a verb of a headline in a name marks a headline run into the text ("Bolsonaro Urges
  Macron to …": `headline_verbs`); capitalised words after "for" / "on" (with or without "the") after a
  capitalised word, or after "and" after a body named over "of" / "for" / "on", go on that body's name
  ("the Institute of Energy Economics and Financial Analysis": `body_joiners`), and two words, no
  title, no listed given name first, ending in a plural or abstract common noun name a field, a topic
  or a group ("Conservation Voters", "Public Policy": `abstract_noun_endings`);
- two or more name words are a person; a single word is a person only when a title or honorific
  stands before it, when its event gives it person evidence, or when it resolves to a full name;
- person or organisation is decided by the evidence around all mentions of an actor in the table
  (`[evidence]` in the data file; Mikheev, Moens & Grover 1999): a title, "X, who", "X said he",
  a listed given name (`given_names.toml`) against a company form, "X shares", "X's CEO", "an
  economist at X", "X, which", "X said it", a plural verb, a name in quotation marks, "data from
  X", a number after X, a brand spelling ("JPMorgan"), "the state of X", "University of … at X", "a
  X reporter"; a role beside the name ("spokesman X", "X, associate director of …": `role_evidence`)
  is person evidence, though it makes no single word a person; an actor whose organisation evidence
  outweighs its person evidence is no actor, and so is one with no person evidence whose last word
  English writes in lower case (`english_common_words`: "the Google Ads team").

`resolve_names(table)` gives each name its canonical form: a surname alone ("Trump") becomes the full
name ("Donald Trump") when exactly one full name with that surname is written in the same event, or
(when the event names none) in the whole corpus; when several are written, the one that makes up at
least `DOMINANT_SHARE` of their mentions, else the one its own article names. A surname written with
its particle ("De Blasio") joins only a full name ending so; a one-word name after a title of
`given_name_titles` keeps it ("Pope Francis": a given name, no surname); two given names before one
surname ("Bill and Melinda Gates") are two people of that surname. Middle initials and middle given names are ignored when
full names are compared ("Donald J. Trump" and "Donald John Trump" are "Donald Trump"); names written alike but for accents are one, and within an
event so are spelling variants of a given name ("Zabiullah"/"Zabihullah Mujahid") and a person
named by a middle name ("Kenneth F. McKenzie"/"Frank McKenzie"). Speakers of quotes
(`framing.sources`) use the same resolution, so "Mr. Trump" in one outlet and "Donald Trump" in
another are one speaker.

This is a rule-based recogniser in the tradition of gazetteer-and-pattern named-entity recognition
(Mikheev, Moens & Grover 1999; Nadeau & Sekine 2007, survey); NLTK's chunker would need model data
downloaded at run time, which the project does not do.

The modules, in the order the step runs: `rules` (the data file read, how a name is written) and
`english` (what English writes in lower case) → `mentions` (one text) → `evidence` (around all
mentions of an actor) → `find` (`find_actors`, `count_actors`: the table), which gives each name its
canonical form with `names` (`resolve_names`, `match_actors`). Every public name is importable
from `framing.actors` itself.
"""
from .english import english_common_words, headline_verbs
from .evidence import WEAK, Evidence, mention_evidence, organisation_actors, read_evidence, role_evidence
from .find import count_actors, find_actors
from .mentions import Mention, author_labels, outlet_names, person_mentions
from .names import match_actors, resolve_names
from .rules import ACTOR_COLUMNS, DEFAULT_LEXICON, DOMINANT_SHARE, LOWER_CASE_SHARE, Rules, read_rules

# Helpers the quote step (`framing.sources`) and the benchmarks reach from here, as before the split.
from .mentions import _blocked, _names_an_office, _organisations, _person_mentions  # noqa: E402,F401
from .names import _folded  # noqa: E402,F401
from .rules import title_as_surname  # noqa: E402,F401

__all__ = ["ACTOR_COLUMNS", "DEFAULT_LEXICON", "DOMINANT_SHARE", "LOWER_CASE_SHARE", "WEAK", "Evidence", "Mention",
           "Rules", "author_labels", "count_actors", "english_common_words", "find_actors", "headline_verbs",
           "match_actors", "mention_evidence", "organisation_actors", "outlet_names", "person_mentions",
           "read_evidence", "read_rules", "resolve_names", "role_evidence"]
