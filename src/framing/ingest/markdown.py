"""Markdown files (`.md`) read as the plain text a reader sees: headings, links, emphasis and
code marks taken off, escapes kept as the characters they stand for."""
from __future__ import annotations

import re

# Markdown's marks, line by line (CommonMark's syntax, https://spec.commonmark.org): what a reader of the
# rendered page does not see goes, the words stay. List and quote markers stay for cleaning to read.
_MD_HEADING = re.compile(r"^ {0,3}#{1,6}(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$")
_MD_RULE = re.compile(r"^ {0,3}(?:(?:-[ \t]*){3,}|(?:\*[ \t]*){3,}|(?:_[ \t]*){3,}|=+)[ \t]*$")
_MD_LINK_DEFINITION = re.compile(r"^ {0,3}\[[^\]]+\]:[ \t]*\S+.*$")
_MD_IMAGE = re.compile(r"!\[[^\]]*\](?:\([^)]*\)|\[[^\]]*\])")
_MD_LINK = re.compile(r"\[([^\]]+)\](?:\((?:[^()\s]+|\([^)]*\))*(?:[ \t]+\"[^\"]*\")?\)|\[[^\]]*\])")
_MD_AUTOLINK = re.compile(r"<((?:https?|mailto):[^>\s]+)>")
_MD_STRONG = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
_MD_EMPHASIS = re.compile(r"(?<![\w*])\*(?=[^\s*])(.+?)(?<=[^\s*])\*(?![\w*])|(?<![\w_])_(?=[^\s_])(.+?)(?<=[^\s_])_(?![\w_])")
_MD_HARD_BREAK = re.compile(r"\\$")  # a backslash ending a line breaks it, unseen ("By Jane Roe | Daily Beast\\")
_MD_CODE = re.compile(r"`+([^`]+?)`+")
_MD_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")
_ESCAPED = 0xF0000  # an escaped ASCII mark is held as a private-use character while the marks are read
_ESCAPED_CHARS = re.compile(f"[{chr(_ESCAPED + 0x21)}-{chr(_ESCAPED + 0x7e)}]")


def markdown_as_text(text: str) -> str:
    """A Markdown article as the text its reader sees, line for line (so raw line numbers still
    point into the file): heading marks, rules and link definitions removed, links and images by
    their text (images dropped), emphasis and code marks removed, escapes resolved, a backslash
    that breaks the line removed. List and quote
    markers stay: cleaning reads them as for any page text."""
    return "\n".join(_markdown_line(line) for line in text.split("\n"))


def _markdown_line(line: str) -> str:
    if _MD_RULE.match(line) or _MD_LINK_DEFINITION.match(line):
        return ""
    line = _MD_ESCAPE.sub(lambda m: chr(_ESCAPED + ord(m.group(1))), line)  # kept from the marks' rules
    line = _MD_HARD_BREAK.sub("", line)
    heading = _MD_HEADING.match(line)
    if heading:
        line = heading.group(1) or ""
    line = _MD_LINK.sub(r"\1", _MD_IMAGE.sub("", line))
    line = _MD_AUTOLINK.sub(r"\1", _MD_CODE.sub(r"\1", line))
    line = _MD_STRONG.sub(r"\2", line)
    line = _MD_EMPHASIS.sub(lambda m: m.group(1) or m.group(2), line)
    return _ESCAPED_CHARS.sub(lambda m: chr(ord(m.group()) - _ESCAPED), line)
