"""Running one notebook unattended: papermill, watched.

`execute_notebook` runs a notebook with papermill and adds three things papermill alone does not:

- **progress**: a line every `heartbeat` seconds naming the notebook and the cell that is running
  (`cell [5] of 14 `scored = fr.add_sentiment(…)` running for 30 s`), so a long run never leaves a
  silent console;
- **a cell timeout that fits the work**: `cell_timeout(n_sentences)` grows with the corpus
  (`FRAMING_CELL_TIMEOUT` or `framing report --cell-timeout` set it outright);
- **a watchdog** for a kernel that is idle while the runner still waits for a cell. The notebook
  client can miss the wake-up for the kernel's reply on its socket (jupyter/nbclient#312), and then
  waits out the whole cell timeout although the cell finished long ago. The watchdog keeps a second
  client on the kernel: it follows the kernel's status messages and asks the kernel for its info (a
  kernel answers only once it has finished the cell it is running). When the kernel is free for
  `stall_seconds` while the cell still counts as running, it stops the kernel and the run fails
  with `NotebookStalled`, which says so, instead of hanging.

`KernelSession` keeps one kernel warm for a whole report, so that starting a kernel and importing
pandas, matplotlib and framing (several seconds) is paid once, not once per notebook. Before each
notebook the kernel is put back to the state it had after that start (`clean_state`): no variable,
figure, rcParams, pandas option, warning filter, environment variable or working directory of the
previous notebook survives, so each notebook runs as if alone. A kernel that timed out, stalled
or died is replaced by a new one.
"""
from __future__ import annotations

import os
import shutil
import signal
import tempfile
import threading
import time
from pathlib import Path

CELL_TIMEOUT_ENV = "FRAMING_CELL_TIMEOUT"
BASE_CELL_TIMEOUT = 300  # seconds any cell may take, however small the corpus (charts on a busy machine)
SECONDS_PER_SENTENCE = 0.002  # on top: 2 ms per sentence, about ten times what scoring one takes on one core
STALL_SECONDS = 20.0  # kernel free while a cell still counts as running: stop the run after this long
HEARTBEAT_SECONDS = 15.0  # how often a progress line names the cell that is running
IOPUB_SECONDS = 30  # after a cell's reply, how long its last output may take to arrive (a busy machine is slow)
_PROBE_EVERY = 2.0  # seconds between two kernel-info requests of the watchdog
_SETTLE = 1.0  # seconds after a cell's request was sent before the watchdog probes the kernel


class NotebookStalled(RuntimeError):
    """The kernel finished a cell but the runner never heard so; the run was stopped."""


def cell_timeout(n_sentences: int = 0, *, seconds: float | None = None) -> int:
    """Seconds one cell may run: `seconds` when given, else the `FRAMING_CELL_TIMEOUT` environment
    variable, else 300 s plus 2 ms per sentence of the corpus (300 s for the seeds, 55 min for
    1.5 million sentences)."""
    if seconds is None and os.environ.get(CELL_TIMEOUT_ENV, "").strip():
        text = os.environ[CELL_TIMEOUT_ENV].strip()
        try:
            seconds = float(text)
        except ValueError:
            raise ValueError(f"{CELL_TIMEOUT_ENV}={text!r}: give the seconds a cell may run, e.g. 600") from None
    if seconds is not None:
        if seconds <= 0:
            raise ValueError(f"a cell timeout must be positive, not {seconds}")
        return int(round(seconds))
    return int(BASE_CELL_TIMEOUT + SECONDS_PER_SENTENCE * max(0, int(n_sentences)))


