"""The conda environment and pyproject.toml name the same packages with the same lower bounds."""
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
