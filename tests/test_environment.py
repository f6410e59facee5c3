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


def test_make_lab_starts_jupyterlab_on_the_notebooks(tmp_path):
    """`make lab` starts JupyterLab serving notebooks/, also as root (as in many containers), where
    JupyterLab refuses to start unless told it may: regression for `make lab` stopping with
    "Running as root is not recommended". Run with this environment as the project's .venv (and
    without the setup and font steps); the server's port and token come from a config of the test's."""
    import json
    import os
    import secrets
    import shutil
    import signal
    import socket
    import subprocess
    import sys
    import time
    import urllib.request

    import pytest

    if shutil.which("make") is None:
        pytest.skip("make is not installed")
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    token = secrets.token_hex(16)
    config = tmp_path / "config"
    config.mkdir()
    (config / "jupyter_server_config.json").write_text(json.dumps({
        "ServerApp": {"port": port, "ip": "127.0.0.1", "port_retries": 0, "open_browser": False},
        "IdentityProvider": {"token": token},
        "LabApp": {"news_url": None, "workspaces_dir": str(tmp_path / "workspaces"),
                   "user_settings_dir": str(tmp_path / "settings")}}))
    venv = Path(sys.prefix)
    env = {**os.environ, "JUPYTER_CONFIG_DIR": str(config), "JUPYTER_RUNTIME_DIR": str(tmp_path / "runtime"),
           "JUPYTER_DATA_DIR": str(tmp_path / "data")}
    with open(tmp_path / "lab.log", "w") as log:
        lab = subprocess.Popen(["make", "--no-print-directory", f"VENV={venv}", "-o", str(venv / ".installed"),
                                "-o", "fonts", "lab"], cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT,
                               start_new_session=True)
    try:
        url = f"http://127.0.0.1:{port}/api/contents?token={token}"
        listing, end = None, time.monotonic() + 90
        while listing is None and lab.poll() is None and time.monotonic() < end:
            try:
                listing = json.load(urllib.request.urlopen(url, timeout=2))
            except OSError:
                time.sleep(0.5)
        assert listing is not None, (tmp_path / "lab.log").read_text()[-2000:]
        served = {item["name"] for item in listing["content"]}
        assert {path.name for path in (ROOT / "notebooks").glob("[0-9]*.ipynb")} <= served
    finally:
        if lab.poll() is None:
            os.killpg(lab.pid, signal.SIGTERM)
        lab.wait(timeout=30)