def execute_notebook(notebook: Path, output: Path, *, parameters: dict, kernel: str, cwd: Path,
                     timeout: int, stall_seconds: float = STALL_SECONDS,
                     heartbeat: float = HEARTBEAT_SECONDS, config=None, echo=None,
                     session: "KernelSession | None" = None) -> None:
    """Run `notebook` with papermill into `output`, with its working directory in `cwd`, each cell
    allowed `timeout` seconds. Raises what papermill raises for a failing cell, and
    `NotebookStalled` when the watchdog stopped a stalled run. `echo` (a function taking a line)
    gets the progress lines; None prints nothing. `session`: run on that session's warm kernel
    (cleaned first; see `KernelSession`) instead of starting a kernel for this notebook alone."""
    import papermill

    watchdog = Watchdog(Path(notebook).name, stall_seconds=stall_seconds, heartbeat=heartbeat,
                        timeout=timeout, echo=echo)
    if session is not None:
        watchdog.manager = session.prepare(cwd=cwd)
        kernel_options = {"km": watchdog.manager}
    else:
        kernel_options = {"kernel_manager_class": watchdog.manager_class()}
    watchdog.start()
    clean_exit = False
    try:
        papermill.execute_notebook(
            str(notebook), str(output), parameters=parameters, kernel_name=kernel, language="python",
            cwd=str(cwd), progress_bar=False, log_output=False, execution_timeout=timeout,
            iopub_timeout=IOPUB_SECONDS, config=config, **kernel_options,
            on_notebook_start=watchdog.notebook_started, on_cell_execute=watchdog.cell_started,
            on_cell_complete=watchdog.request_sent, on_cell_executed=watchdog.cell_finished)
        clean_exit = True
    except KeyboardInterrupt:  # Ctrl-C or SIGTERM: the kernel must not outlive the folder it runs in
        watchdog.end_kernel()
        raise
    except Exception as error:
        # a cell that raised leaves an idle kernel, cleaned for the next notebook; one that timed out
        # (still busy), stalled or died is replaced
        clean_exit = type(error).__name__ == "PapermillExecutionError" and not watchdog.stalled
        explained = _explained(error, watchdog, timeout)
        if explained is None:
            raise
        raise explained from error
    finally:
        watchdog.stop()
        unsaved = session.release(healthy=clean_exit) if session is not None else None
        name_paths_within_project(Path(output), Path(notebook))
    if unsaved:  # the notebook ran, but figures it saved in the background could not be written
        raise RuntimeError(unsaved)


def _explained(error: Exception, watchdog: "Watchdog", timeout: int) -> Exception | None:
    """What a failed run raises in place of papermill's `error`, naming the cell and what to do: the
    watchdog's stall (`NotebookStalled`), a cell over the timeout or whose output was lost, a dead
    kernel. None for any other error (a cell that raised), which is raised as it is."""
    kind = type(error).__name__
    if watchdog.stalled:
        return NotebookStalled(watchdog.stalled)
    if kind == "CellTimeoutError" and "IOPub" in str(error):
        return TimeoutError(f"{watchdog.where()}: the cell ended but its output did not arrive within "
                            f"{IOPUB_SECONDS} s")
    if kind == "CellTimeoutError":
        return TimeoutError(f"{watchdog.where()}: still running after {timeout} s, the cell timeout "
                            f"(raise it with `framing report --cell-timeout SECONDS` or "
                            f"{CELL_TIMEOUT_ENV})")
    if kind == "DeadKernelError":
        return RuntimeError(f"{watchdog.where()}: the kernel died while running this cell (out of "
                            "memory, or the process was killed)")
    return None


def name_paths_within_project(output: Path, notebook: Path) -> None:
    """Papermill records in the executed notebook where it read it from and wrote it to, in full
    (`/home/<user>/…/reports/.<corpus>.tmp…/notebooks/…`): name them as they lie in the project
    (`notebooks/02_frames.ipynb`; one from elsewhere, such as the installed package's, by its name)
    and the output by its name, so a report shared with others names no folder of this machine. A
    notebook papermill did not write is left alone."""
    import nbformat

    from ..config import shown_path

    if not output.is_file():
        return
    executed = nbformat.read(output, as_version=4)
    record = executed.metadata.get("papermill")
    if record is None:
        return
    source = shown_path(notebook)
    record["input_path"] = notebook.name if Path(source).is_absolute() else source
    record["output_path"] = output.name
    nbformat.write(executed, output)


def telling_line(source: str) -> str:
    """The line a progress line names a cell by: its first line that does something, not an import
    or a comment (a cell of notebook 05 that imports framing, then finds every quote of 1,479
    articles, was shown as `import framing as fr` running for 30 s); else its first line."""
    lines = [line.strip() for line in source.splitlines() if line.strip()]
    working = (line for line in lines if not line.startswith(("#", "import ", "from ")))
    return next(working, lines[0] if lines else "")


