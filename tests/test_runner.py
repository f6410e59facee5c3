"""The notebook runner's watchdog, cell timeout and progress lines, on real kernels.

A lost reply is made for real: a cell tells its own kernel to build its execute reply but not send
it, so the kernel finishes the cell and goes idle while the runner never hears so, the state
jupyter/nbclient#312 leaves a run in."""
import json
import time
from pathlib import Path

import nbformat
import pytest

from framing import report
from framing.report import runner

pytestmark = pytest.mark.timeout(300)

DROP_REPLIES = ("k = get_ipython().kernel\n"
                "send = k.session.send\n"
                "k.session.send = lambda stream, kind, *a, **kw: send(None if kind == 'execute_reply' else stream, kind, *a, **kw)")


def _notebook(folder, *sources):
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_markdown_cell("# A test notebook\n\nDoes the runner notice?"),
                nbformat.v4.new_code_cell("x = 1", metadata={"tags": ["parameters"]}),
                *(nbformat.v4.new_code_cell(source) for source in sources)]
    path = folder / "watched.ipynb"
    nbformat.write(nb, path)
    return path


def _staging(tmp_path):
    (tmp_path / "staging" / "notebooks").mkdir(parents=True)
    return tmp_path / "staging"


def test_a_lost_reply_stops_the_run_long_before_the_cell_timeout(tmp_path):
    notebook = _notebook(tmp_path, "import time", DROP_REPLIES, "y = 2")
    lines = []
    started = time.monotonic()
    run = report.run_notebook(notebook, staging=_staging(tmp_path), parameters={}, kernel="python3",
                              timeout=240, stall_seconds=3, echo=lines.append)
    seconds = time.monotonic() - started
    assert not run.ok
    assert run.error.startswith("stalled twice: cell [3] `k = get_ipython().kernel`: the kernel finished this cell")
    assert "reply never reached the notebook runner" in run.error and "240 s cell timeout" in run.error
    assert seconds < 120, seconds  # two attempts of a few seconds each, not the 240 s timeout
    assert any("running it once more" in line for line in lines), lines
    assert sum("reply never reached" in line for line in lines) == 2, lines


def test_a_long_cell_of_a_busy_kernel_is_not_a_stall_and_shows_progress(tmp_path):
    # named by the line that does the work, not by the import above it: notebook 05's cell that
    # imports framing then finds every quote was shown as `import framing as fr` running for 30 s
    notebook = _notebook(tmp_path, "x = 1", "import time\n\n# the long step\ntime.sleep(7)", "y = 2")
    lines = []
    runner.execute_notebook(notebook, tmp_path / "out.ipynb", parameters={}, kernel="python3",
                            cwd=tmp_path, timeout=120, stall_seconds=2, heartbeat=2, echo=lines.append,
                            config=report._kernel_config())
    executed = nbformat.read(tmp_path / "out.ipynb", as_version=4)
    assert all(c.execution_count for c in executed.cells if c.cell_type == "code")
    progress = [line for line in lines if "running for" in line]
    assert progress and all("watched.ipynb: cell [3] of 4 `time.sleep(7)` running for" in line
                            for line in progress), lines
    assert not any("reply never reached" in line for line in lines)


def test_a_cell_over_the_timeout_is_named_with_how_to_raise_it(tmp_path):
    notebook = _notebook(tmp_path, "import time", "time.sleep(60)")
    run = report.run_notebook(notebook, staging=_staging(tmp_path), parameters={}, kernel="python3",
                              timeout=4)
    assert not run.ok and run.seconds < 45
    assert run.error.startswith("TimeoutError: cell [3] `time.sleep(60)`: still running after 4 s")
    assert "--cell-timeout" in run.error and runner.CELL_TIMEOUT_ENV in run.error


def test_cell_timeout_grows_with_the_corpus_and_can_be_set(monkeypatch):
    monkeypatch.delenv(runner.CELL_TIMEOUT_ENV, raising=False)
    assert runner.cell_timeout(0) == 300
    assert runner.cell_timeout(50) == 300
    assert runner.cell_timeout(1_500_000) == 3300
    assert runner.cell_timeout(1_500_000, seconds=30) == 30
    monkeypatch.setenv(runner.CELL_TIMEOUT_ENV, "45")
    assert runner.cell_timeout(1_500_000) == 45
    assert runner.cell_timeout(10, seconds=60) == 60  # an explicit value wins over the environment
    monkeypatch.setenv(runner.CELL_TIMEOUT_ENV, "soon")
    with pytest.raises(ValueError, match="FRAMING_CELL_TIMEOUT='soon'"):
        runner.cell_timeout(10)
    with pytest.raises(ValueError, match="positive"):
        runner.cell_timeout(10, seconds=0)


