"""The live browsers of `framing.display` on the seed corpus: choosing another value redraws the
view, and the view is widget state, never display output captured into an `Output` widget (the
pattern that stalled notebook 01 under papermill in 17 of 36 runs, jupyter/nbclient#312)."""
import ipywidgets as widgets
import pandas as pd

from framing import display
from framing.frames import add_frames
from framing.keywords import kwic


def _widgets(widget):
    yield widget
    for child in getattr(widget, "children", ()):
        yield from _widgets(child)


def _view(widget) -> widgets.HTML:
    assert not any(isinstance(w, widgets.Output) for w in _widgets(widget)), "an Output widget"
    views = [w for w in widget.children if type(w) is widgets.HTML]
    assert len(views) == 1
    return views[0]


def test_browse_articles_redraws_the_chosen_article(seed_build):
    articles, sentences, removed = seed_build.articles, seed_build.sentences, seed_build.removed
    first, second = articles["article_id"]
    widget = display.browse_articles(articles, sentences, removed, article_id=first)
    view = _view(widget)
    headline = sentences[(sentences["article_id"] == first) & (sentences["kind"] == "headline")]["text"].iloc[0]
    other = sentences[(sentences["article_id"] == second) & (sentences["kind"] == "headline")]["text"].iloc[0]
    assert 'class="fr-evidence"' in view.value and "dropped:" in view.value
    assert display.mark_spans(headline, []) in view.value and display.mark_spans(other, []) not in view.value
    widget.children[0].value = second
    assert display.mark_spans(other, []) in view.value and display.mark_spans(headline, []) not in view.value


def test_browse_evidence_redraws_the_rows_of_the_chosen_value(seed_sentences):
    hits = add_frames(seed_sentences, scheme="generic").merge(seed_sentences[["article_id", "sentence_id", "text"]])
    frames = hits["frame"].value_counts()
    widget = display.browse_evidence(hits, by="frame", terms_col="terms")
    view = _view(widget)
    assert widget.children[0].value == frames.index[0]
    assert f"frame: {frames.index[0]} ({frames.iloc[0]:,} rows)" in view.value
    assert view.value.count('<mark class="fr-hit"') >= frames.iloc[0]
    widget.children[0].value = frames.index[-1]
    assert f"frame: {frames.index[-1]} ({frames.iloc[-1]:,} rows)" in view.value


def test_browse_kwic_searches_as_the_keyword_changes(seed_sentences):
    widget = display.browse_kwic(seed_sentences, keyword="NATO", window=4)
    view, box, width = _view(widget), widget.children[0], widget.children[1]
    n_nato = len(kwic(seed_sentences, "NATO", window=4))
    assert n_nato > 10 and f"“NATO”: {n_nato:,} occurrences, 4 words either side" in view.value
    assert view.value.count('<mark class="fr-hit"') == min(n_nato, 50) and ">NATO</mark>" in view.value
    box.value = "Hegseth"
    n_hegseth = len(kwic(seed_sentences, "Hegseth"))
    assert n_hegseth and f"“Hegseth”: {n_hegseth:,} occurrences" in view.value
    width.value = 2
    assert "2 words either side" in view.value
    box.value = "  ...  "
    assert "has no word in it" in view.value


def test_show_kwic_escapes_and_aligns():
    context = pd.DataFrame({"outlet": ["A & B"], "left": ["said <b>"], "keyword": ["troops"], "right": ["would"]})
    html = display.show_kwic(context)
    assert "A &amp; B" in html and "said &lt;b&gt;" in html and "<b>" not in html
    assert 'text-align:right">said' in html and ">troops</mark>" in html


def test_browse_articles_names_an_article_without_title_by_its_file(tmp_path):
    """An article with no headline (plain paragraphs of prose) is listed by its file, not as "nan"."""
    from framing.build import build_tables

    corpus = tmp_path / "jets"
    corpus.mkdir()
    (corpus / "plain-jets.txt").write_text(
        "The airline said on Wednesday that it would buy thirty new long-range jets, a smaller order than "
        "the one it had announced two years earlier at the same air show.\n\n"
        "Analysts said the change reflected weaker demand for the largest aircraft, and the maker's "
        "shares rose slightly after the announcement.\n", encoding="utf-8")
    built = build_tables(corpus)
    assert built.articles["title"].isna().all()
    widget = display.browse_articles(built.articles, built.sentences, built.removed)
    labels = [label for label, _ in widget.children[0].options]
    assert labels == [f"{built.articles['outlet'].iloc[0]}: plain-jets.txt"]


