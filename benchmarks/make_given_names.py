"""Write `src/framing/data/given_names.toml` from the US Census 1990 first-name files.

The files (`dist.male.first`, `dist.female.first`: name, frequency %, cumulative %, rank) are public
domain (derived from the 1990 Census) and ship in the `names` package 0.3.0 (MIT, Trey Hunner). Get
the package with the ordinary client and point this script at its folder:

    pip download names==0.3.0 --no-deps -d /tmp/names && tar xzf /tmp/names/names-0.3.0.tar.gz -C /tmp/names
    python benchmarks/make_given_names.py /tmp/names/names-0.3.0/names

Every name of both files is kept, title-cased, sorted; the output is the same for the same files.
"""
from __future__ import annotations

import argparse
import hashlib
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "src" / "framing" / "data" / "given_names.toml"
FILES = ("dist.male.first", "dist.female.first")


def read_names(folder: Path) -> tuple[list[str], str]:
    """(title-cased names of both files, sorted; sha256 of the two files read)."""
    names, digest = set(), hashlib.sha256()
    for file in FILES:
        raw = (folder / file).read_bytes()
        digest.update(raw)
        names.update(line.split()[0].title() for line in raw.decode("ascii").splitlines() if line.strip())
    return sorted(names), digest.hexdigest()


def write_toml(names: list[str], sha: str, out: Path) -> None:
    lines = ['version = "1.0"',
             'source = """US Census Bureau, 1990 census: frequently occurring first names (dist.male.first, '
             'dist.female.first), public domain, as shipped in the `names` package 0.3.0 (MIT, Trey Hunner). '
             'Written by benchmarks/make_given_names.py; input sha256 ' + sha + '."""',
             "# A word that is a common US given name: person evidence when it opens a name.",
             "names = ["]
    for i in range(0, len(names), 12):
        lines.append("    " + ", ".join(f'"{n}"' for n in names[i:i + 12]) + ",")
    lines.append("]")
    tmp = out.with_suffix(".tmp")
    tmp.write_text("\n".join(lines) + "\n", encoding="utf-8")
    tmp.replace(out)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path, help="the `names` package folder holding dist.*.first")
    args = parser.parse_args()
    names, sha = read_names(args.folder)
    write_toml(names, sha, OUT)
    print(f"{len(names)} given names → {OUT}")


if __name__ == "__main__":
    main()
