"""One partition through quotectl, without Spark: the answers against `quotectl extract` on the same input."""
import json
import os
import re
import shutil
import stat
import tempfile
import unittest
from pathlib import Path

import support
from quotectl_spark.contract import QUOTE
from quotectl_spark.contract import ContractError
from quotectl_spark.engine import Answer, Counts, Engine, EngineError
from quotectl_spark.sources import article_item, line_offsets, number_jsonl_lines

def answers(engine: Engine, items) -> tuple[list[dict], list[dict], Counts]:
    quotes, errors, counts = [], [], []
    for answer in engine.answer(iter(items)):
        if answer.quote is not None:
            quotes.append(support.record_of(QUOTE, answer.quote))
        elif answer.error is not None:
            errors.append({"doc": answer.error[0], "error": answer.error[1]})
        else:
            counts.append(answer.counts)
    return quotes, errors, counts[-1]


def jsonl_items(path: Path):
    """The items of a whole JSONL file, as one Spark task reading one block would make them."""
    lines = path.read_bytes().split(b"\n")
    if lines[-1] == b"":
        lines.pop()
    return number_jsonl_lines([(line, str(path), 0) for line in lines], line_offsets([(str(path), 0, len(lines))]))


def script(folder: str, name: str, body: str) -> str:
    """An executable shell script standing in for quotectl around the real one ($REAL)."""
    path = Path(folder, name)
    path.write_text(f"#!/bin/sh\nREAL='{support.quotectl()}'\n{body}\n")
    path.chmod(path.stat().st_mode | stat.S_IXUSR)
    return str(path)


