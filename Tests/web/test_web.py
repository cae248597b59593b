"""The report and the server as a browser, a real HTML parser and an API fuzzer see them.

- html5lib (strict: any parse error fails) reads every page `quotectl report` writes;
- headless Chromium loads the seed's report: its DOM is dumped and every quote of the seed must be
  highlighted with its speaker, the Cavusoglu relay note must show on hover and on keyboard focus,
  the page must fit a phone's width; a screenshot is written (QUOTECTL_SCREENSHOT=docs/report.png
  keeps it for the README);
- schemathesis checks quotectl serve against openapi.yaml: no 5xx, every answer as described.

Run by scripts/test-web after the Swift tests (binaries from QUOTECTL_BIN, default .build/debug).
"""
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import unittest
import urllib.parse
import urllib.request
from pathlib import Path

import html5lib

sys.path.insert(0, str(Path(__file__).parent))
from browser import Chromium  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(os.environ.get("QUOTECTL_BIN", ROOT / ".build" / "debug"))
OUT = ROOT / ".build" / "web-tests"
SEED = ROOT / "Corpus" / "articles" / "sotchi-2020-12.txt"
#: How many articles the Corpus holds: the report has a page for each.
CORPUS_ARTICLES = len(list((ROOT / "Corpus" / "articles").glob("*.txt")))

# An article of the test's own: what a page must show as text, never as markup.
HOSTILE = (
    "«Nous publierons la liste <script>document.title = 'piraté'</script> demain», a déclaré Mme Anne Vidal.\n\n"
    "Le maire a répondu : «Tout ira bien </div></article> & même mieux {{title}} {{{raw}}} \" ' &amp;».\n"
    "Selon lui, le dossier est «clos»\u2028et la page <b onmouseover=\"document.title='x'\">tournée</b>, a-t-il ajouté.\n"
    "Un dernier mot\u0000de Mme Vidal\u0001 : «C'est fini», a-t-elle conclu.\n"
)


def displayable(text):
    """What the page shows for `text`: the code points HTML forbids as U+FFFD (ReportText.displayable)."""
    def allowed(c):
        v = ord(c)
        if v in (0x09, 0x0A, 0x0C, 0x0D):
            return True
        if v <= 0x1F or 0x7F <= v <= 0x9F or 0xFDD0 <= v <= 0xFDEF or v & 0xFFFE == 0xFFFE:
            return False
        return True
    return "".join(c if allowed(c) else "\ufffd" for c in text)


def quotectl(*args, stdin=None):
    run = subprocess.run([str(BIN / "quotectl"), *args], cwd=ROOT, input=stdin, capture_output=True, timeout=600)
    if run.returncode != 0:
        raise AssertionError(f"quotectl {' '.join(args)} exited {run.returncode}: {run.stderr.decode()}")
    return run.stdout


def strict_parse(data):
    parser = html5lib.HTMLParser(strict=True, namespaceHTMLElements=False)
    return parser.parse(data)


def text_of(element):
    return "".join(element.itertext())


class Reports:
    """The pages every test reads, written once."""
    folder = None

    @classmethod
    def make(cls):
        if cls.folder is None:
            cls.folder = Path(tempfile.mkdtemp(prefix="quotectl-web-"))
            (cls.folder / "hostile.txt").write_text(HOSTILE, encoding="utf-8")
            quotectl("report", "-o", str(cls.folder / "seed.html"), str(SEED.relative_to(ROOT)))
            quotectl("report", "-o", str(cls.folder / "hostile.html"), str(cls.folder / "hostile.txt"))
            quotectl("report", "-o", str(cls.folder / "corpus") + "/", "Corpus/articles")
            records = quotectl("extract", "--format", "jsonl", str(SEED)).decode().splitlines()
            cls.seed_quotes = [json.loads(line) for line in records]
        return cls.folder

    @classmethod
    def remove(cls):
        if cls.folder is not None:
            shutil.rmtree(cls.folder, ignore_errors=True)
            cls.folder = None


