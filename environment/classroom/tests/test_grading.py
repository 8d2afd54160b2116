"""The grader on a tiny lab: right, wrong and empty submissions, and hostile ones that loop, exit,
exhaust memory, are not notebooks, or redefine the check API. Needs the installed kernel."""

import csv
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
import grade  # noqa: E402
from submissions import answered, with_cell_after, write  # noqa: E402

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "tiny-lab.ipynb"
RIGHT = {"q1": "return a + b;", "q2": 'return "Hello, " + name + "!";',
         "q3": "return java.util.Arrays.stream(values).average().orElseThrow();"}
TIME_LIMIT = 40
MEMORY_LIMIT = 1536


class GradingTest(unittest.TestCase):
    """Grades one class of submissions once; each test reads its part of the gradebook."""

    @classmethod
    def setUpClass(cls):
        cls.dir = Path(tempfile.mkdtemp(prefix="lab-grading-"))
        student, cls.manifest, _ = assign.assign(FIXTURE, cls.dir / "classroom")
        student = nbformat.read(str(student), as_version=4)
        cls.submissions = cls.dir / "submitted"
        cls.submissions.mkdir()
        right = answered(student, RIGHT)
        write(cls.submissions, "right", right)
        write(cls.submissions, "wrong", answered(student, {**RIGHT, "q2": 'return "Hi, " + name;'}))
        write(cls.submissions, "empty", student)
        write(cls.submissions, "loops", with_cell_after(right, "q1", "while (true) {}"))
        write(cls.submissions, "exits", with_cell_after(right, "q2", "System.exit(0);"))
        write(cls.submissions, "hoards", with_cell_after(
            right, "q1", "var hoard = new ArrayList<long[]>();\nwhile (true) hoard.add(new long[1 << 20]);"))
        write(cls.submissions, "hoards-native", with_cell_after(right, "q1", (
            "var manager = NDManager.newBaseManager();\nvar hoard = new ArrayList<NDArray>();\n"
            "while (true) hoard.add(manager.ones(new Shape(1 << 24)));")))
        write(cls.submissions, "redefines", with_cell_after(
            answered(student, {**RIGHT, "q2": 'return "Hi";'}), "q1",
            "void check(String id) { System.out.println(id + \" passes\"); }\n"
            "Question question(String id, double points, String title) { return null; }\n"
            "Object org = null;"))
        (cls.submissions / "corrupt.ipynb").write_text('{"cells": [{"cell_type": "code", "sour')
        cls.teacher_dir = cls.dir / "teacher"
        cls.teacher_dir.mkdir()
        shutil.copy(FIXTURE, cls.teacher_dir / "teacher.ipynb")
        cls.grades = cls.dir / "grades"
        cls.out, _ = grade.grade_class(cls.submissions, cls.grades, 2, TIME_LIMIT, MEMORY_LIMIT, cls.manifest)
        cls.teacher_out, _ = grade.grade_class(cls.teacher_dir, cls.dir / "teacher-grades", 1, TIME_LIMIT,
                                               MEMORY_LIMIT, cls.manifest)
        with open(cls.out / "gradebook.csv") as book:
            cls.rows = list(csv.DictReader(book))

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.dir, ignore_errors=True)

    def points(self, student):
        return {r["question"]: float(r["points"]) for r in self.rows if r["student"] == student}

    def messages(self, student):
        return {r["question"]: r["message"] for r in self.rows if r["student"] == student}

    def result(self, student):
        return json.loads((self.out / student / "result.json").read_text())

    def test_a_right_submission_gets_full_marks(self):
        self.assertEqual({"q1": 1, "q2": 2, "q3": 1}, self.points("right"))
        self.assertEqual("graded", self.result("right")["status"])

    def test_the_teachers_own_notebook_gets_full_marks(self):
        result = json.loads((self.teacher_out / "teacher" / "result.json").read_text())
        self.assertEqual([1, 2, 1], [q["points"] for q in result["questions"]], result)

    def test_a_wrong_answer_loses_exactly_its_questions_points(self):
        self.assertEqual({"q1": 1, "q2": 0, "q3": 1}, self.points("wrong"))
        self.assertIn('greet("Ada") is Hi, Ada; the question asks for Hello, Ada!', self.messages("wrong")["q2"])

    def test_the_untouched_student_version_gets_zero_with_not_answered_yet(self):
        self.assertEqual({"q1": 0, "q2": 0, "q3": 0}, self.points("empty"))
        self.assertEqual({"not answered yet"}, set(self.messages("empty").values()))

    def test_an_endless_loop_keeps_the_points_before_it(self):
        self.assertEqual({"q1": 1, "q2": 0, "q3": 0}, self.points("loops"))
        self.assertIn("time limit", self.result("loops")["reason"])
        self.assertIn("while (true) {}", self.result("loops")["reason"])

    def test_system_exit_keeps_the_points_before_it(self):
        points, result = self.points("exits"), self.result("exits")
        self.assertEqual({"q1": 1, "q2": 2}, {q: points[q] for q in ("q1", "q2")})
        # A kernel that ends at System.exit stops the run there; one that refuses the exit (a
        # SecurityException) fails that cell, and the rest is graded as usual. Either way it is said.
        said = (result["reason"] or "") + " ".join(f["error"] for f in result["failed_cells"])
        self.assertIn("System.exit", said)
        if result["reason"]:
            self.assertIn("exited with status 0", result["reason"])
            self.assertIn("not graded", self.messages("exits")["q3"])
        else:
            self.assertEqual(1, points["q3"])

    def test_a_full_java_heap_keeps_the_points_before_it(self):
        self.assertEqual({"q1": 1, "q2": 0, "q3": 0}, self.points("hoards"))
        self.assertIn("ran out of memory (the Java heap is full)", self.result("hoards")["reason"])

    def test_native_memory_past_the_limit_keeps_the_points_before_it(self):
        self.assertEqual({"q1": 1, "q2": 0, "q3": 0}, self.points("hoards-native"))
        self.assertIn("memory limit", self.result("hoards-native")["reason"])

    def test_a_corrupt_file_is_reported_not_fatal(self):
        self.assertEqual({"q1": 0, "q2": 0, "q3": 0}, self.points("corrupt"))
        self.assertIn("not a valid notebook", self.result("corrupt")["reason"])

    def test_redefining_the_check_api_does_not_disable_the_checks(self):
        self.assertEqual({"q1": 1, "q2": 0, "q3": 1}, self.points("redefines"))

    def test_every_student_has_feedback_and_the_class_a_summary(self):
        for student in ["right", "wrong", "empty", "loops", "exits", "hoards", "hoards-native", "redefines", "corrupt"]:
            feedback = (self.out / student / "feedback.html").read_text()
            self.assertIn(f"feedback for {student}", feedback)
        self.assertIn("hidden checks included; code not shown", (self.out / "right" / "feedback.html").read_text())
        self.assertNotIn("greets anyone\", expect", (self.out / "right" / "feedback.html").read_text())
        summary = (self.out / "summary.html").read_text()
        self.assertIn("<svg", summary)
        self.assertIn("9 submissions", summary)

    def test_grading_again_keeps_what_was_graded(self):
        before = {s: (self.out / s / "result.json").stat().st_mtime_ns for s in ["right", "loops"]}
        (self.out / "wrong" / "result.json").unlink()  # as if grading had stopped before it
        grade.grade_class(self.submissions, self.grades, 2, TIME_LIMIT, MEMORY_LIMIT, self.manifest)
        after = {s: (self.out / s / "result.json").stat().st_mtime_ns for s in ["right", "loops"]}
        self.assertEqual(before, after)
        self.assertEqual({"q1": 1, "q2": 0, "q3": 1},
                         {q["question"]: q["points"] for q in self.result("wrong")["questions"]})


if __name__ == "__main__":
    unittest.main()
