"""Sentence sentiment as a table verb: `add_sentiment` scores each row's text with the array scorer,
every distinct text once, in several processes on very large tables."""
from __future__ import annotations

import os
from pathlib import Path

import numpy as np
import pandas as pd

from .arrays import array_scores
from .scorer import DEFAULT_LEXICON, DEFAULT_PARAMS, SCORE_COLUMNS, load_scorer

# `add_sentiment` scores in several processes only above this many distinct texts.
PARALLEL_MIN_TEXTS = 50_000


def add_sentiment(
    sentences: pd.DataFrame,
    *,
    text_col: str = "text",
    lexicon: str | Path = DEFAULT_LEXICON,
    params: str | Path = DEFAULT_PARAMS,
    workers: int | None = 1,
) -> pd.DataFrame:
    """Score each row's `text_col`. The distinct texts are scored together over arrays of tokens
    (`array_scores`; the same numbers as one package call per text). `workers` > 1 splits them over
    that many processes (None: one per core) when there are more than `PARALLEL_MIN_TEXTS` distinct
    texts (same scores either way). Returns the same rows plus `polarity`, `subjectivity`
    (TextBlob), `vader_compound` (VADER with its own lexicon), `sentiment` (the recommended score)
    and `sentiment_lexicon` (the news lexicon and version used). Empty or missing text gives NaN.

    Needs only `text_col`; works on any text column, e.g. `narration_text` from
    `framing.sources.add_voice`. Repeated texts are scored once.

    Example: `add_sentiment(sentences).groupby("outlet")["sentiment"].mean()`.
    """
    if text_col not in sentences.columns:
        raise KeyError(f"add_sentiment needs a {text_col!r} column; the table has {list(sentences.columns)}")
    scorer = load_scorer(str(lexicon), str(params))
    texts = sentences[text_col]
    unique = pd.unique(texts.to_numpy(dtype=object))
    workers = (os.cpu_count() or 1) if workers is None else workers
    table = pd.DataFrame(_score_all(list(unique), str(lexicon), str(params), workers),
                         columns=list(SCORE_COLUMNS))
    positions = pd.Index(unique).get_indexer(texts.to_numpy(dtype=object))
    out = sentences.copy()
    for column in SCORE_COLUMNS:
        out[column] = table[column].to_numpy()[positions] if len(table) else np.array([], dtype=float)
    out["sentiment_lexicon"] = scorer.lexicon_version
    return out


def _score_chunk(job: tuple[list, str, str]) -> np.ndarray:
    """The scores of one chunk of texts (texts, lexicon, params), as a pool's worker computes them."""
    texts, lexicon, params = job
    return array_scores(texts, lexicon=lexicon, params=params).scores


def _score_all(texts: list, lexicon: str, params: str, workers: int) -> np.ndarray:
    """Scores of the texts, in order; in a pool of processes when there are very many."""
    if workers <= 1 or len(texts) < PARALLEL_MIN_TEXTS:
        return _score_chunk((texts, lexicon, params))
    from concurrent.futures import ProcessPoolExecutor

    size = -(-len(texts) // workers)
    jobs = [(texts[i:i + size], lexicon, params) for i in range(0, len(texts), size)]
    with ProcessPoolExecutor(max_workers=workers) as pool:
        return np.vstack(list(pool.map(_score_chunk, jobs)))
