"""The conda environment and pyproject.toml name the same packages with the same lower bounds, and
constraints.txt pins each of them at a version those bounds allow."""
import re
import tomllib
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]


def _normalise(requirement: str) -> tuple[str, str]:
    name, _, bound = re.match(r"([A-Za-z0-9_.\-\[\]]+)\s*(>=\s*([\w.]+))?", requirement.strip()).groups()
    name = re.sub(r"\[.*\]", "", name).lower().replace("_", "-")
    return name, bound or ""


def test_environment_yml_matches_pyproject():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    wanted = dict(_normalise(r) for r in project["dependencies"] + project["optional-dependencies"]["dev"])
    env = yaml.safe_load((ROOT / "environment.yml").read_text())
    conda = dict(_normalise(d) for d in env["dependencies"] if isinstance(d, str))
    conda.pop("pip")
    assert conda.pop("python") == "3.11"
    assert conda == wanted
    assert project["requires-python"] == ">=3.11"


def test_ci_runs_make_test():
    assert "make test" in (ROOT / ".ci" / "run").read_text()


def test_constraints_pin_every_dependency_within_its_bounds():
    from packaging.version import Version

    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    extras = project["optional-dependencies"]
    wanted = dict(_normalise(r) for r in project["dependencies"] + extras["dev"] + extras["dask"])
    pins = dict(line.lower().replace("_", "-").split("==") for line in
                (ROOT / "constraints.txt").read_text().splitlines() if line and not line.startswith("#"))
    assert not set(wanted) - set(pins), "a dependency of pyproject.toml has no pin in constraints.txt"
    assert all(Version(pins[name]) >= Version(bound) for name, bound in wanted.items() if bound)
    assert "make setup" in (ROOT / "constraints.txt").read_text()
    assert "-c constraints.txt" in (ROOT / "Makefile").read_text()


def test_no_module_of_the_package_loads_pickles():
    """Tables, models and messages between processes are plain data (Parquet, CSV, JSON, TOML):
    nothing in src/ imports pickle or asks a loader to allow it."""
    loaders = re.compile(r"^\s*(import|from)\s+(pickle|cPickle|joblib|dill)\b|allow_pickle\s*=\s*True|read_pickle\(",
                         re.MULTILINE)
    offenders = [str(path.relative_to(ROOT)) for path in sorted((ROOT / "src").rglob("*.py"))
                 if loaders.search(path.read_text(encoding="utf-8"))]
    assert offenders == []


def test_setup_announces_each_install_step_before_it_runs():
    """The first `make report` is silent for minutes while pip works: each quiet pip call of the
    setup recipe is preceded by an echo saying what it does, and the long one logs its progress."""
    recipe = (ROOT / "Makefile").read_text().split("$(STAMP): ")[1].split("\n\n")[0].splitlines()
    pips = [i for i, line in enumerate(recipe) if "$(BIN)/pip install" in line]
    assert len(pips) == 2
    assert all("@echo" in recipe[i - 1] for i in pips)
    assert "--quiet" not in recipe[pips[-1]]  # its log shows each package as it is collected
