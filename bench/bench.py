#!/usr/bin/env python3
"""Benchmark contentlint against proselint on the same generated corpus, in one run.

Measures, with every default rule and the command line as users run it:

- the compiled wheel users install (``--build compiled``, the default: the mypyc build of
  pyproject.toml, built from a copy of the repository and unpacked), or the pure-Python sources;
- throughput (articles/s and MB/s) of ``contentlint check`` with ``--jobs`` = the cores, and of
  proselint (installed in its own virtual environment under ``bench/out/``) on the same files,
  run in alternate rounds (``--rounds``, median of each) so that both meet the same load, with
  no memory sampler running beside them;
- a cold run (empty cache) against a warm run (nothing changed);
- one-file latency: ``contentlint check one.md``, the pre-commit case, median of several runs;
- time at 1k and 4k articles (growth should be linear) and peak memory at 10k articles
  (the whole process tree sampled from /proc every 50 ms: proportional set sizes summed, which
  count a page the parent shares with its forked workers once, resident sizes summed, which
  count it in every process, and the largest single process).

    python bench/bench.py                         # everything (about 7 minutes on two cores)
    python bench/bench.py --quick                 # 200 and 800 articles, memory at 2,000
    python bench/bench.py --no-proselint          # skip the peer
    python bench/bench.py --build source          # the pure-Python sources instead of the compiled wheel

Results go to ``bench/out/results.json`` and ``bench/out/results.md`` (paste the table into
``docs/benchmarks.md``). Run it with the Python that has contentlint installed.
"""

from __future__ import annotations

import argparse
import contextlib
import itertools
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import threading
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus import sentence_pool, write_corpus

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
OUT = HERE / "out"
CONTENTLINT = [sys.executable, "-m", "contentlint.cli"]
SNAPSHOT = OUT / "snapshot"
# Runs use a copy of the source taken at the start, so that edits made while the benchmark runs
# neither change what is measured nor invalidate the results cache between the cold and warm runs.
ENV = {**os.environ, "PYTHONPATH": str(SNAPSHOT / "src")}


def take_snapshot(build: str) -> str:
    """Copy what is measured to SNAPSHOT/src: the sources, or with ``build`` "compiled" the
    compiled wheel unpacked (see pyproject.toml's mypyc hook). Returns the build taken: "source"
    when the compiled one cannot be built here."""
    shutil.rmtree(SNAPSHOT, ignore_errors=True)
    if build == "compiled":
        if build_compiled(SNAPSHOT / "src"):
            _byte_compile()
            return "compiled"
        print("the compiled build failed (see above): measuring the sources instead", flush=True)
        shutil.rmtree(SNAPSHOT, ignore_errors=True)
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc", "*.so")
    shutil.copytree(REPO / "src", SNAPSHOT / "src", ignore=ignore)
    shutil.copytree(REPO / "rules", SNAPSHOT / "rules", ignore=ignore)
    _byte_compile()
    return "source"


def build_compiled(site: Path) -> bool:
    """Build the compiled wheel from a copy of the repository (the hook compiles in place) and
    unpack it into ``site``."""
    import tempfile
    import zipfile

    with tempfile.TemporaryDirectory() as work:
        source = Path(work) / "source"
        source.mkdir()
        for name in ("pyproject.toml", "README.md", "src", "rules"):
            if (REPO / name).is_dir():
                shutil.copytree(REPO / name, source / name, ignore=shutil.ignore_patterns("__pycache__", "*.so"))
            else:
                shutil.copy2(REPO / name, source / name)
        env = {**os.environ, "HATCH_BUILD_HOOK_ENABLE_MYPYC": "1", "HATCH_BUILD_CLEAN_HOOKS_AFTER": "1"}
        print("building the compiled wheel (about a minute)", flush=True)
        built = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", f"{work}/dist",
                                str(source)], env=env)
        wheels = list(Path(work, "dist").glob("contentlint-*.whl"))
        if built.returncode != 0 or not wheels:
            return False
        with zipfile.ZipFile(wheels[0]) as archive:
            archive.extractall(site)
    return True


