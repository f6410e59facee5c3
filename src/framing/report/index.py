"""A report's `index.html` (`write_index`): the build summary, the event pages, each notebook's
figures and tables, the coding sheets, and the methods and versions used."""
from __future__ import annotations

import html
import platform
from importlib import metadata
from pathlib import Path
from typing import TYPE_CHECKING

import pandas as pd

from ..config import shown_path
from ..store import BOOKKEEPING, HUMAN_INPUT, counted
from ..stats import TEST_COLUMNS, left_out_of_tests

if TYPE_CHECKING:
    from . import NotebookRun, Report


VERSIONED_PACKAGES = ("framing", "pandas", "numpy", "matplotlib", "nltk", "textblob", "vaderSentiment",
                      "scikit-learn", "scipy", "trafilatura", "papermill")


def write_index(report: Report, folder: Path, *, build_info: dict, kernel: str,
                table_rows: int = 12) -> Path:
    """Write `<folder>/index.html`: the build summary, each notebook's figures with captions and
    its tables (`table_rows` rows, taken in turn from each outlet, linked to the CSV), the executed notebooks, and the
    methods and versions used. All links are relative, so the folder can be moved or zipped."""
    from ..store import save_text

    parts = [_HEAD.format(title=html.escape(f"framing report: {report.corpus}")),
             f"<h1>Framing report: {html.escape(report.corpus)}</h1>",
             _events_html(report), _summary_html(report, build_info)]
    for run in report.runs:
        parts.append(_notebook_html(run, folder, table_rows))
    parts.append(_coding_html(folder))
    parts.append(_methods_html(build_info, kernel))
    parts.append("</body></html>\n")
    text = "\n".join(parts)
    return save_text(text, Path(folder) / "index.html")


