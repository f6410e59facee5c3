"""One article's rows: its raw lines labelled (with the lines its site repeats on every page),
kept lines joined into blocks, blocks split into sentences, and its article row with the warnings
a user should read.

`process_article` does it all for one `RawArticle`; `framing.build` runs it over a corpus (one
article at a time, so the same function serves one file, a folder, or many workers) and stacks
the rows into tables.
"""
from __future__ import annotations

import json
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import PurePosixPath
from typing import TYPE_CHECKING

from .. import clean, segment
from ..config import CONTENT_KINDS
from ..ingest import EXPORT_FORMATS, MANIFEST, Problem, RawArticle, _where
from ..ingest.outlets import FROM_URL
from ..store.words import counted

if TYPE_CHECKING:
    import pandas as pd

SPLIT_KINDS = ("body", "list_item")  # blocks split into sentences; other kinds stay whole
WARNING_SEPARATOR = "; "  # between an article's warnings (inside one, written ", ": `joined_warnings`)
_WORD = re.compile(r"\w+(?:[’'\-.]\w+)*")


@dataclass
class ArticleResult:
    article: dict | None
    sentences: list[dict]
    removed: list[dict]
    problems: list[Problem]

# What the text was searched for (clean.metadata `_outlet`): a copyright holder counts only when the text also
# names it outside its notices, so a page naming its site only there ("© ScienceAlert Pty Ltd") gets here too.
NO_OUTLET = ("no outlet named in the text or manifest: the file name stands in (no page title or byline of the "
             "text names its site, a copyright line counts only when the text also names its holder elsewhere, "
             "and no url is given)")  # then the fix for that file


def process_article(raw: RawArticle, *, corpus: str, site_repeats: frozenset[str] = frozenset()
                    ) -> ArticleResult:
    """Clean and segment one raw article into its article row, sentence rows and removed rows.
    An article that breaks the cleaner (a library error on a malformed page) is one problem naming
    the file, never a failed build."""
    try:
        return _process(raw, corpus=corpus, site_repeats=site_repeats)
    except (ValueError, TypeError, LookupError, RecursionError, MemoryError, AttributeError) as error:
        where = _where(raw)
        return ArticleResult(None, [], [], [Problem(where, f"could not be cleaned ({type(error).__name__}: "
                                                           f"{str(error)[:120]}): skipped; check the file, "
                                                           "or report this as a bug with the file", skipped=1)])


def _process(raw: RawArticle, *, corpus: str, site_repeats: frozenset[str]) -> ArticleResult:
    """`process_article`, for an article the cleaner does not break."""
    lines, inferred = label_article(raw, site_repeats=site_repeats)
    removed = [_removed_row(raw, line) for line in lines if line.kind is None]
    blocks = unnest_blocks(lines)
    sentences, looped = drop_looped_sentences(unnest_sentences(blocks))
    english = _english_share(raw, blocks)
    foreign = english is not None and english < MIN_ENGLISH_SHARE
    if not any(s["kind"] in CONTENT_KINDS for s in sentences):
        return ArticleResult(None, [], removed, [Problem(
            _where(raw), f"no article text found ({_no_text_hint(raw, foreign=foreign)}): skipped; check with "
            f"{explain_command(raw.source_file)}", skipped=1)])
    notes = _article_notes(raw, lines, site_repeats, foreign=foreign, looped=looped)
    article = _article_row(raw, corpus, inferred, sentences, notes=notes)
    _number_sentences(sentences, article)
    for row in removed:
        row["article_id"] = article["article_id"]
    return ArticleResult(article, sentences, removed, warning_problems(raw, article["warnings"]))


def explain_command(source_file: str) -> str:
    """"`framing explain <file>`", the file quoted as a shell takes it when its name holds a space
    ("menus only.txt": unquoted, the command read two files)."""
    import shlex

    return f"`framing explain {shlex.quote(str(source_file))}`"