def _byte_compile() -> None:
    # bytecode as an installed package has it (compileall writes it even where PYTHONDONTWRITEBYTECODE
    # is set, which would otherwise make every run compile every module from source)
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(SNAPSHOT / "src")], check=True)


@dataclass
class Run:
    seconds: float
    cpu_seconds: float  # user + system time of the process and its workers: robust to a busy machine
    peak_tree_mb: float  # proportional set size (PSS) of the process and its workers together, sampled
    peak_tree_rss_mb: float  # their resident sizes summed: counts the pages workers share with the parent twice
    peak_process_mb: float  # the largest single process (resident size)
    exit_code: int


@dataclass
class Results:
    machine: dict[str, str] = field(default_factory=dict)
    corpus: dict[str, dict[str, float]] = field(default_factory=dict)
    runs: dict[str, dict[str, float]] = field(default_factory=dict)
    one_file_ms: list[float] = field(default_factory=list)
    first_run_ms: float = 0.0  # one file with an empty per-user cache: the first run after installing
    targets: dict[str, dict[str, object]] = field(default_factory=dict)
    # proselint's wall time over contentlint's in each round, the two run one after the other
    round_ratios: list[float] = field(default_factory=list)


def _descendants(pid: int) -> list[int]:
    """``pid`` and every process below it, from the parent links in /proc."""
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            with contextlib.suppress(OSError, IndexError, ValueError):
                stat = Path(f"/proc/{entry}/stat").read_text()
                parent = int(stat.rsplit(")", 1)[1].split()[1])  # the name in brackets may hold spaces
                children.setdefault(parent, []).append(int(entry))
    tree, todo = [], [pid]
    while todo:
        current = todo.pop()
        tree.append(current)
        todo.extend(children.get(current, ()))
    return tree


def _kib(path: str, key: str) -> int:
    with contextlib.suppress(OSError, ValueError, IndexError):
        for line in Path(path).read_text().splitlines():
            if line.startswith(key):
                return int(line.split()[1])
    return 0


@dataclass
class Memory:
    """Memory of a process tree at one moment, in bytes."""

    proportional: int = 0  # PSS summed: a page shared by n processes counts 1/n in each, so once in all
    resident: int = 0  # RSS summed: pages shared between the parent and its forked workers count in each
    largest: int = 0  # RSS of the largest single process


def _tree_memory(tree: list[int]) -> Memory:
    """The memory of the processes of ``tree``, read from /proc (Linux): one that has ended counts nothing."""
    memory = Memory()
    for process in tree:
        rss = _kib(f"/proc/{process}/status", "VmRSS:") * 1024
        pss = _kib(f"/proc/{process}/smaps_rollup", "Pss:") * 1024
        memory.resident += rss
        memory.proportional += pss or rss  # smaps_rollup needs Linux 4.14
        memory.largest = max(memory.largest, rss)
    return memory


def timed(command: list[str], env: dict[str, str] = ENV, sample_memory: bool = True) -> Run:
    """Run ``command`` to completion, timing it and sampling the memory of its process tree."""
    import resource

    if sample_memory and not Path("/proc/self/status").exists():
        raise SystemExit("measuring memory needs Linux /proc (run with sample_memory=False elsewhere)")
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu_before = usage.ru_utime + usage.ru_stime
    peak = Memory()
    start = time.perf_counter()
    proc = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    stop = threading.Event()

    def sample() -> None:
        # Finding the tree scans every process on the machine: it is done every tenth sample
        # only (workers start early and live to the end), so the sampler takes little of the CPU
        # the measured processes share with it.
        tree: list[int] = []
        for count in itertools.count():
            if stop.is_set():
                break
            if count % 10 == 0:
                tree = _descendants(proc.pid)
            now = _tree_memory(tree)
            peak.proportional = max(peak.proportional, now.proportional)
            peak.resident = max(peak.resident, now.resident)
            peak.largest = max(peak.largest, now.largest)
            stop.wait(0.05)

    sampler = threading.Thread(target=sample, daemon=True)
    if sample_memory:
        sampler.start()
    _, err = proc.communicate()
    seconds = time.perf_counter() - start
    stop.set()
    if sample_memory:
        sampler.join()
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = usage.ru_utime + usage.ru_stime - cpu_before
    if proc.returncode not in (0, 1):
        sys.stderr.write(err.decode("utf-8", "replace")[-2000:])
        raise SystemExit(f"{' '.join(command[:4])} ... failed with exit status {proc.returncode}")
    mb = 2**20
    return Run(seconds, cpu, peak.proportional / mb, peak.resident / mb, peak.largest / mb, proc.returncode)


