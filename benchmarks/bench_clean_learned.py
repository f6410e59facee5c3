"""Would a learned line classifier clean pages better than the rules on sites it was not trained on?

    python benchmarks/bench_clean_learned.py

A line classifier on shallow text features, in the spirit of boilerpipe (Kohlschütter, Fankhauser &
Nejdl 2010): per line its word count, function-word share, capitalised-word share, digit share,
sentence end, colon end, capitals only, bullet, bars or slashes, lower-case start, the same few
features of the lines above and below, and its position on the page (see `features`). Trained on
the English pages of ../shared/data/aeb-dev (both dumps) to tell lines of the gold body from the
rest, in two forms:

- `shallow`: the features alone, as boilerpipe uses them (no rule of clean.py);
- `stacked`: the features plus what the rules decided (kept or not, kind, rule, inside the body run
  or how far from it): the classifier may only correct the rules.

Each is scored with 10-fold cross-validation GROUPED BY SITE (URL host): every page is cleaned by a
model that saw no page of its site. A line is kept when the model's probability passes 0.5, or, for
`stacked`, when it overturns the rules' decision only with confidence (a kept line dropped under 0.3,
a dropped line kept over 0.7). Logistic regression (L2, C = 0.1) and shallow boosted trees (depth 3,
150 rounds, seed 0). Printed per model, against the rules on the same pages: shingle F1 of both dumps,
the worst site's F1, the sites up and down (site F1 moved by more than 0.001), the largest loss on a
site, and the gap between the hash halves of bench_clean.py.

A learned step ships only if it beats the rules on held-out sites (mean and worst site); this script
is how anyone can check. Deterministic: the folds are fixed by the site names, the trees seeded.
"""
from __future__ import annotations

import math
import re
import statistics
import sys
from collections import defaultdict
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
import bench_clean  # noqa: E402  (the pages, sites, F1 and halves of the cleaning benchmark)

FOLDS = 10
KEEP, OVERTURN_KEPT, OVERTURN_DROPPED = 0.5, 0.3, 0.7
KINDS = ("body", "subheading", "list_item", "headline", "subtitle", "byline", "date")
RULES = ("body_run", "heading_in_body", "between_prose", "sentence_in_body", "outside_body",
         "short_in_body", "page_repeat", "header_furniture", "caption", "caption_above_credit", "tags", "menu")
_TOKEN = re.compile(r"\w+")


def line_features(text: str) -> list[float]:
    """The shallow features of one line: log words, shares of function words, capitalised words and
    digits, whether it ends like a sentence or with a colon, is in capitals, is bulleted, holds a bar
    or slash (credits, menus), starts in lower case (a line continued)."""
    from framing import clean

    _, stopwords, _, _ = clean._furniture()
    words = clean._WORD.findall(text)
    n = len(words) or 1
    stripped = text.strip()
    return [math.log1p(len(words)), sum(w.lower() in stopwords for w in words) / n,
            sum(w[:1].isupper() for w in words) / n, sum(w[:1].isdigit() for w in words) / n,
            float(clean._ends_sentence(stripped)), float(stripped.endswith(":")),
            float(stripped == stripped.upper() and any(c.isalpha() for c in stripped)),
            float(bool(clean._BULLET.match(text))), float("|" in stripped or "/" in stripped),
            float(stripped[:1].islower())]


def features(lines, *, stacked: bool) -> np.ndarray:
    """One row per labelled line (`clean.Line`): its own features, those of the lines above and below
    (words, function words, sentence end) and its relative position; with `stacked`, also the
    rules' decision (kept, kind, rule, inside the kept span, log distance above or below it)."""
    own = [line_features(line.text) for line in lines]
    kept = [line.kind in bench_clean.BODY_KINDS for line in lines]
    kept_at = [i for i, k in enumerate(kept) if k]
    first, last = (kept_at[0], kept_at[-1]) if kept_at else (0, -1)
    rows = []
    for i, line in enumerate(lines):
        row = list(own[i]) + [i / len(lines)]
        for j in (i - 1, i + 1):
            row += [own[j][0], own[j][1], own[j][4]] if 0 <= j < len(lines) else [0.0, 0.0, 0.0]
        if stacked:
            row += [float(kept[i])] + [float(line.kind == k) for k in KINDS] + [float(line.rule == r) for r in RULES]
            row += [float(line.kind is None and line.rule not in RULES), float(first <= i <= last),
                    math.log1p(max(0, first - i)), math.log1p(max(0, i - last))]
        rows.append(row)
    return np.array(rows, dtype=float)


def in_gold(text: str, gold_text: str, gold_shingles: set) -> int:
    """1 when a line belongs to the gold body: half its token 4-grams are gold 4-grams, or, for a
    line of under six tokens, its tokens occur in that order in the gold body."""
    tokens = [t.lower() for t in _TOKEN.findall(text)]
    if len(tokens) < 6:
        return int(bool(tokens) and f" {' '.join(tokens)} " in gold_text)
    grams = [tuple(tokens[i:i + 4]) for i in range(len(tokens) - 3)]
    return int(sum(g in gold_shingles for g in grams) >= 0.5 * len(grams))