def _no_text_hint(raw: RawArticle, *, foreign: bool) -> str:
    """Why an article kept no content sentence, as far as the build can tell, and what to do."""
    if raw.encoding == "utf-8-replace":
        return "it is in no encoding framing reads (UTF-8, UTF-16, UTF-32, Windows-1252): re-save it as UTF-8"
    if foreign:
        return ("the text does not read as English (framing's cleaning rules and lexicons are for English news): "
                "translate it or leave it out")
    if raw.format == "html":
        return "trafilatura found no article in this page (only navigation or links)"
    return "every line looked like page furniture"


def label_article(raw: RawArticle, *, site_repeats: frozenset[str] = frozenset()):
    """Label the lines of one raw article and infer its metadata from the text."""
    if raw.format == "html":
        lines, inferred = clean.label_html(raw.text)
        return lines, inferred or {}
    title = raw.given.get("title") if raw.format in EXPORT_FORMATS else None
    if not raw.wants_cleaning:  # clean text states only its author, in a closing byline
        lines = clean.label_clean_text(raw.text, title=title)
        signed = any(line.kind == "byline" for line in lines)
        return lines, {"author": clean.infer_metadata(lines).get("author")} if signed else {}
    lines = clean.label_lines(raw.text, site_repeats=site_repeats) if site_repeats else _page_labels(raw.text)
    if raw.format == "text" and raw.given.get("title"):
        lines = title_line_as_headline(lines, raw.given["title"])
    inferred = clean.infer_metadata(lines)
    if title and not any(line.kind == "headline" for line in lines):
        lines.insert(0, clean.Line(0, title, "headline", "export_title", -1))
    return lines, inferred


def title_line_as_headline(lines: list, title: str) -> list:
    """A page's lines with the line that is the title the manifest gives made its headline (rule
    `manifest_title`), when the page rules found no headline and that line opens the article: it
    stands above the first kept line or is that line. The rules read a title by its form, so one
    ending in a period ("Trump Stays Banned on Facebook. Keep It That Way.") was read as body and
    one of three words ("The Problem Oscars") as outside the body. Same lines otherwise; the
    headline gets paragraph 0 and the others move down one where it was not kept before."""
    if any(line.kind == "headline" for line in lines):
        return lines
    wanted = clean.normalise_line(title)
    first_kept = next((i for i, line in enumerate(lines) if line.kind), len(lines))
    match = next((i for i, line in enumerate(lines[:first_kept + 1])
                  if wanted and clean.normalise_line(line.text) == wanted), None)
    if match is None or (lines[match].kind and sum(line.paragraph == lines[match].paragraph for line in lines) > 1):
        return lines  # no such line, or one line of a longer paragraph
    shift = 0 if lines[match].kind else 1
    return [clean.Line(line.number, line.text, "headline", "manifest_title", lines[match].paragraph or 0) if i == match
            else line if line.paragraph is None
            else clean.Line(line.number, line.text, line.kind, line.rule, line.paragraph + shift)
            for i, line in enumerate(lines)]


SITE_SAMPLE = 100  # pages per outlet to learn its repeated lines from: plenty for menus and footers


