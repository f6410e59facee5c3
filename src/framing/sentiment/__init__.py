"""Sentence sentiment, its summaries by group and along the article, and sentiment toward actors.

Scorers (both run offline from lexicons inside their packages; neither needs NLTK data):

- TextBlob's pattern analyzer (Loria, TextBlob; De Smedt & Daelemans 2012, "Pattern for Python",
  JMLR 13): `polarity` in [-1, 1] and `subjectivity` in [0, 1], from a lexicon of adjectives with
  intensifiers and negation.
- VADER (Hutto & Gilbert 2014, "VADER: A Parsimonious Rule-based Model for Sentiment Analysis of
  Social Media Text", ICWSM): `vader_compound` in [-1, 1], with its rules for negation, degree
  words, capitals and "but" (words after "but" weigh 1.5 times, words before it half).

`sentiment` is the project's recommended sentence score: a fixed weighted mean of VADER's compound,
computed with VADER's lexicon plus the news entries of `sentiment_news.toml` and un-saturated by
sentence length (`unsaturated`), and TextBlob's polarity read without words that describe rather
than judge ("new", "more", "first", "economic"...), with the weights and words in
`sentiment_score.toml`. How they were chosen, and how well the score
agrees with human ratings of news sentences, is in docs/sentiment.md.

Score sentences, never whole articles: VADER's compound saturates towards ±1 on long texts.

The modules, in the order a sentence's score is made and then read, each using only those above it:

- `text`: what the scorers read (`fold_quotes`: typographic quotation marks as ASCII ones);
- `change`: the direction of change as a valence shifter ("jobless claims fall" reads as good news;
  `change_shifts`, from the news lexicon's `[change]` lists);
- `scorer`: the score's parts, loaded once per lexicon and parameter file (`load_scorer`,
  `Scorer.combine`, `shifted`, `unsaturated`);
- `reference`: one call of each package per text (`score_text`, `reference_scores`), the
  specification the array scorer is tested against;
- `tokens`: many texts split once into arrays of tokens, shared by the two array scorers;
- `vader`, `pattern`: VADER's and TextBlob's pattern rules over those arrays;
- `arrays`: the four scores of many texts at once (`array_scores`), identical to `reference`;
- `sentences`: the table verb `add_sentiment`, every distinct text scored once;
- `articles`: article tone, per article (`article_sentiment`) and per group with intervals over
  articles (`summarise_sentiment`), and along the article with every article in every part
  (`unnest_position_bins`, `article_sentiment_by_position`, `summarise_sentiment_by_position`);
- `targets`: sentiment toward a mention by the lexicon rule (`target_window`, `score_target`,
  `label_target`);
- `features`: what the actor classifier reads of a mention (`target_features`, `mask_names`);
- `classifier`: the learned actor classifier (`classify_targets`);
- `toward_actors`: the table verb `add_actor_sentiment`, one row per mention of an actor.
"""
from .text import QUOTE_FOLD, fold_all, fold_quotes
from .scorer import DEFAULT_LEXICON, DEFAULT_PARAMS, SCORE_COLUMNS, Scorer, load_scorer, n_words, shifted, unsaturated
from .reference import package_scores, reference_scores, score_text
from .arrays import ArrayScores, array_scores
from .sentences import PARALLEL_MIN_TEXTS, add_sentiment
from .articles import (article_sentiment, article_sentiment_by_position, summarise_sentiment,
                       summarise_sentiment_by_position, unnest_position_bins)
from .targets import LABELS, clause_bounds, label_target, score_target, target_window
from .features import (FLAG_NAMES, TARGET_BLOCKS, TARGET_WINDOW, TargetFeatures, feature_words, mask_names,
                       target_features)
from .classifier import (DEFAULT_TARGET_MODEL, classify_targets, label_probabilities, load_target_model,
                         target_probabilities)
from .toward_actors import add_actor_sentiment

__all__ = ["DEFAULT_LEXICON", "DEFAULT_PARAMS", "DEFAULT_TARGET_MODEL", "FLAG_NAMES", "LABELS", "PARALLEL_MIN_TEXTS",
           "QUOTE_FOLD", "SCORE_COLUMNS", "TARGET_BLOCKS", "TARGET_WINDOW", "ArrayScores", "Scorer", "TargetFeatures",
           "add_actor_sentiment", "add_sentiment", "array_scores", "article_sentiment", "article_sentiment_by_position",
           "classify_targets",
           "clause_bounds", "feature_words", "fold_all", "fold_quotes", "label_probabilities", "label_target",
           "load_scorer", "load_target_model", "mask_names", "n_words", "package_scores", "reference_scores", "shifted",
           "score_target", "score_text", "summarise_sentiment", "summarise_sentiment_by_position", "target_features",
           "target_probabilities", "target_window", "unnest_position_bins", "unsaturated"]