def machine() -> dict[str, str]:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    memory = ""
    try:
        kib = int(Path("/proc/meminfo").read_text().split()[1])
        memory = f"{kib / 2**20:.1f} GiB"
    except (OSError, ValueError, IndexError):
        pass
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
    commit = subprocess.run(["git", "-C", str(REPO), "rev-parse", "--short", "HEAD"], capture_output=True,
                            text=True).stdout.strip()
    dirty = subprocess.run(["git", "-C", str(REPO), "status", "--porcelain", "--", "src", "rules"],
                           capture_output=True, text=True).stdout.strip()
    if commit and dirty:
        commit += " with uncommitted changes"
    from contentlint import __version__

    return {
        "cpu": cpu,
        "cores": str(cores),
        "memory": memory,
        "os": f"{platform.system()} {platform.release()}",
        "python": platform.python_version(),
        "contentlint": f"{__version__} ({commit})" if commit else __version__,
        "load average at start": " ".join(f"{x:.2f}" for x in os.getloadavg()),
    }


def proselint_bin() -> Path:
    venv = OUT / "proselint-venv"
    binary = venv / "bin" / "proselint"
    if not binary.exists():
        print("installing proselint in", venv, flush=True)
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
        subprocess.run([str(venv / "bin" / "pip"), "install", "-q", "proselint"], check=True)
    return binary


def contentlint_check(folder: Path, jobs: int, cache: Path | None, report: Path) -> list[str]:
    command = [*CONTENTLINT, "check", str(folder), "--jobs", str(jobs), "--format", "json", "-o", str(report),
               "--fail-on", "never"]
    if cache is None:
        command.append("--no-cache")
    return command


def env_with_cache(cache: Path) -> dict[str, str]:
    return {**ENV, "CONTENTLINT_CACHE_DIR": str(cache)}


def corpus_size(folder: Path) -> tuple[int, float]:
    files = [p for p in folder.rglob("*") if p.is_file()]
    return len(files), sum(p.stat().st_size for p in files) / 1e6