def site_repeats(raws: Iterable[RawArticle]) -> dict[str, frozenset[str]]:
    """Lines repeated across the text pages of one outlet (menus, footers), per article id.

    Pages are grouped by the outlet the manifest gives, else the outlet read from the page, else the
    host of the url the manifest gives (`outlet_of_url`), as the articles table names them. A
    rebuild reads every page again for this, never the outlet the last build found: that outlet is
    read from the page cleaned with its repeats, and grouping by it gave a page other repeats than
    a build from scratch does. Each outlet's
    repeats are learnt from its first `SITE_SAMPLE` pages and apply to all its pages; outlets with
    one page learn nothing."""
    members: dict[str, list[str]] = defaultdict(list)
    sample: dict[str, list[str]] = defaultdict(list)
    for raw in raws:
        if raw.format != "text" or not raw.wants_cleaning:
            continue
        outlet = (raw.given.get("outlet")
                  or clean.infer_metadata(_page_labels(raw.text)).get("outlet")
                  or outlet_of_url(raw.given.get("url")))
        if not outlet:
            continue
        members[outlet].append(raw.article_id)
        if len(sample[outlet]) < SITE_SAMPLE:
            sample[outlet].append(raw.text)
    repeats: dict[str, frozenset[str]] = {}
    for outlet, ids in members.items():
        if len(ids) < 2:
            continue
        lines = clean.repeated_lines(sample[outlet])
        repeats.update(dict.fromkeys(ids, lines))
    return repeats


PAGE_LABELS_KEPT = 256  # pages whose labels (without site repeats) are kept between the two uses


def _page_labels(text: str) -> list:
    """`clean.label_lines(text)` with no site repeats, as a new list. `site_repeats` labels a page
    to read its outlet, and a page whose outlet has no repeats is labelled the same way again when
    it is built: the labels of the last `PAGE_LABELS_KEPT` pages are kept for that."""
    return list(_page_labels_kept(text))


@lru_cache(maxsize=PAGE_LABELS_KEPT)
def _page_labels_kept(text: str) -> tuple:
    return tuple(clean.label_lines(text))


def unnest_blocks(lines) -> list[dict]:
    """Kept lines → blocks: lines sharing a paragraph number are joined with spaces."""
    blocks: list[dict] = []
    for line in lines:
        if line.kind is None:
            continue
        text = line.text.strip()
        last = blocks[-1] if blocks else None
        if last is not None and line.paragraph is not None and last["paragraph"] == line.paragraph:
            last["spans"].append((len(last["text"]) + 1, line.number))
            last["text"] += " " + text
            continue
        blocks.append({"paragraph": line.paragraph, "kind": line.kind, "text": text,
                       "spans": [(0, line.number)]})
    return blocks


def unnest_sentences(blocks: list[dict]) -> list[dict]:
    """Blocks → sentence rows with their words counted and their raw line numbers. Body and list
    blocks are split into sentences; headlines, subheadings, bylines and dates stay whole."""
    rows = []
    for paragraph_id, block in enumerate(blocks):
        text = block["text"]
        pieces = _split_counted(text) if block["kind"] in SPLIT_KINDS else ((0, len(text), count_words(text)),)
        for start, end, n_words in pieces:
            rows.append({"paragraph_id": paragraph_id, "kind": block["kind"], "text": text[start:end],
                         "n_words": n_words, "line_start": _line_at(block["spans"], start),
                         "line_end": _line_at(block["spans"], max(start, end - 1))})
    return rows


@lru_cache(maxsize=20_000)
def _split_counted(text: str) -> tuple[tuple[int, int, int], ...]:
    """(start, end, words) of each sentence of a paragraph. Each distinct paragraph is split once:
    news repeats paragraphs (wire copy, boilerplate, a story updated in place)."""
    return tuple((start, end, count_words(text[start:end])) for start, end in segment.sentence_spans(text))


def _line_at(spans: list[tuple[int, int]], offset: int) -> int:
    """The raw line number holding character `offset` of a block built from those lines."""
    number = spans[0][1]
    for start, line in spans:
        if start > offset:
            break
        number = line
    return number


def count_words(text: str) -> int:
    """Words as a reader counts them: U.S., pre-2014 and Ukraine’s are one word each."""
    return len(_WORD.findall(text))


