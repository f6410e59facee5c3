"""The only functions that write charts and their tables: where they go (`report_folder`),
`save_figure` (files, JSON record, plotted table), `save_table`, and `export_figure`, which
redraws a saved chart from its record at another size."""
from __future__ import annotations

import functools
import hashlib
import json
import math
import os
import re
import sys
import time
from pathlib import Path

import matplotlib
import matplotlib.pyplot as plt
import pandas as pd

from ..store import SCRATCH
from .background import _BACKGROUND, _finish_writing, _in_background
from .images import _write_images, caption_inches, height_to_fit
from .style import (FIGURE_DPI, FIGURE_FORMATS, FIGURE_WIDTH, PAGE_HEIGHT, _style, add_caption, caption_of,
                    corpus_name)

_SLUG = re.compile(r"[^a-z0-9]+")


def slug(name: str) -> str:
    """A file-safe name: lower case, words joined by underscores."""
    return _SLUG.sub("_", str(name).lower()).strip("_") or "figure"


# ── where outputs go ─────────────────────────────────────────────────────────────────────────────

def report_folder(*, out: str | Path | None = None, corpus: str | Path | None = None) -> Path:
    """Where a notebook's figures and tables go: `out` when given, else the corpus's scratch
    folder `reports/_scratch/<corpus>/`.

    A relative `out` given in the project's `notebooks/` folder (where JupyterLab runs a shipped
    notebook) is read from the project folder, as corpus names and `data/raw/...` paths are, so
    `out="results/paper"` is `<project>/results/paper`, not a folder among the notebooks; elsewhere
    (a script, a report's own notebooks) it is read from the current folder. The report folder
    `reports/<corpus>/` is written only by `framing report` (which passes its own `out`), so
    exploring a notebook by hand never changes the report; an `out` naming a report folder is
    refused."""
    from ..config import reports_dir

    if out is not None:
        folder = _from_project(Path(out).expanduser())
        reports = reports_dir().resolve()
        resolved = folder.resolve()
        if resolved.parent == reports and not resolved.name.startswith((".", SCRATCH)):
            raise ValueError(f"{folder} is the report of corpus {resolved.name!r}, written only by "
                             f"`framing report {resolved.name}`; leave out=None to write to "
                             f"{reports / SCRATCH / resolved.name}, or give another folder")
        return folder
    if corpus is None:
        raise ValueError("give out= (a folder) or corpus= (to write under reports/_scratch/<corpus>/)")
    return reports_dir() / SCRATCH / corpus_name(corpus)


def _from_project(folder: Path) -> Path:
    """A relative `folder` read from the project folder when the current folder is the project's
    `notebooks/` (see `report_folder`); any other path as it is."""
    from ..config import notebooks_dir, project_root

    if folder.is_absolute() or Path.cwd().resolve() != notebooks_dir().resolve():
        return folder
    return project_root() / folder


# Whether a save names its folder the first time it writes there (off in `framing report`'s
# kernel: the report's index names the folder, and its staging folder is not where files end up).
_SAY_WHERE = {"on": True, "said": set()}


def say_where_saved(on: bool = True) -> None:
    """Whether `save_figure` and `save_table` print the folder they write to, once per folder and
    session (on by default, so a notebook run by hand says where its charts went)."""
    _SAY_WHERE["on"] = bool(on)


def _say_where(root: Path, *, out) -> None:
    """Print, once per folder and session, where this session's charts and tables go."""
    from ..config import shown_path

    where = root.resolve()
    if not _SAY_WHERE["on"] or where in _SAY_WHERE["said"]:
        return
    _SAY_WHERE["said"].add(where)
    why = ("out=None: the scratch folder, which framing clean empties; set out to keep them elsewhere"
           if out is None else f"out={str(out)!r}")
    print(f"charts and tables are saved in {shown_path(where)}/ ({why})")


# ── saving and re-exporting: the only functions that write charts and their tables ─────────────────

