"""One partition of documents through one `quotectl extract --input jsonl --format jsonl` process.

The partition's JSONL lines go to quotectl's standard input, which quotectl reads through a
link with a name of its own (`…/partition-<uuid>.jsonl` → `/proc/self/fd/0`): a document
quotectl names by its place in that input (a line without `id`, a line that fails) comes back
as `<link>:<n>`, a name no article can have by chance, and takes the name of the `n`th item
(`file:line` for JSONL). quotectl keeps the input order; records are checked against the
contract as they come.

Each partition yields its quotes and errors as they come, then the errors of the items that
could not be sent, then one `Counts` that the job adds up. A partition whose counts do not add
up (documents sent = processed + failed, from `quotectl extract --summary`; quotes and errors
received = those it reports), or whose quotectl dies, raises: Spark runs the task again, and
only a finished task's records reach the outputs.

>>> Engine("/opt/quotectl/bin/quotectl").command("in.jsonl")
['/opt/quotectl/bin/quotectl', 'extract', '--input', 'jsonl', '--format', 'jsonl', '--jobs', '1', '--summary', 'in.jsonl']
"""
import json
import os
import shutil
import signal
import subprocess
import tempfile
import threading
import uuid
from collections import deque
from dataclasses import dataclass, field
from typing import Iterable, Iterator, NamedTuple, Optional

from .contract import QUOTE, ContractError, to_row
from .sources import Item

SUMMARY_PREFIX = "quotectl: summary "


class Counts(NamedTuple):
    """What one partition did; the job adds these up over the whole run."""
    documents: int = 0      # items the source gave (sent or not)
    sent: int = 0           # documents sent to quotectl
    processed: int = 0      # quotectl's count of documents it processed
    failed: int = 0         # quotectl's count of documents it could not process
    unreadable: int = 0     # items the job could not make a line of (never sent)
    quotes: int = 0         # quote records received


class Answer(NamedTuple):
    """One output of a partition: exactly one of `quote` (a tuple in `QUOTE`'s order), `error`
    (`(doc, message)`) and `counts` is set."""
    quote: Optional[tuple] = None
    error: Optional[tuple] = None
    counts: Optional[Counts] = None


class EngineError(RuntimeError):
    """quotectl failed as a whole (not one document): the task fails and Spark retries it."""


@dataclass
class Engine:
    """How to run quotectl on an executor."""
    binary: str
    jobs: int = 1
    speakers: Optional[str] = None
    only_translated: bool = False
    environment: dict = field(default_factory=dict)

    def command(self, source: str) -> list[str]:
        command = [self.binary, "extract", "--input", "jsonl", "--format", "jsonl", "--jobs", str(self.jobs), "--summary"]
        if self.speakers:
            command += ["--speakers", self.speakers]
        if self.only_translated:
            command.append("--only-translated")
        return command + [source]

    def answer(self, items: Iterable[Item]) -> Iterator[Answer]:
        """The answers for `items`, streamed: memory holds the names of the partition's
        documents and the last lines quotectl wrote on standard error, not its records."""
        folder = tempfile.mkdtemp(prefix="quotectl-spark-")
        try:
            source = os.path.join(folder, f"partition-{uuid.uuid4().hex}.jsonl")
            os.symlink("/proc/self/fd/0", source)
            yield from self._run(items, source)
        finally:
            shutil.rmtree(folder, ignore_errors=True)

    def _run(self, items: Iterable[Item], source: str) -> Iterator[Answer]:
        # A session of its own, so that stopping it stops whatever it started (a wrapper's children).
        process = subprocess.Popen(self.command(source), stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                   stderr=subprocess.PIPE, env={**os.environ, **self.environment},
                                   start_new_session=True)
        feeder = _Feeder(items, process.stdin)
        stderr = _StderrTail(process.stderr)
        reader = _Records(feeder.locations, source)
        read_all = False
        try:
            yield from reader.answers(process.stdout)
            read_all = True
        finally:
            # A bad record, or a consumer that stopped early: leave nothing running.
            if not read_all:
                try:
                    os.killpg(process.pid, signal.SIGKILL)
                except ProcessLookupError:
                    pass
            status = process.wait()
            feeder.join()
            stderr.join()
        # quotectl's own end first: a killed quotectl also breaks the pipe the feeder writes to.
        if status not in (0, 1):
            how = f"was killed by signal {-status}" if status < 0 else f"exited with {status}"
            raise EngineError(f"quotectl {how} after {reader.quotes} quotes: {stderr.text()}")
        if feeder.failure is not None:
            raise EngineError(f"could not send every document to quotectl ({feeder.failure!r}), "
                              f"which exited with {status}: {stderr.text()}") from feeder.failure
        if reader.cut:
            raise EngineError(f"quotectl's output ends in the middle of a record: {stderr.text()}")
        summary = stderr.summary
        if summary is None:
            raise EngineError(f"quotectl printed no summary (is it older than the job?): {stderr.text()}")
        counts = Counts(documents=feeder.sent + len(feeder.unreadable), sent=feeder.sent,
                        processed=summary["documents"], failed=summary["failures"],
                        unreadable=len(feeder.unreadable), quotes=reader.quotes)
        if (counts.processed + counts.failed != counts.sent or counts.failed != reader.errors
                or counts.quotes != summary["quotes"]):
            raise EngineError(f"quotectl's counts do not add up: {counts.sent} documents sent, it reports {summary}, "
                              f"and wrote {reader.quotes} quotes and {reader.errors} errors")
        for location, message in feeder.unreadable:
            yield Answer(error=(location, message))
        yield Answer(counts=counts)


