"""The hand-labelled quote samples: our labels in `tests/fixtures/`, the articles' text from ../shared/data.

    python benchmarks/quote_samples.py batch.jsonl      # print each row's excerpt, to label a drawn batch

The shared data's terms keep its text out of the project (../shared/data/README.md), so a sample row
holds only what we wrote or need to find its quote: `split`, `source` (the data set's folder:
"aeb-dev", "narrative-frames-dev" or "newsmtsc-train"; "allsides-roundups-events" for AllSides' own
roundup of an event, `roundup_summary` of allsides-roundups/events.jsonl; the AllSides articles when absent),
`article_id` (for NewsMTSC the sentence's `primary_gid`, for a roundup its `event_id`), `sentence_id` (the quote's sentence as cut
at draw time), `quote`, `speaker`, `note`, and for a news row `n_sentences` (how many of the
article's sentences were kept: those before the quote and up to three after it; a NewsMTSC sentence
is its own one-sentence excerpt, 1). A row whose article framing's splitter now cuts otherwise than at draw time keeps the
draw-time cut as character offsets into the article's text (`starts`, `end`). `with_text` rebuilds each row's sentences, one a line in `text`, exactly as
`draw_quotes.py` cut them: an AllSides article by `framing.split_sentences`, a news article as
`framing build` cuts an export's text (`article_sentences`). A row whose article is missing, or whose
quote is not where the row says, raises `SampleError` naming the row.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data"
FIXTURES = ROOT / "tests" / "fixtures"
SAMPLE = FIXTURES / "quotes_allsides_sample.jsonl"  # quotes drawn from the AllSides excerpts
NEWS = FIXTURES / "quotes_news_sample.jsonl"  # quotes drawn from other real news (blind6 to blind31)
SECOND = FIXTURES / "quotes_second_annotator.jsonl"  # blind3 and blind4 relabelled
ALLSIDES = "allsides-roundups"
NEWSMTSC = "newsmtsc-train"  # sentences, not articles: a row's "article" is one sentence, by its primary_gid
ROUNDUPS = "allsides-roundups-events"  # AllSides' own roundup of each event (`roundup_summary`), by its event_id
# a row's `source`: (its file under ../shared/data/, the id field, the text field)
SOURCES = {ALLSIDES: ("allsides-roundups/articles.jsonl", "article_id", "text"),
           "aeb-dev": ("aeb-dev/pages.jsonl", "page_id", "gold_article_body"),
           "narrative-frames-dev": ("narrative-frames-dev/articles.jsonl", "article_id", "text"),
           NEWSMTSC: ("newsmtsc-train/train_targets.jsonl", "primary_gid", "sentence"),
           ROUNDUPS: ("allsides-roundups/events.jsonl", "event_id", "roundup_summary")}


class SampleError(LookupError):
    """A sample row whose article or quote cannot be found in ../shared/data."""


def read_labels(path: Path) -> list[dict]:
    """The rows of a sample file as stored (labels and locators, no article text)."""
    with path.open(encoding="utf-8") as lines:
        return [json.loads(line) for line in lines]


def read_samples(path: Path, data: Path = DATA) -> list[dict]:
    """The rows of a sample file, each with its article's sentences in `text` (`with_text`)."""
    return with_text(read_labels(path), data)


def source_of(item: dict) -> str:
    """The data set (folder under ../shared/data) a row was drawn from."""
    return item.get("source", ALLSIDES)


def describe(item: dict) -> str:
    """A row named for an error message (never its quote or speaker: held-out rows are never shown)."""
    return (f"sample row (split {item.get('split')!r}, {source_of(item)} article {item.get('article_id')!r}, "
            f"sentence {item.get('sentence_id')!r})")


