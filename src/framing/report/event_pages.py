"""A report's event pages (`events/<event>.html`, one per event, see `framing.events`), written
by `write_event_pages` in a process of their own while the notebooks run (`EventPagesJob`)."""
from __future__ import annotations

import json
import os
import time
from pathlib import Path

import pandas as pd

from . import runner


EVENT_PAGE_COLUMNS = ["event", "title", "file", "n_outlets", "n_articles", "headline", "headline_outlet"]


def write_event_pages(processed: Path, folder: Path, *, corpus: str, event: str | None = None,
                      workers: int | None = None, progress=None) -> tuple[pd.DataFrame, str | None]:
    """One page per event of the built corpus (or only `event`) under `<folder>/events/`. Returns
    the pages (`framing.events.save_event_pages`) and the error that stopped them, if any.
    `progress(done, total)` is called after each page."""
    from ..events import save_event_pages, summarise_events
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