class ReportHTMLTests(unittest.TestCase):
    """html5lib, strict: the pages are well-formed HTML, and article text stays text."""

    def test_every_page_parses_without_error(self):
        folder = Reports.make()
        pages = [folder / "seed.html", folder / "hostile.html", *sorted((folder / "corpus").glob("*.html"))]
        self.assertEqual(len(pages), 2 + CORPUS_ARTICLES + 1)
        for page in pages:
            with self.subTest(page=page.name):
                strict_parse(page.read_bytes())

    def test_hostile_article_renders_as_text(self):
        tree = strict_parse((Reports.make() / "hostile.html").read_bytes())
        article = tree.find(".//article")
        self.assertEqual(text_of(article), displayable(HOSTILE))
        self.assertEqual(len(tree.findall(".//script")), 1, "only the page's own script")
        self.assertEqual(article.findall(".//b"), [])
        self.assertEqual(article.findall(".//div"), [])
        self.assertEqual({e.tag for e in article.iter()} - {"article", "mark", "span"}, set())
        self.assertIn("\u2028", text_of(article))

    def test_seed_quotes_are_marked_with_their_speaker(self):
        tree = strict_parse((Reports.make() / "seed.html").read_bytes())
        self.check_marks(self, tree, Reports.seed_quotes)

    def test_index_lists_articles_and_speakers(self):
        tree = strict_parse((Reports.make() / "corpus" / "index.html").read_bytes())
        links = [a.get("href") for a in tree.findall(".//main//a")]
        self.assertEqual(len(links), CORPUS_ARTICLES)
        self.assertIn("sotchi-2020-12.html", links)
        speakers = [text_of(row.find("th")) for row in tree.findall(".//aside//tbody/tr")]
        self.assertIn("Mevlut Cavusoglu", speakers)

    @staticmethod
    def check_marks(test, tree, quotes):
        """Every quote is highlighted: its `mark` elements hold its words, and name its speaker."""
        article = tree.find(".//article")
        texts, speakers = {}, {}
        for mark in article.iter("mark"):
            q = int(mark.get("data-q"))
            texts[q] = texts.get(q, "") + text_of(mark)
            if mark.get("id") == f"q{q}":
                speakers[q] = mark.get("data-speaker")
        test.assertEqual(sorted(texts), list(range(len(quotes))))
        for quote in quotes:
            k = quote["index"]
            test.assertEqual(texts[k], quote["text"], f"quote {k}")
            test.assertEqual(speakers.get(k), quote["speaker"], f"quote {k}")


