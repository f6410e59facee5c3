"""Every relative link of the README, the docs and the notebooks' text leads somewhere: the file
exists and, when the link names a section (`page.md#section`), the page has a heading of that name."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
LINK = re.compile(r"\]\(([^)\s]+)\)")
HEADING = re.compile(r"^#{1,6}\s+(.*?)\s*#*\s*$", re.M)


def heading_anchor(heading: str) -> str:
    """The anchor a markdown renderer gives a heading: lower case, punctuation dropped, spaces as '-'."""
    plain = re.sub(r"[`*_]|\[([^\]]*)\]\([^)]*\)", r"\1", heading).strip().lower()
    return re.sub(r"[^\w\- ]", "", plain).replace(" ", "-")


def page_text(path: Path) -> str:
    """A markdown page's text, or the markdown cells of a notebook."""
    if path.suffix == ".ipynb":
        cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
        return "\n".join("".join(cell["source"]) for cell in cells if cell["cell_type"] == "markdown")
    return path.read_text(encoding="utf-8")


def anchors(path: Path) -> set[str]:
    return {heading_anchor(heading) for heading in HEADING.findall(page_text(path))}


def without_code(text: str) -> str:
    """The text with its fenced blocks and `code spans` left out: a link written there is an example."""
    return re.sub(r"`[^`\n]*`", "", re.sub(r"^```.*?^```", "", text, flags=re.M | re.S))


def relative_links() -> list[tuple[Path, str]]:
    pages = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md")),
             *sorted((ROOT / "notebooks").glob("*.ipynb"))]
    return [(page, target) for page in pages for target in LINK.findall(without_code(page_text(page)))
            if not re.match(r"[a-z]+:", target)]


def test_heading_anchor_follows_the_renderers_rule():
    assert heading_anchor("Indirect attributions (reporting verbs 1.46)") == \
        "indirect-attributions-reporting-verbs-146"
    assert heading_anchor("What `exclusive` can and cannot mean") == "what-exclusive-can-and-cannot-mean"


def test_links_in_code_are_examples():
    assert LINK.findall(without_code("see [a](a.md) and `[b](b.md)`")) == ["a.md"]


def test_the_pages_have_links_to_check():
    assert len(relative_links()) > 50


@pytest.mark.parametrize("page,target", relative_links(),
                         ids=lambda value: value.name if isinstance(value, Path) else value)
def test_relative_link_resolves(page, target):
    path, _, anchor = target.partition("#")
    destination = (page.parent / path) if path else page
    assert destination.exists(), f"{page.relative_to(ROOT)} links to {target}: no such file"
    if anchor and destination.suffix in (".md", ".ipynb"):
        assert anchor in anchors(destination), \
            f"{page.relative_to(ROOT)} links to {target}: {destination.name} has no such heading"
