"""Shared fixtures: paths to the shared real data, and the seed corpus built once per session."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SHARED_DATA = SHARED / "data"

# The tests check the shipped lexicons: a project's own copies (lexicons/, see README) are not read.
os.environ["FRAMING_LEXICONS"] = str(ROOT / "tests" / "no-lexicons-folder")


def _need(path: Path) -> Path:
    """Return `path`, or skip (fail under CI=true) when the shared folder is not beside the project."""
    if path.exists():
        return path
    message = f"needs {path} (the shared data folder beside the project)"
    if os.environ.get("CI") == "true":
        pytest.fail(message)
    pytest.skip(message)


@pytest.fixture(autouse=True)
def _close_figures():
    """Close the charts a test drew, so figures do not pile up over the session."""
    yield
    import sys

    if "matplotlib.pyplot" in sys.modules:
        sys.modules["matplotlib.pyplot"].close("all")


@pytest.fixture(scope="session")
def shared_data() -> Path:
    """`../shared/data/`: the real data sets for tests."""
    return _need(SHARED_DATA)


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    """The seed corpus as shipped in the project: `data/raw/<seed corpus>/`."""
    from framing.config import SEED_CORPUS

    return ROOT / "data" / "raw" / SEED_CORPUS


@pytest.fixture(scope="session")
def seed_build(seeds_dir):
    """The seed corpus built in memory: `.articles`, `.sentences` (all kinds), `.removed`."""
    from framing.build import build_tables

    return build_tables(seeds_dir)


@pytest.fixture(scope="session")
def seed_articles(seed_build):
    """The articles table of the seed corpus."""
    return seed_build.articles.copy()


@pytest.fixture(scope="session")
def seed_sentences(seed_build):
    """The sentences table of the seed corpus, content kinds only (as `fr.load_sentences` gives)."""
    from framing.config import CONTENT_KINDS

    sentences = seed_build.sentences
    return sentences[sentences["kind"].isin(CONTENT_KINDS)].reset_index(drop=True)


@pytest.fixture(scope="session")
def tweet_pages(shared_data, tmp_path_factory):
    """Content sentences of three aeb-dev saved pages that embed tweets, built from their HTML:
    nj.com's (`page` "3f65af7b") and The Hill's ("156770d6") reports of South Dakota's "Meth. We're
    on it." campaign, one `event` "meth-campaign" (links such as "https://t.co/Nc0nKoXGBP" and
    "pic.twitter.com/3BDnrvkoms"), and a New York Times page ("04a6711c", `event` "nytimes":
    @handles and an e-mail address)."""
    import gzip
    import json

    from framing.build import build_tables
    from framing.config import CONTENT_KINDS

    folder = tmp_path_factory.mktemp("tweet_pages")
    pages = {json.loads(line)["page_id"][:8]: json.loads(line)
             for line in (shared_data / "aeb-dev" / "pages.jsonl").open(encoding="utf-8")}
    for prefix in ("3f65af7b", "156770d6", "04a6711c"):
        html = gzip.decompress((shared_data / "aeb-dev" / pages[prefix]["html_path"]).read_bytes())
        (folder / f"{prefix}.html").write_bytes(html)
    build = build_tables(folder)
    names = build.articles["source_file"].map(lambda file: Path(file).name[:8])
    page = dict(zip(build.articles["article_id"], names))
    sentences = build.sentences[build.sentences["kind"].isin(CONTENT_KINDS)].reset_index(drop=True)
    sentences["page"] = sentences["article_id"].map(page)
    sentences["event"] = sentences["page"].map(lambda p: "nytimes" if p == "04a6711c" else "meth-campaign")
    return sentences


@pytest.fixture(scope="session")
def shared_sentence_table(shared_data):
    """Every sentence of the AllSides roundups and of narrative-frames-dev in `../shared/data/`, split
    with framing's splitter: `article_id`, `outlet`, `event` (AllSides' event, else the data set),
    `sentence_id`, `text`, `kind` ("body")."""
    import json

    import pandas as pd

    from framing.segment import split_table

    rows = []
    for name in ("allsides-roundups", "narrative-frames-dev"):
        with (shared_data / name / "articles.jsonl").open(encoding="utf-8") as lines:
            for number, line in enumerate(lines):
                article = json.loads(line)
                rows.append({"article_id": f"{name}-{number}", "outlet": article.get("outlet") or "",
                             "event": article.get("event_id") or name, "text": article["text"]})
    return split_table(pd.DataFrame(rows), by="article_id").assign(kind="body")


def _table_key(table) -> tuple:
    """A sentence table as a hashable value: every column's name, dtype and values, and the index.
    Two tables with the same key are equal cell for cell (a NaN equals no other, so a table holding
    one is quoted afresh)."""
    return (tuple(table.index.tolist()),
            *((name, str(table[name].dtype), tuple(table[name].tolist())) for name in table.columns))


@pytest.fixture(scope="session")
def quotes_once():
    """`framing.extract_quotes` for the hand-labelled quote samples, run once per distinct sentence table in
    a process: the seen-sample, second-annotator and held-out tests score the same 2,904 labelled excerpts
    (`benchmarks/bench_sources.py`), and quoting each took about 0.1 s. A test puts it in place of
    `fr.extract_quotes` (monkeypatch); each call gets its own copy of the table framing returned for an
    equal table (a call with options is passed on as it is)."""
    import framing as fr

    extract = fr.extract_quotes
    done = {}

    def quotes(sentences, **options):
        if options:
            return extract(sentences, **options)
        key = _table_key(sentences)
        if key not in done:
            done[key] = extract(sentences)
        return done[key].copy(deep=True)
    return quotes


@pytest.fixture
def in_fresh_processes(tmp_path):
    """Run a Python script once per way in a new process each, on `texts`: the script gets the
    path of a JSON file of the texts as argv[1] and the way as argv[2], and prints one JSON line
    last. Returns {way: that line, read}. For what a module imports, which one process cannot show
    twice."""
    import json
    import subprocess
    import sys

    def run(script: str, texts: list, ways: tuple, *, timeout: float) -> dict:
        path = tmp_path / "texts.json"
        path.write_text(json.dumps(texts), encoding="utf-8")
        runs = {}
        for way in ways:
            done = subprocess.run([sys.executable, "-c", script, str(path), way],
                                  capture_output=True, text=True, timeout=timeout)
            assert done.returncode == 0, done.stderr[-2000:]
            runs[way] = json.loads(done.stdout.splitlines()[-1])
        return runs
    return run


@pytest.fixture
def export_laid_out():
    """A function exporting a saved chart (`plots.export_figure(record, out=..., width=...)`) that
    returns what the written figure holds: its y tick labels (`texts`) and their boxes in pixels
    (`boxes`), laid out at the export's size, the figure's width in pixels (`width`), and the
    warnings raised on the way (`warnings`)."""
    import warnings

    from framing import plots
    from framing.plots import save as saving  # where export_figure finds save_figure

    def export(record, *, out, width, dpi=100) -> dict:
        seen = {}
        original = saving.save_figure

        def spy(fig, *args, **kwargs):
            write = fig.savefig

            def measure(*a, **k):  # the labels where the figure is written, at the export's width
                fig.draw_without_rendering()
                labels = [t for axes in fig.axes for t in axes.get_yticklabels() if t.get_text()]
                seen.update(texts=[t.get_text() for t in labels], boxes=[t.get_window_extent() for t in labels],
                            width=fig.bbox.width)
                return write(*a, **k)

            fig.savefig = measure
            with warnings.catch_warnings(record=True) as caught:
                warnings.simplefilter("always")
                written = original(fig, *args, **kwargs)
            seen["warnings"] = [str(w.message) for w in caught]
            return written

        saving.save_figure = spy
        try:
            plots.export_figure(record, out=out, width=width, formats=["png"], dpi=dpi)
        finally:
            saving.save_figure = original
        return seen

    return export