def save_figure(fig, name: str, *, out: str | Path | None = None, corpus: str | Path | None = None,
                params: dict | None = None, caption: str | bool | None = None,
                width: float | None = None, height: float | None = None, dpi: int = FIGURE_DPI,
                formats=FIGURE_FORMATS, overwrite: bool = False) -> dict[str, Path]:
    """Write a figure under `<out>/figures/<name>.*` in each of `formats` (PNG, SVG, PDF), plus
    `<name>.json` recording its name, caption, parameters, corpus, size, the framing and matplotlib
    versions and the SHA-256 of the corpus's sentences table (the input the chart came from). A
    chart drawn by a `plot_*` function also gets `<name>.data.parquet` (the table it plotted) and
    the function's name and arguments in the record, so `export_figure` can redraw it at any size.

    `out` defaults to the scratch folder `reports/_scratch/<corpus>/` (see `report_folder`).
    Files are `width` × `height` inches exactly (default `FIGURE_WIDTH` wide, which fits a
    one-column page, and the figure's own height, at most `PAGE_HEIGHT`); a figure narrower than
    `LEGEND_BELOW_WIDTH` gets its legends below the plot. Fonts are embedded in the PDF (TrueType,
    `pdf.fonttype` 42) and SVG text stays text. `dpi` applies to the PNG.

    `caption`: a string sets the figure's caption (as `add_caption`); True draws the caption in
    the files; otherwise (default) the files carry no caption, and the caption is in the JSON
    record and the report's index.html. Files are written to temporary names and renamed into
    place. Returns the written paths by format (and `json`, `data`). The figure stays as it was.
    With `save_in_background()` on (as in `framing report`'s kernel), the PNG, SVG, PDF and the JSON
    record are still being written when this returns; `finish_saving()` waits for them.

    Only framing's own files are replaced: a file of one of these names that framing did not write
    into that folder, or that was changed since (an edited chart, a user's file of that name),
    stops the save with `store.OutputExists` naming it, and nothing is written; `overwrite=True`
    replaces it anyway. What was written is recorded in the folder's list
    (`<out>/.framing-files.json`, `store.record_files`)."""
    from ..store import check_replaceable, new_folder

    root = new_folder(report_folder(out=out, corpus=corpus))
    _say_where(root, out=out)
    folder = root / "figures"
    folder.mkdir(exist_ok=True)
    stem = slug(name)
    formats = [fmt.lower().lstrip(".") for fmt in formats]
    paths = {fmt: folder / f"{stem}.{fmt}" for fmt in formats}
    drawn = getattr(fig, "_framing_plot", None)  # set by a `plot_*` function: what redraws the chart
    targets = _figure_targets(paths, folder, stem, drawn)
    _finish_writing(targets)  # an earlier save of the same name, still being written, is framing's
    check_replaceable(root, targets, overwrite=overwrite, force=OVERWRITE_HINT)
    if isinstance(caption, str):
        add_caption(fig, caption)
    size = {"width": float(width or FIGURE_WIDTH),
            "height": float(min(height or fig.get_figheight(), PAGE_HEIGHT)), "dpi": dpi}
    images = dict(paths)  # (the plotted tables join `paths` below)
    record = figure_record(fig, stem, corpus=corpus, params=params, files=paths, size=size)
    if drawn is not None:
        record["plot"] = _save_plot_call(drawn, folder, stem, paths) | _axes_texts(fig)
    _save_images(fig, images, root=root, stem=stem, size=size, fit=height is None, with_caption=caption is True,
                 record=(record, folder / f"{stem}.json"))
    paths["json"] = folder / f"{stem}.json"
    _list_written(root, folder, paths, formats, record)
    return paths


def scale_fonts(fig, factor: float) -> None:
    """Every text of `fig` (titles, labels, ticks, legends, notes) at `factor` times its size: a chart
    exported narrower than `FIGURE_WIDTH` keeps the layout it has at that width, as if shrunk
    (3.3 inches, a column of a two-column paper: 9.5 pt text at 6.7 pt, 8.5 pt ticks at 6 pt), instead of crowding
    full-size text into less room."""
    if factor >= 1.0:
        return
    fig._framing_font_scale = factor  # the legend moved below the plot is drawn at this scale too
    ticks = set()
    for ax in fig.axes:
        for axis in (ax.xaxis, ax.yaxis):
            labels = axis.get_ticklabels(which="both")
            ticks.update(labels)
            if labels:
                axis.set_tick_params(which="both", labelsize=labels[0].get_fontsize() * factor)
    for text in fig.findobj(matplotlib.text.Text):
        if text not in ticks:
            text.set_fontsize(text.get_fontsize() * factor)


def _figure_targets(paths: dict, folder: Path, stem: str, drawn: dict | None) -> list[Path]:
    """Every file a save of chart `stem` writes: its images (`paths`), its JSON record and, for a
    chart drawn by a `plot_*` function (`drawn`), the plotted table and each table argument."""
    targets = [*paths.values(), folder / f"{stem}.json"]
    if drawn is not None:
        targets += [folder / f"{stem}.data.parquet"] + [
            folder / f"{stem}.{slug(arg)}.parquet" for arg, value in drawn["arguments"].items()
            if isinstance(value, pd.DataFrame)]
    return targets


