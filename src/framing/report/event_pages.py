"""A report's event pages: one HTML page per event (`events/<event>.html`, rendered by
`event_html`) with its sentiment chart (`events/figures/`), from the event summaries of
`framing.events` (`save_event_pages`) or straight from a built corpus (`write_event_pages`), and
the process that draws them while the notebooks run (`EventPagesJob`)."""
from __future__ import annotations

import json
import os
import re
import time
from pathlib import Path

import numpy as np
import pandas as pd

from ..events.select import _short
from ..events.summaries import EventSummary, summarise_events
from ..leans import sort_outlets
from . import runner
from .event_html import render_event_page

EVENT_PAGE_COLUMNS = ["event", "title", "file", "n_outlets", "n_articles", "headline", "headline_outlet"]
EVENT_FILE_BYTES = 150  # of an event page's file name, before `_2` (another event of that name) and `.html`


def event_file(event: str) -> str:
    """The file name of an event's page: the event's name made file-safe, plus `.html`, its name
    cut to `EVENT_FILE_BYTES` bytes (file systems refuse names over 255)."""
    name = re.sub(r"[^\w.-]+", "_", str(event)).strip("._")
    name = name.encode("utf-8")[:EVENT_FILE_BYTES].decode("utf-8", errors="ignore").rstrip("._")
    return f"{name or 'event'}.html"


def save_event_pages(summaries: list[EventSummary], out: str | Path, *, corpus: str = "",
                     index: str = "../index.html", colors: dict | None = None, progress=None) -> pd.DataFrame:
    """Write one page per event to `<out>/events/<event>.html` (with its chart under
    `<out>/events/figures/`, each outlet in its colour of `colors`, e.g. `outlet_colours` of the
    corpus's sentences as the notebooks give it). Returns one row per page: `event`, `file`
    (relative to `out`), `n_outlets`, `n_articles`, `headline` (the first outlet's).
    `progress(done, total)` is called after each page, when given."""
    from ..store import save_text

    folder = Path(out) / "events"
    (folder / "figures").mkdir(parents=True, exist_ok=True)
    rows = []
    taken: set[str] = set()  # two events whose names differ only in what a file name cannot hold
    for done, summary in enumerate(summaries, 1):  # ("Trump's plan", "Trump s plan"; "Vote", "vote") get two files
        name = event_file(summary.event)
        stem, number = name[:-5], 1
        while name.casefold() in taken:
            number += 1
            name = f"{stem}_{number}.html"
        taken.add(name.casefold())
        image = _save_event_chart(summary, folder / "figures" / (name[:-5] + "_sentiment.png"), colors)
        page = render_event_page(summary, corpus=corpus, index=index,
                                 image=None if image is None else f"figures/{image.name}")
        save_text(page, folder / name)
        titled = summary.articles.dropna(subset=["title"])
        rows.append({"event": summary.event, "title": summary.title, "file": f"events/{name}",
                     "n_outlets": summary.articles["outlet"].nunique(),
                     "n_articles": len(summary.articles),
                     "headline": str(titled["title"].iloc[0]) if len(titled) else "",
                     "headline_outlet": str(titled["outlet"].iloc[0]) if len(titled) else ""})
        if progress is not None:
            progress(done, len(summaries))
    return pd.DataFrame(rows, columns=EVENT_PAGE_COLUMNS)


