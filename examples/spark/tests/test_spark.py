"""The job in real Spark: `local[2]` in this process, and spark-submit on a two-executor cluster
(`local-cluster`) that loses an executor in the middle of a partition. Each run is compared,
record for record, with `quotectl extract` on the same input."""
import glob
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import unittest
from pathlib import Path

import support
from quotectl_spark import job
from quotectl_spark.contract import ERROR, QUOTE

#: Bad lines put among the generated documents, by the index of the document they come before.
BAD_LINES = {
    10: b'{"id": "bad-utf8", "text": "caf\xe9 cr\xe8me"}',
    4321: b'{"id": "bad-json", "text": "guillemets \xc2\xab non ferm\xc3\xa9s"',
    4322: b'{"id": 12, "text": "un id qui est un nombre"}',
    9990: b'["pas", "un", "objet"]',
}


def spark_submit() -> list[str]:
    import pyspark
    return [os.path.join(os.path.dirname(pyspark.__file__), "bin", "spark-submit")]


def environment() -> dict:
    return {**os.environ, "PYSPARK_PYTHON": sys.executable, "PYSPARK_DRIVER_PYTHON": sys.executable}


def read_output(folder: str, output_format: str) -> tuple[list[dict], list[dict]]:
    """The quotes and errors a run wrote, as JSON objects (Parquet read back by Spark)."""
    if output_format == "jsonl":
        def lines(name):
            return [json.loads(line) for part in sorted(glob.glob(f"{folder}/{name}/part-*"))
                    for line in Path(part).read_text(encoding="utf-8").splitlines()]
        return lines("quotes"), lines("errors")
    spark = SparkTests.spark
    quotes = [support.record_of(QUOTE, tuple(row)) for row in spark.read.schema(QUOTE).parquet(f"{folder}/quotes").collect()]
    errors = [row.asDict() for row in spark.read.schema(ERROR).parquet(f"{folder}/errors").collect()]
    return quotes, errors


def local_names(records: list[dict]) -> list[dict]:
    return [{**record, "doc": support.local_path(record["doc"])} for record in records]


