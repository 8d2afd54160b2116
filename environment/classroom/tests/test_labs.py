"""Every lab of notebooks/labs, graded in the smoke profile: the teacher's notebook earns full
marks, the untouched student version zero with "not answered yet" for every question, and a
plausible wrong answer (fixtures/wrong-answers.json) loses exactly its question's points, with a
hint that says what is wrong. Needs the installed kernel and the data."""

import csv
import json
import os
import shutil
import sys
import tempfile
import unittest
from pathlib import Path

import nbformat

# The classroom scripts and these helpers, however the tests are started.
sys.path[:0] = [str(Path(__file__).resolve().parents[1]), str(Path(__file__).resolve().parent)]

import assign  # noqa: E402
import grade  # noqa: E402
from submissions import with_solution  # noqa: E402

WRONG = json.loads((Path(__file__).resolve().parent / "fixtures" / "wrong-answers.json").read_text())
TIME_LIMIT = 600
MEMORY_LIMIT = 4096


class LabsTest(unittest.TestCase):

    @classmethod
    def setUpClass(cls):
        cls.dir = Path(tempfile.mkdtemp(prefix="lab-labs-"))
        cls.profile = os.environ.get("LAB_PROFILE")
        os.environ["LAB_PROFILE"] = "smoke"  # the graders' kernels inherit it

    @classmethod
    def tearDownClass(cls):
        if cls.profile is None:
            os.environ.pop("LAB_PROFILE")
        else:
            os.environ["LAB_PROFILE"] = cls.profile
        shutil.rmtree(cls.dir, ignore_errors=True)

    def test_every_lab_has_a_wrong_answer_to_grade(self):
        self.assertEqual(sorted(p.stem for p in assign.LABS.glob("*.ipynb")), sorted(WRONG))

    def grade_lab(self, name):
        source = assign.LABS / f"{name}.ipynb"
        student, manifest, lab = assign.assign(source, self.dir / "classroom")
        submitted = self.dir / "submitted" / name
        submitted.mkdir(parents=True)
        shutil.copy(source, submitted / "teacher.ipynb")
        shutil.copy(student, submitted / "student.ipynb")
        wrong = WRONG[name]
        nbformat.write(with_solution(source, wrong["question"], wrong["answer"]), str(submitted / "wrong.ipynb"))
        out, _ = grade.grade_class(submitted, self.dir / "grades", grade.cores(), TIME_LIMIT, MEMORY_LIMIT, manifest)
        with open(out / "gradebook.csv") as book:
            rows = list(csv.DictReader(book))
        return lab, rows

    def check_lab(self, name):
        lab, rows = self.grade_lab(name)
        by = lambda student: {r["question"]: r for r in rows if r["student"] == student}  # noqa: E731
        full = {q.id: q.points for q in lab.questions}
        self.assertEqual(full, {q: float(r["points"]) for q, r in by("teacher").items()},
                         f"{name}: the teacher's notebook must earn full marks: {by('teacher')}")
        self.assertEqual({q: "not answered yet" for q in full}, {q: r["message"] for q, r in by("student").items()})
        self.assertEqual({q: 0.0 for q in full}, {q: float(r["points"]) for q, r in by("student").items()})
        wrong = WRONG[name]
        expected = {q: (0.0 if q == wrong["question"] else p) for q, p in full.items()}
        self.assertEqual(expected, {q: float(r["points"]) for q, r in by("wrong").items()}, by("wrong"))
        self.assertIn(wrong["hint"], by("wrong")[wrong["question"]]["message"])

    def test_lab1(self):
        self.check_lab("lab1-masks")

    def test_lab2(self):
        self.check_lab("lab2-lottery-ticket")

    def test_lab3(self):
        self.check_lab("lab3-pruning-at-init")

    def test_lab4(self):
        self.check_lab("lab4-strong-tickets")


if __name__ == "__main__":
    unittest.main()