class Watchdog:
    """Follows one notebook run: which cell runs (from the notebook client's hooks), what the
    kernel is doing (from a second client of its own), progress lines, and the stall rule."""

    def __init__(self, name: str, *, stall_seconds: float, heartbeat: float, timeout: int, echo=None):
        self.name, self.stall_seconds, self.heartbeat, self.timeout = name, stall_seconds, heartbeat, timeout
        self.echo = echo or (lambda line: None)
        self.manager = None  # the kernel manager of the run, once the client made it
        self.stalled: str | None = None  # why the run was stopped
        self.n_cells = 0
        self._count = 0  # code cells started so far
        self._cell: dict | None = None  # the running cell: number, first line, started, sent
        self._lock = threading.Lock()
        self._done = threading.Event()
        self._thread = threading.Thread(target=self._watch, name=f"watchdog {name}", daemon=True)
        self._started = time.monotonic()

    # hooks of the notebook client (run in the thread that executes the notebook)

    def manager_class(self):
        """A kernel manager class that hands its instance to this watchdog."""
        from jupyter_client.manager import AsyncKernelManager

        watchdog = self

        class WatchedKernelManager(AsyncKernelManager):
            def __init__(self, **kwargs):
                super().__init__(**kwargs)
                watchdog.manager = self

        return WatchedKernelManager

    def notebook_started(self, notebook, **_):
        self.n_cells = sum(cell.cell_type == "code" and bool(cell.source.strip())
                           and "skip-execution" not in cell.metadata.get("tags", [])
                           for cell in notebook.cells)

    def cell_started(self, cell, **_):
        with self._lock:
            self._count += 1
            self._cell = {"number": self._count, "first": telling_line(cell.source), "started": time.monotonic(),
                          "sent": None, "free_since": None, "reported": 0}

    def request_sent(self, **_):
        with self._lock:
            if self._cell is not None:
                self._cell["sent"] = time.monotonic()

    def cell_finished(self, **_):
        with self._lock:
            self._cell = None

    def where(self, *, of: bool = False) -> str:
        """`cell [N] `first line`` (`cell [N] of M `first line`` with `of`) of the cell running,
        or of the last one run."""
        cell = self._cell or {}
        first = cell.get("first", "")
        first = first if len(first) <= 70 else first[:69] + "…"
        total = f" of {self.n_cells}" if of and self.n_cells else ""
        return f"cell [{cell.get('number', self._count)}]{total}" + (f" `{first}`" if first else "")

    # the watchdog thread

    def start(self):
        self._thread.start()

    def stop(self):
        self._done.set()
        self._thread.join(timeout=10)

    def _watch(self):
        client, kernel = None, _KernelState()
        try:
            while not self._done.wait(0.25):
                if client is None:
                    client = self._connect()
                    continue
                kernel.read(client)
                with self._lock:
                    cell = self._cell
                    if cell is None:
                        continue
                    now = time.monotonic()
                    self._progress(cell, now)
                    if self._is_stalled(cell, kernel, client, now):
                        self.stalled = (f"{self.where()}: the kernel finished this cell "
                                        f"{now - cell['free_since']:.0f} s ago but its reply never reached "
                                        f"the notebook runner; the run was stopped rather than wait out the "
                                        f"{self.timeout} s cell timeout")
                if self.stalled:
                    self.echo(f"      {self.name}: {self.stalled}")
                    self._stop_kernel(client)
                    return
        finally:
            if client is not None:
                client.stop_channels()

    def _connect(self):
        manager = self.manager
        if manager is None or not manager.has_kernel:
            return None
        from jupyter_client.blocking import BlockingKernelClient

        client = BlockingKernelClient()
        try:
            client.load_connection_info(manager.get_connection_info())
            client.start_channels(shell=True, iopub=True, stdin=False, hb=False, control=True)
        except Exception:  # not connectable yet (the kernel is still starting): try again shortly
            client.stop_channels()
            return None
        return client

    def _progress(self, cell: dict, now: float):
        running = now - cell["started"]
        if running >= self.heartbeat * (cell["reported"] + 1):
            cell["reported"] = int(running // self.heartbeat)
            self.echo(f"      {self.name}: {self.where(of=True)} running for {running:.0f} s")

    def _is_stalled(self, cell: dict, kernel: "_KernelState", client, now: float) -> bool:
        """The cell's request was sent, and since then the kernel has answered a probe (so it
        finished the cell) and runs no code, for `stall_seconds`."""
        if cell["sent"] is None or now - cell["sent"] < _SETTLE:
            return False
        if kernel.executing:
            cell["free_since"] = None
        elif kernel.answered_after(cell["sent"] + _SETTLE) and cell["free_since"] is None:
            cell["free_since"] = kernel.answered_at
        kernel.probe(client, now)
        return cell["free_since"] is not None and now - cell["free_since"] >= self.stall_seconds

    def _stop_kernel(self, client):
        """Ask the kernel to shut down (the notebook client then sees it die within a second and
        raises); kill its process if it has not gone within 10 s."""
        client.shutdown()
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline and not self._done.is_set():
            time.sleep(0.25)
            if self._cell is None:
                return
        pid = getattr(getattr(self.manager, "provisioner", None), "pid", None)
        if pid and not self._done.is_set():
            try:
                os.kill(pid, getattr(signal, "SIGKILL", signal.SIGTERM))
            except OSError:
                pass

    def end_kernel(self):
        """Kill the kernel's process, if one is running, and wait for it to be gone: an interrupted
        run removes its staging folder next, and a kernel still starting there would fail with a
        traceback on the user's console."""
        process = getattr(getattr(self.manager, "provisioner", None), "process", None)
        if process is None or process.poll() is not None:
            return
        try:
            process.kill()
            process.wait(timeout=10)
        except (OSError, ValueError, TimeoutError):
            pass


# ── one warm kernel for a whole report ──────────────────────────────────────────────────────────

WARM_TIMEOUT = 120  # seconds the warm-up (imports) or the cleaning between two notebooks may take
# what a kernel imports once, when it starts: what framing's notebooks import (modules that build
# corpora, `framing.build` and `framing.report`, are left out: notebooks do not build)
WARM_MODULES = ("pandas", "numpy", "matplotlib.pyplot", "ipywidgets", "pyarrow.parquet", "pyarrow.dataset",
                "scipy.stats", "scipy.sparse", "statsmodels.stats.multitest", "framing", "framing.actors",
                "framing.audit", "framing.compare", "framing.display", "framing.events", "framing.frames",
                "framing.keywords", "framing.plots", "framing.sentiment", "framing.sources", "framing.stats",
                "framing.store")


class KernelSession:
    """One kernel for many notebooks, started once (with its imports done) and cleaned before each
    notebook (`clean_state`), so each runs as if alone in a new kernel. Use as a context manager;
    the kernel is stopped on exit, and killed at once when the exit is an interrupt.

    `prepare(cwd=...)` gives the kernel manager to run the next notebook on (starting a new kernel
    if there is none or the last one was given up); `release(healthy=False)` gives up the kernel a
    notebook left busy, stalled or dead."""

    def __init__(self, kernel: str, *, cwd: Path, config=None, modules=WARM_MODULES,
                 background_figures: bool = True):
        self.kernel, self.cwd, self.config, self.modules = kernel, Path(cwd), config, tuple(modules)
        self.background_figures = background_figures  # framing.plots.save_in_background in the kernel
        self.manager = None
        self.starts = 0  # kernels started so far
        self._clients: list = []  # the notebook clients of the current kernel, closed after each notebook
        self._used = False  # a notebook ran since the kernel was last cleaned
        self._sockets: str | None = None  # the folder of the kernel's local sockets (IPC)
        self._warming: threading.Thread | None = None  # the imports of a kernel started by `start`
        self._warm_error: BaseException | None = None

    def __enter__(self):
        return self

    def __exit__(self, kind, value, traceback):
        self.close(now=kind is not None and issubclass(kind, KeyboardInterrupt))
        return False

    def start(self) -> "KernelSession":
        """Start the kernel now and let it import in the background, e.g. while the tables are
        built; the first `prepare` waits for it."""
        if self.manager is None:
            self._launch()
            self._warming = threading.Thread(target=self._warm_up, name="kernel warm-up", daemon=True)
            self._warming.start()
        return self

    def prepare(self, *, cwd: Path | None = None):
        """The kernel manager of a kernel ready for the next notebook, working directory `cwd`."""
        cwd = Path(cwd or self.cwd)
        if self._warming is not None:  # started by `start`: wait for its imports
            self._warming.join()
            self._warming, failed, self._warm_error = None, self._warm_error, None
            if failed is not None:
                self.discard()
                raise failed
        if self.manager is None or not self._alive():
            self.discard()
            self._start()
        if self._used or Path(cwd) != self.cwd:
            try:
                self._run(f"__import__('framing.report.runner', fromlist=['clean_state']).clean_state({str(cwd)!r})",
                          what="cleaning the kernel for the next notebook")
            except BaseException:
                self.discard()
                raise
        self.cwd, self._used = cwd, True
        return self.manager

    def release(self, *, healthy: bool) -> str | None:
        """After a notebook: close its client; give up the kernel unless `healthy`, else wait for
        the figures it is still writing (`framing.plots.finish_saving`). Returns why figures
        could not be written, if they could not."""
        self._close_clients()
        if not healthy:
            self.discard()
            return None
        if self.manager is None or not self.background_figures:
            return None
        try:
            self._run("__import__('framing.plots', fromlist=['finish_saving']).finish_saving()",
                      what="writing figures")
        except (RuntimeError, TimeoutError) as error:
            return str(error)
        return None

    def discard(self) -> None:
        """Kill the kernel now (it may be busy or hung) and remove its sockets' folder, also when
        Ctrl-C came between making that folder and starting the kernel; the next `prepare` starts
        a new one."""
        self._close_clients()
        manager, self.manager = self.manager, None
        try:
            if manager is not None:
                self._end(manager)
        finally:
            if self._sockets:
                shutil.rmtree(self._sockets, ignore_errors=True)
                self._sockets = None

    @staticmethod
    def _end(manager) -> None:
        """Kill a kernel's process and free what its manager holds."""
        process = getattr(getattr(manager, "provisioner", None), "process", None)
        if process is not None and process.poll() is None:
            try:
                process.kill()
                process.wait(timeout=10)
            except (OSError, ValueError, TimeoutError):
                pass
        _quietly(lambda: _sync(manager.cleanup_resources)(restart=False))

    def close(self, *, now: bool = False) -> None:
        """Stop the kernel: at once (`now`, as after Ctrl-C), else by asking it to shut down."""
        if self.manager is not None and not now and self._warming is None:
            self.release(healthy=True)
            manager = self.manager
            _quietly(lambda: _sync(manager.shutdown_kernel)(now=False))
        self.discard()
        if self._warming is not None:  # its kernel is gone: it stops within a second
            self._warming.join(timeout=10)
            self._warming = None

    def _close_clients(self) -> None:
        for client in self._clients:
            try:
                client.stop_channels()
            except Exception:  # already closed with its kernel
                pass
        self._clients.clear()

    def _alive(self) -> bool:
        process = getattr(getattr(self.manager, "provisioner", None), "process", None)
        return process is not None and process.poll() is None

    def _start(self) -> None:
        self._launch()
        self._warm_up()
        if self._warm_error is not None:
            failed, self._warm_error = self._warm_error, None
            self.discard()
            raise failed

    def _warm_up(self) -> None:
        """Import what notebooks import (`warm_up` in the kernel); an error is kept in
        `_warm_error` for the caller."""
        try:
            self._run(f"__import__('framing.report.runner', fromlist=['warm_up']).warm_up({list(self.modules)!r}, "
                      f"background_figures={self.background_figures!r})", what="starting the kernel")
        except BaseException as error:
            self._warm_error = error

    def _launch(self) -> None:
        from jupyter_client.manager import AsyncKernelManager

        session = self

        class SessionKernelManager(AsyncKernelManager):
            def client(self, **kwargs):  # the notebook client's, closed by `release`
                client = super().client(**kwargs)
                session._clients.append(client)
                return client

        manager = SessionKernelManager(kernel_name=self.kernel, **({"config": self.config} if self.config else {}))
        self.manager = manager  # kept first: `discard` then frees whatever follows, even after Ctrl-C
        if manager.transport == "ipc":  # sockets at a short absolute path, whatever the working directory
            self._sockets = tempfile.mkdtemp(prefix="framing-kernel-")
            manager.ip = os.path.join(self._sockets, "kernel")
        # as nbclient starts a kernel: history kept in memory, not in the user's IPython profile
        _sync(manager.start_kernel)(cwd=str(self.cwd), extra_arguments=["--HistoryManager.hist_file=:memory:"])
        self.starts += 1
        self._used = False

    def _run(self, code: str, *, what: str) -> None:
        """Run `code` on the kernel silently (no output, no execution count) and wait for it."""
        from queue import Empty

        from jupyter_client.blocking import BlockingKernelClient

        client = BlockingKernelClient()
        client.load_connection_info(self.manager.get_connection_info())
        client.start_channels(iopub=False, stdin=False, hb=False)
        deadline = time.monotonic() + WARM_TIMEOUT

        def answer(msg_id: str | None):
            """The kernel's reply to `msg_id` (None: to any request), or None after a second without it."""
            try:
                reply = client.get_shell_msg(timeout=1)
            except Empty:
                if not self._alive():
                    raise RuntimeError(f"{what}: the kernel died") from None
                if time.monotonic() > deadline:
                    raise TimeoutError(f"{what}: no answer from the kernel within {WARM_TIMEOUT} s") from None
                return None
            return reply if msg_id in (None, (reply.get("parent_header") or {}).get("msg_id")) else None

        try:
            client.kernel_info()
            while answer(None) is None:  # a kernel still starting does not hear the first requests
                client.kernel_info()
            msg_id = client.execute(code, silent=True, store_history=False)
            while (reply := answer(msg_id)) is None:
                pass
        finally:
            client.stop_channels()
        content = reply["content"]
        if content.get("status") != "ok":
            raise RuntimeError(f"{what}: {content.get('ename')}: {content.get('evalue')}")


def _sync(method):
    from jupyter_core.utils import run_sync

    return run_sync(method)


def _quietly(action) -> None:
    try:
        action()
    except Exception:  # a kernel that is already gone
        pass


# in the kernel: the state right after start-up, which `clean_state` puts back before each notebook
_STARTED: dict = {}


def warm_up(modules, *, background_figures: bool = False) -> None:
    """Run in a new kernel: import `modules`, let `framing.plots.save_figure` write files in the
    background when asked (`save_in_background`) without naming the folder it writes to
    (`say_where_saved`), and remember the state a notebook starts from."""
    import importlib
    import sys

    for name in modules:
        try:
            importlib.import_module(name)
        except ImportError:  # an optional package that is not installed: the notebook will say so
            pass
    if "matplotlib.pyplot" in sys.modules:  # a first figure loads the backend (inline: shown after each cell)
        pyplot = sys.modules["matplotlib.pyplot"]
        pyplot.close(pyplot.figure())
        _one_draw_per_figure()
    if background_figures:
        importlib.import_module("framing.plots").save_in_background(True)
    # a report's index names its folder, and the staging folder its notebooks save to is not where files end up
    importlib.import_module("framing.plots").say_where_saved(False)
    import copy
    import warnings

    _STARTED.clear()
    _STARTED.update(environ=dict(os.environ), path=list(sys.path), warnings=list(warnings.filters))
    if "matplotlib" in sys.modules:
        import matplotlib

        _STARTED["rc"] = copy.deepcopy(dict(matplotlib.rcParams))
        if "matplotlib.pyplot" in sys.modules:
            _STARTED["backend"] = sys.modules["matplotlib.pyplot"].get_backend()
    if "numpy" in sys.modules:
        import numpy

        _STARTED["numpy"] = (numpy.geterr(), numpy.get_printoptions())
    import gc

    # what the start-up made (modules, lexicons, fonts) stays for the kernel's life: garbage
    # collections, the one `clean_state` runs before each notebook included, need not walk it
    gc.collect()
    gc.freeze()


def _one_draw_per_figure() -> None:
    """With the inline backend, after each cell pyplot first redraws every changed figure (its
    `_draw_all_if_interactive` hook, which refreshes the windows of interactive backends), then
    the inline backend draws each figure again into the PNG shown under the cell. The first
    drawing shows nothing, but its layout (constrained layout run once more) is where the PNG's
    layout starts from; the report's kernel keeps that layout and leaves out the drawing
    (`_lay_out_changed` in the hook's place): the same PNGs, about half the kernel's drawing."""
    import sys

    pyplot = sys.modules.get("matplotlib.pyplot")
    redraw = getattr(pyplot, "_draw_all_if_interactive", None)
    shell = sys.modules["IPython"].get_ipython() if "IPython" in sys.modules else None
    if redraw is None or shell is None or "inline" not in str(pyplot.get_backend()):
        return
    hooks = shell.events.callbacks["post_execute"]
    if redraw in hooks:
        hooks[hooks.index(redraw)] = _lay_out_changed


def _lay_out_changed() -> None:
    """What pyplot's `_draw_all_if_interactive` does after a cell, without rendering: every
    changed figure laid out and its text measured as a drawing would (`draw_without_rendering`)."""
    import matplotlib
    from matplotlib._pylab_helpers import Gcf

    if not matplotlib.is_interactive():
        return
    for manager in Gcf.get_all_fig_managers():
        if manager.canvas.figure.stale:
            manager.canvas.figure.draw_without_rendering()


def clean_state(cwd: str) -> None:
    """Run in a warm kernel between two notebooks: put back the state `warm_up` remembered (the
    user's variables and IPython's history, open figures and widgets, matplotlib's rcParams and
    backend, pandas' options, numpy's error and print options, warning filters, environment
    variables, `sys.path`) and go to `cwd`, so the next notebook sees what a new kernel shows it.
    Modules stay imported (that is the point), so what importing them did stays done: matplotlib's
    backend is loaded and its interactive mode on, as a new kernel has them after its first figure."""
    import gc
    import sys
    import warnings

    if "framing.plots" in sys.modules:  # figures still being written are the last notebook's
        try:
            sys.modules["framing.plots"].finish_saving()
        except RuntimeError:  # reported after that notebook
            pass
    if "ipywidgets" in sys.modules:
        sys.modules["ipywidgets"].Widget.close_all()
    if "matplotlib.pyplot" in sys.modules:
        pyplot = sys.modules["matplotlib.pyplot"]
        pyplot.close("all")
        if _STARTED.get("backend") and pyplot.get_backend() != _STARTED["backend"]:
            pyplot.switch_backend(_STARTED["backend"])
        _one_draw_per_figure()  # a notebook that switched backends had it put back
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        if "rc" in _STARTED:
            import matplotlib

            matplotlib.rcParams.update(_STARTED["rc"])
        if "pandas" in sys.modules:
            sys.modules["pandas"].reset_option("all")
    if "numpy" in _STARTED:
        import numpy

        numpy.seterr(**_STARTED["numpy"][0])
        numpy.set_printoptions(**_STARTED["numpy"][1])
    os.environ.clear()
    os.environ.update(_STARTED.get("environ", {}))
    sys.path[:] = _STARTED.get("path", sys.path)
    warnings.resetwarnings()  # also forgets which warnings were shown once
    warnings.filters[:] = _STARTED.get("warnings", warnings.filters)
    os.chdir(cwd)
    shell = sys.modules["IPython"].get_ipython() if "IPython" in sys.modules else None
    if shell is not None:
        if "pandas" in sys.modules:  # tables shown as pandas shows them until `fr.use_style()`
            shell.display_formatter.formatters["text/html"].pop(sys.modules["pandas"].DataFrame, None)
        shell.reset(new_session=True)  # variables, In/Out, `_`; execution counts start at 1 again
    gc.collect()


class _KernelState:
    """What the watchdog's own client has seen of the kernel: the execute requests it is busy
    with (from status messages) and when it last answered a kernel-info probe."""

    def __init__(self):
        self.busy: set[str] = set()  # execute requests announced busy and not yet idle
        self.probe_id: str | None = None
        self.probe_sent = 0.0
        self.answered_at: float | None = None  # when the last probe's answer arrived
        self.answered_probe_sent = 0.0  # when that probe had been sent

    @property
    def executing(self) -> bool:
        return bool(self.busy)

    def answered_after(self, moment: float) -> bool:
        return self.answered_at is not None and self.answered_probe_sent >= moment

    def read(self, client):
        from queue import Empty

        while True:
            try:
                msg = client.iopub_channel.get_msg(timeout=0)
            except Empty:
                break
            parent = msg.get("parent_header") or {}
            if msg["msg_type"] == "status" and parent.get("msg_type") == "execute_request":
                state = msg["content"].get("execution_state")
                if state == "busy":
                    self.busy.add(parent.get("msg_id"))
                elif state == "idle":
                    self.busy.discard(parent.get("msg_id"))
        while True:
            try:
                msg = client.shell_channel.get_msg(timeout=0)
            except Empty:
                break
            if self.probe_id and (msg.get("parent_header") or {}).get("msg_id") == self.probe_id:
                self.answered_at, self.answered_probe_sent = time.monotonic(), self.probe_sent
                self.probe_id = None

    def probe(self, client, now: float):
        """Send a kernel-info request unless one is waiting for its answer."""
        if self.probe_id is None and now - self.probe_sent >= _PROBE_EVERY:
            self.probe_id, self.probe_sent = client.kernel_info(), now
