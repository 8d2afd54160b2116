"""assign and the graded notebook, without a kernel: the conventions of a teacher's notebook, the
student version, the grader's manifest, where grading cells go, and which verdicts count."""

import json
import shutil
import sys
import tempfile
import unittest
from pathlib import Path

import nbformat

# The classroom scripts and these helpers, however the tests are started.
sys.path[:0] = [str(Path(__file__).resolve().parents[1]), str(Path(__file__).resolve().parent)]

import assign  # noqa: E402
import gradednotebook  # noqa: E402
import labsource  # noqa: E402
import worker  # noqa: E402
from submissions import with_cell_after  # noqa: E402

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "tiny-lab.ipynb"


def notebook(*sources):
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_markdown_cell(s[3:]) if s.startswith("md:") else nbformat.v4.new_code_cell(s)
                for s in sources]
    return nb


def parse(nb):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "lab.ipynb"
        nbformat.write(nb, str(path))
        return labsource.read(path, "lab")


ANSWER = "int f() {\n    // BEGIN SOLUTION\n    return 1;\n    // END SOLUTION\n}"
CHECK = 'question("q1", 2, "One")\n    .test("is 1", e -> e.equal("f()", f(), 1));\ncheck("q1")'


class AssignTest(unittest.TestCase):

    @classmethod
    def setUpClass(cls):
        cls.out = Path(tempfile.mkdtemp(prefix="lab-assign-"))
        student, manifest, cls.lab = assign.assign(FIXTURE, cls.out)
        cls.student = nbformat.read(str(student), as_version=4)
        cls.manifest = json.loads(manifest.read_text())

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.out, ignore_errors=True)

    def test_the_student_version_has_stubs_and_no_solutions_or_hidden_checks(self):
        text = "\n".join(c.source for c in self.student.cells)
        self.assertNotIn("BEGIN SOLUTION", text)
        self.assertNotIn("HIDDEN", text)
        self.assertNotIn('"Hello, " + name', text)
        self.assertNotIn("greets anyone", text)
        self.assertEqual(3, text.count("throw new NotAnsweredYet();"))

    def test_the_student_version_is_tagged_cleared_and_locks_its_check_cells(self):
        tags = [c.metadata.get("lotterylab") for c in self.student.cells if c.metadata.get("lotterylab")]
        self.assertEqual([("q1", "answer"), ("q1", "checks"), ("q2", "answer"), ("q2", "checks"), ("q3", "answer"),
                          ("q3", "checks")], [(t["question"], t["role"]) for t in tags])
        checks = [c for c in self.student.cells if c.metadata.get("lotterylab", {}).get("role") == "checks"]
        self.assertTrue(all(c.metadata["editable"] is False for c in checks))
        self.assertTrue(all(c.outputs == [] for c in self.student.cells if c.cell_type == "code"))
        self.assertEqual("tiny-lab", self.student.metadata["lotterylab"]["lab"])

    def test_the_manifest_keeps_points_titles_and_hidden_checks_without_the_check_call(self):
        self.assertEqual(4, self.manifest["total_points"])
        q2 = self.manifest["questions"][1]
        self.assertEqual(("q2", 2, "Greet by name"), (q2["id"], q2["points"], q2["title"]))
        self.assertIn("greets anyone", q2["checks"])
        self.assertNotIn('check("q2")', q2["checks"])

    def test_broken_conventions_say_which_cell_and_what_to_do(self):
        cases = {
            "does not end with the line check(\"q1\")": notebook(ANSWER, 'question("q1", 1, "One").test("x", e -> {});'),
            "have no check cell after them": notebook(ANSWER),
            "never ends": notebook("int f() {\n    // BEGIN SOLUTION\n    return 1;\n}", CHECK),
            "belong in code cells": notebook("md:// BEGIN SOLUTION\nwords\n// END SOLUTION", CHECK),
            "declares the questions ['q1'] more than once": notebook(ANSWER, CHECK, ANSWER, CHECK),
            "declares no question": notebook("int x = 1;"),
            "stray": notebook("// BEGIN HIDDEN TESTS\n// END HIDDEN TESTS", CHECK),
        }
        for message, nb in cases.items():
            with self.subTest(message):
                with self.assertRaises(labsource.LabSourceError) as raised:
                    parse(nb)
                self.assertIn(message, str(raised.exception))
                self.assertIn("cell" if message != "declares no question" else "question(", str(raised.exception))

    def test_an_unknown_lab_names_the_labs_there_are(self):
        with self.assertRaises(SystemExit) as raised:
            assign.find_lab("lab99")
        self.assertIn("lab1-masks", str(raised.exception))


