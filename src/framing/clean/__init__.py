"""Clean a news page: label every raw line as part of the article (and as which kind) or as page
furniture (and by which rule).

Plain-text dumps of web pages hold the article somewhere among menus, share buttons, related-story
lists, login prompts and footers. The method, line by line:

1. Blocks. Consecutive lines of a hard-wrapped paragraph are joined into one block (a line that
   stops mid-sentence continues on the next).
2. Evidence per block: words, sentence-final punctuation, the share of function words (text reads
   as prose when a good share of its words are function words; Pomikálek 2011), bullets, and the
   furniture phrases of `data/furniture.toml` (share, login, copyright, comments, related…), written
   as general statements about pages, not strings of one site. Evidence for all one-line blocks of
   a page is computed at once (`_PageLines`); `_evidence` does one block and is the reference.
   Prose written twice on one page is a ticker or teaser list, not the article (`page_repeat`),
   unless one copy sits inside the article's prose (a pull quote: that copy is kept) or the copies
   stand together (a headline under its own link: the last copy is kept, as a heading).
3. The body is the one contiguous run of blocks with the most prose in it: prose blocks count their
   words, a line ending like a sentence counts nothing, other blocks count against, and the run
   with the largest sum wins, the longer one from the same start at an equal sum (the maximum-subarray
   idea of Finn, Kushmerick & Smyth 2001, "body text extraction").
4. Above the body, the headline (the longest title-like line close above it; its repeats are
   dropped), then the deck, byline and date between the headline and the body. Inside the body,
   prose is `body`, bulleted prose is `list_item`, title-like lines followed by prose are
   `subheading`, a short line between two prose blocks is `body` (an attribution, a one-line
   paragraph), and so is a short line ending like a sentence or leading in to what follows with a
   colon (`sentence_in_body`), an embedded social-media post (the post's text: `embedded_post`;
   its credit "— Jane Roe (@jroe) May 4, 2019" is kept as `post_credit`, a meta kind like a byline:
   `post_attribution`) and a short line naming a price (an item of a list
   of deals: `price_in_body`); furniture phrases are dropped. A block glued to the credit line
   below it (no blank line between, on a page whose paragraphs are parted by blank lines) is the
   picture's caption (`caption_above_credit`), and so is prose between a credit line and the byline
   under it (`caption_below_credit`). Everything else is dropped with the rule that says
   why, so `framing explain FILE` can show it.

Text written over and over (a line repeated thousands of times, a paragraph pasted again and
again into one line) is read once: a line that is one text several times over is that text
(`line_copies`), and on a page whose exact repeats hold most of its words the later copies are
dropped (`repeated_line`) before the body search (`MAX_LOOP_SHARE`).

Lines repeated across several pages of one site (menus, footers) are learnt by `repeated_lines` and
dropped wherever they appear (rule `site_repeat`), unless they hold most of a page's prose: then
they are the article itself (two versions of one story), not furniture, and are kept.

Saved web pages (`label_html`) go through trafilatura, or through the page-dump rules on the page's
text when trafilatura keeps much less than they do (part of the article lost).

Text that is already clean article text (the `text` of a CSV / JSON-lines export) goes through
`label_clean_text` instead: every line is kept but for exact repeats, and the export's title becomes
the headline.

The modules, each using only those above it:

- `text`: the labelled `Line`; spacing, function words, sentence ends, prose and English tests,
  hover cards;
- `furniture`: the furniture rules of `data/furniture.toml` and the gates that spare most lines
  most patterns;
- `blocks`: lines grouped into blocks, with the evidence of each (steps 1 and 2);
- `labels`: where the body is and what each line is (steps 3 and 4): `label_lines`,
  `label_clean_text`, `repeated_lines`;
- `metadata`: title, author, date and outlet read from labelled lines;
- `html`: saved web pages (`label_html`).
"""
from .text import (KEPT_KINDS, MIN_ARTICLE_WORDS, Line, drop_hover_cards, english_share, line_copies, normalise_line,
                   reads_as_prose)
from .labels import HEADER_WINDOW, MAX_LOOP_SHARE, MAX_REPEATED_PROSE, PAGE_TITLE_LINES, label_clean_text, label_lines, repeated_lines
from .metadata import (author_from_byline, check_date_with_url, clean_author, clean_title, infer_metadata, parse_date,
                       url_date)
from .html import MAX_LINK_SHARE, MIN_EXTRACTED_SHARE, html_text, label_html, link_share

# Inner parts the tests and benchmarks check against their references
from .text import (_BULLET, _SPACE, _SPACE_IN_LINE, _WORD, _ends_sentence, _function_words,  # noqa: F401
                   _line_starts, _one_space, _single_spaced)
from .furniture import (_FOLDS_TO_ASCII, _PROBE_STRIP, _furniture, _furniture_rule, _gate,  # noqa: F401
                        _matches_rule, _phrase_rule, _prefilters, _rule_gates)
from .blocks import _BULLET_LINES, _blocks, _line_bullets, _text_blocks  # noqa: F401
from .labels import _COST_FURNITURE, _COST_OTHER  # noqa: F401
from .html import _kept_words  # noqa: F401

__all__ = ["HEADER_WINDOW", "KEPT_KINDS", "Line", "MAX_LINK_SHARE", "MAX_LOOP_SHARE", "MAX_REPEATED_PROSE", "MIN_ARTICLE_WORDS",
           "MIN_EXTRACTED_SHARE", "PAGE_TITLE_LINES", "author_from_byline", "clean_author", "clean_title",
           "drop_hover_cards", "english_share", "html_text", "line_copies", "infer_metadata", "label_clean_text",
           "label_html", "label_lines", "link_share", "normalise_line", "parse_date", "reads_as_prose",
           "repeated_lines", "check_date_with_url", "url_date"]