def _save_images(fig, paths: dict, *, root: Path, stem: str, size: dict, fit: bool, with_caption: bool,
                 record: tuple[dict, Path]) -> None:
    """Write the figure's images (`paths`: format → file) at `size` (inches and dpi), the height first
    grown to fit its category labels when `fit` (`height_to_fit`, a layout of its own), then its
    record (`record`: the dict, whose `size_inches` is `size`, and its file) with the size the files
    have: now, or, with `save_in_background()` on, all in the background (`finish_saving()` waits).
    The record's modification time is the moment of this call, so records written in the background
    still list in the order the charts were saved (the report's index reads them in that order)."""
    saved_at = time.time_ns()

    def draw():
        if fit:  # the figure's own height, grown where a narrower figure leaves its rows too little,
            # then by what its caption takes under it (a 600-character caption at 0.45 of the
            # height at most was drawn over the plot and its legend)
            chart = float(height_to_fit(fig, size["width"], size["height"], dpi=size["dpi"], with_caption=False))
            below = caption_inches(fig, size["width"]) if with_caption else 0.0
            size["height"] = min(PAGE_HEIGHT, math.ceil((chart + below) * 100) / 100)
        _write_images(fig, dict(paths), width=size["width"], height=size["height"], dpi=size["dpi"],
                      with_caption=with_caption, salt=stem)
        os.utime(_save_record(*record), ns=(saved_at, saved_at))

    if _BACKGROUND["on"]:
        _in_background(draw, name=stem, root=root.absolute(),
                       files=[p.absolute() for p in [*paths.values(), record[1]]])
    else:
        draw()


def _save_record(record: dict, path: Path) -> Path:
    """Write a chart's JSON record (keys sorted, two-space indent) atomically; returns the path."""
    from ..store import write_atomic

    text = json.dumps(record, indent=2, sort_keys=True, default=str, ensure_ascii=False) + "\n"
    return write_atomic(path, lambda p: p.write_text(text, encoding="utf-8"))


def _list_written(root: Path, folder: Path, paths: dict, formats: list[str], record: dict) -> None:
    """Add what a save wrote to the output folder's list (`store.record_files`): the record, the
    plotted tables and the images, except the images and record still being written in the
    background (listed when they are done)."""
    from ..store import record_files

    written = [path for fmt, path in paths.items() if not (_BACKGROUND["on"] and (fmt in formats or fmt == "json"))]
    written += [folder / name for name in record.get("plot", {}).get("table_arguments", {}).values()]
    record_files(root, written)


# How to replace a file that is not framing's own (`store.check_replaceable`), in a function's words
# and the command's.
OVERWRITE_HINT = "--overwrite (`framing figure`) or overwrite=True (save_figure, export_figure)"


def _save_plot_call(drawn: dict, folder: Path, stem: str, paths: dict) -> dict:
    """Write what redraws a chart: its table as `<stem>.data.parquet`, each table argument (e.g.
    `articles=`) as `<stem>.<argument>.parquet`; returns the record's `plot` part (function,
    plain arguments, the file of each table). Arguments that are neither tables nor JSON values
    make the chart one that cannot be redrawn (`function` None)."""
    from ..store import write_atomic

    tables = {name: value for name, value in drawn["arguments"].items() if isinstance(value, pd.DataFrame)}
    plain = {name: value for name, value in drawn["arguments"].items() if name not in tables}
    try:
        json.dumps(plain, allow_nan=True)
    except (TypeError, ValueError):
        return {"function": None, "why": "an argument is neither a table nor a plain value"}
    paths["data"] = write_atomic(folder / f"{stem}.data.parquet",
                                  lambda p: drawn["table"].to_parquet(p, index=False))
    files = {name: write_atomic(folder / f"{stem}.{slug(name)}.parquet",
                                 lambda p, t=table: t.to_parquet(p, index=False)).name
             for name, table in tables.items()}
    return {"function": drawn["function"], "arguments": plain, "data": paths["data"].name,
            "table_arguments": files}


