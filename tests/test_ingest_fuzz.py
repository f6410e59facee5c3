"""Fuzzing the input side (issue 13): randomly damaged seed pages and exports — truncated, bytes
flipped, lines duplicated, re-encoded, NUL bytes, odd line endings, separators and quotes changed —
never raise, and every input file is either built or named in a warning. Seeded and bounded in count
and time, so a failure can be replayed."""
from __future__ import annotations

import csv
import io
import json
import random
import time

from framing.build import build_tables
from framing.cli import main

SEED = 20250212
ROUNDS = 4  # corpora built
FILES_PER_ROUND = 12
TIME_BUDGET = 120.0  # seconds; rounds after it are not started


def _sources(seeds_dir) -> dict[str, bytes]:
    """Undamaged inputs of every format, made from the seed pages."""
    pages = [p.read_bytes() for p in sorted(seeds_dir.glob("*.txt"))]
    paragraphs = [p.strip() for page in pages for p in page.decode("utf-8").split("\n\n") if len(p) > 80]
    rows = [{"text": "\n\n".join(paragraphs[i:i + 3]), "title": paragraphs[i][:60], "outlet": f"Outlet {i % 3}",
             "my_id": i} for i in range(0, min(len(paragraphs), 15), 3)]
    table = io.StringIO()
    writer = csv.DictWriter(table, fieldnames=list(rows[0]))
    writer.writeheader()
    writer.writerows(rows)
    html = ("<html><head><title>{t}</title></head><body><nav><a href='/'>Home</a></nav><article><h1>{t}</h1>"
            + "".join(f"<p>{p}</p>" for p in paragraphs[:6]) + "</article></body></html>").format(t="Seed page")
    return {"txt": pages[0], "md": pages[-1], "csv": table.getvalue().encode("utf-8"),
            "jsonl": "\n".join(json.dumps(r, ensure_ascii=False) for r in rows).encode("utf-8"),
            "html": html.encode("utf-8")}


def _mutate(data: bytes, rng: random.Random) -> bytes:
    """One to three random kinds of damage."""
    for _ in range(rng.randint(1, 3)):
        kind = rng.choice(["truncate", "flip", "duplicate", "encode", "nul", "endings", "quote",
                           "separator", "drop_lines", "controls"])
        if kind == "truncate" and data:
            data = data[: rng.randrange(len(data) + 1)]
        elif kind == "flip" and data:
            buffer = bytearray(data)
            for _ in range(rng.randint(1, 20)):
                buffer[rng.randrange(len(buffer))] = rng.randrange(256)
            data = bytes(buffer)
        elif kind == "duplicate":
            lines = data.split(b"\n")
            index = rng.randrange(len(lines))
            data = b"\n".join(lines[:index] + [lines[index]] * rng.randint(2, 5) + lines[index + 1:])
        elif kind == "encode":
            text = data.decode("utf-8", "replace")
            codec = rng.choice(["utf-16", "utf-16-le", "utf-32", "cp1252", "latin-1", "utf-8-sig"])
            data = text.encode(codec, "replace")
        elif kind == "nul" and data:
            at = rng.randrange(len(data))
            data = data[:at] + b"\x00" * rng.randint(1, 3) + data[at:]
        elif kind == "endings":
            data = data.replace(b"\r\n", b"\n").replace(b"\n", rng.choice([b"\r", b"\r\n", b"\n\n"]))
        elif kind == "quote" and data:
            at = rng.randrange(len(data))
            data = data[:at] + b'"' + data[at:]
        elif kind == "separator":
            data = data.replace(b",", rng.choice([b";", b"\t", b"|"]))
        elif kind == "drop_lines":
            lines = data.split(b"\n")
            data = b"\n".join(line for line in lines if rng.random() > 0.3)
        elif kind == "controls" and data:
            at = rng.randrange(len(data))
            data = data[:at] + bytes([rng.choice([1, 2, 11, 12, 27, 0x85 & 0x7F])]) + data[at:]
    return data


def _named_or_built(build, names: list[str]) -> list[str]:
    built = set(build.articles["source_file"])
    named = {p.file.split(" row ")[0] for p in build.problems}
    return [name for name in names if name not in built and name not in named]


def test_damaged_inputs_never_raise_and_are_built_or_named(tmp_path, seeds_dir, capsys):
    rng = random.Random(SEED)
    sources = _sources(seeds_dir)
    started = time.monotonic()
    rounds = 0
    for number in range(ROUNDS):
        if time.monotonic() - started > TIME_BUDGET:
            break
        corpus = tmp_path / f"round{number}"
        corpus.mkdir()
        names = []
        for index in range(FILES_PER_ROUND):
            kind = rng.choice(sorted(sources))
            extension = kind if rng.random() > 0.1 else rng.choice(["txt", "csv", "jsonl", "html"])
            name = f"f{index:02d}.{extension}"
            (corpus / name).write_bytes(_mutate(sources[kind], rng))
            names.append(name)
        manifest = "file,outlet,title\n" + "".join(f"{n},Outlet {i % 4},Title {i}\n" for i, n in enumerate(names))
        (corpus / "manifest.csv").write_bytes(_mutate(manifest.encode("utf-8"), rng))
        build = build_tables(corpus)
        assert _named_or_built(build, names) == [], f"round {number}: neither built nor named"
        assert not build.sentences["text"].str.contains("\x00").any()
        code = main(["build", str(corpus), "--out", str(tmp_path / f"out{number}"), "--quiet", "--workers", "1"])
        err = capsys.readouterr().err
        assert code in (0, 1) and "Traceback" not in err
        for name in names[:3]:
            assert main(["explain", str(corpus / name)]) in (0, 1)
        capsys.readouterr()
        rounds += 1
    assert rounds >= 2, "the time budget allowed too few rounds to test anything"
