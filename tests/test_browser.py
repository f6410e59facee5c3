"""A real browser: JupyterLab runs notebook 01 (Run All Cells) and shows a chart and highlighted
evidence without errors; the generated report's index.html loads every image.

Needs Debian's `chromium` and `chromium-driver` (`make browser` installs them when it can). Outside
CI the test skips when they are missing; under CI=true it must run. Screenshots are saved in the
test's temporary folder."""
import os
import secrets
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import nbformat
import pytest

from framing import report

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM, DRIVER = Path("/usr/bin/chromium"), Path("/usr/bin/chromedriver")
NOTEBOOK = "01_corpus_and_cleaning.ipynb"
FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--window-size=1400,1000")


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    if not (CHROMIUM.exists() and DRIVER.exists()):
        message = "needs /usr/bin/chromium and /usr/bin/chromedriver (make browser, or apt-get install chromium chromium-driver)"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for flag in FLAGS:
        options.add_argument(flag)
    options.add_argument(f"--user-data-dir={tmp_path_factory.mktemp('chromium-profile')}")
    driver = webdriver.Chrome(service=Service(str(DRIVER)), options=options)
    yield driver
    driver.quit()


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def seed_processed(seeds_dir, tmp_path_factory):
    folder = tmp_path_factory.mktemp("processed") / seeds_dir.name
    report.build_corpus_tables(seeds_dir, folder)
    return folder


@pytest.fixture(scope="module")
def lab(seed_processed, tmp_path_factory):
    """JupyterLab on a free local port, serving a copy of notebook 01 set to the built seed corpus."""
    from papermill.iorw import load_notebook_node
    from papermill.parameterize import parameterize_notebook

    folder = tmp_path_factory.mktemp("lab")
    nb = parameterize_notebook(load_notebook_node(str(ROOT / "notebooks" / NOTEBOOK)),
                               {"corpus": str(seed_processed), "out": str(folder / "report")})
    nbformat.write(nb, folder / NOTEBOOK)
    port, token = _free_port(), secrets.token_hex(16)
    log = open(folder / "lab.log", "w")
    server = subprocess.Popen(
        [sys.executable, "-m", "jupyterlab", "--no-browser", f"--ServerApp.port={port}",
         "--ServerApp.ip=127.0.0.1", f"--IdentityProvider.token={token}",
         f"--ServerApp.root_dir={folder}", "--LabApp.news_url=", "--ServerApp.port_retries=0",
         "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate",
         "--LabApp.extension_manager=readonly", *(["--allow-root"] if os.geteuid() == 0 else [])],
        stdout=log, stderr=subprocess.STDOUT, cwd=folder,
        env={**os.environ, "JUPYTER_RUNTIME_DIR": str(folder / "runtime")})
    url = f"http://127.0.0.1:{port}"
    for _ in range(120):
        try:
            urllib.request.urlopen(f"{url}/api/status?token={token}", timeout=1)
            break
        except OSError:
            time.sleep(0.5)
    else:
        server.terminate()
        pytest.fail(f"JupyterLab did not start: see {folder / 'lab.log'}")
    yield url, token, folder
    server.terminate()
    try:
        server.wait(timeout=20)
    except subprocess.TimeoutExpired:
        server.kill()
        server.wait()
    log.close()


def _wait(condition, timeout: float, what: str):
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        value = condition()
        if value:
            return value
        time.sleep(0.5)
    raise AssertionError(f"timed out waiting for {what}")


def test_lab_runs_notebook_01_and_shows_chart_and_evidence(browser, lab):
    from selenium.webdriver.common.by import By

    url, token, folder = lab
    browser.get(f"{url}/lab/tree/{NOTEBOOK}?token={token}")
    _wait(lambda: browser.find_elements(By.CSS_SELECTOR, ".jp-Notebook .jp-Cell"), 90, "the notebook")
    _wait(lambda: browser.find_elements(By.CSS_SELECTOR, ".jp-Notebook-ExecutionIndicator[data-status='idle']")
          or "Idle" in browser.find_element(By.TAG_NAME, "body").text, 90, "the kernel")
    browser.find_element(By.XPATH, "//div[contains(@class,'lm-MenuBar-itemLabel') and text()='Run']").click()
    _wait(lambda: browser.find_elements(By.XPATH, "//div[contains(@class,'lm-Menu-itemLabel') and "
                                                  "text()='Run All Cells']"), 10, "the Run menu")[0].click()
    n_code = sum(c.cell_type == "code" for c in nbformat.read(folder / NOTEBOOK, as_version=4).cells)

    def finished():
        prompts = browser.execute_script(
            "return [...document.querySelectorAll('.jp-CodeCell .jp-InputPrompt')].map(e => e.textContent)")
        done = [p for p in prompts if p.strip().startswith("[") and p.strip()[1:-2].strip().isdigit()]
        return len(done) == n_code and not any("*" in p for p in prompts)

    _wait(finished, 180, "every cell to run")
    browser.save_screenshot(str(folder / "lab-notebook-01.png"))
    errors = browser.find_elements(By.CSS_SELECTOR, "[data-mime-type='application/vnd.jupyter.stderr']")
    assert not errors, "error output in the notebook: " + " | ".join(e.text[:300] for e in errors)
    images = browser.find_elements(By.CSS_SELECTOR, ".jp-OutputArea-output img")
    assert images and all(browser.execute_script("return arguments[0].naturalWidth", i) > 0 for i in images)
    marked = browser.find_elements(By.CSS_SELECTOR, ".jp-OutputArea-output table.fr-evidence")
    assert marked, "no evidence table"
    assert "dropped:" in marked[0].text
    browser.execute_script("arguments[0].scrollIntoView()", marked[0])
    browser.save_screenshot(str(folder / "lab-notebook-01-evidence.png"))


def test_report_index_loads_every_image(browser, seeds_dir, seed_processed, tmp_path):
    out = tmp_path / "reports" / seeds_dir.name
    result = report.run_report(seeds_dir, processed=seed_processed, out=out,
                               notebooks=[ROOT / "notebooks" / NOTEBOOK], echo=lambda line: None)
    assert result.ok, [run.error for run in result.runs]
    browser.get((out / "index.html").as_uri())
    from selenium.webdriver.common.by import By

    images = _wait(lambda: browser.find_elements(By.TAG_NAME, "img"), 20, "images")
    _wait(lambda: browser.execute_script("return document.readyState") == "complete", 20, "the page")
    widths = [browser.execute_script("return arguments[0].naturalWidth", i) for i in images]
    browser.save_screenshot(str(tmp_path / "report-index.png"))
    assert len(images) == len(result.runs[0].figures) and all(w > 0 for w in widths), widths
