"""Tests of the reports: rounding, verdicts, the exported page, the index, and the browser check
itself, which must catch a page that reaches out, logs an error, leaves code unfolded or TeX
unrendered (a check that passes everything proves nothing).

    /usr/bin/python3 -m unittest discover -v -s environment -p test_reports.py
"""

import json
import os
import re
import tempfile
import time
import unittest
import warnings
from pathlib import Path

import nbformat
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook, new_output

import check_reports
from labreports import export, index, numbers, scorecard
from labreports.chromium import Browser, find_browser

CLAIMS = [
    {"id": "a", "claim": "Tickets match dense", "paper": "≥ dense", "ours": 0.8209999799728394, "holds": True},
    {"id": "b", "claim": "IMC is cheaper", "paper": "one shot", "ours": "3504 vs 28 passes", "holds": False},
    {"id": "c", "claim": "Transfer works", "paper": "yes", "ours": "+0.1", "holds": False, "verdict": "inconclusive",
     "estimate": 0.12345, "interval": [-0.1, 0.345678], "n": 3},
    {"id": "d", "claim": "Tickets learn faster", "paper": "earlier", "ours": "12 vs 9", "holds": True, "verdict": "holds",
     "n": 1, "decided_by": "one run, no interval"},
]


def notebook():
    """A small executed notebook: a formula, a cell with output, a cell that failed."""
    nb = new_notebook()
    nb.cells = [
        new_markdown_cell("# Test\n\nChannel $k$ computes $V_k * \\operatorname{ReLU}(u_k x_t)$, see `a_b`."),
        new_code_cell("int a = 1;\nSystem.out.println(a);", execution_count=1,
                      outputs=[new_output("stream", name="stdout", text="1\n")]),
        new_code_cell("throw new X();", execution_count=2, outputs=[new_output(
            "error", ename="UserCodeException", evalue="java.lang.IllegalStateException: boom",
            traceback=["java.lang.IllegalStateException: boom", "    at In[2] line 1"])]),
    ]
    for number, cell in enumerate(nb.cells):
        cell["id"] = f"cell-{number:02d}"
    return nb


def write_report(folder, claims=CLAIMS):
    """An exported report with its results.json and executed notebook; returns (page, record)."""
    started = time.time() - 2
    (folder / "test").mkdir(exist_ok=True)
    (folder / "test" / "results.json").write_text(json.dumps({"claims": claims}), encoding="utf-8")
    record = {"notebook": "notebooks/test.ipynb", "report": "test.html", "executed": "test.ipynb",
              "profile": "smoke", "started": started, "seconds": 65.3, "status": "error",
              "error": "java.lang.IllegalStateException: boom", "error_cell": 2, "error_anchor": "cell-02"}
    card, missing = scorecard.read(folder / "test" / "results.json", started)
    page = folder / "test.html"
    with warnings.catch_warnings():  # nbconvert 6.5 warns about its own use of nbformat
        warnings.simplefilter("ignore", DeprecationWarning)
        page.write_text(export.html(notebook(), record, card, missing), encoding="utf-8")
    (folder / "test.ipynb").write_text(nbformat.writes(notebook()), encoding="utf-8")
    index.write(folder, [record])
    return page, record


class ReadableNumbers(unittest.TestCase):

    def test_the_rule_of_the_librarys_tables(self):
        self.assertEqual("17.28", numbers.readable(17.280187074829932))
        self.assertEqual("0.821", numbers.readable(0.8209999799728394))
        self.assertEqual("123457", numbers.readable(123456.7))
        self.assertEqual("7", numbers.readable(7.0))
        self.assertEqual("-0.00001234", numbers.readable(-0.000012345))
        self.assertEqual("12", numbers.readable(12))
        self.assertEqual("text", numbers.readable("text"))
        self.assertEqual("", numbers.readable(None))


class Verdicts(unittest.TestCase):

    def test_verdict_is_read_where_present_and_holds_is_the_fallback(self):
        self.assertEqual(["holds", "fails", "inconclusive", "holds"], [scorecard.verdict(c) for c in CLAIMS])

    def test_a_verdict_of_one_run_says_so(self):
        self.assertEqual(["holds (one run)", "fails (one run)", "inconclusive", "holds (one run)"],
                         [scorecard.label(c) for c in CLAIMS])

    def test_counts_and_staleness(self):
        with tempfile.TemporaryDirectory() as folder:
            results = Path(folder) / "results.json"
            results.write_text(json.dumps({"claims": CLAIMS}))
            card, _ = scorecard.read(results, run_started=time.time() - 60)
            self.assertEqual("2 holds (one run) · 1 fails (one run) · 1 inconclusive", card.counts_text())
            self.assertFalse(card.stale)
            os.utime(results, (time.time() - 3600, time.time() - 3600))
            self.assertTrue(scorecard.read(results, run_started=time.time() - 60)[0].stale)

    def test_a_missing_or_broken_file_says_why(self):
        with tempfile.TemporaryDirectory() as folder:
            self.assertIn("did not write its scorecard", scorecard.read(Path(folder) / "results.json")[1])
            broken = Path(folder) / "broken.json"
            broken.write_text("{\"claims\": 3}")
            self.assertIn("not a scorecard", scorecard.read(broken)[1])