def test_the_cell_timeout_of_framing_report_reaches_every_notebook(tmp_path, monkeypatch):
    from framing import cli

    monkeypatch.setattr(report, "build_corpus_tables", lambda raw, processed, workers=None, **options:
                        {"articles": 1, "sentences": 1_000_000, "removed_lines": 0})
    (tmp_path / "data" / "raw" / "toy").mkdir(parents=True)
    slow = _notebook(tmp_path, "import time", "time.sleep(60)")
    lines = []
    assert report.run_reports(root=tmp_path, notebooks=[slow], cell_timeout=4, echo=lines.append) == 1
    assert any("a cell may run 4 s (--cell-timeout or FRAMING_CELL_TIMEOUT to change)" in line for line in lines)
    assert any("still running after 4 s" in line for line in lines), lines
    assert cli._parser().parse_args(["report", "toy", "--cell-timeout", "900"]).cell_timeout == 900
    assert cli._parser().parse_args(["report", "toy"]).cell_timeout is None  # then the default for the corpus


# ── one warm kernel for many notebooks ──────────────────────────────────────────────────────────

LEAVES_STATE = """import os, sys, warnings
import matplotlib
import matplotlib.pyplot as plt
import pandas as pd
secret = 42
matplotlib.rcParams["lines.linewidth"] = 7.5
matplotlib.rcParams["font.size"] = 31.0
plt.figure()  # left open
pd.set_option("display.max_rows", 3)
os.environ["FRAMING_TEST_LEFT_BEHIND"] = "1"
sys.path.append("/nowhere")
warnings.simplefilter("ignore")
os.chdir(os.path.expanduser("~"))
import framing as fr
fr.use_style()  # and its tables with missing values empty"""

# prints what a notebook starting in a new kernel sees (a variable of an earlier notebook is absent)
SHOWS_STATE = """import json, os, sys, warnings
import matplotlib
import matplotlib.pyplot as plt
import pandas as pd
print(json.dumps({"secret": "secret" in globals(), "linewidth": matplotlib.rcParams["lines.linewidth"],
                  "font_size": matplotlib.rcParams["font.size"], "figures": plt.get_fignums(),
                  "backend": matplotlib.get_backend(), "max_rows": pd.get_option("display.max_rows"),
                  "environment": os.environ.get("FRAMING_TEST_LEFT_BEHIND"), "path": "/nowhere" in sys.path,
                  "ignore_all": warnings.filters[0][:3] == ("ignore", None, Warning), "cwd": os.getcwd(),
                  "count": get_ipython().execution_count,
                  "tables": pd.DataFrame in get_ipython().display_formatter.formatters["text/html"].type_printers}))
plt.plot([1, 2], [3, 4])  # shown under the cell, as in a kernel of its own"""


def _state(path) -> str:
    cells = nbformat.read(path, as_version=4).cells
    return "".join(o.get("text", "") for c in cells if c.cell_type == "code" for o in c.outputs).strip()


def _images(path) -> int:
    cells = nbformat.read(path, as_version=4).cells
    return sum("image/png" in o.get("data", {}) for c in cells if c.cell_type == "code" for o in c.outputs)


def test_a_warm_kernel_shows_each_notebook_a_clean_state(tmp_path):
    """A variable, rcParams, an open figure, a pandas option, an environment variable, sys.path,
    warning filters and the working directory set by one notebook are gone in the next; what the
    second notebook sees is what it sees in a kernel of its own. One kernel served both."""
    first = _notebook(tmp_path, LEAVES_STATE)
    second = first.with_name("second.ipynb")
    nbformat.write(nbformat.read(_notebook(tmp_path, SHOWS_STATE), as_version=4), second)
    first = _notebook(tmp_path, LEAVES_STATE)
    cwd = tmp_path / "run"
    cwd.mkdir()
    options = dict(parameters={}, kernel="python3", cwd=cwd, timeout=120, config=report._kernel_config())
    runner.execute_notebook(second, tmp_path / "alone.ipynb", **options)
    with runner.KernelSession("python3", cwd=cwd, config=report._kernel_config()) as session:
        runner.execute_notebook(first, tmp_path / "first.ipynb", session=session, **options)
        runner.execute_notebook(second, tmp_path / "after.ipynb", session=session, **options)
        assert session.starts == 1
    alone, after = json.loads(_state(tmp_path / "alone.ipynb")), json.loads(_state(tmp_path / "after.ipynb"))
    assert after == alone
    assert after["secret"] is False and after["linewidth"] != 7.5 and after["font_size"] != 31.0
    assert after["figures"] == [] and after["environment"] is None and after["path"] is False
    assert after["ignore_all"] is False and after["tables"] is False
    assert after["cwd"] == str(cwd)
    assert _images(tmp_path / "alone.ipynb") == _images(tmp_path / "after.ipynb") == 1  # the chart is shown
    executed = nbformat.read(tmp_path / "after.ipynb", as_version=4)
    assert [c.execution_count for c in executed.cells if c.cell_type == "code"] == [1, 2]


