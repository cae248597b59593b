"""What the Spark job's tests share: the bundle under test, reference runs of `quotectl extract`,
generated articles, and records put in a comparable order.

The tests never state which quotes an article holds: they compare what the job writes with what
`quotectl extract` prints for the same input, so they hold whatever the attribution rules become.
"""
import atexit
import json
import os
import random
import shutil
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
EXAMPLE = ROOT / "examples" / "spark"
CORPUS = ROOT / "Corpus" / "articles"
sys.path.insert(0, str(EXAMPLE))


def bundle_folder() -> Path:
    """Where `scripts/spark-bundle` put the bundle under test ($QUOTECTL_SPARK_DIST, else dist/spark)."""
    folder = Path(os.environ.get("QUOTECTL_SPARK_DIST", ROOT / "dist" / "spark"))
    if not (folder / f"quotectl-linux-{os.uname().machine}.tar.gz").exists():
        raise SystemExit(f"no bundle in {folder}: run scripts/spark-bundle first (scripts/spark-test does)")
    return folder


def bundle_archive() -> Path:
    return bundle_folder() / f"quotectl-linux-{os.uname().machine}.tar.gz"


_unpacked = None


def quotectl() -> str:
    """The bundle's quotectl, unpacked once for the reference runs: the job and the reference run one binary."""
    global _unpacked
    if _unpacked is None:
        _unpacked = tempfile.mkdtemp(prefix="quotectl-bundle-")
        atexit.register(shutil.rmtree, _unpacked, ignore_errors=True)
        with tarfile.open(bundle_archive()) as archive:
            archive.extractall(_unpacked, filter="tar")
    return os.path.join(_unpacked, "bin", "quotectl")


def extract(*arguments: str) -> tuple[list[dict], list[dict], int]:
    """`quotectl extract --format jsonl ARGUMENTS`: its quotes, its error records, its exit status."""
    run = subprocess.run([quotectl(), "extract", "--format", "jsonl", *arguments], stdout=subprocess.PIPE,
                         stderr=subprocess.PIPE, check=False)
    if run.returncode not in (0, 1):
        raise RuntimeError(f"quotectl extract failed ({run.returncode}): {run.stderr.decode(errors='replace')}")
    records = [json.loads(line) for line in run.stdout.splitlines()]
    quotes = [record for record in records if list(record) != ["doc", "error"]]
    errors = [record for record in records if list(record) == ["doc", "error"]]
    return quotes, errors, run.returncode


def record_of(schema, row) -> dict:
    """A row in `schema`'s order (nested tuples, as the job builds them) as the JSON object it stands for."""
    from pyspark.sql.types import ArrayType, StructType

    def value(kind, item):
        if item is None:
            return None
        if isinstance(kind, StructType):
            return record_of(kind, item)
        if isinstance(kind, ArrayType):
            return [value(kind.elementType, element) for element in item]
        return item
    return {field.name: value(field.dataType, item) for field, item in zip(schema.fields, row)}


def in_order(records: list[dict]) -> list[dict]:
    """Records ordered by document and index, as the issue asks the comparison to be made."""
    return sorted(records, key=lambda record: (record["doc"], record.get("index", -1), record.get("error", "")))


def local_path(doc: str) -> str:
    """`file:/tmp/x.jsonl:3` (as Spark names files) → `/tmp/x.jsonl:3` (as quotectl names them)."""
    return doc[len("file:"):] if doc.startswith("file:") else doc


def corpus_articles() -> list[str]:
    return [path.read_text(encoding="utf-8") for path in sorted(CORPUS.glob("*.txt"))]


#: Documents with nothing to quote, in the test's own words.
QUIET = [
    "Le conseil municipal se réunira mardi prochain pour voter le budget des écoles.",
    "La circulation restera coupée sur le pont jusqu'à la fin des travaux, prévue en mars.",
    "",
]


def generated_documents(count: int, seed: int = 17) -> list[dict]:
    """`count` articles as JSONL records, the same for a seed: each keeps a Corpus article's lede
    and a few of its other paragraphs, shuffled; some have no `id` (quotectl names them
    `file:line`), some nothing to quote, some Windows line ends or a byte-order mark."""
    articles = [article.split("\n\n") for article in corpus_articles()]
    generator = random.Random(seed)
    documents = []
    for number in range(count):
        if number % 211 == 5:
            text = QUIET[number % len(QUIET)]
        else:
            paragraphs = articles[generator.randrange(len(articles))]
            rest = paragraphs[1:]
            generator.shuffle(rest)
            text = "\n\n".join([paragraphs[0]] + rest[:generator.randint(0, 3)])
        if number % 53 == 7:
            text = text.replace("\n", "\r\n")
        if number % 89 == 11:
            text = "\ufeff" + text
        record = {"text": text} if number % 97 == 3 else {"id": f"gen-{number:05d}", "text": text}
        documents.append(record)
    return documents


def write_jsonl(path: Path, documents: list[dict], bad_lines: dict[int, bytes] = {}) -> None:
    """Writes `documents` one a line, with `bad_lines` (raw bytes) put in before the given indexes."""
    with open(path, "wb") as out:
        for index, document in enumerate(documents):
            if index in bad_lines:
                out.write(bad_lines[index] + b"\n")
            out.write(json.dumps(document, ensure_ascii=False).encode("utf-8") + b"\n")