def plot_event_sentiment(sentences: pd.DataFrame, *, colors: dict | None = None, ax=None, **style):
    """Each sentence's sentiment as a dot, one row per article (labelled by outlet and headline),
    with the article's mean as a bar: the per-article values, with no interval. Needs `outlet`,
    `article_id`, `sentiment`; `title` when known. `colors` (`outlet_colours` of the corpus) gives
    each outlet the colour and marker it has in the report's charts."""
    from ..plots import group_markers, house_style, new_axes

    @house_style
    def draw(ax):
        table = sentences.dropna(subset=["sentiment"])
        keys = sort_outlets(table[["outlet", "article_id"]].drop_duplicates(), then=["article_id"])
        ax = new_axes(ax, rows=max(2, len(keys)), width=7.0)
        markers = group_markers(keys["outlet"].unique(), colors) if colors else {}
        labels = []
        for row, (outlet, article_id) in enumerate(keys.itertuples(index=False)):
            values = table.loc[table["article_id"] == article_id, "sentiment"].to_numpy()
            jitter = (np.arange(len(values)) % 5 - 2) * 0.06
            look = {"color": colors[outlet], "marker": markers[outlet]} if colors and outlet in colors else {}
            ax.scatter(values, row + jitter, s=14, alpha=0.8, **{**look, **style})
            ax.plot([values.mean()] * 2, [row - 0.3, row + 0.3], color="#222222", linewidth=2)
            title = table.loc[table["article_id"] == article_id, "title"].dropna()
            labels.append(_short(f"{outlet}: {title.iloc[0]}" if len(title) else str(outlet), 48))
        ax.set_yticks(range(len(labels)), labels)
        ax.invert_yaxis()
        ax.axvline(0, color="#999999", linewidth=0.8)
        ax.set_xlim(-1.05, 1.05)
        ax.set_xlabel("sentence sentiment (each dot a sentence; bar: the article's mean)")
        ax.set_ylabel("article (outlet: headline)")
        return ax

    return draw(ax)


def _save_event_chart(summary: EventSummary, path: Path, colors: dict | None = None) -> Path | None:
    """Draw an event's `plot_event_sentiment` into the PNG at `path`; None (no file) when none of
    its sentences has a sentiment."""
    import matplotlib.pyplot as plt

    from ..store import write_atomic

    table = summary.sentences.merge(summary.articles[["article_id", "title"]], on="article_id", how="left")
    if table["sentiment"].notna().sum() == 0:
        return None
    ax = plot_event_sentiment(table, colors=colors)
    try:
        return write_atomic(path, lambda p: ax.figure.savefig(p, format="png", dpi=110, bbox_inches="tight"))
    finally:
        plt.close(ax.figure)


def write_event_pages(processed: Path, folder: Path, *, corpus: str, event: str | None = None,
                      workers: int | None = None, progress=None) -> tuple[pd.DataFrame, str | None]:
    """One page per event of the built corpus (or only `event`) under `<folder>/events/`. Returns
    the pages (`save_event_pages`) and the error that stopped them, if any.
    `progress(done, total)` is called after each page."""
    from ..plots import outlet_colours
    from ..store import load_articles, load_sentences

    try:
        articles = load_articles(processed)
    except FileNotFoundError:  # nothing was built (the build is reported on its own)
        return pd.DataFrame(columns=EVENT_PAGE_COLUMNS), None
    try:
        sentences = load_sentences(processed)
        summaries = summarise_events(sentences, articles=articles, events=None if event is None else [event],
                                     workers=workers)
        return save_event_pages(summaries, folder, corpus=corpus, colors=outlet_colours(sentences),
                                progress=progress), None  # each outlet in the colour of the notebooks' charts
    except Exception as error:  # the notebooks' report is still written; the failure is named
        return pd.DataFrame(columns=EVENT_PAGE_COLUMNS), f"{type(error).__name__}: {error}"