def test_show_sentences_leaves_a_missing_speaker_empty_and_rounds_scores(seed_sentences):
    """Notebook 05 shows a quote no speaker was found for with an empty speaker cell (it said "nan"),
    and notebook 03 each sentence's sentiment to three decimals (it printed 16 digits)."""
    from framing.sentiment import add_sentiment
    from framing.sources import extract_quotes

    quotes = extract_quotes(seed_sentences).merge(seed_sentences[["article_id", "sentence_id", "text"]])
    unattributed = quotes[quotes["speaker"].isna()]
    assert len(unattributed) and unattributed["verb_text"].isna().all()
    html = display.show_sentences(unattributed, terms_col="quote", columns=("outlet", "speaker", "verb_text"))
    assert ">nan<" not in html and f'<td style="{display._CELL}"></td>' in html
    scored = add_sentiment(seed_sentences).nsmallest(3, "sentiment")
    html = display.show_sentences(scored, columns=("outlet", "sentence_id", "sentiment"))
    for value in scored["sentiment"]:
        assert f">{value:.3f}<" in html and f">{value}<" not in html
    assert f">{scored['sentence_id'].iloc[0]}<" in html


def test_notebook_tables_leave_what_was_not_computed_empty(seed_sentences):
    """Regression: notebook 03's table of the seeds showed `NaN` under ci_low and ci_high (and
    notebook 02 under difference and cliffs_delta) where its prose says they are "left empty"
    for too few articles. Missing values are empty cells; the numbers and the reason stay."""
    from framing.sentiment import add_sentiment, summarise_sentiment

    by_outlet = summarise_sentiment(add_sentiment(seed_sentences), by="outlet")
    assert by_outlet["ci_low"].isna().all()  # two articles: no interval
    plain = by_outlet._repr_html_()
    html = display.table_html(by_outlet)
    assert ">NaN<" in plain and ">NaN<" not in html and "<td></td>" in html
    assert html.count("too few articles for an interval") == len(by_outlet)
    for mean in by_outlet["mean"]:
        assert f">{mean:.6f}<" in html
    nullable = pd.DataFrame({"speaker": pd.Series(["Pete Hegseth", None], dtype="str"),
                             "n_quotes": pd.array([3, None], dtype="Int64"), "note": [None, "anonymous"]})
    html = display.table_html(nullable)
    assert "&lt;NA&gt;" not in html and ">None<" not in html and ">3<" in html and ">anonymous<" in html


def test_each_browser_shows_its_first_view_and_says_why_in_a_kernel_without_ipywidgets(seed_build, seed_sentences,
                                                                                        monkeypatch):
    """A kernel without ipywidgets (a notebook opened in another environment's kernel) stopped each
    browser with ModuleNotFoundError; each now shows the view an unattended run shows, under a line
    naming the argument that picks another view and the package to install."""
    monkeypatch.setitem(__import__("sys").modules, "ipywidgets", None)  # `import ipywidgets` raises ImportError
    articles, sentences, removed = seed_build.articles, seed_build.sentences, seed_build.removed
    second = articles["article_id"].iloc[1]
    headline = sentences[(sentences["article_id"] == second) & (sentences["kind"] == "headline")]["text"].iloc[0]
    hits = add_frames(seed_sentences, scheme="generic").merge(seed_sentences[["article_id", "sentence_id", "text"]])
    frame = hits["frame"].value_counts().index[-1]
    shown = {
        "article_id": display.browse_articles(articles, sentences, removed, article_id=second),
        "value": display.browse_evidence(hits, by="frame", terms_col="terms", value=frame),
        "keyword": display.browse_kwic(seed_sentences, keyword="Hegseth", window=4)}
    for argument, view in shown.items():
        assert isinstance(view, display.Html) and "ipywidgets is not installed in this kernel" in view
        assert f"<code>{argument}=</code>" in view and "pip install ipywidgets" in view
    assert display.mark_spans(headline, []) in shown["article_id"]
    assert f"frame: {frame} (" in shown["value"]
    assert f"“Hegseth”: {len(kwic(seed_sentences, 'Hegseth', window=4)):,} occurrences, 4 words" in shown["keyword"]