def dataset(pages: list[dict]) -> list[dict]:
    """Per page and dump: the rules' lines, both feature matrices and the gold label of each line."""
    from framing.clean import label_lines

    rows = []
    for page in pages:
        tokens = [t.lower() for t in _TOKEN.findall(page["gold_article_body"])]
        gold_text, gold_shingles = f" {' '.join(tokens)} ", {tuple(tokens[i:i + 4]) for i in range(len(tokens) - 3)}
        for style in bench_clean.STYLES:
            lines = label_lines(page[style])
            rows.append({"page": page["page_id"], "site": bench_clean.site_of(page), "style": style,
                         "gold": page["gold_article_body"], "lines": lines,
                         "shallow": features(lines, stacked=False), "stacked": features(lines, stacked=True),
                         "y": np.array([in_gold(line.text, gold_text, gold_shingles) for line in lines])})
    return rows


def models() -> dict:
    """The two learners: a regularised logistic regression and shallow boosted trees."""
    from sklearn.ensemble import HistGradientBoostingClassifier
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import StandardScaler

    return {"logistic": lambda: make_pipeline(StandardScaler(), LogisticRegression(C=0.1, max_iter=3000)),
            "trees": lambda: HistGradientBoostingClassifier(max_depth=3, max_iter=150, random_state=0)}


def held_out_probabilities(rows: list[dict], form: str, make) -> list[np.ndarray]:
    """Per row, the probability of each line being article, from a model trained on the other
    sites' pages (GroupKFold by site)."""
    from sklearn.model_selection import GroupKFold

    probabilities: list = [None] * len(rows)
    groups = [row["site"] for row in rows]
    for train, test in GroupKFold(n_splits=FOLDS).split(np.zeros(len(rows)), groups=groups):
        model = make().fit(np.vstack([rows[i][form] for i in train]), np.concatenate([rows[i]["y"] for i in train]))
        for i in test:
            probabilities[i] = model.predict_proba(rows[i][form])[:, 1]
    return probabilities


def scored(rows: list[dict], keeps: list[list[bool]], tools) -> dict:
    """F1 of both dumps, per-site F1 (mean of its pages and dumps) and the hash-half gaps."""
    counts = {style: {} for style in bench_clean.STYLES}
    for row, keep in zip(rows, keeps):
        body = "\n".join(line.text.strip() for line, k in zip(row["lines"], keep) if k)
        counts[row["style"]][row["page"]] = tools.page_counts(row["gold"], body)
    sites = {row["page"]: row["site"] for row in rows}
    by_site = defaultdict(list)
    for style_counts in counts.values():
        for page, c in style_counts.items():
            by_site[sites[page]].append(bench_clean.page_f1(c))
    return {"f1": [bench_clean.f1_of(list(counts[s].values()), tools) for s in bench_clean.STYLES],
            "sites": {site: statistics.mean(f1s) for site, f1s in by_site.items()},
            "hash_gap": [bench_clean.hash_split(counts[s], tools)["gap"] for s in bench_clean.STYLES]}


def print_row(name: str, result: dict, rules: dict) -> None:
    moved = {site: f1 - rules["sites"][site] for site, f1 in result["sites"].items()}
    f1 = " / ".join(f"{x:.4f}" for x in result["f1"])
    print(f"{name:<34}{f1:>17}{min(result['sites'].values()):>8.3f}{sum(d > 0.001 for d in moved.values()):>5}"
          f"{sum(d < -0.001 for d in moved.values()):>6}{min(moved.values()):>9.3f}"
          f"   {' / '.join(f'{g:.3f}' for g in result['hash_gap'])}")


def main() -> int:
    tools = bench_clean.shingle_tools()
    pages = bench_clean.english_pages()
    rows = dataset(pages)
    rules = scored(rows, [[line.kind in bench_clean.BODY_KINDS for line in row["lines"]] for row in rows], tools)
    print(f"{len(pages)} pages, {len({r['site'] for r in rows})} sites, {FOLDS} folds grouped by site")
    print(f"{'cleaner (held-out sites)':<34}{'F1 text / inscr.':>17}{'worst':>8}{'up':>5}{'down':>6}"
          f"{'most lost':>9}   hash gap")
    print_row("rules of clean.py", rules, rules)
    for model_name, make in models().items():
        for form in ("shallow", "stacked"):
            probabilities = held_out_probabilities(rows, form, make)
            plain = [list(p > KEEP) for p in probabilities]
            print_row(f"{model_name}, {form}", scored(rows, plain, tools), rules)
            if form == "stacked":
                careful = [[p > OVERTURN_KEPT if line.kind in bench_clean.BODY_KINDS else p > OVERTURN_DROPPED
                            for line, p in zip(row["lines"], probability)]
                           for row, probability in zip(rows, probabilities)]
                print_row(f"{model_name}, stacked, confident", scored(rows, careful, tools), rules)
    return 0


if __name__ == "__main__":
    sys.exit(main())