_HEAD = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>{title}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>
body {{ font-family: "DejaVu Sans", Arial, sans-serif; max-width: 980px; margin: 2em auto;
       padding: 0 1em; color: #222; line-height: 1.45; }}
h1 {{ font-size: 1.6em; }} h2 {{ margin-top: 2em; border-bottom: 1px solid #ddd; }}
figure {{ margin: 1.5em 0; }} figure img {{ max-width: 100%; border: 1px solid #eee; }}
figcaption {{ font-size: 0.9em; color: #444; }} .files a {{ margin-right: 0.8em; font-size: 0.85em; }}
table {{ border-collapse: collapse; font-size: 0.85em; margin: 0.5em 0; }}
th, td {{ border-bottom: 1px solid #e5e5e5; padding: 3px 8px; text-align: left; vertical-align: top; }}
.wide {{ max-width: 100%; overflow-x: auto; }} .wide td {{ max-width: 28em; overflow-wrap: break-word; word-break: normal; }}
.ok {{ color: #1a7f37; }} .failed {{ color: #c62828; font-weight: bold; }}
.error {{ background: #fdecea; padding: 0.6em; white-space: pre-wrap; font-family: monospace; }}
.question {{ font-style: italic; }}
.main-view {{ background: #eef5fb; padding: 0.7em 1em; border-left: 4px solid #2b6cb0; }}
</style></head><body>"""


def _summary_html(report: Report, info: dict) -> str:
    rows = "".join(
        f"<tr><td><a href=\"notebooks/{html.escape(run.notebook)}\">{html.escape(run.notebook)}</a></td>"
        f"<td>{html.escape(run.title)}</td>"
        f"<td class=\"{'ok' if run.ok else 'failed'}\">{'ok' if run.ok else 'failed'}</td>"
        f"<td>{run.seconds:.1f} s</td><td>{len(run.figures)}</td><td>{len(run.tables)}</td></tr>"
        for run in report.runs)
    problems = info.get("problems") or []
    problem_list = ("<p>Problems met while building:</p><ul>"
                    + "".join(f"<li>{html.escape(str(p))}</li>" for p in problems) + "</ul>") if problems else ""
    notes = info.get("notes") or []
    note_list = ('<div class="main-view"><p>Read this before any comparison:</p><ul>'
                 + "".join(f"<li>{html.escape(n)}</li>" for n in notes) + "</ul></div>") if notes else ""
    return (f"{note_list}<p>{counted(info.get('articles', 0), 'articles')}, {_sentences_words(info)}, "
            f"{counted(info.get('removed_lines', 0), 'raw lines')} removed by cleaning.</p>{problem_list}"
            '<div class="wide"><table><thead><tr><th>notebook</th><th>title</th><th>status</th><th>time</th>'
            f"<th>figures</th><th>tables</th></tr></thead><tbody>{rows}</tbody></table></div>")


def _sentences_words(info: dict) -> str:
    """The sentences as the tables count them: "48 content sentences (50 with bylines and dates)",
    not every kind the build wrote, which no table counts."""
    every, content = int(info.get("sentences", 0)), info.get("content_sentences")
    if content is None:
        return counted(every, "sentences")
    return counted(int(content), "content sentences") + (f" ({every:,} with bylines and dates)" if every != content else "")


def _events_html(report: Report) -> str:
    """The events section: with one event, its page as the main view; with several, a table of
    links (one row per event page)."""
    pages = report.events
    if report.events_error:
        return f'<p class="failed">The event pages failed: {html.escape(report.events_error)}</p>'
    if pages is None or len(pages) == 0:
        return ""
    e = html.escape
    if len(pages) == 1:
        page = pages.iloc[0]
        return (f'<p class="main-view">This corpus is one event, <b>{_event_name(page)}</b>: '
                f'<a href="{e(page["file"])}">read its page</a> first (the outlets\' headlines side by '
                "side, each article's frames, sentiment and quotes, and what all or only one outlet "
                f"reports). {one_event_limits(page['n_articles'], page['n_outlets'])} "
                "Below: every notebook's charts and tables.</p>")
    rows = "".join(f'<tr><td><a href="{e(p.file)}">{_event_name(p)}</a></td><td>{p.n_outlets}</td>'
                   f"<td>{p.n_articles}</td><td>{_whose_headline(p)}</td></tr>"
                   for p in pages.itertuples(index=False))
    return (f'<h2 id="events">Events ({len(pages)})</h2><p>One page per event: the outlets\' headlines '
            "side by side, each article's frames, sentiment and quotes, and what all or only one outlet "
            "reports. The charts below pool all events unless they say otherwise.</p>"
            f'<details{" open" if len(pages) <= 12 else ""}><summary>Event pages ({len(pages)})</summary><div class="wide"><table><thead><tr><th>event</th>'
            f"<th>outlets</th><th>articles</th><th>one outlet's headline</th></tr></thead><tbody>{rows}</tbody></table>"
            "</div></details>")


def _event_name(page) -> str:
    """An event in the events table: its title with its id after it, when the corpus gives a title
    (`events.event_titles`), else its id."""
    title = str(getattr(page, "title", "") or "")
    event = html.escape(str(page.event))
    return f"{html.escape(title)} <small>({event})</small>" if title else event


def _whose_headline(page) -> str:
    """An event's headline in the events table, with the outlet that wrote it: "CNN: Senate votes
    to extend debt ceiling …" (the event's outlets each have their own)."""
    outlet = str(getattr(page, "headline_outlet", "") or "")
    headline = html.escape(str(page.headline))
    return f"<b>{html.escape(outlet)}</b>: {headline}" if outlet and headline else headline


def one_event_limits(n_articles: int, n_outlets: int) -> str:
    """What a report of one event cannot say, before any chart (STATISTICS.md, rule 3): with one
    article per outlet nothing can be tested and each value by outlet is one article's; with more,
    whatever the tests find is about this story only."""
    n_articles, n_outlets = int(n_articles), int(n_outlets)
    if n_outlets and n_articles <= n_outlets:
        return ("Each outlet has one article here, so nothing can be tested: every value by outlet is that one "
                "article's, and a gap between two outlets is a gap between two articles, not evidence of how "
                "either outlet writes.")
    return ("One event: what the charts and tests compare is how these outlets covered this story, not how they "
            "cover others.")


def _notebook_html(run: NotebookRun, folder: Path, table_rows: int) -> str:
    anchor = html.escape(Path(run.notebook).stem)
    parts = [f'<h2 id="{anchor}">{html.escape(run.title)}</h2>']
    if run.question:
        parts.append(f'<p class="question">{html.escape(run.question)}</p>')
    parts.append(f'<p>Executed notebook: <a href="notebooks/{html.escape(run.notebook)}">'
                 f"{html.escape(run.notebook)}</a></p>")
    if not run.ok:
        parts.append(f'<p class="failed">This notebook failed; what it made before the error is '
                     f'shown below.</p><div class="error">{html.escape(run.error or "")}</div>')
    for figure in run.figures:
        parts.append(_figure_html(figure))
    for name in run.tables:
        table = pd.read_csv(Path(folder) / "tables" / name)
        table, tests = tests_said_once(table)
        shown, how = preview_rows(table, rows=table_rows)
        more = f" ({len(shown)} of {len(table):,} rows{how})" if len(table) > len(shown) else ""
        said = f"<p>{html.escape(tests)}</p>" if tests else ""
        parts.append(f'<details><summary>Table <a href="tables/{html.escape(name)}">'
                     f"{html.escape(name)}</a>{more}</summary>{said}<div class=\"wide\">"
                     f"{shown.to_html(index=False, border=0, na_rep='')}</div></details>")
    return "\n".join(parts)


_FILE_LABELS = {"png": "PNG (200 dpi)", "svg": "SVG", "pdf": "PDF", "data": "data (Parquet)",
                "json": "record (JSON)"}


def _figure_html(figure: dict) -> str:
    """One figure: the PNG, its caption (once: the image itself carries none), and links to every
    file written for it."""
    files = dict(figure.get("files", {}))
    name = figure["name"]
    files.setdefault("json", f"{name}.json")
    if figure.get("plot", {}).get("data"):
        files["data"] = figure["plot"]["data"]
    caption = html.escape(figure.get("caption") or name)
    links = "".join(f'<a href="figures/{html.escape(file)}">{_FILE_LABELS.get(fmt, fmt.upper())}</a>'
                    for fmt, file in files.items())
    image = (f'<img src="figures/{html.escape(files["png"])}" alt="chart: {html.escape(name)}">'
             if "png" in files else "")
    return (f'<figure id="fig-{html.escape(name)}">{image}'
            f'<figcaption>{caption}<div class="files">{links}</div></figcaption></figure>')


def _coding_html(folder: Path) -> str:
    """The coding sheets and other files kept in `coding/` (a rerun replaces only framing's blank
    sheets that nobody changed), without framing's list of the sheets it wrote."""
    files = sorted(p.relative_to(folder) for p in (Path(folder) / HUMAN_INPUT).rglob("*")
                   if p.is_file() and p.name not in BOOKKEEPING)
    if not files:
        return ""
    items = "".join(f'<li><a href="{html.escape(p.as_posix())}">{html.escape(p.as_posix())}</a></li>'
                    for p in files)
    return ('<h2 id="coding">Coding sheets</h2><p>Files in <code>coding/</code> are kept when the '
            "report is rendered again, except a blank sheet framing wrote and nobody changed, which the "
            "new sheet replaces; a sheet a coder filled in or edited is never replaced (the new one gets "
            "a new name, <code>_2</code>). "
            f"Fill in a sheet and read it back with <code>fr.agreement</code>.</p><ul>{items}</ul>")


TEST_FAMILIES = ("frame", "measure", "speaker", "actor")  # the columns a family of tests, one per value, is read by


def tests_said_once(table: pd.DataFrame, *, by: str = "outlet") -> tuple[pd.DataFrame, str]:
    """A table of `compare_outlets` or `summarise_frames` repeats each family's one test of all
    outlets on every outlet's row, where a reader of the index takes it for a test of that outlet.
    When every row of a family (each value of the first `TEST_FAMILIES` column the table has: each
    `frame`, quote `measure` or `speaker`; else the whole table) has the same `p_value`, the
    preview leaves `TEST_COLUMNS` out and says each test once instead: "p_value, p_adjusted,
    correction, n_events_tested, n_events_left_out and test are one test of all 72 outlets together per frame, repeated on every row of
    the CSV: it says whether the outlets differ, not which (permutation of outlet labels over
    articles, within events, 100 events; Holm across 5 tests): conflict p = 0.667, adjusted 1; …".
    Other tables (a test per row, as the pairs of `compare_within_events`) come back as they are."""
    if by not in table.columns or "p_value" not in table.columns or table["p_value"].isna().all():
        return table, ""
    family = next((c for c in TEST_FAMILIES if c in table.columns), None)
    groups = table.groupby(family, sort=True) if family else [(None, table)]
    if any(part["p_value"].nunique() > 1 for _, part in groups):
        return table, ""  # a test per row: each row says its own
    # a row without a p-value in a tested family is an outlet with nothing to test (no article with a
    # quote, say): each family's test is read from a row that has one
    ranked = table.assign(_untested=table["p_value"].isna()).sort_values("_untested", kind="stable")
    firsts = (ranked.groupby(family, sort=True).head(1) if family else ranked.head(1)).drop(columns="_untested")
    first = firsts.iloc[0]
    how = [str(first[c]) for c in ("test",) if c in table and pd.notna(first[c]) and str(first[c])]
    events = firsts.loc[firsts["p_value"].notna(), "n_events_tested"].dropna() if "n_events_tested" in table else ()
    if len(events):
        low, high = (int(n) for n in events.agg(["min", "max"]))  # each test its own events (a family untested: none)
        how.append(counted(high, "events") if low == high else f"{low:,} to {high:,} events")
        how.append(left_out_of_tests(firsts[firsts["p_value"].notna()], by=by))
    if "correction" in table and pd.notna(first["correction"]) and str(first["correction"]):
        how.append(str(first["correction"]))
    found = "; ".join(
        (f"{str(row[family]).replace('_', ' ')} " if family else "")
        + (_no_test(row) if pd.isna(row["p_value"]) else f"p = {row['p_value']:.3g}")
        + (f", adjusted {row['p_adjusted']:.3g}" if "p_adjusted" in table and pd.notna(row["p_adjusted"])
           and family else "")
        for _, row in firsts.iterrows())
    columns = [c for c in TEST_COLUMNS if c in table.columns]
    tested, untested = table.loc[table["p_value"].notna(), by].nunique(), table[by].nunique()
    text = (f"{', '.join(columns[:-1])} and {columns[-1]}" if len(columns) > 1 else columns[0]) + (
        f" are one test of all {tested:,} {by}s together" + (f" per {family}" if family else "")
        + (f" (the other {untested - tested:,} have nothing to test)" if untested > tested else "")
        + f", repeated on every row of the CSV: it says whether the {by}s differ, not which"
        + (f" ({', '.join(filter(None, how))})" if any(how) else "") + f": {found}.")
    return table.drop(columns=columns), text


def _no_test(row: pd.Series) -> str:
    """"no test (no event has articles of two outlets quoting the speaker, …)": a family's row
    without a p-value, with its `note` saying why when the table has it."""
    note = row.get("note")
    return f"no test ({note})" if isinstance(note, str) and note else "no test"


def preview_rows(table: pd.DataFrame, *, rows: int = 12, width: int = 160) -> tuple[pd.DataFrame, str]:
    """The rows of a table to show in the index: with an `outlet` column holding an outlet on
    several rows, rows taken in turn from each outlet (so a table sorted by outlet does not show one
    outlet only), else the first ones (a table of one row per outlet, sorted most articles first,
    shows its first rows: "the first", not "taken in turn from each outlet"); text cells cut to
    `width` characters. Returns the rows and how they were chosen (for the caption; "" when all
    are shown)."""
    how = ", the first" if len(table) > rows else ""
    if ("outlet" in table.columns and table["outlet"].nunique() > 1 and len(table) > rows
            and table["outlet"].duplicated().any()):
        turn = table.groupby("outlet", sort=False).cumcount()
        picked = table.assign(_turn=turn).sort_values("_turn", kind="stable").head(rows)
        table, how = picked.sort_index().drop(columns="_turn"), ", taken in turn from each outlet"
    shown = table.head(rows).copy()
    for column in shown.columns:
        if shown[column].dtype == object or pd.api.types.is_string_dtype(shown[column]):
            shown[column] = [v if not isinstance(v, str) or len(v) <= width else v[: width - 1] + "…"
                             for v in shown[column]]
    return shown, how


def statistics_paragraph() -> str:
    """What the report's numbers are, in the words a paper's methods section needs: the unit, the
    intervals with the coverage measured, the tests and their corrections (docs/statistics.md).
    Built from the defaults the library uses, so it says what was run."""
    from ..events import MIN_EVENTS_FOR_TEST
    from ..stats import MEASURED_COVERAGE, MEASURED_EVENT_COVERAGE, MIN_ARTICLES

    return (
        "Statistics (docs/statistics.md). The unit of analysis is the article; sentences are the "
        "evidence shown, not independent observations. An outlet's value is the mean over its articles of "
        "each article's value (its sentences' mean sentiment; the share of its sentences with a frame's cues). "
        f"Intervals are nominal 95% over the outlet's articles, none below {MIN_ARTICLES} articles: a Student t "
        "interval for sentiment and, for frame shares, the Wilson interval on the effective number of articles "
        "(Korn & Graubard 1998: n_eff = p(1 − p) / var(p), with var(p) over the outlet's articles and Korn & "
        "Graubard's degrees-of-freedom correction), which stays within 0–100% and is longer on the side away "
        f"from 0; on simulated corpora they covered the true value in {MEASURED_COVERAGE['sentiment', 't']} and "
        f"{MEASURED_COVERAGE['frame share', 'korn-graubard']} of corpora at 5–10 articles "
        "and about 95% at 30 (a rare frame, true share 3%: 89%; benchmarks/bench_stats.py). Quote shares (of an "
        "article's quotes, those from "
        "anonymous sources, with an evaluative verb, from officials; each speaker's share of its quoted words) "
        "are averaged over the articles that have something to share, with the same interval "
        f"({MEASURED_COVERAGE['quote share', 'korn-graubard']} at 5–10 articles); where every article of an outlet "
        "is at 0% or 100% the interval is the exact binomial bound over its articles (Clopper & Pearson 1934), "
        "never one of zero width. Whether outlets differ is one permutation test "
        "of all outlets per measure, shuffling outlet labels among articles within events (Good 2005; "
        "1,999 shuffles, p = (1 + b) / (1 + B), Phipson & Smyth 2010; a p whose Monte Carlo error reaches 0.05 "
        "is drawn again from 19,999, then 199,999 shuffles, so that another seed would not turn the finding), "
        "adjusted by Holm's method across the "
        "frames of a scheme (their share of sentences, and the share of articles carrying each), the two voices "
        "(narration, quoted speech), the three quote measures or the most quoted speakers (those the speaker "
        "chart's caption lists); it does not say which outlet differs, and a chart that ranks outlets says on "
        "itself when the test finds no difference that its order may be chance. An outlet against the others on the "
        "same events is the mean over events of its articles minus the other outlets' articles, with a t "
        f"interval over events from {MIN_ARTICLES} events (coverage {MEASURED_EVENT_COVERAGE} on simulated "
        "corpora), each interval for one outlet, not adjusted for the number drawn; below "
        f"{MIN_ARTICLES} events that mean describes those events only and is neither ranked nor given an "
        "interval. Pairs of outlets are compared over the events both cover: how many each is "
        "\u201cmore so\u201d, the median difference with its distribution-free 95% interval from the order "
        f"statistics (Thompson 1936; from {MIN_EVENTS_FOR_TEST} events, one interval per pair, not adjusted), "
        f"and a Wilcoxon signed-rank test over events from {MIN_EVENTS_FOR_TEST} events with Benjamini–Hochberg "
        "false discovery rate across every pair and measure; the exact sign test, adjusted the same way, is "
        "reported as a robustness check, not as a second test. Distinctive words are weighted log-odds z-scores with an informative Dirichlet prior "
        "(Monroe, Colaresi & Quinn 2008), read against the 95th percentile of the largest |z| when outlet "
        "labels are shuffled among articles within events; keyness (G², Dunning 1993) is a ranking, not a test."
    )


def _methods_html(info: dict, kernel: str) -> str:
    versions = "".join(f"<tr><td>{html.escape(name)}</td><td>{html.escape(_version(name))}</td></tr>"
                       for name in VERSIONED_PACKAGES)
    from ..lexicons import override_path

    data = "".join(f"<tr><td>{html.escape(_data_name(name, override_path(name)))}</td>"
                   f"<td>{html.escape(str(d.get('version')))}</td>"
                   f"<td>{html.escape(_first_sentence(str(d.get('source', ''))))}</td></tr>"
                   for name, d in shipped_data().items())
    return ("<h2 id=\"methods\">Methods and versions</h2>"
            "<p>Tables built by <code>framing.build</code> (cleaning, then sentence splitting), "
            f"framing {html.escape(str(info.get('framing_version', _version('framing'))))}; "
            f"notebooks run with papermill on the <code>{html.escape(kernel)}</code> kernel, "
            f"Python {html.escape(platform.python_version())}. Each figure's JSON file beside it "
            "records its parameters and the SHA-256 of the sentences table it was drawn from.</p>"
            f"<p id=\"statistics\">{html.escape(statistics_paragraph())}</p>"
            f"<table><thead><tr><th>package</th><th>version</th></tr></thead><tbody>{versions}</tbody></table>"
            "<p>Data files (lexicons, word lists, parameters) shipped with framing, or the "
            "project's own copy (<code>lexicons/</code>) where it has one:</p>"
            '<div class="wide"><table><thead><tr><th>file</th><th>version</th><th>source</th></tr></thead>'
            f"<tbody>{data}</tbody></table></div>")


def _data_name(name: str, own: Path | None) -> str:
    return name if own is None else f"{name}: the project's own copy, {shown_path(own)}"


def shipped_data() -> dict[str, dict]:
    """Every data file shipped in `framing/data/`, by name: the lexicons as `load_data` reads them
    and the learned weights (`.json`, e.g. the actor sentiment classifier) with their `version`
    and `source`."""
    import json
    from importlib import resources

    from ..lexicons import load_data

    files = sorted((p for p in (resources.files("framing") / "data").iterdir()
                    if p.name.endswith((".toml", ".json"))), key=lambda p: p.name)
    found = {}
    for path in files:
        name = path.name.rsplit(".", 1)[0]
        try:
            found[name] = load_data(name) if path.name.endswith(".toml") else json.loads(path.read_text(encoding="utf-8"))
        except (ValueError, json.JSONDecodeError) as error:  # a broken file is named in the report
            found[name] = {"version": "unreadable", "source": str(error)}
    return found


def _version(package: str) -> str:
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return "not installed"


def _first_sentence(text: str, limit: int = 220) -> str:
    text = " ".join(text.split())
    end = text.find(". ")
    text = text if end < 0 else text[: end + 1]
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