def figure_record(fig, stem: str, *, corpus, params, files: dict, size: dict) -> dict:
    """What `save_figure` writes to `<name>.json` (without the redraw part)."""
    from .. import __version__

    return {
        "name": stem,
        "caption": caption_of(fig),
        "corpus": corpus_name(corpus),
        "parameters": params or {},
        "files": {fmt: path.name for fmt, path in files.items()},
        "size_inches": size,
        "framing_version": __version__,
        "matplotlib_version": matplotlib.__version__,
        "input_sha256": input_hash(corpus),
        **({"exported_from": fig._framing_exported_from} if getattr(fig, "_framing_exported_from", None) else {}),
    }


def _axes_texts(fig) -> dict:
    """The title and axis labels as they are now (a notebook may have changed the plot's own)."""
    ax = fig.axes[0] if fig.axes else None
    if ax is None:
        return {}
    titles = {loc: ax.get_title(loc=loc) for loc in ("left", "center", "right") if ax.get_title(loc=loc)}
    return {"titles": titles, "xlabel": ax.get_xlabel(), "ylabel": ax.get_ylabel()}


def find_figure(name: str, *, corpus: str | Path | None = None) -> Path:
    """The JSON record of a saved figure: `name` itself when it is a `.json` file, else
    `<name>.json` in the report of `corpus` (`reports/<corpus>/figures/`) or, failing that, its
    scratch folder. Without `corpus`, the one report or scratch folder that has such a figure."""
    from ..config import reports_dir

    path = Path(name)
    if path.suffix == ".json" and path.is_file():
        return path
    stem = slug(path.stem if path.suffix == ".json" else name)
    reports = reports_dir()
    if corpus is not None:
        places = [reports / corpus_name(corpus), reports / SCRATCH / corpus_name(corpus)]
    else:
        places = sorted(p for p in reports.glob("*") if p.is_dir() and not p.name.startswith((".", SCRATCH)))
        places += sorted(p for p in (reports / SCRATCH).glob("*") if p.is_dir())
    found = [p / "figures" / f"{stem}.json" for p in places if (p / "figures" / f"{stem}.json").is_file()]
    if corpus is not None and found:
        return found[0]
    if len(found) == 1:
        return found[0]
    if not found:
        raise FileNotFoundError(_no_such_figure(stem, corpus, places, reports))
    raise ValueError(f"several corpora have a figure {stem!r} ({', '.join(str(f) for f in found)}): "
                     "name the corpus")


_EXPORT_NAME = re.compile(r"(?P<chart>.+?)_\d+(_\d+)?in")  # `export_figure`'s names: frames_3_3in


def list_figures(*, corpus: str | Path | None = None) -> pd.DataFrame:
    """The saved charts `export_figure` can redraw, one row per chart and place: `name` (what to
    give `framing figure`), `corpus`, `where` ("report": `reports/<corpus>/figures/`, or "scratch":
    a notebook run by hand, `reports/_scratch/<corpus>/figures/`), `caption` and `record` (the JSON
    file). Left out: a chart drawn some other way than by a framing `plot_*` function (nothing to
    redraw it from), and an earlier export (its record names the chart it was redrawn from, or, as
    exports named before that, it is `<chart>_<width>in` beside that chart)."""
    from ..config import reports_dir

    reports = reports_dir()
    if corpus is not None:
        places = [(corpus_name(corpus), "report", reports / corpus_name(corpus)),
                  (corpus_name(corpus), "scratch", reports / SCRATCH / corpus_name(corpus))]
    else:
        places = [(p.name, "report", p) for p in sorted(reports.glob("*"))
                  if p.is_dir() and not p.name.startswith((".", SCRATCH))]
        places += [(p.name, "scratch", p) for p in sorted((reports / SCRATCH).glob("*")) if p.is_dir()]
    found = []
    for name, where, place in places:
        for path in sorted((place / "figures").glob("*.json")):
            try:
                found.append((name, where, path, json.loads(path.read_text(encoding="utf-8"))))
            except (OSError, ValueError):
                continue
    charts = {(name, path.stem) for name, _, path, _ in found}  # of each corpus, in its report or scratch folder
    rows = []
    for name, where, path, record in found:
        export = _EXPORT_NAME.fullmatch(path.stem)
        if not isinstance(record, dict) or record.get("exported_from") or (export and (name, export["chart"]) in charts):
            continue  # an earlier export
        if _plot_function(str((record.get("plot") or {}).get("function"))) is None:
            continue  # nothing to redraw it from
        rows.append({"name": path.stem, "corpus": name, "where": where, "caption": str(record.get("caption") or ""),
                     "record": path})
    return pd.DataFrame(rows, columns=["name", "corpus", "where", "caption", "record"])


