"""Write `src/framing/data/given_names.toml` and `given_name_sexes.toml` from the US Census 1990 first-name files.

The files (`dist.male.first`, `dist.female.first`: name, frequency in % of that sex, cumulative %, rank) are
public domain (derived from the 1990 Census) and ship in the `names` package 0.3.0 (MIT, Trey Hunner). Get
the package with the ordinary client and point this script at its folder:

    pip download names==0.3.0 --no-deps -d /tmp/names && tar xzf /tmp/names/names-0.3.0.tar.gz -C /tmp/names
    python benchmarks/make_given_names.py /tmp/names/names-0.3.0/names

`given_names.toml` keeps every name of both files. `given_name_sexes.toml` lists the names one sex holds
almost wholly: a name's share of one sex is its frequency among that sex times that sex's number in the 1990
census (121,239,418 males, 127,470,455 females), over the sum for both. A name is listed for a sex when that
share is at least `SHARE` (0.95) however the files' rounding falls: each frequency is printed to 0.001 %, so
the listed sex's is taken 0.0005 lower and the other's 0.0005 higher; a name missing from the other file is
taken at that file's lowest frequency plus 0.0005 (each file stops at 90 % of its people, so a missing name
is rarer than its last line). Rare names of one file only are thus left out: their absence from the other
file tells too little. Names title-cased, sorted; the output is the same for the same files.
"""
from __future__ import annotations

import argparse
import hashlib
from pathlib import Path

DATA = Path(__file__).resolve().parents[1] / "src" / "framing" / "data"
FILES = {"male": "dist.male.first", "female": "dist.female.first"}
PEOPLE = {"male": 121_239_418, "female": 127_470_455}  # US Census 1990, resident population by sex
SHARE = 0.95
HALF_UNIT = 0.0005  # half the last printed digit of a frequency (%)
SOURCE = ('source = """US Census Bureau, 1990 census: frequently occurring first names (dist.male.first, '
          'dist.female.first), public domain, as shipped in the `names` package 0.3.0 (MIT, Trey Hunner). ')


def read_frequencies(folder: Path) -> tuple[dict[str, dict[str, float]], str]:
    """({sex: {name: frequency %}}, sha256 of the two files read)."""
    frequencies, digest = {}, hashlib.sha256()
    for sex, file in FILES.items():
        raw = (folder / file).read_bytes()
        digest.update(raw)
        frequencies[sex] = {line.split()[0].title(): float(line.split()[1])
                            for line in raw.decode("ascii").splitlines() if line.strip()}
    return frequencies, digest.hexdigest()


def lowest_share(name: str, sex: str, frequencies: dict[str, dict[str, float]]) -> float:
    """The least share of `sex` among people of this given name that the rounded files allow."""
    other = "female" if sex == "male" else "male"
    own = max(frequencies[sex][name] - HALF_UNIT, 0.0) * PEOPLE[sex]
    theirs = (frequencies[other].get(name, min(frequencies[other].values())) + HALF_UNIT) * PEOPLE[other]
    return own / (own + theirs)


def sexed_names(frequencies: dict[str, dict[str, float]]) -> dict[str, list[str]]:
    """{sex: the names of that sex's file whose least share of it is at least `SHARE`, sorted}."""
    return {sex: sorted(n for n in frequencies[sex] if lowest_share(n, sex, frequencies) >= SHARE) for sex in FILES}


def toml_list(key: str, names: list[str]) -> list[str]:
    """The lines of a TOML array of names, twelve to a line."""
    return [f"{key} = [", *("    " + ", ".join(f'"{n}"' for n in names[i:i + 12]) + "," for i in range(0, len(names), 12)),
            "]"]


def write_lines(lines: list[str], out: Path) -> None:
    """Write the lines to `out` atomically."""
    tmp = out.with_suffix(".tmp")
    tmp.write_text("\n".join(lines) + "\n", encoding="utf-8")
    tmp.replace(out)


def given_names_lines(names: list[str], sha: str) -> list[str]:
    return ['version = "1.0"', SOURCE + 'Written by benchmarks/make_given_names.py; input sha256 ' + sha + '."""',
            "# A word that is a common US given name: person evidence when it opens a name.", *toml_list("names", names)]


def sexes_lines(names: dict[str, list[str]], sha: str) -> list[str]:
    return ['version = "1.0"',
            SOURCE + f'Written by benchmarks/make_given_names.py: a name whose share of one sex is at least {SHARE:.0%} '
            'once the files\' rounding is taken against it; input sha256 ' + sha + '."""',
            "# Given names one sex holds almost wholly among US people of 1990. Used only to rule out the person a",
            "# pronoun of the other sex stands for (\"she\" is not Joe Biden), never to name anyone.",
            *(line for sex, listed in names.items() for line in toml_list(sex, listed))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path, help="the `names` package folder holding dist.*.first")
    parser.add_argument("--out", type=Path, default=DATA, help="the folder to write the two files in")
    args = parser.parse_args()
    frequencies, sha = read_frequencies(args.folder)
    names = sorted(set().union(*frequencies.values()))
    sexes = sexed_names(frequencies)
    write_lines(given_names_lines(names, sha), args.out / "given_names.toml")
    write_lines(sexes_lines(sexes, sha), args.out / "given_name_sexes.toml")
    print(f"{len(names)} given names, " + ", ".join(f"{len(listed)} {sex}" for sex, listed in sexes.items())
          + f" of one sex → {args.out}")


if __name__ == "__main__":
    main()