def article_texts(source: str, ids: set[str], data: Path = DATA) -> dict[str, str]:
    """{article id: raw text} of the wanted articles of one data set (NewsMTSC: {primary_gid: sentence},
    the sentence's rows, one per annotated mention, all holding it)."""
    name, id_field, text_field = SOURCES[source]
    path = data / name
    if not path.exists():
        raise SampleError(f"needs {path} (the shared data folder beside the project)")
    with path.open(encoding="utf-8") as lines:
        rows = (json.loads(line) for line in lines)
        return {row[id_field]: row[text_field] or "" for row in rows if row[id_field] in ids}


def with_text(items: list[dict], data: Path = DATA) -> list[dict]:
    """Rows in: sample rows. Rows out: the same rows (copies), each with `text` (its article's
    sentences as cut at draw time, one a line), checked to hold the quote where the row says."""
    texts = {}
    for source in {source_of(item) for item in items}:
        if source not in SOURCES:
            raise SampleError(f"unknown source {source!r}")
        texts[source] = article_texts(source, {item["article_id"] for item in items if source_of(item) == source}, data)
    out = []
    for item in items:
        raw = texts[source_of(item)].get(item["article_id"])
        if raw is None:
            raise SampleError(f"article not found in {data / SOURCES[source_of(item)][0]}: {describe(item)}")
        sentences = excerpt(item, raw)
        check_quote(item, sentences)
        out.append(dict(item, text="\n".join(sentences)))
    return out


def excerpt(item: dict, raw: str) -> list[str]:
    """The sentences of a row's article as `draw_quotes.py` kept them: an AllSides article whole, a news
    article's first `n_sentences`, a NewsMTSC sentence as it stands (never cut); where the splitter has changed since the draw, the spans of the
    article's text the row names (`starts`, the character offset each sentence began at, and `end`)."""
    import framing as fr

    if "starts" in item:  # cut otherwise at draw time than framing's splitter cuts it now
        ends = [*item["starts"][1:], item["end"]]
        return [raw[start:end].strip() for start, end in zip(item["starts"], ends)]
    if source_of(item) == ALLSIDES:
        return fr.split_sentences(raw)
    sentences = [one_sentence(raw)] if source_of(item) == NEWSMTSC else article_sentences(raw)
    n = item.get("n_sentences")
    if not isinstance(n, int) or not 0 < n <= len(sentences):
        raise SampleError(f"n_sentences {n!r} does not fit the article's {len(sentences)} sentences: {describe(item)}")
    return sentences[:n]


def one_sentence(text: str) -> str:
    """A NewsMTSC sentence as one line: the line breaks a few of them hold (a photo credit or "Advertisement"
    run into the sentence) read as spaces, so that the excerpt is the one sentence the data set gives."""
    return " ".join(text.splitlines())


def article_sentences(text: str) -> list[str]:
    """An article's text cut into sentences as `framing build` cuts an export's text: lines joined
    into paragraphs (a blank line parts them, a hard-wrapped line goes on), exact repeats dropped,
    body paragraphs split into sentences."""
    from framing import clean
    from framing.build import article as build_article

    return [row["text"] for row in build_article.unnest_sentences(build_article.unnest_blocks(clean.label_clean_text(text)))]


def check_quote(item: dict, sentences: list[str]) -> None:
    """Raise `SampleError` unless the quote lies in sentence `sentence_id` (a news quote may open at
    its sentence's end, after its opening mark, and close in a later sentence)."""
    i = item["sentence_id"]
    if not 0 <= i < len(sentences):
        raise SampleError(f"sentence {i} is beyond the article's {len(sentences)} sentences: {describe(item)}")
    where = sentences[i] if source_of(item) == ALLSIDES else " ".join(sentences[i:])
    if item["quote"] not in where:
        raise SampleError(f"quote not found in its sentence: {describe(item)}")


def main(argv: list[str]) -> int:
    """Print each row of a drawn batch with its excerpt (for labelling it by hand)."""
    for path in argv:
        for item in read_samples(Path(path)):
            print(json.dumps({k: v for k, v in item.items() if k != "text"}, ensure_ascii=False))
            for number, sentence in enumerate(item["text"].split("\n")):
                print(f"  {number:3} {sentence}")
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT / "src"))
    sys.exit(main(sys.argv[1:]))