# a chart whose layout moves when it is laid out twice (constrained layout, a legend outside, a
# caption), and a count of the Agg drawings made by the time the next cell runs
COUNTS_DRAWS = """from matplotlib.backends.backend_agg import FigureCanvasAgg
draws = []
_draw = FigureCanvasAgg.draw
FigureCanvasAgg.draw = lambda canvas: (_draw(canvas), draws.append(1))[0]  # drawings that were made"""
LAID_OUT_CHART = """import matplotlib.pyplot as plt
plt.rcParams["figure.constrained_layout.use"] = True
fig, ax = plt.subplots(figsize=(6.4, 2.2))
ax.barh(["Islamic Voice News", "Unnamed blog"], [25, 140], label="removed", color="0.8")
ax.barh(["Islamic Voice News", "Unnamed blog"], [24, 10], label="kept")
ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1), frameon=False)
ax.set_title("Lines kept and removed", loc="left", fontweight="bold")
ax.set_xlabel("non-blank raw lines (count)")
fig.text(0.01, 0.0, "Non-blank raw lines kept and removed, per article. Corpus: x, n = 2 articles.", fontsize=8)"""


def _png_outputs(path) -> list[str]:
    cells = nbformat.read(path, as_version=4).cells
    return [o["data"]["image/png"] for c in cells if c.cell_type == "code" for o in c.outputs
            if "image/png" in o.get("data", {})]


def test_a_warm_kernel_draws_each_chart_once_and_shows_the_same_png(tmp_path):
    """After a cell, pyplot redraws each changed figure and the inline backend then draws it again
    as the PNG under the cell; the warm kernel lays the figure out without that first drawing. The
    PNG is byte for byte the one a kernel of its own shows, from one Agg drawing instead of two."""
    notebook = _notebook(tmp_path, COUNTS_DRAWS, LAID_OUT_CHART, "print(len(draws))")
    options = dict(parameters={}, kernel="python3", cwd=tmp_path, timeout=120, config=report._kernel_config())
    runner.execute_notebook(notebook, tmp_path / "alone.ipynb", **options)
    with runner.KernelSession("python3", cwd=tmp_path, config=report._kernel_config()) as session:
        runner.execute_notebook(notebook, tmp_path / "warm.ipynb", session=session, **options)
    alone, warm = _png_outputs(tmp_path / "alone.ipynb"), _png_outputs(tmp_path / "warm.ipynb")
    assert len(alone) == 1 and warm == alone
    assert (_state(tmp_path / "alone.ipynb"), _state(tmp_path / "warm.ipynb")) == ("2", "1")


def test_a_warm_kernel_that_timed_out_is_replaced_and_the_next_notebook_runs(tmp_path):
    slow = _notebook(tmp_path, "import time", "time.sleep(60)")
    quick = slow.with_name("quick.ipynb")
    nbformat.write(nbformat.read(_notebook(tmp_path, "y = 2"), as_version=4), quick)
    slow = _notebook(tmp_path, "import time", "time.sleep(60)")
    with runner.KernelSession("python3", cwd=tmp_path, config=report._kernel_config()) as session:
        staging = _staging(tmp_path)
        timed_out = report.run_notebook(slow, staging=staging, parameters={}, kernel="python3", timeout=4,
                                        session=session)
        assert not timed_out.ok and "still running after 4 s" in timed_out.error
        assert timed_out.seconds < 45  # the busy kernel was killed, not waited for
        after = report.run_notebook(quick, staging=staging, parameters={}, kernel="python3", timeout=60,
                                    session=session)
        assert after.ok, after.error
        assert session.starts == 2


def test_an_executed_notebook_names_the_report_folder_not_the_staging_folder(tmp_path):
    """Regression: notebook 02 of `framing report allsides-100` printed "coding sheet:
    reports/.allsides-100.sy16nt99.tmp/coding/coding_sheet_generic.csv", the staging folder the
    report was written in, which is gone once it is swapped in for reports/allsides-100/."""
    staging = tmp_path / ".corpus.k3x9q.tmp"
    (staging / "notebooks").mkdir(parents=True)
    notebook = _notebook(tmp_path, "from pathlib import Path\n"
                                   "print('coding sheet:', Path('..').resolve() / 'coding' / 'sheet.csv')")
    run = report.run_notebook(notebook, staging=staging, parameters={}, kernel="python3", timeout=60,
                              final=tmp_path / "corpus")
    assert run.ok, run.error
    executed = nbformat.read(staging / "notebooks" / notebook.name, as_version=4)
    printed = "".join(o.get("text", "") for c in executed.cells for o in c.get("outputs", []))
    assert f"coding sheet: {tmp_path / 'corpus' / 'coding' / 'sheet.csv'}" in printed
    assert staging.name not in (staging / "notebooks" / notebook.name).read_text(encoding="utf-8")



def test_a_session_given_up_before_its_kernel_started_removes_its_socket_folder(tmp_path):
    """Ctrl-C during a report left /tmp/framing-kernel-… behind: it came after the folder for the
    kernel's sockets was made and before the session kept the kernel's manager, and giving up a
    session without a manager skipped the folder."""
    import tempfile

    session = runner.KernelSession("python3", cwd=tmp_path, config=report._kernel_config())
    session._sockets = tempfile.mkdtemp(prefix="framing-kernel-", dir=tmp_path)
    (Path(session._sockets) / "kernel-1").touch()
    with pytest.raises(KeyboardInterrupt):
        with session:
            raise KeyboardInterrupt
    assert list(tmp_path.glob("framing-kernel-*")) == [] and session._sockets is None
