"""Articles as items for quotectl: `(location, line, error)`, one per document.

`line` is the JSONL line quotectl reads for the document; `location` is how the job names the
document when quotectl names it by its place in the input (a line without `id`, a line that
fails); `error` is set, and `line` is None, when the job could not even make a line of it.
Three sources, read by Spark so they may live on any file system Spark reaches (HDFS, S3, a
local folder):

- JSONL, one `{"id": "...", "text": "..."}` a line: the lines go to quotectl as they are in the
  file (`spark.read.text` keeps the bytes, invalid UTF-8 included), so quotectl decides what a
  bad line is and says it with its own words; the job numbers each line within its file, so a
  line without `id`, or a bad one, is named `file:line` as `quotectl extract file` names it.
- a folder of `.txt` files, one article each, named by their path: strict UTF-8.
- Parquet with an `id` and a `text` (string or binary) column.

>>> list(number_jsonl_lines([(b'{"id": "a", "text": "Oui."}', "f", 0), (b" ", "f", 0), (b"{", "f", 0)], {("f", 0): 0}))
[Item(location='f:1', line=b'{"id": "a", "text": "Oui."}', error=None), Item(location='f:3', line=b'{', error=None)]
"""
import json
from itertools import groupby
from typing import Iterable, Iterator, NamedTuple, Optional


class Item(NamedTuple):
    """One document on its way to quotectl, or why it cannot go."""
    location: str
    line: Optional[bytes]
    error: Optional[str]


INPUT_FORMATS = ("jsonl", "text", "parquet")


def is_blank(line: bytes) -> bool:
    """quotectl skips a line of spaces and tabs (before one optional CR): no document."""
    if line.endswith(b"\r"):
        line = line[:-1]
    return not line.strip(b" \t")


def line_offsets(block_lines: Iterable[tuple[str, int, int]]) -> dict[tuple[str, int], int]:
    """Lines before each block of each file, from `(file, block start, lines in block)`.

    Spark splits a large file into blocks read by different tasks; a block's lines follow all
    the lines of the blocks that start before it.

    >>> line_offsets([("a", 0, 3), ("b", 0, 2), ("a", 128, 5), ("a", 64, 4)])
    {('a', 0): 0, ('a', 64): 3, ('a', 128): 7, ('b', 0): 0}
    """
    offsets = {}
    for file, blocks in groupby(sorted(block_lines), key=lambda block: block[0]):
        before = 0
        for _, start, lines in blocks:
            offsets[(file, start)] = before
            before += lines
    return offsets


def number_jsonl_lines(rows: Iterable[tuple[bytes, str, int]], offsets: dict[tuple[str, int], int]) -> Iterator[Item]:
    """Items from `(line, file, block start)` rows in the order a task reads them (the lines of
    one block after one another), named `file:line` from the block's offset; blank lines are
    counted but are no document."""
    for (file, start), lines in groupby(rows, key=lambda row: (row[1], row[2])):
        number = offsets[(file, start)]
        for line, _, _ in lines:
            number += 1
            if not is_blank(line):
                yield Item(f"{file}:{number}", bytes(line), None)


def _json_line(doc: Optional[str], text: str) -> bytes:
    record = {"text": text} if doc is None else {"id": doc, "text": text}
    return json.dumps(record, ensure_ascii=False).encode("utf-8")


def article_item(path: str, content: bytes) -> Item:
    """A `.txt` article named by its path, as strict UTF-8; the error names the first bad byte as quotectl does.

    >>> article_item("a.txt", b"caf\\xe9").error
    'invalid UTF-8 at byte 3 (bytes E9); repair the file, or run quotectl extract --lossy on it'
    """
    try:
        text = content.decode("utf-8")
    except UnicodeDecodeError as error:
        bad = " ".join(f"{byte:02X}" for byte in content[error.start:error.start + 4])
        return Item(path, None, f"invalid UTF-8 at byte {error.start} (bytes {bad}); "
                                "repair the file, or run quotectl extract --lossy on it")
    return Item(path, _json_line(path, text), None)


def parquet_item(doc, text, file: str) -> Item:
    """A Parquet row: `id` (any type, as a string; a row without one is named by its file) and
    `text` (string or binary, strict UTF-8; a row without one is quotectl's `missing "text"`)."""
    location = file if doc is None else str(doc)
    if text is None:
        return Item(location, json.dumps({} if doc is None else {"id": str(doc)}).encode(), None)
    try:
        decoded = bytes(text).decode("utf-8")
    except UnicodeDecodeError as error:
        return Item(location, None, f"text is not valid UTF-8 (byte {error.start})")
    return Item(location, _json_line(None if doc is None else str(doc), decoded), None)


# Spark from here on: the functions above are what runs on the executors.

def read(spark, input_format: str, paths: list[str], glob: Optional[str] = None,
         id_column: str = "id", text_column: str = "text"):
    """The items of `paths` (an RDD of `Item`), and how many documents they are, counted by
    Spark alone (not by the code that builds the items), for the final check."""
    from pyspark.sql import functions as F

    if input_format == "jsonl":
        reader = spark.read.option("lineSep", "\n").option("recursiveFileLookup", "true")
        if glob:
            reader = reader.option("pathGlobFilter", glob)
        raw = reader.text(paths).select(F.col("value").cast("binary").alias("line"),
                                        F.col("_metadata.file_path").alias("file"),
                                        F.col("_metadata.file_block_start").alias("block"))
        # One pass over the input: the lines of each block (to number them) and the documents
        # (lines that are not blank: more than spaces and tabs before one optional CR; `\z` is the very end).
        document = (~F.col("line").cast("string").rlike("^[ \\t]*\\r?\\z")).cast("long")
        blocks = raw.groupBy("file", "block").agg(F.count(F.lit(1)).alias("lines"), F.sum(document).alias("documents"))
        blocks = blocks.collect()
        offsets = spark.sparkContext.broadcast(line_offsets((row.file, row.block, row.lines) for row in blocks))
        documents_in = sum(row.documents or 0 for row in blocks)
        return raw.rdd.mapPartitions(lambda rows: number_jsonl_lines(rows, offsets.value)), documents_in

    if input_format == "text":
        reader = spark.read.format("binaryFile").option("recursiveFileLookup", "true")
        reader = reader.option("pathGlobFilter", glob or "*.txt")
        files = reader.load(paths).select("path", "content")
        return files.rdd.map(lambda row: article_item(row.path, row.content)), files.count()

    if input_format == "parquet":
        table = spark.read.parquet(*paths)
        missing = [name for name in (id_column, text_column) if name not in table.columns]
        if missing:
            raise SystemExit(f"quotectl-spark: {', '.join(paths)}: no column {', '.join(missing)} "
                             f"(columns: {', '.join(table.columns)}); name them with --id-column and --text-column")
        rows = table.select(F.col(id_column).alias("id"), F.col(text_column).cast("binary").alias("text"),
                            F.col("_metadata.file_path").alias("file"))
        return rows.rdd.map(lambda row: parquet_item(row.id, row.text, row.file)), rows.count()

    raise ValueError(f"unknown input format {input_format}; one of {', '.join(INPUT_FORMATS)}")
