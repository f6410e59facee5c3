"""framing: media framing analysis of news articles from several outlets.

Notebooks need only `import framing as fr`: every public verb is re-exported here. Modules are
imported on first use, so `import framing` stays fast and a notebook pays only for what it calls.
"""
from importlib import import_module
from importlib.metadata import PackageNotFoundError, version as _version

try:
    __version__ = _version("framing")
except PackageNotFoundError:  # running from a source tree that was not installed
    __version__ = "0.0.0"

# public name → module that defines it
_EXPORTS = {
    "actors": ["count_actors", "find_actors", "match_actors", "person_mentions", "resolve_names"],
    "build": ["Build", "build_corpus", "build_tables", "save_build"],
    "compare": ["add_counterparts", "align_sentences", "compare_quotes", "exclusive_facts", "headline_frame_gaps",
                "headline_sentiment_gaps", "headline_vs_body", "mutual_pairs_once", "prominence", "same_fact_rows", "shared_facts", "summarise_exclusivity",
                "summarise_headline_frames", "word_differences"],
    "config": ["CONTENT_KINDS", "KINDS", "META_KINDS", "SEED_CORPUS", "shown_path"],
    "display": ["Html", "browse_articles", "browse_evidence", "browse_kwic", "mark_spans", "mark_terms", "show_article",
                "show_kwic", "show_sentences"],
    "frames": ["add_frames", "agreement", "article_frames", "export_coding_sheet", "find_issue_lexicon", "frame_evidence",
               "issue_lexicon", "krippendorff_alpha", "own_cue_hits", "read_lexicon", "summarise_frames"],
    "keywords": ["collocations", "count_set_aside", "count_terms", "keyness", "kwic", "log_odds",
                 "find_signposts", "log_odds_threshold", "mark_set_aside", "normalise_term",
                 "read_stopwords", "tfidf", "tokenize", "unnest_tokens"],
    "leans": ["largest_first", "lean_colours", "lean_place", "outlet_order", "sort_outlets"],
    "lexicons": ["load_data"],
    "plots": ["add_caption", "comparison_caption", "corpus_caption", "export_figure", "house_style", "label",
              "list_figures", "new_axes", "outlet_colours",
              "plot_actor_sentiment", "plot_alignment_map", "plot_article_lengths", "plot_articles_per_outlet",
              "plot_cleaning_by_article", "plot_frame_prevalence", "plot_keyness", "plot_log_odds",
              "plot_prominence", "plot_quote_share", "plot_removed_by_rule",
              "plot_sentiment_along_article", "plot_sentiment_by_outlet", "plot_quote_shares", "plot_verbs", "plot_within_event_differences", "save_figure",
              "save_table", "use_style"],
    "audit": ["articles_with_warnings", "count_articles_per_outlet", "count_kinds",
              "count_removed_by_rule", "pick_article", "read_build_info", "read_problems",
              "sample_removed", "summarise_cleaning", "trace_article"],
    "events": ["CLOSE_TONE", "EventSummary", "MIN_EVENTS_FOR_TEST", "caption_pair_tests", "close_tone_pairs", "compare_within_events", "default_event", "describe_pairs", "list_events", "pooled_over",
               "plot_event_sentiment", "plot_within_events", "save_event_pages", "score_articles", "score_event_outlets",
               "select_event", "select_outlets", "summarise_event", "summarise_events", "event_titles"],
    "report": ["run_report", "run_reports"],
    "segment": ["punkt_version", "sentence_spans", "split_sentences", "split_table"],
    "sentiment": ["add_actor_sentiment", "add_sentiment", "article_sentiment", "classify_targets", "label_target",
                  "score_target", "score_text", "summarise_sentiment", "summarise_sentiment_by_position",
                  "target_window"],
    "sources": ["QUOTE_MEASURES", "actor_names", "add_voice", "article_quote_shares", "article_speaker_shares", "count_anonymous",
                "caption_quote_shares", "caption_speaker_shares", "count_verbs", "extract_quotes", "summarise_quote_shares", "summarise_speaker_shares", "summarise_speakers"],
    "stats": ["MIN_ARTICLES", "TEST_COLUMNS", "adjust_p", "article_values", "bootstrap_interval", "caption_tests", "cliffs_delta", "comparable",
              "compare_outlets", "describe_event_intervals", "describe_intervals", "describe_left_out", "describe_tests", "effective_n", "left_out", "mean_interval", "permutation_test", "share_bound", "share_interval", "shuffle_within", "simulate_articles",
              "summarise_articles", "within_event_effects"],
    "store": ["load_articles", "load_removed", "load_sentences", "read_rows"],
}
_WHERE = {name: module for module, names in _EXPORTS.items() for name in names}
__all__ = sorted(_WHERE)


def __getattr__(name: str):
    if name not in _WHERE:
        raise AttributeError(f"module 'framing' has no attribute {name!r}")
    value = getattr(import_module(f".{_WHERE[name]}", __name__), name)
    globals()[name] = value
    return value


def __dir__():
    return sorted(set(globals()) | set(__all__))