def median_run(runs: list[Run]) -> Run:
    """The run of median wall time (the lower middle one of an even number)."""
    return sorted(runs, key=lambda run: run.seconds)[(len(runs) - 1) // 2]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="small corpora, for trying the script out")
    parser.add_argument("--jobs", type=int, default=None, help="contentlint --jobs [default: the cores]")
    parser.add_argument("--no-proselint", action="store_true")
    parser.add_argument("--repeat", type=int, default=7, help="one-file runs to take the median of")
    parser.add_argument("--rounds", type=int, default=5,
                        help="alternate runs of contentlint and proselint to take the median of [default: 5]")
    parser.add_argument("--build", choices=("compiled", "source"), default="compiled",
                        help="measure the compiled wheel (needs a C compiler; falls back to the sources) "
                             "or the pure-Python sources [default: compiled]")
    parser.add_argument("--sizes", type=int, nargs=3, metavar=("SMALL", "LARGE", "MEMORY"),
                        help="corpus sizes [default: 1000 4000 10000]")
    args = parser.parse_args()

    small, large, memory_size = args.sizes or ((200, 800, 2000) if args.quick else (1000, 4000, 10000))
    build = take_snapshot(args.build)
    jobs = args.jobs or int(machine()["cores"])
    OUT.mkdir(parents=True, exist_ok=True)
    results = Results(machine=machine())
    results.machine["build"] = build
    results.machine["jobs"] = str(jobs)
    print(json.dumps(results.machine, indent=1), flush=True)

    pool = sentence_pool()
    folders = {}
    for count in sorted({small, large, memory_size}):
        folder = OUT / f"corpus-{count}"
        write_corpus(folder, count, pool=pool)
        files, megabytes = corpus_size(folder)
        folders[count] = folder
        results.corpus[str(count)] = {"articles": files, "megabytes": round(megabytes, 2)}
        print(f"corpus {count}: {files} articles, {megabytes:.1f} MB", flush=True)

    def record(name: str, count: int, run: Run) -> None:
        articles = results.corpus[str(count)]["articles"]
        megabytes = results.corpus[str(count)]["megabytes"]
        results.runs[name] = {
            "articles": articles,
            "seconds": round(run.seconds, 3),
            "cpu_seconds": round(run.cpu_seconds, 3),
            "articles_per_cpu_s": round(articles / run.cpu_seconds, 1),
            "articles_per_s": round(articles / run.seconds, 1),
            "mb_per_s": round(megabytes / run.seconds, 3),
            "peak_tree_mb": round(run.peak_tree_mb, 1),
            "peak_tree_rss_mb": round(run.peak_tree_rss_mb, 1),
            "peak_process_mb": round(run.peak_process_mb, 1),
        }
        (OUT / "results.json").write_text(json.dumps(asdict(results), indent=1) + "\n")  # partial results
        memory = (f", peak {run.peak_tree_mb:.0f} MB (tree, PSS; {run.peak_tree_rss_mb:.0f} MB RSS summed)"
                  if run.peak_tree_mb else "")
        print(f"{name}: {run.seconds:.2f} s ({run.cpu_seconds:.1f} s CPU), {articles / run.seconds:.1f} articles/s"
              f"{memory}", flush=True)

    report = OUT / "report.json"
    cache = OUT / "cache"

    # contentlint: cold (empty cache) then warm, at both sizes
    for count in (small, large):
        shutil.rmtree(cache, ignore_errors=True)
        command = contentlint_check(folders[count], jobs, cache, report)
        record(f"contentlint cold {count}", count, timed(command, env_with_cache(cache)))
        record(f"contentlint warm {count}", count, timed(command, env_with_cache(cache)))
    record(f"contentlint 1 job {small}", small, timed(contentlint_check(folders[small], 1, None, report)))

    # contentlint without a cache against proselint on the same files (it takes file paths, not
    # folders), in alternate rounds so that both meet the same load; each keeps its median round
    ours: list[Run] = []
    theirs: list[Run] = []
    small_files = sorted(str(p) for p in folders[small].rglob("*") if p.is_file())
    binary = None if args.no_proselint else proselint_bin()
    # (memory is not sampled here: the sampler would take CPU from contentlint's workers on every
    # core, and only from proselint's spare one)
    for _ in range(args.rounds):
        ours.append(timed(contentlint_check(folders[small], jobs, None, report), sample_memory=False))
        if binary is not None:
            theirs.append(timed([str(binary), "check", "--output-format", "json", *small_files], sample_memory=False))
    record(f"contentlint no-cache {small}", small, median_run(ours))
    if theirs:
        record(f"proselint {small}", small, median_run(theirs))
        results.round_ratios = [round(peer.seconds / run.seconds, 2) for run, peer in zip(ours, theirs, strict=True)]
    results.machine["rounds"] = str(args.rounds)

    # one file, as a pre-commit hook runs it
    one = sorted(folders[small].rglob("*.md"))[0]
    timed([*CONTENTLINT, "check", str(one), "--no-cache", "--fail-on", "never"], sample_memory=False)  # warm the OS
    for _ in range(args.repeat):
        run = timed([*CONTENTLINT, "check", str(one), "--no-cache", "--fail-on", "never"], sample_memory=False)
        results.one_file_ms.append(round(run.seconds * 1000, 1))
    empty = OUT / "empty-user-cache"
    shutil.rmtree(empty, ignore_errors=True)
    first = timed([*CONTENTLINT, "check", str(one), "--no-cache", "--fail-on", "never"],
                  env_with_cache(empty), sample_memory=False)
    results.first_run_ms = round(first.seconds * 1000, 1)

    # memory at the largest size (no cache: every article is parsed and checked)
    record(f"contentlint no-cache {memory_size}", memory_size,
           timed(contentlint_check(folders[memory_size], jobs, None, report)))

    evaluate(results, small, large, memory_size, args.no_proselint)
    (OUT / "results.json").write_text(json.dumps(asdict(results), indent=1) + "\n")
    markdown = to_markdown(results)
    (OUT / "results.md").write_text(markdown)
    print(markdown)


def evaluate(results: Results, small: int, large: int, memory_size: int, no_proselint: bool) -> None:
    runs = results.runs
    targets = results.targets
    if not no_proselint:
        ratio = runs[f"contentlint no-cache {small}"]["articles_per_s"] / runs[f"proselint {small}"]["articles_per_s"]
        targets["throughput vs proselint (wall clock)"] = {"value": f"{ratio:.1f}x", "target": ">= 5x",
                                                           "met": ratio >= 5}
        # On a shared machine wall time depends on the neighbours; CPU time does not. With `jobs`
        # cores to itself contentlint would take cpu_seconds / jobs (an upper bound on its speed).
        jobs = int(results.machine["jobs"])
        ours = runs[f"contentlint no-cache {small}"]["articles_per_cpu_s"] * jobs
        ratio = ours / runs[f"proselint {small}"]["articles_per_cpu_s"]
        targets["throughput vs proselint (CPU time)"] = {"value": f"{ratio:.1f}x", "target": ">= 5x",
                                                         "met": ratio >= 5}
    speedup = runs[f"contentlint cold {large}"]["seconds"] / runs[f"contentlint warm {large}"]["seconds"]
    targets["warm cache vs cold"] = {"value": f"{speedup:.1f}x", "target": ">= 20x", "met": speedup >= 20}
    median = statistics.median(results.one_file_ms)
    targets["one file"] = {"value": f"{median:.0f} ms", "target": "< 300 ms", "met": median < 300}
    peak = runs[f"contentlint no-cache {memory_size}"]["peak_tree_mb"]
    targets[f"peak memory at {memory_size} articles"] = {"value": f"{peak:.0f} MB", "target": "< 300 MB",
                                                         "met": peak < 300}
    per_small = runs[f"contentlint cold {small}"]["cpu_seconds"] / small
    per_large = runs[f"contentlint cold {large}"]["cpu_seconds"] / large
    growth = per_large / per_small
    targets["growth 1x to 4x (CPU time per article)"] = {"value": f"{growth:.2f}", "target": "about 1 (linear)",
                                                     "met": growth < 1.25}


def to_markdown(results: Results) -> str:
    lines = ["| machine | |", "|---|---|"]
    lines += [f"| {key} | {value} |" for key, value in results.machine.items()]
    lines += ["", "| run | articles | seconds | CPU seconds | articles/s | articles/CPU s | MB/s "
              "| peak memory, all processes (PSS, MB) | RSS summed (MB) | largest process (MB) |",
              "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for name, run in results.runs.items():
        memory = " | ".join(f"{run[key]:.0f}" if run[key] else "–"  # not sampled
                            for key in ("peak_tree_mb", "peak_tree_rss_mb", "peak_process_mb"))
        lines.append(f"| {name} | {run['articles']:.0f} | {run['seconds']:.2f} | {run['cpu_seconds']:.1f} | "
                     f"{run['articles_per_s']:.1f} | {run['articles_per_cpu_s']:.1f} | {run['mb_per_s']:.2f} | "
                     f"{memory} |")
    lines += ["", f"One file (`contentlint check one.md --no-cache`), {len(results.one_file_ms)} runs: median "
              f"{statistics.median(results.one_file_ms):.0f} ms (min {min(results.one_file_ms):.0f}, "
              f"max {max(results.one_file_ms):.0f}); the first run after installing (empty per-user cache): "
              f"{results.first_run_ms:.0f} ms.", ""]
    if results.round_ratios:
        lines += ["Throughput against proselint in each round (the two run one after the other): "
                  + ", ".join(f"{ratio:.2f}x" for ratio in results.round_ratios) + ".", ""]
    lines += ["| target | measured | goal | met |", "|---|---:|---|---|"]
    for name, target in results.targets.items():
        lines.append(f"| {name} | {target['value']} | {target['target']} | {'yes' if target['met'] else 'no'} |")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    main()