class ExportedReport(unittest.TestCase):

    @classmethod
    def setUpClass(cls):
        cls.folder = tempfile.TemporaryDirectory()
        cls.page, _ = write_report(Path(cls.folder.name))
        cls.html = cls.page.read_text(encoding="utf-8")

    @classmethod
    def tearDownClass(cls):
        cls.folder.cleanup()

    def test_code_is_folded_except_where_the_cell_failed(self):
        self.assertEqual(1, self.html.count("<details class=\"lab-code\">"))
        self.assertEqual(1, self.html.count("<details class=\"lab-code lab-failed\" open>"))

    def test_the_summary_has_the_run_the_verdicts_and_the_error(self):
        self.assertIn("Scorecard: 2 holds (one run) · 1 fails (one run) · 1 inconclusive", self.html)
        self.assertIn("<td class=\"lab-verdict lab-fails\">fails (one run)</td>", self.html)
        self.assertIn("<td>0.821</td>", self.html)
        self.assertIn("0.1235 [-0.1, 0.3457]", self.html)
        self.assertIn("<a href=\"#cell-02\">cell 2</a>", self.html)
        self.assertIn("1 min 05 s", self.html)

    def test_cells_have_anchors_and_nothing_is_loaded_from_outside(self):
        self.assertIn("id=\"cell-02\"", self.html)
        self.assertIsNone(re.search(r"(src|href)=[\"']?https?:|url\([\"']?https?:", self.html))
        self.assertNotIn("require.min.js", self.html)


class Index(unittest.TestCase):

    def test_profile_time_verdicts_and_a_linked_error(self):
        with tempfile.TemporaryDirectory() as name:
            folder = Path(name)
            _, record = write_report(folder)
            quick = dict(record, report="other.html", notebook="notebooks/other.ipynb", profile="quick",
                         status="ok", error=None, error_cell=None, error_anchor=None)
            index.write(folder, [quick])
            page = (folder / "index.html").read_text(encoding="utf-8")
            self.assertIn("different profiles: quick (1), smoke (1)", page)
            self.assertIn("<a href='test.html#cell-02'>cell 2</a>: java.lang.IllegalStateException: boom", page)
            self.assertIn("<span class='holds'>2 holds (one run)</span> · <span class='fails'>1 fails (one run)", page)
            self.assertIn(export.when(record["started"]), page)


@unittest.skipUnless(find_browser(), "Chromium is missing: apt-get install chromium-headless-shell")
class BrowserCheck(unittest.TestCase):

    @classmethod
    def setUpClass(cls):
        cls.folder = tempfile.TemporaryDirectory()
        cls.page, _ = write_report(Path(cls.folder.name))
        cls.browser = Browser(find_browser()).__enter__()

    @classmethod
    def tearDownClass(cls):
        cls.browser.__exit__(None, None, None)
        cls.folder.cleanup()

    def test_a_good_report_passes(self):
        problems, checked = check_reports.check(self.browser, self.page)
        self.assertEqual([], problems)
        self.assertEqual("2 formulas rendered, 2 code cells folded", checked)

    def test_a_bad_report_fails_on_every_count(self):
        bad = self.page.with_name("bad.html")
        html = self.page.read_text(encoding="utf-8")
        html = html.replace("<details class=\"lab-code\">", "<details class=\"lab-code\" open>", 1)
        html = html.replace("$V_k *", "$V_k * \\frac{", 1)
        html = html.replace("</body>", "<img src='http://192.0.2.1/x.png'><script>console.error('oops')</script>"
                            "<p class='jp-MarkdownOutput'>eaten $V_k <em>ReLU(u_k x_t)</em> x$ <a href='missing.html'>here</a></p></body>")
        bad.write_text(html, encoding="utf-8")
        problems = "\n".join(check_reports.check(self.browser, bad)[0])
        self.assertIn("request leaving the machine: http://192.0.2.1/x.png", problems)
        self.assertIn("console error: oops", problems)
        self.assertIn("1 code cells are open although they did not fail", problems)
        self.assertIn("TeX error", problems)
        self.assertIn("unrendered TeX in the text", problems)
        self.assertIn("broken link: missing.html", problems)


if __name__ == "__main__":
    unittest.main()
