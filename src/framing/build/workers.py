"""Where a build's articles are processed: in this process, in a pool of processes, or on a Dask
cluster, with progress shown on stderr. Each job is one article (`article.process_article`);
results come back in the order of the jobs, whichever runs them."""
from __future__ import annotations

import sys
import time

from .article import ArticleResult, process_article

PLAIN_PROGRESS_SECONDS = 30.0  # without a terminal: a progress line at most this often
SCHEDULER_TIMEOUT = 20  # seconds to wait for a Dask scheduler to answer


def article_runner(workers: int = 1, scheduler: str | None = None, progress: bool = False):
    """A function from jobs (raw article, corpus, site repeats) to `process_article`'s results, in
    order: run on the Dask scheduler `scheduler` when given (`run_on_dask`), else in this process
    or a pool of `workers` processes (`run_here`), with progress shown when `progress`."""
    if scheduler:
        return lambda jobs: run_on_dask(jobs, scheduler=scheduler, workers=workers)
    return lambda jobs: run_here(jobs, workers=workers, progress=progress)


def _process_job(job) -> ArticleResult:
    raw, corpus, repeats = job
    return process_article(raw, corpus=corpus, site_repeats=repeats)


def _process_batch(jobs: list) -> list[ArticleResult]:
    return [_process_job(job) for job in jobs]


def run_here(jobs: list, *, workers: int, progress: bool) -> list[ArticleResult]:
    """process_article over the jobs, in order; in a pool of processes when that pays off."""
    if workers <= 1 or len(jobs) < 50:
        return [_process_job(job) for job in _progress(jobs, progress, "cleaning")]
    from concurrent.futures import ProcessPoolExecutor

    with ProcessPoolExecutor(max_workers=workers) as pool:
        results = pool.map(_process_job, jobs, chunksize=max(1, min(64, len(jobs) // (workers * 8))))
        return list(_progress(results, progress, "cleaning", total=len(jobs)))


def run_on_dask(jobs: list, *, scheduler: str, workers: int = 1, batch: int = 200
                ) -> list[ArticleResult]:
    """process_article over the jobs on a Dask cluster, in batches of `batch` articles, in order.

    `scheduler` is "local" (a LocalCluster of `workers` single-threaded processes on this machine)
    or the address of a running scheduler, e.g. "tcp://10.0.0.5:8786" (dask-jobqueue, Dask on
    Kubernetes). The workers need `framing` installed at the same version. Needs the optional
    extra: pip install "framing[dask]"."""
    from ..config import UsageError

    try:
        from dask.distributed import Client, LocalCluster
    except ImportError as error:
        raise UsageError('Dask is not installed: pip install -e ".[dask]", or build without '
                         '--dask/--scheduler') from error
    if not jobs:
        return []
    batches = [jobs[i:i + batch] for i in range(0, len(jobs), batch)]
    if scheduler == "local":
        with LocalCluster(n_workers=max(1, workers), threads_per_worker=1, processes=True,
                          dashboard_address=None) as cluster, Client(cluster) as client:
            return _gather_batches(client, batches)
    try:
        client = Client(scheduler, timeout=SCHEDULER_TIMEOUT)
    except Exception as error:  # noqa: BLE001 - a bad address or no scheduler there: one line
        reason = " ".join(str(error).split())[:200] or type(error).__name__
        raise UsageError(f"cannot reach a Dask scheduler at {scheduler!r} ({reason}): give its "
                         "address, e.g. --scheduler tcp://10.0.0.5:8786, or use --dask local") from None
    with client:
        return _gather_batches(client, batches)


def _gather_batches(client, batches: list[list]) -> list[ArticleResult]:
    futures = client.map(_process_batch, batches, pure=False)
    return [result for part in client.gather(futures) for result in part]


def _progress(items, enabled: bool, label: str, total: int | None = None):
    """`items`, with progress shown on stderr: a bar on a terminal; else (a log file, CI, a pipe)
    plain lines (`plain_progress`), never a bar's carriage returns."""
    total = len(items) if total is None else total
    if not enabled or total < 20:
        return items
    if not _is_terminal(sys.stderr):
        return plain_progress(items, label, total)
    from tqdm.auto import tqdm

    return tqdm(items, desc=label, unit="article", total=total)


def _is_terminal(stream) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):  # no stream, or a closed one
        return False


def plain_progress(items, label: str, total: int, *, every: float = PLAIN_PROGRESS_SECONDS, stream=None):
    """Yield `items`, writing one line (`cleaning: 1,200 of 5,000 articles, 31 s`) to `stream`
    (default stderr) at most every `every` seconds and one when done: progress for a log file."""
    stream = stream or sys.stderr
    started = last = time.monotonic()
    done = 0
    for item in items:
        yield item
        done += 1
        now = time.monotonic()
        if now - last >= every and done < total:
            print(f"{label}: {done:,} of {total:,} articles, {now - started:.0f} s", file=stream, flush=True)
            last = now
    print(f"{label}: {done:,} of {total:,} articles, {time.monotonic() - started:.1f} s", file=stream, flush=True)