class SparkTests(unittest.TestCase):
    spark = None

    @classmethod
    def setUpClass(cls):
        from pyspark.sql import SparkSession

        os.environ.update(PYSPARK_PYTHON=sys.executable, PYSPARK_DRIVER_PYTHON=sys.executable)
        cls.folder = Path(tempfile.mkdtemp(prefix="quotectl-spark-test-"))
        cls.documents = support.generated_documents(10_000)
        cls.jsonl = cls.folder / "generated.jsonl"
        support.write_jsonl(cls.jsonl, cls.documents, BAD_LINES)
        dist = support.bundle_folder()
        cls.spark = (SparkSession.builder.master("local[2]").appName("quotectl-spark-tests")
                     .config("spark.ui.enabled", "false")
                     .config("spark.archives", f"{support.bundle_archive()}#quotectl")
                     .config("spark.sql.shuffle.partitions", "4")
                     .config("spark.sql.files.maxPartitionBytes", "1m")
                     .getOrCreate())
        cls.spark.sparkContext.setLogLevel("WARN")
        cls.spark.sparkContext.addPyFile(str(dist / "quotectl_spark.zip"))
        cls.reference_quotes, cls.reference_errors, _ = support.extract("--input", "jsonl", str(cls.jsonl))

    @classmethod
    def tearDownClass(cls):
        if cls.spark is not None:
            cls.spark.stop()
        shutil.rmtree(cls.folder, ignore_errors=True)

    def run_job(self, name: str, *arguments: str) -> tuple[dict, str]:
        output = str(self.folder / name)
        summary = job.run(self.spark, job.arguments([*arguments, "--output", output]))
        return summary, output

    def assert_same_records(self, spark_records: list[dict], quotectl_records: list[dict]):
        spark_records, quotectl_records = support.in_order(spark_records), support.in_order(quotectl_records)
        self.assertEqual(len(spark_records), len(quotectl_records))
        for got, expected in zip(spark_records, quotectl_records):
            if got != expected:
                self.assertEqual(got, expected)   # the first record that differs, shown whole

    def test_corpus_folder_of_text_files(self):
        summary, output = self.run_job("corpus", "--input-format", "text", "--partitions", "3", str(support.CORPUS))
        files = sorted(str(path) for path in support.CORPUS.glob("*.txt"))
        expected, expected_errors, _ = support.extract(*files)
        quotes, errors = read_output(output, "parquet")
        self.assert_same_records(local_names(quotes), expected)
        self.assertEqual(errors, expected_errors)
        del summary["seconds"]
        self.assertEqual(summary, {"documents_in": len(files), "documents_answered": len(files), "processed": len(files), "errors": 0,
                                   "quotes": len(expected), "partitions": 3, "ok": True})

    def test_generated_documents_with_bad_lines_read_in_blocks(self):
        # The file is read in blocks of 1 MB by different tasks; bad lines sit in several blocks.
        summary, output = self.run_job("generated", "--input-format", "jsonl", str(self.jsonl))
        quotes, errors = read_output(output, "parquet")
        self.assert_same_records(local_names(quotes), self.reference_quotes)
        self.assert_same_records(local_names(errors), self.reference_errors)
        self.assertEqual(len(errors), len(BAD_LINES))
        self.assertEqual((summary["documents_in"], summary["documents_answered"], summary["processed"], summary["quotes"]),
                         (10_000 + len(BAD_LINES), 10_000 + len(BAD_LINES), 10_000, len(self.reference_quotes)))
        self.assertGreater(summary["partitions"], os.path.getsize(self.jsonl) // (1 << 20))
        self.assertTrue(summary["ok"])

    def test_parquet_in_jsonl_out(self):
        # Ids for every document: a Parquet row is no line, so a row without id is named by its file.
        documents = [{"id": document.get("id", f"row-{number}"), "text": document["text"]}
                     for number, document in enumerate(self.documents[:3000])]
        parquet = str(self.folder / "articles.parquet")
        self.spark.createDataFrame([(d["id"], d["text"]) for d in documents], "id string, text string") \
            .repartition(3).write.parquet(parquet)
        summary, output = self.run_job("from-parquet", "--input-format", "parquet", "--format", "jsonl", parquet)
        same = self.folder / "same.jsonl"
        support.write_jsonl(same, documents)
        expected, _, _ = support.extract("--input", "jsonl", str(same))
        quotes, errors = read_output(output, "jsonl")
        self.assertEqual({tuple(quote) for quote in quotes}, {tuple(field.name for field in QUOTE.fields)})
        self.assert_same_records(quotes, expected)
        self.assertEqual(errors, [])
        self.assertTrue(summary["ok"])
        self.assertEqual(summary["documents_in"], 3000)

    def test_bad_articles_among_good_ones_in_one_partition(self):
        folder = self.folder / "mixed-articles"
        folder.mkdir()
        for number, path in enumerate(sorted(support.CORPUS.glob("*.txt"))[:12]):
            shutil.copy(path, folder / f"{number:02d}-{path.name}")
        (folder / "05-bad.txt").write_bytes("«Le port ouvrira en juin», a dit la maire. Caf".encode() + b"\xe9.")
        (folder / "07-empty.txt").write_bytes(b"")
        (folder / "notes.md").write_text("pas un article")
        summary, output = self.run_job("mixed", "--input-format", "text", "--partitions", "1", str(folder))
        files = sorted(str(path) for path in folder.glob("*.txt"))
        expected, expected_errors, status = support.extract(*files)
        self.assertEqual(status, 1)
        quotes, errors = read_output(output, "parquet")
        self.assert_same_records(local_names(quotes), expected)
        self.assertEqual([error["doc"] for error in local_names(errors)], [record["doc"] for record in expected_errors])
        self.assertEqual(errors[0]["error"].split(";")[0], expected_errors[0]["error"].split(";")[0])
        # Spark lists no empty file (quotectl reads 07-empty.txt as an article without quotes): 13 documents.
        self.assertEqual(len(files), 14)
        self.assertEqual((summary["documents_in"], summary["documents_answered"], summary["errors"]), (13, 13, 1))

    def test_an_executor_lost_mid_partition_is_retried_without_duplicates_or_losses(self):
        # The entry point as a user runs it (bundle and package shipped with --archives and
        # --py-files) on two executors of one core each. On partition 1's first attempt, its
        # executor is killed once quotectl has answered 1 000 of its documents; Spark runs the
        # partition again elsewhere.
        dist = support.bundle_folder()
        output, marker = str(self.folder / "lost-executor"), self.folder / "executor-killed"
        killer = Path(__file__).with_name("executor_killer.py")
        settings = {"KILL_REAL": job.DEFAULT_BINARY, "KILL_PARTITION": "1", "KILL_MARKER": str(marker),
                    "KILL_AFTER": "1000", "PYSPARK_PYTHON": sys.executable}
        conf = [item for name, value in settings.items() for item in ("--conf", f"spark.executorEnv.{name}={value}")]
        run = subprocess.run(
            spark_submit() + ["--master", "local-cluster[2,1,1024]", "--conf", "spark.ui.enabled=false",
                              "--conf", "spark.task.maxFailures=4", "--conf", "spark.sql.shuffle.partitions=4", *conf,
                              "--archives", f"{support.bundle_archive()}#quotectl",
                              "--py-files", str(dist / "quotectl_spark.zip"), str(dist / "quotes_job.py"),
                              "--input-format", "jsonl", "--partitions", "4", "--quotectl", str(killer),
                              "--output", output, str(self.jsonl)],
            capture_output=True, text=True, env=environment(), timeout=1200, check=False)
        self.assertEqual(run.returncode, 0, run.stderr[-3000:])
        self.assertTrue(marker.read_text().isdigit(), "the executor was not killed: " + marker.read_text())
        self.assertRegex(run.stderr, r"Lost executor \d+")
        quotes, errors = read_output(output, "parquet")
        self.assert_same_records(local_names(quotes), self.reference_quotes)
        self.assert_same_records(local_names(errors), self.reference_errors)
        printed = re.search(r"quotectl-spark: (\d+) documents in, (\d+) answered: (\d+) processed \((\d+) quotes",
                            run.stdout)
        self.assertIsNotNone(printed, run.stdout)
        self.assertEqual([int(group) for group in printed.groups()],
                         [10_000 + len(BAD_LINES), 10_000 + len(BAD_LINES), 10_000, len(self.reference_quotes)])


if __name__ == "__main__":
    unittest.main()
