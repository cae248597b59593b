"""Benchmark: the Spark job in local[N] against `quotectl extract --jobs N` on the same corpus,
and what one more partition costs. Prints figures; asserts nothing.

    scripts/spark-bundle && python3 examples/spark/bench.py --megabytes 100

Only quotectl's CPU time is printed: Spark's processes (the JVM, Python workers, the quotectl
they start) are not all waited for by their parents, so their CPU time does not add up in
spark-submit's. The job's own time (`seconds` in its summary) leaves out the JVM's start.

The corpus is JSONL built from the Corpus articles as `quotectl bench` builds its own: each copy
keeps an article's lede and shuffles its other paragraphs with a seeded generator, until the
article texts reach the given megabytes (10^6 bytes of UTF-8 text, the JSON around it not counted).
"""
import argparse
import json
import os
import random
import re
import resource
import shutil
import subprocess
import sys
import tarfile
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def write_corpus(path: Path, megabytes: float, seed: int = 7) -> tuple[int, int]:
    """Writes the corpus; returns (documents, bytes of text)."""
    articles = [p.read_text(encoding="utf-8").split("\n\n") for p in sorted((ROOT / "Corpus" / "articles").glob("*.txt"))]
    generator = random.Random(seed)
    documents = text_bytes = 0
    with open(path, "w", encoding="utf-8") as out:
        while text_bytes < megabytes * 1_000_000:
            paragraphs = articles[documents % len(articles)]
            rest = paragraphs[1:]
            generator.shuffle(rest)
            text = "\n\n".join([paragraphs[0]] + rest)
            out.write(json.dumps({"id": f"bench-{documents}", "text": text}, ensure_ascii=False) + "\n")
            documents += 1
            text_bytes += len(text.encode("utf-8"))
    return documents, text_bytes


def timed(command: list[str], **options) -> tuple[float, float, subprocess.CompletedProcess]:
    """Wall seconds, CPU seconds of the command and everything it waited for, and the run."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.monotonic()
    run = subprocess.run(command, **options)
    wall = time.monotonic() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    if run.returncode != 0:
        raise SystemExit(f"{' '.join(command[:3])}… failed ({run.returncode}): {(run.stderr or '')[-2000:]}")
    return wall, cpu, run


def spark_job(dist: Path, cores: int, corpus: Path, output: Path, partitions: int) -> tuple[float, float, dict]:
    import pyspark
    submit = os.path.join(os.path.dirname(pyspark.__file__), "bin", "spark-submit")
    wall, cpu, run = timed(
        [submit, "--master", f"local[{cores}]", "--conf", "spark.ui.enabled=false",
         "--conf", "spark.sql.shuffle.partitions=4", "--driver-memory", "2g",
         "--archives", f"{dist / archive_name()}#quotectl", "--py-files", str(dist / "quotectl_spark.zip"),
         str(dist / "quotes_job.py"), "--input-format", "jsonl", "--partitions", str(partitions),
         "--overwrite", "--output", str(output), str(corpus)],
        capture_output=True, text=True, env={**os.environ, "PYSPARK_PYTHON": sys.executable,
                                             "PYSPARK_DRIVER_PYTHON": sys.executable})
    summary = json.loads(next(output.glob("summary/part-*")).read_text())
    if not summary["ok"]:
        raise SystemExit(f"the job's check failed: {summary}")
    return wall, cpu, summary


def archive_name() -> str:
    return f"quotectl-linux-{os.uname().machine}.tar.gz"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--megabytes", type=float, default=100)
    parser.add_argument("--cores", type=int, default=2, help="local[N] and --jobs N")
    parser.add_argument("--partitions", type=int, default=16, help="partitions of the main run")
    parser.add_argument("--overhead-megabytes", type=float, default=10)
    parser.add_argument("--overhead-partitions", default="2,200", help="the two partition counts compared")
    parser.add_argument("--dist", default=os.environ.get("QUOTECTL_SPARK_DIST", str(ROOT / "dist" / "spark")))
    options = parser.parse_args()
    dist = Path(options.dist)
    folder = Path(tempfile.mkdtemp(prefix="quotectl-spark-bench-"))
    try:
        with tarfile.open(dist / archive_name()) as archive:
            archive.extractall(folder / "bundle", filter="tar")
        quotectl = str(folder / "bundle" / "bin" / "quotectl")
        print(f"machine: {os.cpu_count()} cores, load average {os.getloadavg()[0]:.2f} at the start")

        corpus = folder / "corpus.jsonl"
        documents, text_bytes = write_corpus(corpus, options.megabytes)
        megabytes = text_bytes / 1e6
        print(f"corpus: {documents} documents, {megabytes:.1f} MB of text, {corpus.stat().st_size / 1e6:.1f} MB of JSONL")

        wall, cpu, run = timed([quotectl, "extract", "--input", "jsonl", "--format", "jsonl", "--summary",
                                "--jobs", str(options.cores), str(corpus)], stdout=subprocess.DEVNULL,
                               stderr=subprocess.PIPE, text=True)
        counts = json.loads(re.search(r"quotectl: summary (\{.*\})", run.stderr).group(1))
        print(f"quotectl extract --jobs {options.cores}: {wall:.1f} s, {megabytes / wall:.2f} MB/s, "
              f"{documents / wall:.0f} docs/s, {cpu:.1f} CPU s, {counts['quotes']} quotes")

        wall, cpu, summary = spark_job(dist, options.cores, corpus, folder / "out", options.partitions)
        print(f"Spark local[{options.cores}], {summary['partitions']} partitions: job {summary['seconds']:.1f} s "
              f"({megabytes / summary['seconds']:.2f} MB/s), spark-submit {wall:.1f} s ({megabytes / wall:.2f} MB/s), "
              f"{summary['quotes']} quotes")
        if summary["quotes"] != counts["quotes"]:
            print(f"  the job wrote {summary['quotes']} quotes, quotectl {counts['quotes']}: NOT THE SAME")

        small = folder / "small.jsonl"
        small_documents, small_bytes = write_corpus(small, options.overhead_megabytes)
        few, many = (int(count) for count in options.overhead_partitions.split(","))
        runs = {}
        for partitions in (few, many):
            runs[partitions] = spark_job(dist, options.cores, small, folder / f"out-{partitions}", partitions)
            wall, cpu, summary = runs[partitions]
            print(f"Spark local[{options.cores}], {small_bytes / 1e6:.1f} MB, {partitions} partitions: "
                  f"job {summary['seconds']:.1f} s")
        extra = (runs[many][2]["seconds"] - runs[few][2]["seconds"]) / (many - few)
        print(f"per partition: {extra * 1000:.0f} ms of the job's time on {options.cores} cores "
              f"(≈ {extra * options.cores * 1000:.0f} ms of one core)")
        print(f"load average at the end: {os.getloadavg()[0]:.2f}")
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
