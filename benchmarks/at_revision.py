"""framing's code as it was at a git revision, loaded beside the current package, so a benchmark
can time both in one run."""
from __future__ import annotations

import importlib.util
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def module_at(revision: str, name: str):
    """framing's module or package `name` (`clean`, `keywords`…) as it is at git `revision`, loaded
    as `framing.<name>_baseline`: the module `src/framing/<name>.py`, or the package
    `src/framing/<name>/` with its modules (their relative imports find the current package)."""
    def git(*args: str) -> str:
        return subprocess.run(["git", *args], cwd=ROOT, check=True, capture_output=True, text=True,
                              timeout=120).stdout

    folder = Path(tempfile.mkdtemp(prefix="framing_baseline_"))
    try:
        if git("ls-tree", revision, f"src/framing/{name}").split()[1:2] == ["tree"]:
            package = folder / f"{name}_baseline"
            package.mkdir()
            for file in git("ls-tree", "--name-only", f"{revision}:src/framing/{name}/").split():
                if file.endswith(".py"):
                    (package / file).write_text(git("show", f"{revision}:src/framing/{name}/{file}"), encoding="utf-8")
            path, search = package / "__init__.py", [str(package)]
        else:
            path, search = folder / f"{name}_baseline.py", None
            path.write_text(git("show", f"{revision}:src/framing/{name}.py"), encoding="utf-8")
        spec = importlib.util.spec_from_file_location(f"framing.{name}_baseline", path,
                                                      submodule_search_locations=search)
        module = importlib.util.module_from_spec(spec)
        sys.modules[spec.name] = module
        spec.loader.exec_module(module)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    return module