def describe_figures(figures: pd.DataFrame) -> str:
    """The charts of `list_figures`, one line each, grouped by folder: what `framing figure` lists."""
    from ..config import shown_path

    if figures.empty:
        return ("no saved chart that can be redrawn: run `framing report <corpus>` first, or save one from a "
                "notebook (fr.save_figure on a chart a plot_* function drew)")
    lines = []
    for (corpus, where, folder), group in figures.groupby(
            ["corpus", "where", figures["record"].map(lambda p: Path(p).parent)], sort=False):
        lines.append(f"{shown_path(folder)}/ ({'the report' if where == 'report' else 'notebooks run by hand'}):")
        width = max(len(n) for n in group["name"])
        lines += [f"  {n:<{width}}  {_first_sentence(c)}" for n, c in zip(group["name"], group["caption"])]
    return "\n".join(lines)


def _first_sentence(caption: str, limit: int = 90) -> str:
    """A caption's first sentence, cut at `limit` characters: what a chart shows, in a list."""
    first = caption.split(". ")[0].rstrip(".")
    return first if len(first) <= limit else first[: limit - 1].rstrip() + "…"


def _no_such_figure(stem: str, corpus, places: list[Path], reports: Path) -> str:
    """Why no figure `stem` was found, and what to type instead: the closest names of the charts
    that can be redrawn where it was looked for (a misspelt or shortened name), or the corpora
    that have a report (a misspelt corpus), or that nothing was saved yet."""
    from ..config import shown_path
    from ..lexicons import did_you_mean
    from ..store.words import short_list

    saved = list_figures(corpus=corpus)
    if not saved.empty:
        where = (" or ".join(f"{shown_path(place / 'figures')}/" for place in places if (place / "figures").is_dir())
                 if corpus is not None else f"any report in {shown_path(reports)}/")
        names = sorted(set(saved["name"]))
        return (f"no saved figure {stem!r} in {where}{did_you_mean(stem, names)}; the charts that can be "
                f"redrawn: {', '.join(names)} (`framing figure --list` says where each is and what it shows)")
    if corpus is not None:
        folders = [*reports.glob("*"), *(reports / SCRATCH).glob("*")]  # reports, and notebooks run by hand
        have = sorted({p.name for p in folders if (p / "figures").is_dir() and not p.name.startswith((".", SCRATCH))})
        if have:
            return (f"no figures of the corpus {corpus_name(corpus)!r} in {shown_path(reports)}/"
                    f"{did_you_mean(corpus_name(corpus), have)}: the corpora with figures are "
                    f"{short_list(have, shown=12)}; or run `framing report {corpus_name(corpus)}` first")
    return (f"no saved figure {stem!r} in {shown_path(reports)}/: run `framing report` first, or give "
            "the path of the figure's .json file")


def export_figure(name: str, *, corpus: str | Path | None = None, out: str | Path | None = None,
                  width: float | None = None, height: float | None = None, dpi: int = FIGURE_DPI,
                  formats=("pdf",), caption: bool = False, overwrite: bool = False) -> dict[str, Path]:
    """Redraw a saved figure from its JSON record and plotted table and write it at another size
    or format, e.g. `export_figure("frame_prevalence_by_outlet", corpus="my-event", width=3.3)`.

    `name`: a figure's name (found by `find_figure`) or the path of its `.json`. The files go to
    `<out>/figures/` (default: the corpus's scratch folder, never the report itself), named
    `<name>_<width>in.<format>` (e.g. `frames_3_3in.pdf`). Only figures drawn by a framing `plot_*` function can be redrawn;
    the table is read from Parquet (no code is loaded from the record). An earlier export framing
    wrote there and nobody changed is replaced; any other file of the same name stops the export
    (`store.OutputExists`, naming it) unless `overwrite=True` (see `save_figure`). Returns the
    written paths by format."""
    source = find_figure(name, corpus=corpus)
    record = json.loads(source.read_text(encoding="utf-8"))
    if note := stale_figure_note(source, record, corpus=corpus or record.get("corpus")):
        print(f"note: {note}", file=sys.stderr)
    drawn = record.get("plot")
    function = _plot_function(str((drawn or {}).get("function")))
    if not drawn or not str(drawn["function"]).startswith("plot_") or not callable(function):
        raise ValueError(f"{source}: this figure was not drawn by a framing plot_* function, so it "
                         "cannot be redrawn; export it from the notebook with save_figure(width=...)")
    table = pd.read_parquet(source.parent / drawn["data"])
    tables = {name: pd.read_parquet(source.parent / Path(file).name)
              for name, file in drawn.get("table_arguments", {}).items()}
    ax = function(table, **drawn.get("arguments", {}), **tables)
    with plt.style.context(_style()):  # the titles as the house style draws them (bold, padded)
        for loc in ("left", "center", "right"):
            ax.set_title(str(drawn.get("titles", {}).get(loc, "")), loc=loc)
        for part in ("xlabel", "ylabel"):
            if drawn.get(part):
                getattr(ax, f"set_{part}")(str(drawn[part]))
    if record.get("caption"):
        add_caption(ax, record["caption"])
    width = float(width or record.get("size_inches", {}).get("width") or FIGURE_WIDTH)
    scale_fonts(ax.figure, min(1.0, width / FIGURE_WIDTH))
    corpus = corpus or record.get("corpus")
    ax.figure._framing_exported_from = record["name"]  # its record says so: `list_figures` leaves it out
    try:
        return save_figure(ax.figure, f"{record['name']}_{width:g}in", corpus=corpus,
                           out=out, params=record.get("parameters"), caption=caption is True,
                           width=width, height=height, dpi=dpi, formats=formats, overwrite=overwrite)
    finally:
        plt.close(ax.figure)


