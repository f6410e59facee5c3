"""`BUILD_VERSION` moves with what the build writes.

A build reuses an article's rows while its build key is unchanged, and the key holds
`build.BUILD_VERSION`, not a digest of the code. So a change to what the build writes must come with
a new version, or users keep their old rows. This test builds sample corpora (the seeds; a few AEB
pages as text dumps and as HTML and AllSides rows as a JSON-lines export, when ../shared/data is
there) and compares a digest of the tables with the one committed in
`tests/fixtures/build_fingerprint.json` for the current version.

To refresh the fingerprint after bumping the version, from the project root:

    .venv/bin/python tests/test_build_version.py
"""
from __future__ import annotations

import gzip
import hashlib
import json
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED_DATA = ROOT.parent / "shared" / "data"
FINGERPRINT = ROOT / "tests" / "fixtures" / "build_fingerprint.json"
REFRESH = ".venv/bin/python tests/test_build_version.py"
N_PAGES = 6  # AEB pages of each form in the shared sample
N_ROWS = 40  # AllSides rows in the shared sample


def table_digest(out: Path) -> str:
    """SHA-256 of what a build wrote in `out`, as text that reads the same on every machine: the
    articles (without `build_key`, which holds the version), sentences and removed tables as CSV,
    and what the near-duplicate check remembered of each text (its bytes in hex, rows by key).
    No column holds a path outside the corpus folder or a time."""
    import pandas as pd

    digest = hashlib.sha256()
    for name in ("articles", "sentences", "removed"):
        table = pd.read_parquet(out / f"{name}.parquet").drop(columns="build_key", errors="ignore")
        digest.update(table.to_csv(index=False, lineterminator="\n").encode("utf-8"))
    seen = pd.read_parquet(out / ".texts-seen.parquet").sort_values("key", ignore_index=True)
    for column in ("digest", "signature"):
        seen[column] = seen[column].map(lambda value: None if value is None else value.hex())
    digest.update(seen.to_csv(index=False, lineterminator="\n").encode("utf-8"))
    return digest.hexdigest()


def write_shared_sample(folder: Path, shared_data: Path) -> Path:
    """A corpus of the first AEB pages as text dumps (both converters) and as HTML, and the first
    AllSides rows as a JSON-lines export."""
    folder.mkdir(parents=True)
    pages = [json.loads(line) for line in (shared_data / "aeb-dev" / "pages.jsonl").open(encoding="utf-8")]
    for page in pages[:N_PAGES]:
        name = page["page_id"][:12]
        (folder / f"{name}-dump.txt").write_text(page["dump_html_text"], encoding="utf-8")
        (folder / f"{name}-inscriptis.txt").write_text(page["dump_inscriptis"], encoding="utf-8")
    for page in pages[N_PAGES:2 * N_PAGES]:
        html = gzip.decompress((shared_data / "aeb-dev" / page["html_path"]).read_bytes())
        (folder / f"{page['page_id'][:12]}.html").write_bytes(html)
    with (shared_data / "allsides-roundups" / "articles.jsonl").open(encoding="utf-8") as rows:
        sample = [next(rows) for _ in range(N_ROWS)]
    (folder / "allsides.jsonl").write_text("".join(sample), encoding="utf-8")
    return folder


def fingerprint(seeds: Path, work: Path, shared_data: Path | None) -> dict[str, str]:
    """The build version and the table digest of each sample corpus built into `work`."""
    from framing.build import BUILD_VERSION, build_corpus

    corpora = {"seeds": seeds}
    if shared_data is not None:
        corpora["shared-sample"] = write_shared_sample(work / "shared-sample", shared_data)
    found = {"build_version": BUILD_VERSION}
    for name, folder in corpora.items():  # (the seeds are built each time: a second or so)
        out = work / f"{name}-tables"
        build_corpus(folder, out, corpus=name, fresh=True)
        found[name] = table_digest(out)
    return found


def check_fingerprint(found: dict[str, str]) -> None:
    recorded = json.loads(FINGERPRINT.read_text(encoding="utf-8"))
    if recorded["build_version"] != found["build_version"]:
        raise AssertionError(f"BUILD_VERSION is {found['build_version']!r}, the fingerprint is of "
                             f"{recorded['build_version']!r}: refresh it ({REFRESH}) and commit it")
    changed = [name for name in found if found[name] != recorded.get(name)]
    assert not changed, (
        f"the build writes other tables than BUILD_VERSION {found['build_version']!r} did "
        f"({', '.join(changed)}): if the change is meant, bump BUILD_VERSION in src/framing/build/corpus.py "
        f"(users' tables are then rebuilt), refresh the fingerprint ({REFRESH}) and commit both")


def test_the_build_version_moves_with_the_seed_tables(tmp_path, seeds_dir):
    check_fingerprint(fingerprint(seeds_dir, tmp_path, None))


def test_the_build_version_moves_with_the_tables_of_the_shared_sample(tmp_path, seeds_dir, shared_data):
    """The seeds are two plain-text pages: a change of the rules for HTML, exports or other sites'
    pages can leave their tables as they were (a lower cost of a non-prose line in the body search
    does), so a sample of the shared data is checked too."""
    found = fingerprint(seeds_dir, tmp_path, shared_data)
    check_fingerprint({"build_version": found["build_version"], "shared-sample": found["shared-sample"]})


def test_the_fingerprint_reads_what_changed(tmp_path, seeds_dir):
    """The digest sees a one-character change of a sentence, and not the build key."""
    import pandas as pd

    from framing.build import build_corpus

    out = tmp_path / "out"
    build_corpus(seeds_dir, out, fresh=True)
    before = table_digest(out)
    articles = pd.read_parquet(out / "articles.parquet")
    articles.assign(build_key="another").to_parquet(out / "articles.parquet", index=False)
    assert table_digest(out) == before
    sentences = pd.read_parquet(out / "sentences.parquet")
    sentences.loc[3, "text"] = sentences.loc[3, "text"] + " "
    sentences.to_parquet(out / "sentences.parquet", index=False)
    assert table_digest(out) != before


if __name__ == "__main__":  # refresh the committed fingerprint
    import tempfile

    os.environ["FRAMING_LEXICONS"] = str(ROOT / "tests" / "no-lexicons-folder")  # as conftest.py
    sys.path.insert(0, str(ROOT / "src"))
    from framing.config import SEED_CORPUS

    if not SHARED_DATA.exists():
        sys.exit(f"needs {SHARED_DATA} (the shared data folder beside the project)")
    with tempfile.TemporaryDirectory() as work:
        found = fingerprint(ROOT / "data" / "raw" / SEED_CORPUS, Path(work), SHARED_DATA)
    FINGERPRINT.write_text(json.dumps(found, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {FINGERPRINT.relative_to(ROOT)}: {found}")