class EventPagesJob:
    """The event pages written in a process of their own while the notebooks run.

    They need only the built tables, and the notebooks' kernel is one process that mostly keeps one
    core busy, so the pages (an analysis of every event and one chart per event: about a minute for
    100 events) are drawn beside it instead of after the last notebook. The process is a new Python
    (`python -c`, so neither the runner's threads and kernel sockets, as a fork would, nor the
    user's script, as multiprocessing's `spawn` would, are carried into it), draws with matplotlib's
    Agg backend and runs the same `write_event_pages` as before, so the pages are the same bytes.
    It reports each page on its standard output and ends with the pages' table; `wait` gives that
    table, `stop` ends the process (an interrupted report)."""

    def __init__(self, processed: Path, folder: Path, *, corpus: str, event: str | None = None,
                 workers: int | None = None):
        import subprocess
        import sys
        import threading

        self.done = self.total = 0
        self.result: tuple[pd.DataFrame, str | None] | None = None
        self.finished = threading.Event()
        arguments = json.dumps([str(processed), str(folder), corpus, event, workers]).encode("utf-8")
        environment = dict(os.environ)  # this framing first, wherever it was imported from
        here = str(Path(__file__).resolve().parents[2])
        environment["PYTHONPATH"] = os.pathsep.join(filter(None, [here, environment.get("PYTHONPATH")]))
        # its own session: Ctrl-C reaches the report, which stops this process
        self.process = subprocess.Popen(
            [sys.executable, "-c", "from framing.report.event_pages import _event_pages_main; _event_pages_main()"],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, start_new_session=True, env=environment)
        self.process.stdin.write(arguments + b"\n")
        self.process.stdin.close()
        self._reader = threading.Thread(target=self._read, name="event pages", daemon=True)
        self._reader.start()

    def _read(self) -> None:
        try:
            for line in self.process.stdout:
                kind, _, value = line.decode("ascii", errors="replace").strip().partition(" ")
                if kind == "page":
                    self.done, self.total = (int(n) for n in value.split("/"))
                elif kind == "result":
                    answer = json.loads(value)
                    self.result = pd.DataFrame(answer["pages"], columns=EVENT_PAGE_COLUMNS), answer["error"]
        except (OSError, ValueError, KeyError, TypeError):  # stopped, or a line not of ours
            pass
        finally:
            self.finished.set()

    def progress(self) -> str:
        """"120 of 505 written", or "analysing the events" before the first page."""
        return f"{self.done:,} of {self.total:,} written" if self.total else "analysing the events"

    def wait(self, *, timeout: float, echo=None,
             heartbeat: float = runner.HEARTBEAT_SECONDS) -> tuple[pd.DataFrame, str | None]:
        """The pages and the error that stopped them (as `write_event_pages`), once the process has
        written them; a line to `echo` every `heartbeat` seconds while it has not. After `timeout`
        seconds the process is stopped and the error says so."""
        started = last = time.monotonic()
        if echo is not None and not self.finished.is_set():
            echo(f"  event pages: {self.progress()}; waiting for the rest")
        while not self.finished.wait(0.5):
            now = time.monotonic()
            if now - started > timeout:
                self.stop()
                return pd.DataFrame(columns=EVENT_PAGE_COLUMNS), \
                    f"still being written {timeout:.0f} s after the last notebook ({self.progress()}): stopped"
            if echo is not None and now - last >= heartbeat:
                echo(f"  event pages: {self.progress()}")
                last = now
        code = self.process.wait(timeout=30)
        if self.result is None:  # the process ended without its table (killed, out of memory)
            return pd.DataFrame(columns=EVENT_PAGE_COLUMNS), \
                f"the process writing them ended with code {code} before it was done"
        return self.result

    def stop(self) -> None:
        """End the process (nothing is waited for: its pages go with the staging folder)."""
        import subprocess

        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=10)
        self._reader.join(timeout=10)
        self.process.stdout.close()


def _event_pages_main() -> None:
    """`EventPagesJob`'s process: read its arguments from standard input, write the pages, print
    `page N/M` after each and `result <table and error>` at the end. It stops when the report that
    started it is gone."""
    import sys

    import matplotlib

    matplotlib.use("Agg")  # files only: never a window, whatever backend matplotlib would choose
    processed, folder, corpus, event, workers = json.loads(sys.stdin.readline())
    out, parent = sys.stdout.buffer, os.getppid()
    sys.stdout = sys.stderr  # whatever else prints goes to the console, not into the answer

    def progress(done: int, total: int) -> None:
        if os.getppid() != parent:  # the report was killed outright: nobody will read the pages
            os._exit(1)
        out.write(f"page {done}/{total}\n".encode("ascii"))
        out.flush()

    pages, error = write_event_pages(Path(processed), Path(folder), corpus=corpus, event=event,
                                     workers=workers, progress=progress)
    answer = {"pages": pages.to_dict(orient="records"), "error": error}  # JSON: nothing is unpickled
    out.write(b"result " + json.dumps(answer, ensure_ascii=True, default=int).encode("ascii") + b"\n")
    out.flush()
