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
"""
from __future__ import annotations

import os
import signal
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
                     heartbeat: float = HEARTBEAT_SECONDS, config=None, echo=None) -> None:
    """Run `notebook` with papermill into `output`, with its working directory in `cwd`, each cell
    allowed `timeout` seconds. Raises what papermill raises for a failing cell, and
    `NotebookStalled` when the watchdog stopped a stalled run. `echo` (a function taking a line)
    gets the progress lines; None prints nothing."""
    import papermill

    watchdog = Watchdog(Path(notebook).name, stall_seconds=stall_seconds, heartbeat=heartbeat,
                        timeout=timeout, echo=echo)
    watchdog.start()
    try:
        papermill.execute_notebook(
            str(notebook), str(output), parameters=parameters, kernel_name=kernel, language="python",
            cwd=str(cwd), progress_bar=False, log_output=False, execution_timeout=timeout,
            iopub_timeout=IOPUB_SECONDS, config=config, kernel_manager_class=watchdog.manager_class(),
            on_notebook_start=watchdog.notebook_started, on_cell_execute=watchdog.cell_started,
            on_cell_complete=watchdog.request_sent, on_cell_executed=watchdog.cell_finished)
    except KeyboardInterrupt:  # Ctrl-C or SIGTERM: the kernel must not outlive the folder it runs in
        watchdog.end_kernel()
        raise
    except Exception as error:
        if watchdog.stalled:
            raise NotebookStalled(watchdog.stalled) from error
        if type(error).__name__ == "CellTimeoutError" and "IOPub" in str(error):
            raise TimeoutError(f"{watchdog.where()}: the cell ended but its output did not arrive within "
                               f"{IOPUB_SECONDS} s") from error
        if type(error).__name__ == "CellTimeoutError":
            raise TimeoutError(f"{watchdog.where()}: still running after {timeout} s, the cell timeout "
                               f"(raise it with `framing report --cell-timeout SECONDS` or "
                               f"{CELL_TIMEOUT_ENV})") from error
        if type(error).__name__ == "DeadKernelError":
            raise RuntimeError(f"{watchdog.where()}: the kernel died while running this cell (out of "
                               "memory, or the process was killed)") from error
        raise
    finally:
        watchdog.stop()


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
            first = next((line for line in cell.source.splitlines() if line.strip()), "")
            self._cell = {"number": self._count, "first": first.strip(), "started": time.monotonic(),
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