def drop_looped_sentences(sentences: list[dict]) -> tuple[list[dict], list[dict]]:
    """Sentence rows with the copies of an article written over and over taken out: when the
    content sentences that repeat an earlier one word for word (spaces folded) hold more than
    `clean.MAX_LOOP_SHARE` of the content words (one paragraph pasted thousands of times into one
    line), the first copy of each stays. Returns (kept rows, dropped rows); nothing is dropped from
    an article whose repeats are a few (a slogan, a sentence quoted twice)."""
    seen: set[str] = set()
    copies = []
    for row in sentences:
        key = " ".join(row["text"].split()) if row["kind"] in CONTENT_KINDS else None
        copies.append(key is not None and key in seen)
        seen.add(key)
    repeated = sum(row["n_words"] for row, copy in zip(sentences, copies) if copy)
    total = sum(row["n_words"] for row in sentences if row["kind"] in CONTENT_KINDS)
    if repeated <= clean.MAX_LOOP_SHARE * total:
        return sentences, []
    return ([row for row, copy in zip(sentences, copies) if not copy],
            [row for row, copy in zip(sentences, copies) if copy])


MIN_ENGLISH_SHARE = 0.15  # English prose has 40-50 % function words; other languages almost none


def _english_share(raw: RawArticle, blocks: list[dict]) -> float | None:
    """The share of English function words (`clean.english_share`) in what cleaning kept of the
    article, so that a page dump's menus and link lists (thousands of characters of names and
    single words before the article) do not make an English article look foreign; the raw text's
    lines that may hold a sentence (`_sentence_lines`) when too little was kept to tell (a foreign
    page keeps few lines)."""
    kept = clean.english_share("\n".join(block["text"] for block in blocks))
    if kept is not None or raw.format == "html":
        return kept
    return clean.english_share("\n".join(_sentence_lines(raw.text)))


SENTENCE_LINE_CHARS = 40  # a menu entry, button or date line is shorter; a paragraph of prose is longer


def _sentence_lines(text: str) -> list[str]:
    """The lines of `text` that may hold a sentence: `SENTENCE_LINE_CHARS` characters or more, or
    ending like a sentence. A file of menus and share buttons alone has few such lines and few
    function words in them, so it is not taken for a text in another language (its skip says every
    line looked like page furniture)."""
    return [line for line in text.split("\n")
            if len(line.strip()) >= SENTENCE_LINE_CHARS or clean.reads_as_prose(line)]


def _article_notes(raw: RawArticle, lines, site_repeats: frozenset[str], *, foreign: bool,
                   looped: list[dict] = ()) -> list[str]:
    """What the user should know about one built article (its `warnings`, and warning lines of
    the build): text that is mostly copies of itself, text that does not read as English, lines
    shared with the site kept, prose dropped from an export, whose text is the article."""
    notes = []
    loop = _loop_note(raw, lines, list(looped))
    if loop:
        notes.append(loop)
    if foreign:
        notes.append("does not read as English: kept, but framing's cleaning rules and lexicons are "
                     "for English news, so its frames, sentiment and quotes are not meaningful (leave "
                     "it out of the corpus, or translate it)")
    if site_repeats and any(line.kind and clean.normalise_line(line.text) in site_repeats for line in lines):
        notes.append("lines it shares with other pages of its outlet were kept: they hold most of its "
                     "text, so they are the article (another version of it?), not site furniture")
    prose = [line for line in lines if line.kind is None and clean.reads_as_prose(line.text)
             and not (loop and line.rule == "repeated_line")]
    if prose and raw.format in EXPORT_FORMATS:
        rules = ", ".join(sorted({line.rule for line in prose}))
        lines_were = "1 line that reads as prose was" if len(prose) == 1 else \
            f"{len(prose)} lines that read as prose were"
        notes.append(f"{lines_were} dropped ({rules}): see the removed table or "
                     f"{explain_command(raw.source_file)}")
    return notes


