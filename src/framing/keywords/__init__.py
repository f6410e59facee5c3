"""Words that set outlets apart: tokens, counts, TF-IDF, log-odds, keyness, collocations, KWIC.

Every verb takes a table and returns a new one:

- `unnest_tokens(sentences)` → one row per token (`term` is the normalised form that is counted);
- `count_terms(tokens, by=...)` → n and share of each term per group;
- `tfidf(tokens, by=...)` → tf, idf, tf_idf per group (groups are the "documents");
- `log_odds(tokens, group=...)` → weighted log-odds with an informative Dirichlet prior and
  z-scores (Monroe, Colaresi & Quinn 2008), one group against the rest or pairwise;
- `keyness(tokens, group=...)` → log-likelihood G² (Dunning 1993; Rayson & Garside 2000), chi²,
  and the log ratio effect size (Hardie 2014);
- `collocations(tokens)` → bigrams scored by NLTK's association measures;
- `kwic(sentences, "term")` → each match with its left and right context.

The term statistics accept either a tokens table (one row per token) or a table of counts with a
column `n` (one row per group and term), so counts gathered chunk by chunk can be analysed too.

The modules, each using only those above it:

- `tokens`: sentences to tokens and terms (`tokenize`, `normalise_term`, `unnest_tokens`);
- `counts`: terms counted per group (`count_terms`) and `tfidf`;
- `set_aside`: tokens that say who wrote a text (outlet names, signposts, house style);
- `odds`: weighted log-odds (`log_odds`) and the permutation threshold of its z-scores;
- `likelihood`: keyness (G², chi², log ratio);
- `context`: `collocations` and `kwic`.
"""
from .tokens import LEAD_IN_WORDS, TOKEN_PATTERN, normalise_term, read_stopwords, tokenize, unnest_tokens
from .counts import count_terms, tfidf
from .set_aside import SIGNPOST_ARTICLES, SIGNPOST_EVENTS, count_set_aside, find_signposts, mark_set_aside
from .odds import log_odds, log_odds_threshold
from .likelihood import keyness
from .context import collocations, kwic


__all__ = ["LEAD_IN_WORDS", "SIGNPOST_ARTICLES", "SIGNPOST_EVENTS", "TOKEN_PATTERN", "collocations",
           "count_set_aside", "count_terms", "find_signposts", "keyness", "kwic", "log_odds",
           "log_odds_threshold", "mark_set_aside", "normalise_term", "read_stopwords", "tfidf", "tokenize",
           "unnest_tokens"]
