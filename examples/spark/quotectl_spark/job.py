"""The Spark job: articles in, Parquet (or JSONL) of quotes out, errors beside them.

    spark-submit --archives quotectl-linux-x86_64.tar.gz#quotectl --py-files quotectl_spark.zip \\
        quotes_job.py --input-format jsonl --output hdfs:///quotes/2024 hdfs:///archive/2024/

writes `OUTPUT/quotes` (one row per quote, the columns of the output contract), `OUTPUT/errors`
(`doc`, `error`: one row per document that could not be read or processed) and
`OUTPUT/summary` (one JSON line: the counts printed at the end). The job exits 1 when the
documents in are not the documents answered, which Spark's retries should never allow.
"""
import argparse
import json
import os
import sys
import time
from typing import Optional

from .contract import ERROR, QUOTE
from .engine import Answer, Counts, Engine
from .sources import INPUT_FORMATS, read

#: Where the bundle's binary is once `--archives quotectl-linux-x86_64.tar.gz#quotectl` has unpacked it.
DEFAULT_BINARY = "quotectl/bin/quotectl"


def arguments(argv: Optional[list[str]] = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="quotes_job.py",
        description="Extract the quotes of articles with quotectl, one quotectl process per Spark partition.")
    parser.add_argument("paths", nargs="+", metavar="PATH", help="files or folders, on any file system Spark reads")
    parser.add_argument("--input-format", choices=INPUT_FORMATS, default="jsonl",
                        help='jsonl: {"id", "text"} lines; text: .txt files, one article each; parquet: id and text columns')
    parser.add_argument("--output", required=True, help="folder that receives quotes/, errors/ and summary/")
    parser.add_argument("--format", choices=("parquet", "jsonl"), default="parquet", help="format of quotes/ and errors/")
    parser.add_argument("--overwrite", action="store_true", help="replace an existing output folder")
    parser.add_argument("--partitions", type=int,
                        help="spread the documents over this many partitions (one quotectl process each); "
                             "default: as Spark reads the input (one per file block)")
    parser.add_argument("--quotectl", default=DEFAULT_BINARY,
                        help=f"the quotectl binary on the executors: a path there, or a path inside what --archives "
                             f"unpacked (default {DEFAULT_BINARY})")
    parser.add_argument("--jobs", type=int, default=1,
                        help="threads of each quotectl process; give Spark as many with --conf spark.task.cpus=N")
    parser.add_argument("--speakers", help="a speaker registry (JSON) shipped with --files, merged over the bundled one")
    parser.add_argument("--only-translated", action="store_true", help="keep only the quotes that are not verbatim")
    parser.add_argument("--glob", help="file names to read in folders (default *.txt for text, *.jsonl* for jsonl)")
    parser.add_argument("--id-column", default="id", help="Parquet column naming each article")
    parser.add_argument("--text-column", default="text", help="Parquet column holding each article's text")
    parsed = parser.parse_args(argv)
    if parsed.partitions is not None and parsed.partitions < 1:
        parser.error("--partitions must be at least 1")
    if parsed.jobs < 1:
        parser.error("--jobs must be at least 1")
    return parsed


def locate(path: str) -> str:
    """`path` on this executor: as given when it exists (absolute, or relative to the working
    folder, where YARN and Kubernetes unpack `--archives`), else inside the folder where Spark
    puts `--files` and `--archives` (local and standalone masters)."""
    from pyspark import SparkFiles

    candidates = [path, os.path.join(SparkFiles.getRootDirectory(), path)]
    for candidate in candidates:
        if os.path.exists(candidate):
            return os.path.abspath(candidate)
    raise FileNotFoundError(f"{path} is not on this executor (looked in {', '.join(candidates)}); "
                            "ship the bundle with --archives quotectl-linux-x86_64.tar.gz#quotectl, or install it "
                            "on every node and give its absolute path with --quotectl")


def partition_answers(engine: Engine, speakers: Optional[str]):
    """The function each task runs: locate the bundle, then one quotectl for the partition."""
    def run(documents):
        from pyspark import TaskContext

        context = TaskContext.get()
        configured = Engine(binary=locate(engine.binary), jobs=engine.jobs,
                            speakers=locate(speakers) if speakers else None,
                            only_translated=engine.only_translated,
                            environment={"QUOTECTL_SPARK_PARTITION": str(context.partitionId()),
                                         "QUOTECTL_SPARK_ATTEMPT": str(context.attemptNumber())})
        for answer in configured.answer(documents):
            yield answer
    return run


def _answer_schema():
    from pyspark.sql.types import LongType, StructField, StructType

    counts = StructType([StructField(name, LongType(), False) for name in Counts._fields])
    return StructType([StructField("quote", QUOTE, True), StructField("error", ERROR, True), StructField("counts", counts, True)])