def stale_figure_note(source: Path, record: dict, *, corpus) -> str:
    """What to know before putting a redrawn chart in a paper when it was drawn from an earlier build
    of its corpus (the `input_sha256` its record keeps is not the sentences table's now: articles
    added or removed, cleaning changed): "" when it was drawn from the tables as they are, or either
    hash is unknown. Names the notebooks' copy in the scratch folder when that one is current, else
    the command that draws the chart again."""
    from ..config import shown_path

    drawn_from, now = record.get("input_sha256"), input_hash(corpus) if corpus else None
    if not drawn_from or not now or drawn_from == now:
        return ""
    said = (f"{shown_path(source)} was drawn from an earlier build of {corpus_name(corpus)}: its tables have "
            f"changed since (articles added, removed or cleaned again), so the chart and its caption's counts are "
            f"not those of the tables now")
    scratch = source.parent.parent.parent / SCRATCH / corpus_name(corpus) / "figures" / source.name
    if scratch != source and scratch.is_file() and \
            json.loads(scratch.read_text(encoding="utf-8")).get("input_sha256") == now:
        return (f"{said}; the copy a notebook saved is drawn from them: `framing figure {shown_path(scratch)}` "
                f"exports that one")
    return f"{said}; `framing report {corpus_name(corpus)}` draws it again"


def _plot_function(name: str):
    """The framing function a record names: a `plot_*` of `framing.plots.charts` or of
    `framing.events` (`plot_within_events`); None for anything else."""
    from .. import events
    from . import charts

    if not name.startswith("plot_"):
        return None
    return getattr(charts, name, None) or getattr(events, name, None)


def save_table(table: pd.DataFrame, name: str, *, out: str | Path | None = None,
               corpus: str | Path | None = None, overwrite: bool = False) -> Path:
    """Write the table behind a chart to `<out>/tables/<name>.csv` (atomically) and return the path.
    `out` defaults to the scratch folder `reports/_scratch/<corpus>/` (see `report_folder`).
    Text cells are made safe for spreadsheets (`framing.store.save_csv`). As `save_figure`, it
    replaces only framing's own unchanged file of that name, unless `overwrite=True`."""
    from ..store import check_replaceable, new_folder, record_files, save_csv

    root = new_folder(report_folder(out=out, corpus=corpus))
    _say_where(root, out=out)
    path = root / "tables" / f"{slug(name)}.csv"
    check_replaceable(root, [path], overwrite=overwrite, force="overwrite=True")
    save_csv(table, path)
    record_files(root, [path])
    return path


def input_hash(corpus: str | Path | None) -> str | None:
    """SHA-256 of a corpus's processed sentences table (all its part files, in order), or None when
    the corpus is not given or not built."""
    if corpus is None:
        return None
    from ..store import corpus_dir, table_files

    files = table_files(corpus_dir(corpus), "sentences")  # (only framing's parts, never a user's file there)
    if not files:
        return None
    return _hash_files(tuple((str(f), f.stat().st_size, f.stat().st_mtime_ns) for f in files))


@functools.lru_cache(maxsize=32)
def _hash_files(files: tuple) -> str:
    digest = hashlib.sha256()
    for name, _, _ in files:
        with open(name, "rb") as handle:
            for block in iter(lambda: handle.read(1 << 20), b""):
                digest.update(block)
    return digest.hexdigest()
