"""Writing figure files in the background: `save_figure` forks a child that draws the PNG, SVG and
PDF while the notebook goes on (`save_in_background`, as `framing report`'s kernel does);
`finish_saving` waits for them."""
from __future__ import annotations

import os
import sys
import warnings
from pathlib import Path

import matplotlib

from .images import _FILE_METADATA, _FILE_RC
from .style import FIGURE_DPI, FIGURE_FORMATS, _style

def _load_writers(formats=FIGURE_FORMATS) -> None:
    """Draw a small chart in the house style into memory once in each of `formats`, as
    `_write_images` does, so that what a first save loads (the PDF and SVG backends, fontTools
    and the fonts it embeds, the glyphs drawn) is loaded in this process: a child forked to write
    a figure then starts with it instead of loading it again (about 0.3 s of CPU a figure)."""
    from io import BytesIO

    from matplotlib.figure import Figure  # not pyplot's: no notebook shows or keeps this one

    with matplotlib.rc_context(_style()), matplotlib.rc_context(_FILE_RC):
        fig = Figure(figsize=(2.0, 1.2))
        ax = fig.add_subplot()
        ax.barh(["Outlet 1", "Outlet 2"], [0.25, 0.5])
        ax.set_title("Share of articles (%)")
        ax.set_xlabel("share (%), 95 % interval")
        for fmt in formats:
            fig.savefig(BytesIO(), format=fmt, dpi=FIGURE_DPI, metadata=_FILE_METADATA.get(fmt, {}))


# Saving in the background: `save_figure` draws the files in a copy of the process (os.fork: the
# copy has the figure exactly as it is, and matplotlib's state with it), while the notebook goes
# on; `finish_saving` waits for them. The report runner turns it on in its kernel (Linux only).
_BACKGROUND = {"on": False, "at_once": 2}
_PENDING: list[tuple] = []  # (process id, figure name, read end of its error pipe, output folder, files)
_FAILED: list[str] = []


def save_in_background(on: bool = True, *, at_once: int = 2) -> bool:
    """Let `save_figure` write its PNG, SVG and PDF in a child process while the notebook goes on
    (at most `at_once` at a time); `finish_saving()` waits for them. Only where processes fork
    and children can be tied to their parent's life (Linux); returns whether it is on. The plotted
    table is still written at once; the JSON record is written with the images, its modification
    time set to the moment of the save, so records list in call order. Turning it on draws a
    small chart once in each format (`_load_writers`), so the children need not load the writers."""
    _BACKGROUND["on"] = bool(on) and sys.platform.startswith("linux") and hasattr(os, "fork")
    _BACKGROUND["at_once"] = max(1, int(at_once))
    if _BACKGROUND["on"]:
        _load_writers()
    return _BACKGROUND["on"]


def finish_saving() -> None:
    """Wait until every figure being written in the background is written. Raises RuntimeError
    naming the figures that could not be written, and why."""
    while _PENDING:
        _reap(_PENDING.pop(0))
    failed, _FAILED[:] = list(_FAILED), []
    if failed:
        raise RuntimeError("figures not written: " + "; ".join(failed))


def _finish_writing(paths) -> None:
    """Wait for the figures being written in the background into any of `paths`."""
    wanted = {Path(p).absolute() for p in paths}
    for pending in [p for p in _PENDING if wanted & set(p[4])]:
        _PENDING.remove(pending)
        _reap(pending)


def _in_background(draw, *, name: str, root: Path, files: list[Path]) -> None:
    while len(_PENDING) >= _BACKGROUND["at_once"]:
        _reap(_PENDING.pop(0))
    read, write = os.pipe()
    parent = os.getpid()
    with warnings.catch_warnings():  # Python 3.12+ warns of forking a process with threads: the child runs no other thread's code
        warnings.simplefilter("ignore", DeprecationWarning)
        pid = os.fork()
    if pid == 0:  # the child: draw, write, and leave without running any of the parent's clean-up
        os.close(read)
        code = 1
        try:
            _become_quiet_child(parent)
            draw()
            code = 0
        except BaseException as error:
            os.write(write, " ".join(f"{type(error).__name__}: {error}".split()).encode()[:4000])
        finally:
            os._exit(code)
    os.close(write)
    _PENDING.append((pid, name, read, root, files))


def _become_quiet_child(parent: int) -> None:
    """In a child drawing a figure: die with the parent (a killed kernel leaves nothing writing),
    print nowhere (the parent's output goes to a notebook), no garbage collection (objects of the
    parent, such as sockets, must not be finalised here), default signal handlers."""
    import ctypes
    import gc
    import signal

    gc.disable()
    try:
        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass
    if os.getppid() != parent:  # the parent died before the line above
        os._exit(1)
    for number in (signal.SIGINT, signal.SIGTERM):
        signal.signal(number, signal.SIG_DFL)
    quiet = os.open(os.devnull, os.O_WRONLY)
    os.dup2(quiet, 1)
    os.dup2(quiet, 2)
    sys.stdout = sys.stderr = open(quiet, "w", closefd=False)


def _reap(pending: tuple) -> None:
    """Wait for one figure written in the background; record its files as framing's (in this
    process: one writer of the folder's list), or note why it failed."""
    from ..store import record_files

    pid, name, read, root, files = pending
    _, status = os.waitpid(pid, 0)
    with os.fdopen(read, "rb") as pipe:
        message = pipe.read().decode("utf-8", "replace").strip()
    if status != 0:
        _FAILED.append(f"{name}: {message or f'the process drawing it ended with status {status}'}")
        return
    try:
        record_files(root, files)
    except OSError as error:
        _FAILED.append(f"{name}: written, but its list of files could not be: {error}")