def _loop_note(raw: RawArticle, lines, looped: list[dict]) -> str | None:
    """The warning for an article made mostly of copies of its own text (lines dropped as
    `repeated_line`, a line written over and over kept once by `clean.line_copies`, sentences
    dropped by `drop_looped_sentences`), or None."""
    copies = [line for line in lines if line.rule == "repeated_line"]
    repeated = sum(count_words(line.text) for line in copies) + sum(row["n_words"] for row in looped)
    written_over = 0  # copies taken out of lines written over and over
    if raw.format != "html":  # (a saved page's lines are trafilatura's, not the file's)
        source = raw.text.splitlines()
        for line in lines:
            if 0 < line.number <= len(source) and len(source[line.number - 1]) > 2 * len(line.text):
                _, n = clean.line_copies(source[line.number - 1])
                written_over += n - 1
                repeated += (n - 1) * count_words(line.text)
    if not repeated:  # (nothing repeated: the kept words need no counting)
        return None
    kept = sum(count_words(line.text) for line in lines if line.kind in CONTENT_KINDS)
    kept -= sum(row["n_words"] for row in looped)
    if repeated <= clean.MAX_LOOP_SHARE * (repeated + kept):
        return None
    what = " and ".join(part for part in (
        counted(len(copies), "lines") if copies else "",
        f"{written_over:,} {'copy' if written_over == 1 else 'copies'} within lines" if written_over else "",
        counted(len(looped), "sentences") if looped else "") if part)
    return (f"is mostly one text repeated: {what} repeating earlier text word for word ({repeated:,} of "
            f"{repeated + kept:,} words) were left out, one copy of each kept (the file was probably saved "
            "or exported in a loop: compare it with its source and save it again)")


def _article_row(raw: RawArticle, corpus: str, inferred: dict, sentences: list[dict], *,
                 notes: list[str] = ()) -> dict:
    """The article's row: each metadata field as given (manifest or export), else as inferred from
    the text (named in `inferred`; a date more than a day off its url's dropped), else the headline
    and subtitle; an outlet none gives is its url's host, else the file name stands in, with a warning."""
    headline = next((s["text"] for s in sentences if s["kind"] == "headline"), None)
    subtitle = next((s["text"] for s in sentences if s["kind"] == "subtitle"), None)
    fallback = {"title": headline, "subtitle": subtitle}
    values, from_text = {}, []
    for name in ("outlet", "title", "subtitle", "author", "published", "url", "event"):
        value = raw.given.get(name)
        if not value and inferred.get(name):
            value = inferred[name]
            from_text.append(name)
        values[name] = value or fallback.get(name)
    if "published" in from_text and not clean.check_date_with_url(values["published"], values["url"]):
        values["published"] = None  # more than a day from the date its address files it under: not settled
        from_text.remove("published")
    warnings = list(raw.warnings) + list(notes)
    if not values["outlet"] and (host := outlet_of_url(values["url"])):
        values["outlet"] = host  # the site's web address, as a saved page that names itself by it is named
        from_text.append(FROM_URL)
    elif not values["outlet"] and raw.record is None:
        values["outlet"] = _stand_in(raw.source_file)
        warnings.append(outlet_fix_warning(raw))
    elif not values["outlet"]:
        values["outlet"] = f"{_stand_in(raw.source_file)} row {raw.record}"
        warnings.append("no outlet given: the file name and row stand in (fill in the row's "
                        "'outlet' cell or its 'url', or name the column holding outlets 'outlet')")
    content = [s for s in sentences if s["kind"] in CONTENT_KINDS]
    return {
        "article_id": raw.article_id, "corpus": corpus, "event": values["event"] or corpus,
        "outlet": values["outlet"], "title": values["title"], "subtitle": values["subtitle"],
        "author": values["author"], "published": values["published"], "url": values["url"],
        "source_file": raw.source_file, "source_record": raw.record, "format": raw.format,
        "encoding": raw.encoding, "raw_sha256": raw.raw_sha256, "n_sentences": len(content),
        "n_words": sum(s["n_words"] for s in content),
        "inferred": ",".join(from_text), "warnings": joined_warnings(warnings),
        "outlet_inferred": values["outlet"] if {"outlet", FROM_URL} & set(from_text) else None,
        "extra": json.dumps(raw.extra, ensure_ascii=False, sort_keys=True) if raw.extra else None,
    }