def _answer_row(answer: Answer) -> tuple:
    return (answer.quote, answer.error, tuple(answer.counts) if answer.counts else None)


def run(spark, options: argparse.Namespace) -> dict:
    """Runs the job and returns its summary (what `main` prints and writes to `summary/`)."""
    from pyspark import StorageLevel
    from pyspark.sql import functions as F

    started = time.monotonic()
    glob = options.glob or {"text": "*.txt", "jsonl": "*.jsonl*"}.get(options.input_format)
    documents, documents_in = read(spark, options.input_format, options.paths, glob=glob,
                                   id_column=options.id_column, text_column=options.text_column)
    if options.partitions:
        documents = documents.repartition(options.partitions)
    engine = Engine(binary=options.quotectl, jobs=options.jobs, only_translated=options.only_translated)
    answers = documents.mapPartitions(partition_answers(engine, options.speakers)).map(_answer_row)
    # Kept so that writing quotes, writing errors and adding up counts run quotectl once;
    # a lost block is computed again, with the same result.
    table = spark.createDataFrame(answers, _answer_schema(), verifySchema=False).persist(StorageLevel.MEMORY_AND_DISK)
    try:
        counts = table.where(F.col("counts").isNotNull()).select("counts.*").groupBy().sum().collect()[0]
        totals = Counts(*[int(counts[f"sum({name})"] or 0) for name in Counts._fields])
        mode = "overwrite" if options.overwrite else "errorifexists"
        quotes_path, errors_path = options.output.rstrip("/") + "/quotes", options.output.rstrip("/") + "/errors"
        _write(table.where(F.col("quote").isNotNull()).select("quote.*"), options.format, mode, quotes_path)
        _write(table.where(F.col("error").isNotNull()).select("error.*").coalesce(1), options.format, mode, errors_path)
    finally:
        table.unpersist()
    # What the outputs hold, read back: what a reader of the output will see.
    quotes_written = _read(spark, options.format, quotes_path).count()
    errors_written = _read(spark, options.format, errors_path).count()
    answered = totals.processed + totals.failed + totals.unreadable
    summary = {
        "documents_in": documents_in,
        "documents_answered": answered,
        "processed": totals.processed,
        "errors": errors_written,
        "quotes": quotes_written,
        "partitions": table.rdd.getNumPartitions(),
        "seconds": round(time.monotonic() - started, 1),
        "ok": documents_in == answered == totals.documents
              and quotes_written == totals.quotes
              and errors_written == totals.failed + totals.unreadable,
    }
    spark.createDataFrame([(json.dumps(summary),)], "value string").coalesce(1).write.mode(mode).text(
        options.output.rstrip("/") + "/summary")
    return summary


def _write(frame, output_format: str, mode: str, path: str):
    if output_format == "parquet":
        frame.write.mode(mode).parquet(path)
    else:
        # Every contract key on every line, null or not, in the contract's order.
        frame.write.mode(mode).option("ignoreNullFields", "false").json(path)


def _read(spark, output_format: str, path: str):
    return spark.read.parquet(path) if output_format == "parquet" else spark.read.text(path)


def describe(summary: dict, output: str) -> str:
    """The lines printed at the end of a run.

    >>> print(describe({"documents_in": 3, "documents_answered": 3, "processed": 2, "errors": 1, "quotes": 5,
    ...                 "partitions": 2, "seconds": 12.5, "ok": True}, "out"))
    quotectl-spark: 3 documents in, 3 answered: 2 processed (5 quotes in out/quotes), 1 error (in out/errors); 2 partitions, 12.5 s
    """
    errors = summary["errors"]
    line = (f"quotectl-spark: {summary['documents_in']} documents in, {summary['documents_answered']} answered: "
            f"{summary['processed']} processed ({summary['quotes']} quotes in {output}/quotes), "
            f"{errors} error{'' if errors == 1 else 's'} (in {output}/errors); "
            f"{summary['partitions']} partitions, {summary['seconds']} s")
    if summary["documents_in"] == 0:
        line += "\nquotectl-spark: no document was read: check the paths, --input-format and --glob"
    if not summary["ok"]:
        line += "\nquotectl-spark: error: the documents in are not the documents answered, or the outputs do not hold " \
                "every record; the output is incomplete (see the summary above and the executors' logs)"
    return line


def main(argv: Optional[list[str]] = None) -> int:
    options = arguments(argv)
    from pyspark.sql import SparkSession

    spark = SparkSession.builder.appName("quotectl").getOrCreate()
    try:
        summary = run(spark, options)
    finally:
        spark.stop()
    print(describe(summary, options.output.rstrip("/")), flush=True)
    return 0 if summary["ok"] else 1


if __name__ == "__main__":
    sys.exit(main())
