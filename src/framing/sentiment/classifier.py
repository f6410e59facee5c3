"""The learned actor classifier (`actor_sentiment_model.json`, trained by
benchmarks/train_actor_sentiment.py): a multinomial logistic regression (Cox 1958; strongly L2-
regularised word weights) on the features of `target_features`, its probabilities moved to news's
label shares, and labels from them."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import numpy as np
import pandas as pd

from .features import TargetFeatures, target_features
from .scorer import DEFAULT_LEXICON, DEFAULT_PARAMS

DEFAULT_TARGET_MODEL = "actor_sentiment_model"


@lru_cache(maxsize=4)
def load_target_model(name_or_path: str = DEFAULT_TARGET_MODEL) -> dict:
    """The classifier's weights: a shipped name (`src/framing/data/<name>.json`) or a path to a
    JSON file of the same form (`benchmarks/train_actor_sentiment.py` writes it)."""
    import json
    from importlib import resources

    path = Path(name_or_path)
    if path.suffix == ".json" and path.exists():
        text = path.read_text(encoding="utf-8")
    else:
        text = (resources.files("framing") / "data" / f"{name_or_path}.json").read_text(encoding="utf-8")
    model = json.loads(text)
    missing = [key for key in ("version", "source", "classes", "intercept", "dense", "words") if key not in model]
    if missing:
        raise ValueError(f"{name_or_path}: a target model needs {missing}")
    return model


def target_probabilities(features: TargetFeatures, model: dict) -> np.ndarray:
    """Probabilities of negative / neutral / positive (columns in `model["classes"]` order) for a
    population with the model's `label_priors` (three in four neutral): the logistic regression's
    probabilities, which reflect the training data's class shares, moved to those priors
    (Saerens, Latinne & Decaestecker 2002)."""
    dense = model["dense"]
    if tuple(dense["names"]) != features.dense_names:
        raise ValueError("the target model was trained on other features; retrain it")
    z = (features.dense - np.asarray(dense["mean"])) / np.asarray(dense["scale"])
    logits = z @ np.asarray(dense["weights"]) + np.asarray(model["intercept"])
    zero = np.zeros(len(model["classes"]))
    for block, table in model["words"].items():
        for row, words in enumerate(features.words[block]):
            for word in sorted(words):  # a fixed order: the same sums whatever the hash seed
                logits[row] += table.get(word, zero)
    logits += np.log(np.asarray(model["label_priors"]) / np.asarray(model["train_priors"]))
    logits -= logits.max(axis=1, keepdims=True)
    probabilities = np.exp(logits)
    return probabilities / probabilities.sum(axis=1, keepdims=True)


def label_probabilities(probabilities: np.ndarray, model: dict) -> np.ndarray:
    """"negative" or "positive" where that label's probability exceeds the model's
    `polar_threshold` (and the other polar label's), "neutral" elsewhere."""
    classes = list(model["classes"])
    negative, positive = probabilities[:, classes.index("negative")], probabilities[:, classes.index("positive")]
    polar = np.where(negative > positive, "negative", "positive")
    return np.where(np.maximum(negative, positive) > model["polar_threshold"], polar, "neutral")


def classify_targets(texts: list[str], starts: list[int], ends: list[int], *,
                     model: str | Path = DEFAULT_TARGET_MODEL, lexicon: str | Path = DEFAULT_LEXICON,
                     params: str | Path = DEFAULT_PARAMS) -> pd.DataFrame:
    """Sentiment toward each mention `texts[i][starts[i]:ends[i]]` by the learned classifier. One row
    per mention: `p_negative`, `p_neutral`, `p_positive` (for news with three in four mentions
    neutral), `actor_sentiment` = `p_positive` − `p_negative` (in [-1, 1]) and `label`."""
    weights = load_target_model(str(model))
    features = target_features(list(texts), list(starts), list(ends), lexicon=lexicon, params=params)
    probabilities = target_probabilities(features, weights)
    out = pd.DataFrame(probabilities, columns=[f"p_{name}" for name in weights["classes"]])
    out["actor_sentiment"] = out["p_positive"] - out["p_negative"]
    out["label"] = label_probabilities(probabilities, weights)
    return out