def _stand_in(source_file: str) -> str:
    """The outlet of an article that names none: its file's path in the corpus folder without the
    extension ("story0", "cnn/story0"), so files of one name in two subfolders are not taken for
    one outlet."""
    return PurePosixPath(source_file).with_suffix("").as_posix()


def outlet_of_url(url: str | None) -> str | None:
    """The outlet an article's web address names: its host in lower case without "www." and
    like prefixes ("https://www.nytimes.com/…" and "www.nytimes.com/…": "nytimes.com"), as
    trafilatura names a saved page's host (courlan's `extract_domain`, fast mode) and as framing
    names a site that calls itself by its address ("nj.com"). None when `url` holds no host."""
    text = (url or "").strip()
    if not text or " " in text:
        return None
    from courlan import extract_domain

    if "://" not in text:
        text = "https://" + text.lstrip("/")
    host = extract_domain(text, fast=True)
    return host.lower() if host and "." in host else None


def _number_sentences(rows: list[dict], article: dict) -> None:
    last = max(len(rows) - 1, 1)
    for sentence_id, row in enumerate(rows):
        row.update(article_id=article["article_id"], outlet=article["outlet"], event=article["event"],
                   sentence_id=sentence_id, position=sentence_id / last)


def _removed_row(raw: RawArticle, line) -> dict:
    return {"article_id": raw.article_id, "source_file": raw.source_file, "source_record": raw.record,
            "line": line.number, "text": line.text, "rule": line.rule}


def outlet_fix_warning(raw: RawArticle) -> str:
    """The warning of a file with no outlet, given or found: the file name stands in, and the
    manifest's advice says how to give it one."""
    fix = raw.outlet_fix or f"give it one in the corpus folder's {MANIFEST}"
    return f"{NO_OUTLET}: {fix}"


def with_outlet_fixes(articles: pd.DataFrame, raws: Iterable[RawArticle]) -> pd.DataFrame:
    """Reused rows whose file has no outlet, with the manifest's advice as it is now in their
    warning: the advice is no part of the build key (`build_key`), so the rows are those a build
    from scratch writes."""
    if articles.empty or "warnings" not in articles:
        return articles
    fixes = {raw.article_id: outlet_fix_warning(raw).replace(WARNING_SEPARATOR, ", ") for raw in raws}

    def refreshed(article_id: str, warnings) -> str:
        if not isinstance(warnings, str) or NO_OUTLET not in warnings or article_id not in fixes:
            return warnings
        return WARNING_SEPARATOR.join(fixes[article_id] if warning.startswith(NO_OUTLET) else warning
                                      for warning in warnings.split(WARNING_SEPARATOR))

    return articles.assign(warnings=[refreshed(a, w) for a, w in zip(articles["article_id"], articles["warnings"])])


def joined_warnings(warnings: list[str]) -> str:
    """An article's warnings as its row holds them, one cell: joined by `WARNING_SEPARATOR`, which
    inside a warning (one quoting a page's line, or a fix with two parts) is written ", ", so that
    `warning_problems` splits the cell into the warnings it was made of."""
    return WARNING_SEPARATOR.join(warning.replace(WARNING_SEPARATOR, ", ") for warning in warnings)


def warning_problems(raw: RawArticle, warnings: str) -> list[Problem]:
    """An article's `warnings` (as its row holds them) as the problems the build reports, except, for
    a row of an export, those of reading the file (encoding, the rows' dates), which ingest names
    once for the file."""
    notes = warnings.split(WARNING_SEPARATOR) if warnings else []
    return [Problem(_where(raw), note) for note in notes[len(raw.warnings) if raw.record is not None else 0:]]