class GradedNotebookTest(unittest.TestCase):

    @classmethod
    def setUpClass(cls):
        with tempfile.TemporaryDirectory() as out:
            student, manifest, _ = assign.assign(FIXTURE, Path(out))
            cls.student = nbformat.read(str(student), as_version=4)
            cls.manifest = json.loads(manifest.read_text())

    def grading_after(self, nb):
        graded, origins = gradednotebook.build(nb, self.manifest, "tok")
        return [(o.question, graded.cells[i - 1].metadata.get("lotterylab", {}).get("role"))
                for i, o in enumerate(origins) if o.question]

    def test_grading_cells_replace_the_check_cells(self):
        graded, origins = gradednotebook.build(self.student, self.manifest, "tok")
        self.assertEqual(["q1", "q2", "q3"], [o.question for o in origins if o.question])
        self.assertEqual([("q1", "answer"), ("q2", "answer"), ("q3", "answer")], self.grading_after(self.student))
        q2 = next(c for c, o in zip(graded.cells, origins) if o.question == "q2")
        self.assertIn("new org.lotterylab.classroom.Questions() {{", q2.source)
        self.assertIn("greets anyone", q2.source)
        self.assertTrue(q2.source.endswith('.grade("q2", "tok")'))

    def test_a_copied_check_cell_is_graded_once_and_a_deleted_one_after_its_answer(self):
        nb = nbformat.from_dict(self.student)
        q1_check = next(c for c in nb.cells if c.metadata.get("lotterylab") == {"question": "q1", "role": "checks"})
        nb.cells.append(nbformat.from_dict(q1_check))
        nb.cells = [c for c in nb.cells if c.metadata.get("lotterylab") != {"question": "q3", "role": "checks"}]
        graded, origins = gradednotebook.build(nb, self.manifest, "tok")
        self.assertEqual(["q1", "q2", "q3"], [o.question for o in origins if o.question])
        self.assertEqual(("q3", "answer"), self.grading_after(nb)[2])

    def test_without_tags_the_checks_go_at_the_end(self):
        nb = nbformat.v4.new_notebook()
        nb.cells = [nbformat.v4.new_code_cell("int x = 1;")]
        graded, origins = gradednotebook.build(nb, self.manifest, "tok")
        self.assertEqual([None, "q1", "q2", "q3"], [o.question for o in origins])

    def test_student_cells_keep_their_numbers_for_the_reasons(self):
        nb = with_cell_after(self.student, "q1", "while (true) {}")
        _, origins = gradednotebook.build(nb, self.manifest, "tok")
        loop = next(o for o in origins if o.summary == "while (true) {}")
        self.assertEqual(4, loop.student_cell)


class VerdictTest(unittest.TestCase):

    def cell(self, data):
        return {"outputs": [{"output_type": "execute_result", "data": data}]}

    def test_only_a_verdict_with_the_token_and_the_question_counts(self):
        verdict = {"token": "tok", "question": "q1", "passed": True, "outcome": "passed", "message": "ok"}
        mime = worker.VERDICT_MIME
        self.assertTrue(worker.read_verdict(self.cell({mime: verdict}), "tok", "q1")["passed"])
        self.assertFalse(worker.read_verdict(self.cell({mime: {**verdict, "token": "forged"}}), "tok", "q1")["passed"])
        self.assertFalse(worker.read_verdict(self.cell({mime: {**verdict, "question": "q2"}}), "tok", "q1")["passed"])
        printed = {"outputs": [{"output_type": "stream", "name": "stdout", "text": str(verdict)}]}
        self.assertEqual("the checks gave no verdict", worker.read_verdict(printed, "tok", "q1")["message"])

    def test_a_cell_that_did_not_compile_says_so(self):
        cell = {"outputs": [{"output_type": "error", "ename": "CompilationException", "evalue": "x",
                             "traceback": ["Compile error at In[5] line 3: cannot find symbol", "  f()"]}]}
        message = worker.read_verdict(cell, "tok", "q1")["message"]
        self.assertIn("the checks could not run", message)
        self.assertIn("cannot find symbol", message)


if __name__ == "__main__":
    unittest.main()