class BrowserTests(unittest.TestCase):
    """Headless Chromium: the seed's report as a reader uses it."""

    @classmethod
    def setUpClass(cls):
        cls.folder = Reports.make()
        cls.browser = Chromium()

    @classmethod
    def tearDownClass(cls):
        cls.browser.close()

    def url(self, name, fragment=""):
        return (self.folder / name).as_uri() + fragment

    def panel(self):
        return self.browser.evaluate("(() => { const p = document.getElementById('panel');"
                                     " return p.hidden ? null : p.innerText; })()")

    def test_dom_has_every_quote_with_its_speaker(self):
        self.browser.viewport(1280, 900)
        self.browser.open(self.url("seed.html"))
        self.assertLessEqual(self.browser.evaluate("document.documentElement.scrollWidth"), 1280, "no sideways scrolling")
        dom = self.browser.evaluate("document.documentElement.outerHTML")
        OUT.mkdir(parents=True, exist_ok=True)
        (OUT / "seed-dom.html").write_text(dom, encoding="utf-8")
        tree = html5lib.parse(dom, namespaceHTMLElements=False)
        ReportHTMLTests.check_marks(self, tree, Reports.seed_quotes)
        self.assertIn("Said in Turkish, relayed through a Russian translation, printed in French: not verbatim.", text_of(tree))

    def test_hover_shows_the_relay_note(self):
        self.browser.viewport(1280, 900)
        self.browser.open(self.url("seed.html"))
        self.assertIsNone(self.panel())
        self.browser.call("Runtime.evaluate", expression="document.getElementById('q8').scrollIntoView({block: 'center'})")
        self.browser.hover("#q8")
        shown = self.panel()
        self.assertIsNotNone(shown, "the panel opens on hover")
        self.assertIn("Mevlut Cavusoglu", shown)
        self.assertIn("relayed through a Russian translation", shown)
        self.assertIn("incise-pronoun", shown)
        self.assertIn("a-t-il ajouté", shown)

    def test_keyboard_moves_from_quote_to_quote(self):
        self.browser.viewport(1280, 900)
        self.browser.open(self.url("seed.html"))
        self.browser.press("Tab", "Tab", 9)
        self.assertEqual(self.browser.evaluate("document.activeElement.id"), "q0")
        self.assertIn(Reports.seed_quotes[0]["speaker"], self.panel())
        for _ in range(8):
            self.browser.press("Tab", "Tab", 9)
        self.assertEqual(self.browser.evaluate("document.activeElement.id"), "q8")
        self.assertIn("relayed through a Russian translation", self.panel())
        self.browser.press("Escape", "Escape", 27)
        self.assertIsNone(self.panel())

    def test_phone_width(self):
        self.browser.viewport(390, 844, mobile=True)
        self.browser.open(self.url("seed.html"))
        widths = self.browser.evaluate("[document.documentElement.scrollWidth, window.innerWidth,"
                                       " document.querySelector('article').getBoundingClientRect().right]")
        self.assertLessEqual(widths[0], widths[1], "no sideways scrolling")
        self.assertLessEqual(widths[2], widths[1])
        self.browser.call("Runtime.evaluate", expression="document.getElementById('q8').scrollIntoView({block: 'center'})")
        self.browser.hover("#q8")
        box = self.browser.evaluate("(() => { const r = document.getElementById('panel').getBoundingClientRect();"
                                    " return [r.left, r.right, r.bottom, window.innerWidth, window.innerHeight]; })()")
        self.assertEqual((round(box[0]), round(box[1]), round(box[2])), (0, box[3], box[4]), "the panel spans the bottom")
        OUT.mkdir(parents=True, exist_ok=True)
        (OUT / "report-phone.png").write_bytes(self.browser.screenshot())

    def test_hostile_article_runs_nothing(self):
        self.browser.viewport(1280, 900)
        self.browser.open(self.url("hostile.html"))
        self.browser.hover("article b, article mark")
        state = self.browser.evaluate("[document.title, document.scripts.length, document.querySelector('article').textContent]")
        self.assertEqual(state[0], (self.folder / "hostile.txt").as_posix() + " — quotes")
        self.assertEqual(state[1], 1)
        self.assertEqual(state[2], displayable(HOSTILE))

    def test_screenshot(self):
        self.browser.viewport(1280, 900)
        self.browser.open(self.url("seed.html", "#q8"))
        self.assertIn("relayed through a Russian translation", self.panel(), "#q8 opens quote 8")
        # The picture for the README: the top of the page, tall enough to show quote 8 with its panel.
        self.browser.viewport(1280, 1500)
        self.browser.open(self.url("seed.html"))
        self.browser.hover("#q8")
        self.assertIn("relayed through a Russian translation", self.panel())
        png = self.browser.screenshot()
        self.assertEqual(png[:8], b"\x89PNG\r\n\x1a\n")
        self.assertGreater(len(png), 50_000)
        OUT.mkdir(parents=True, exist_ok=True)
        (OUT / "report.png").write_bytes(png)
        keep = os.environ.get("QUOTECTL_SCREENSHOT")
        if keep:
            Path(keep).write_bytes(png)


