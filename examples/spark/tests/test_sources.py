"""How the job turns files into items, against how quotectl reads the same bytes."""
import json
import subprocess
import tempfile
import unittest
from pathlib import Path

import support
from quotectl_spark.sources import Item, article_item, is_blank, line_offsets, number_jsonl_lines, parquet_item


def quotectl_documents(line: bytes) -> int:
    """How many documents quotectl sees in one JSONL line (processed or failed), from --summary."""
    run = subprocess.run([support.quotectl(), "extract", "--input", "jsonl", "--format", "jsonl", "--summary", "-"],
                         input=line + b"\n", capture_output=True, check=False)
    summary = next(line for line in run.stderr.decode().splitlines() if line.startswith("quotectl: summary "))
    counts = json.loads(summary[len("quotectl: summary "):])
    return counts["documents"] + counts["failures"]


class SourcesTests(unittest.TestCase):
    BLANKS = [b"", b" ", b"\t", b" \t ", b"\r", b" \r", b"\r\r", b"\x0c", b" x", b"\xa0", b"{}", b"\r "]

    def test_blank_lines_are_the_ones_quotectl_skips(self):
        for line in self.BLANKS:
            with self.subTest(line=line):
                self.assertEqual(is_blank(line), quotectl_documents(line) == 0)

    # (blocks as (file, start, lines), the offset of each block)
    OFFSETS = [
        ([("a", 0, 10)], {("a", 0): 0}),
        ([("a", 1 << 20, 7), ("a", 0, 10), ("a", 2 << 20, 1)], {("a", 0): 0, ("a", 1 << 20): 10, ("a", 2 << 20): 17}),
        ([("b", 0, 4), ("a", 0, 2), ("b", 64, 1)], {("a", 0): 0, ("b", 0): 0, ("b", 64): 4}),
        ([("a", 0, 0), ("a", 64, 3)], {("a", 0): 0, ("a", 64): 0}),
    ]

    def test_each_block_starts_after_the_lines_of_the_blocks_before_it(self):
        for blocks, offsets in self.OFFSETS:
            with self.subTest(blocks=blocks):
                self.assertEqual(line_offsets(blocks), offsets)

    def test_lines_are_numbered_within_their_file_as_quotectl_numbers_them(self):
        # A file read as Spark would read it in three blocks, by two tasks, one of which reads two blocks.
        lines = [b'{"id": "a", "text": "Oui."}', b"", '{"text": "«Sans nom», a dit M. Kis."}'.encode(), b"  ", b"{oops",
                 b'{"id": "b", "text": "Non."}', '{"text": "«Encore», a dit Mme Varga."}'.encode()]
        blocks = [("f", 0, lines[0:3]), ("f", 100, lines[3:5]), ("f", 200, lines[5:])]
        offsets = line_offsets((file, start, len(block)) for file, start, block in blocks)
        tasks = [[blocks[2]], [blocks[0], blocks[1]]]
        items = [item for task in tasks
                 for item in number_jsonl_lines([(line, file, start) for file, start, block in task for line in block], offsets)]
        self.assertEqual(sorted(items), sorted([
            Item("f:1", lines[0], None), Item("f:3", lines[2], None), Item("f:5", lines[4], None),
            Item("f:6", lines[5], None), Item("f:7", lines[6], None)]))
        # quotectl names the same lines the same way when it reads the whole file.
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder, "f")
            path.write_bytes(b"\n".join(lines) + b"\n")
            quotes, errors, _ = support.extract("--input", "jsonl", str(path))
            named = {record["doc"].replace(str(path), "f") for record in quotes + errors}
            self.assertLessEqual({"f:3", "f:5", "f:7"}, named)

    # Bytes that are not UTF-8, in a .txt article.
    INVALID = [b"caf\xe9", b"\xff", b"ab\xc3", b"\xc0\x80", b"x\xed\xa0\x80y", b"\xf4\x90\x80\x80", b"ok \xe2\x82"]

    def test_an_article_that_is_not_utf8_is_named_as_quotectl_names_it(self):
        with tempfile.TemporaryDirectory() as folder:
            for content in self.INVALID:
                with self.subTest(content=content):
                    path = Path(folder, "bad.txt")
                    path.write_bytes(content)
                    item = article_item(str(path), content)
                    run = subprocess.run([support.quotectl(), "extract", "--format", "jsonl", str(path)],
                                         capture_output=True, check=False)
                    self.assertEqual(run.returncode, 1)
                    expected = run.stderr.decode().splitlines()[0].removeprefix(f"quotectl: error: {path}: ")
                    self.assertIsNone(item.line)
                    self.assertEqual(item.error.split(";")[0], expected.split(";")[0])

    def test_an_article_becomes_one_jsonl_line_named_by_its_path(self):
        text = "«Nous partirons à l'aube», a dit la capitaine.\r\n\u2028Fin."
        item = article_item("file:/a/b.txt", text.encode())
        self.assertEqual(json.loads(item.line), {"id": "file:/a/b.txt", "text": text})
        self.assertNotIn(b"\n", item.line)

    # (id, text, file) → (location, the JSON quotectl gets, error)
    PARQUET = [
        ("p1", b"Bonjour.", "f.parquet", ("p1", {"id": "p1", "text": "Bonjour."}, None)),
        (42, "Quarante-deux.", "f.parquet", ("42", {"id": "42", "text": "Quarante-deux."}, None)),
        (None, b"Sans nom.", "f.parquet", ("f.parquet", {"text": "Sans nom."}, None)),
        ("p2", None, "f.parquet", ("p2", {"id": "p2"}, None)),
        ("p3", b"caf\xe9", "f.parquet", ("p3", None, "text is not valid UTF-8 (byte 3)")),
    ]

    def test_parquet_rows(self):
        for doc, text, file, (location, record, error) in self.PARQUET:
            with self.subTest(doc=doc, text=text):
                item = parquet_item(doc, text.encode() if isinstance(text, str) else text, file)
                self.assertEqual((item.location, item.line and json.loads(item.line), item.error), (location, record, error))


if __name__ == "__main__":
    unittest.main()