class _Records:
    """quotectl's output lines as answers, each document named as the job names it."""

    def __init__(self, locations: list[str], source: str):
        self.locations, self.prefix = locations, source + ":"
        self.quotes = self.errors = 0
        self.cut = False

    def name(self, doc: str) -> str:
        """`<link>:<n>` is the `n`th line sent; any other name is the document's own `id`."""
        if doc.startswith(self.prefix):
            number = doc[len(self.prefix):]
            if number.isdigit() and 0 < int(number) <= len(self.locations):
                return self.locations[int(number) - 1]
        return doc

    def answers(self, stdout) -> Iterator[Answer]:
        doc, next_index = None, 0
        for line in stdout:
            if not line.endswith(b"\n"):
                # Cut in the middle of a record: quotectl died (its status tells) or misbehaved.
                self.cut = True
                return
            try:
                record = json.loads(line)
            except ValueError:
                raise ContractError(f"quotectl wrote a line that is not JSON: {line[:200]!r}") from None
            if list(record) == ["doc", "error"]:
                self.errors += 1
                yield Answer(error=(self.name(record["doc"]), record["error"]))
                continue
            if not isinstance(record.get("doc"), str):
                raise ContractError(f"a record without a document name: {line[:200]!r}")
            # A document's quotes come together, numbered from 0 (two documents may share an id).
            index = record.get("index")
            if index != 0 and (record["doc"] != doc or index != next_index):
                raise ContractError(f"document {record['doc']}: quote {index} where {next_index if record['doc'] == doc else 0} was due")
            doc, next_index = record["doc"], index + 1
            record["doc"] = self.name(record["doc"])
            self.quotes += 1
            yield Answer(quote=to_row(QUOTE, record))


class _Feeder(threading.Thread):
    """Writes the lines to quotectl's standard input on its own thread while the caller reads
    quotectl's output (each side would otherwise wait for the other once a pipe fills)."""

    def __init__(self, items: Iterable[Item], stdin):
        super().__init__(daemon=True)
        self.items, self.stdin = items, stdin
        self.locations: list[str] = []
        self.unreadable: list[tuple[str, str]] = []
        self.sent = 0
        self.failure: Optional[BaseException] = None
        self.start()

    def run(self):
        try:
            with self.stdin:
                for location, line, error in self.items:
                    if line is None:
                        self.unreadable.append((location, error))
                        continue
                    self.locations.append(location)
                    self.stdin.write(line + b"\n")
                    self.sent += 1
        except BaseException as failure:  # noqa: BLE001 - the reading side raises it
            self.failure = failure


class _StderrTail(threading.Thread):
    """Reads quotectl's standard error: keeps the summary line and the last lines for messages."""

    def __init__(self, stream, keep: int = 20):
        super().__init__(daemon=True)
        self.stream = stream
        self.lines: deque[str] = deque(maxlen=keep)
        self.summary: Optional[dict] = None
        self.start()

    def run(self):
        for raw in self.stream:
            line = raw.decode("utf-8", "replace").rstrip("\n")
            if line.startswith(SUMMARY_PREFIX):
                self.summary = json.loads(line[len(SUMMARY_PREFIX):])
            else:
                self.lines.append(line)

    def text(self) -> str:
        return " | ".join(self.lines) or "(nothing on standard error)"