class ServerTests(unittest.TestCase):
    """quotectl serve on a free loopback port, stopped at the end."""

    @classmethod
    def setUpClass(cls):
        cls.log = tempfile.TemporaryFile()
        cls.server = subprocess.Popen([str(BIN / "quotectl-serve"), "--host", "127.0.0.1", "--port", "0"],
                                      cwd=ROOT, stdout=subprocess.DEVNULL, stderr=cls.log)
        deadline = time.monotonic() + 120
        cls.port = None
        while cls.port is None:
            if time.monotonic() > deadline or cls.server.poll() is not None:
                cls.server.kill()
                raise AssertionError("quotectl-serve did not start: " + cls.read_log())
            found = re.search(r"listening on http://127\.0\.0\.1:(\d+)", cls.read_log())
            if found:
                cls.port = int(found.group(1))
            else:
                time.sleep(0.1)
        cls.base = f"http://127.0.0.1:{cls.port}"

    @classmethod
    def read_log(cls):
        cls.log.seek(0)
        return cls.log.read().decode(errors="replace")

    @classmethod
    def tearDownClass(cls):
        if cls.server.poll() is None:
            cls.server.send_signal(signal.SIGTERM)
            try:
                status = cls.server.wait(timeout=60)
            except subprocess.TimeoutExpired:
                cls.server.kill()
                cls.server.wait()
                raise AssertionError("quotectl-serve did not stop within 60 s of SIGTERM")
            if status != 0:
                raise AssertionError(f"quotectl-serve exited {status} after SIGTERM: {cls.read_log()[-2000:]}")

    def post(self, path, data, content_type):
        request = urllib.request.Request(self.base + path, data=data, headers={"Content-Type": content_type}, method="POST")
        with urllib.request.urlopen(request, timeout=120) as answer:
            return answer.status, answer.headers.get("Content-Type"), answer.read()

    def test_schemathesis(self):
        """Every operation of openapi.yaml, with generated and mutated requests: no 5xx, answers as described."""
        environment = dict(os.environ, PYTHONPATH=str(Path(__file__).parent), SCHEMATHESIS_HOOKS="schemathesis_hooks")
        program = shutil.which("schemathesis") or str(Path(sys.executable).parent / "schemathesis")
        run = subprocess.run(
            [program, "run", str(ROOT / "openapi.yaml"), "--url", self.base, "--checks", "all",
             "--max-examples", os.environ.get("QUOTECTL_SCHEMATHESIS_EXAMPLES", "100"), "--seed", "16",
             "--workers", "2", "--request-timeout", "60", "--no-color"],
            cwd=ROOT, env=environment, capture_output=True, timeout=1200)
        output = run.stdout.decode(errors="replace")
        OUT.mkdir(parents=True, exist_ok=True)
        (OUT / "schemathesis.txt").write_text(output, encoding="utf-8")
        self.assertEqual(run.returncode, 0, output[-4000:] + run.stderr.decode(errors="replace")[-2000:])
        self.assertIn("passed", output)

    def test_served_pages_parse(self):
        with urllib.request.urlopen(self.base + "/", timeout=60) as answer:
            strict_parse(answer.read())
        status, kind, page = self.post("/v1/report", HOSTILE.encode(), "text/plain; charset=utf-8")
        self.assertEqual((status, kind), (200, "text/html; charset=utf-8"))
        tree = strict_parse(page)
        self.assertEqual(text_of(tree.find(".//article")), displayable(HOSTILE))

    def test_paste_form_in_a_browser(self):
        """A person opens GET /, pastes the seed, presses the button, and sees the quotes."""
        with Chromium() as browser:
            browser.open(self.base + "/")
            browser.call("Runtime.evaluate", expression="document.getElementById('text').focus()")
            browser.call("Input.insertText", text=SEED.read_text(encoding="utf-8"))
            box = browser.evaluate("(() => { const r = document.querySelector('button').getBoundingClientRect();"
                                   " return [r.left + r.width / 2, r.top + r.height / 2]; })()")
            browser.events.clear()
            for kind in ("mousePressed", "mouseReleased"):
                browser.call("Input.dispatchMouseEvent", type=kind, x=box[0], y=box[1], button="left", clickCount=1)
            browser.wait_for_event("Page.loadEventFired")
            dom = browser.evaluate("document.documentElement.outerHTML")
        tree = html5lib.parse(dom, namespaceHTMLElements=False)
        Reports.make()
        ReportHTMLTests.check_marks(self, tree, Reports.seed_quotes)


def tearDownModule():
    Reports.remove()


if __name__ == "__main__":
    result = unittest.main(verbosity=2, exit=False).result
    failed = len(result.failures) + len(result.errors)
    print(f"web: {result.testsRun - failed - len(result.skipped)} passed, {failed} failed")
    sys.exit(0 if result.wasSuccessful() and result.testsRun > 0 else 1)