def running(*marks: str) -> list[str]:
    """Command lines of the processes still running whose command line holds one of `marks`
    (the engine's partition link, `quotectl-spark-`, or a test's folder of wrapper scripts)."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit() or int(entry.name) == os.getpid():
            continue
        try:
            command = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
            state = (entry / "stat").read_text().rsplit(")", 1)[1].split()[0]
        except OSError:
            continue
        if state != "Z" and any(mark in command for mark in marks):
            found.append(command)
    return found


class EngineTests(unittest.TestCase):
    def setUp(self):
        self.folder = tempfile.mkdtemp(prefix="quotectl-engine-test-")
        self.addCleanup(shutil.rmtree, self.folder, ignore_errors=True)

    def test_the_corpus_gives_what_quotectl_extract_gives(self):
        files = sorted(str(path) for path in support.CORPUS.glob("*.txt"))
        quotes, errors, counts = answers(Engine(support.quotectl()), [article_item(f, Path(f).read_bytes()) for f in files])
        expected, expected_errors, _ = support.extract(*files)
        self.assertEqual(quotes, expected)
        self.assertEqual(errors, expected_errors)
        self.assertEqual(counts, Counts(documents=len(files), sent=len(files), processed=len(files), failed=0, unreadable=0, quotes=len(expected)))

    # Lines that go into one JSONL partition next to good ones.
    LINES = [
        ("invalid UTF-8", b'{"id": "x", "text": "caf\xe9"}'),
        ("malformed JSON", b'{"id": oops'),
        ("not an object", b'["a"]'),
        ("no text", b'{"id": "t"}'),
        ("id not a string", b'{"id": 7, "text": "a"}'),
        ("no id", '{"text": "«Nous verrons», a dit Mme Ode."}'.encode()),
        ("an id shaped like quotectl's name for standard input", '{"id": "-:1", "text": "«Oui», a dit M. Kis."}'.encode()),
        ("the same id twice, first", '{"id": "twice", "text": "«Un», a dit M. Kis. «Deux», a-t-il ajouté."}'.encode()),
        ("the same id twice, second", '{"id": "twice", "text": "«Trois», a dit Mme Varga."}'.encode()),
        ("a blank line", b"  "),
        ("a Windows line end", '{"id": "crlf", "text": "«Oui», a dit M. Kis."}\r'.encode()),
        ("a byte-order mark", '\ufeff{"id": "bom", "text": "«Oui», a dit M. Kis."}'.encode()),
    ]

    def test_every_line_is_answered_as_quotectl_answers_it(self):
        path = Path(self.folder, "mixed.jsonl")
        documents = support.generated_documents(60)
        with open(path, "wb") as out:
            for number, document in enumerate(documents):
                out.write(json.dumps(document, ensure_ascii=False).encode() + b"\n")
                if number < len(self.LINES):
                    out.write(self.LINES[number][1] + b"\n")
        quotes, errors, counts = answers(Engine(support.quotectl()), jsonl_items(path))
        expected, expected_errors, _ = support.extract("--input", "jsonl", str(path))
        self.assertEqual(quotes, expected)
        self.assertEqual(errors, expected_errors)
        self.assertEqual(len(errors), 5)
        self.assertEqual(counts.sent, len(documents) + len(self.LINES) - 1)   # the blank line is no document
        self.assertEqual(counts.processed + counts.failed, counts.sent)

    def test_a_document_the_job_cannot_send_is_answered_by_an_error(self):
        items = [article_item("a.txt", "«Oui», a dit M. Kis.".encode()), article_item("b.txt", b"\xff"),
                 article_item("c.txt", "«Non», a dit Mme Varga.".encode())]
        quotes, errors, counts = answers(Engine(support.quotectl()), items)
        self.assertEqual([quote["doc"] for quote in quotes], ["a.txt", "c.txt"])
        self.assertEqual([error["doc"] for error in errors], ["b.txt"])
        self.assertEqual(counts, Counts(documents=3, sent=2, processed=2, failed=0, unreadable=1, quotes=2))

    # quotectl, or what it sends back, going wrong in the middle of a partition:
    # (what stands for quotectl, the error the task fails with, its message).
    FAULTS = [
        ("killed after a moment", '( sleep 0.3; kill -9 $$ ) &\nexec "$REAL" "$@"', EngineError,
         r"quotectl was killed by signal 9 after \d+ quotes"),
        ("reads the first 100 documents only, then ends normally", 'head -n 100 | "$REAL" "$@"', EngineError,
         r"could not send every document to quotectl \(BrokenPipeError"),
        ("the last record lost on the way", '"$REAL" "$@" | sed \'$d\'', EngineError,
         r"quotectl's counts do not add up: 10000 documents sent, it reports \{'documents': 10000, 'failures': 0, "
         r"'quotes': (\d+)\}, and wrote (\d+) quotes"),
        ("a record in the middle lost on the way", '"$REAL" "$@" | sed 5d', ContractError,
         r"document gen-\d+: quote \d+ where \d+ was due"),
        ("no summary (a quotectl older than the job)",
         'for a; do shift; [ "$a" = --summary ] || set -- "$@" "$a"; done\nexec "$REAL" "$@"', EngineError,
         r"quotectl printed no summary"),
    ]

    def test_a_partition_whose_quotectl_goes_wrong_fails_and_leaves_nothing_running(self):
        path = self._generated(10000)
        for number, (fault, body, error, message) in enumerate(self.FAULTS):
            with self.subTest(fault=fault):
                binary = script(self.folder, f"fault-{number}", body)
                with self.assertRaises(error) as raised:
                    answers(Engine(binary), jsonl_items(path))
                self.assertRegex(str(raised.exception), message)
                counts = re.search(message, str(raised.exception)).groups()
                if counts:
                    self.assertEqual(int(counts[1]), int(counts[0]) - 1)
                self.assertEqual(running("/quotectl-spark-", self.folder), [])

    def test_a_usage_error_of_quotectl_fails_the_task_with_its_message(self):
        missing = os.path.join(self.folder, "missing-speakers.json")
        with self.assertRaises(EngineError) as raised:
            answers(Engine(support.quotectl(), speakers=missing), jsonl_items(self._generated(5)))
        self.assertIn("exited with 2", str(raised.exception))
        self.assertIn(missing, str(raised.exception))

    def test_a_consumer_that_stops_early_leaves_nothing_running(self):
        links = lambda: {name for name in os.listdir(tempfile.gettempdir()) if name.startswith("quotectl-spark-")}
        before = links()
        stream = Engine(support.quotectl()).answer(iter(list(jsonl_items(self._generated(2000)))))
        first = next(stream)
        self.assertIsInstance(first, Answer)
        self.assertTrue(running("/quotectl-spark-"))
        stream.close()
        self.assertEqual(running("/quotectl-spark-", self.folder), [])
        self.assertEqual(links() - before, set())   # the folder of its link is gone

    def _generated(self, count: int) -> Path:
        path = Path(self.folder, f"generated-{count}.jsonl")
        support.write_jsonl(path, support.generated_documents(count))
        return path


if __name__ == "__main__":
    unittest.main()
