"""A teacher's lab notebook, read: its questions, solutions and hidden checks.

The conventions (README, "Classroom labs"):

* A *check cell* declares one question, ``question("q3", 2, "Title")``, adds its checks with
  ``.test(...)`` and ends with the line ``check("q3")``. Checks between a ``// BEGIN HIDDEN TESTS``
  line and a ``// END HIDDEN TESTS`` line are hidden: the student version leaves them out.
* An *answer cell* holds code between ``// BEGIN SOLUTION`` and ``// END SOLUTION`` lines
  (nbgrader's convention); it belongs to the question of the next check cell. The student version
  replaces each such region with a stub that throws ``NotAnsweredYet``, so a region must end the
  body of a method (code after it would be unreachable).
"""

import copy
import re
from dataclasses import dataclass, field

import nbformat

BEGIN_SOLUTION = re.compile(r"^(\s*)//\s*BEGIN SOLUTION\s*$")
END_SOLUTION = re.compile(r"^\s*//\s*END SOLUTION\s*$")
BEGIN_HIDDEN = re.compile(r"^\s*//\s*BEGIN HIDDEN TESTS\s*$")
END_HIDDEN = re.compile(r"^\s*//\s*END HIDDEN TESTS\s*$")
QUESTION = re.compile(r'^\s*question\(\s*"([A-Za-z][A-Za-z0-9_.-]*)"\s*,\s*([0-9]+(?:\.[0-9]+)?)\s*,\s*"((?:[^"\\]|\\.)*)"')
CHECK_CALL = re.compile(r'^\s*check\(\s*"([A-Za-z][A-Za-z0-9_.-]*)"\s*\)\s*;?\s*$')
MARKER = re.compile(r"^\s*//\s*(BEGIN|END) (SOLUTION|HIDDEN TESTS)\b")

STUB = ["// YOUR CODE HERE", "throw new NotAnsweredYet();"]


class LabSourceError(ValueError):
    """A teacher's notebook that breaks the conventions; the message names the cell and the fix."""


@dataclass
class Question:
    """One question: its id, points and title, and the source of its check cell."""

    id: str
    points: float
    title: str
    checks: str  # the check cell without its final check(...) line, hidden checks included
    cell: int  # the check cell's position in the notebook
    answer_cells: list = field(default_factory=list)


@dataclass
class LabSource:
    """A parsed teacher notebook."""

    name: str
    notebook: nbformat.NotebookNode
    questions: list

    @property
    def total_points(self):
        return sum(q.points for q in self.questions)


def read(path, name):
    """Parses the teacher notebook at path; raises LabSourceError when it breaks the conventions."""
    notebook = nbformat.read(str(path), as_version=4)
    questions = []
    pending_answers = []
    for index, cell in enumerate(notebook.cells):
        where = f"{path}, cell {index + 1}"
        lines = cell.source.splitlines()
        if cell.cell_type != "code":
            if any(MARKER.match(line) for line in lines):
                raise LabSourceError(f"{where} is {cell.cell_type}, but solutions and hidden tests belong in code cells")
            continue
        declared = [m for m in (QUESTION.match(line) for line in lines) if m]
        if any(BEGIN_SOLUTION.match(line) for line in lines):
            if declared:
                raise LabSourceError(f"{where} both declares a question and holds a solution: put the answer in its own cell")
            _solution_regions(lines, where)  # validates the markers
            pending_answers.append(index)
        elif declared:
            questions.append(_question(declared, lines, index, where, pending_answers))
            pending_answers = []
        else:
            stray = next((line.strip() for line in lines if MARKER.match(line)), None)
            if stray:
                raise LabSourceError(f"{where} has a stray {stray!r} line: hidden tests go in a check cell")
    if pending_answers:
        raise LabSourceError(f"{path}: the answer cells {[i + 1 for i in pending_answers]} have no check cell after them")
    if not questions:
        raise LabSourceError(f"{path} declares no question: a check cell starts with question(\"q1\", POINTS, \"TITLE\")")
    ids = [q.id for q in questions]
    duplicates = sorted({i for i in ids if ids.count(i) > 1})
    if duplicates:
        cells = [q.cell + 1 for q in questions if q.id in duplicates]
        raise LabSourceError(f"{path} declares the questions {duplicates} more than once (check cells {cells}): "
                             "give each question its own id")
    return LabSource(name, notebook, questions)


def _question(declared, lines, index, where, answers):
    if len(declared) > 1:
        raise LabSourceError(f"{where} declares {len(declared)} questions; give each question its own check cell")
    match = declared[0]
    qid, points, title = match.group(1), float(match.group(2)), match.group(3)
    code = [line for line in lines if line.strip()]
    final = CHECK_CALL.match(code[-1]) if code else None
    if not final or final.group(1) != qid:
        raise LabSourceError(f'{where} declares {qid} but does not end with the line check("{qid}")')
    body = lines[: len(lines) - 1 - lines[::-1].index(code[-1])]
    _hidden_regions(body, where)
    if points <= 0:
        raise LabSourceError(f"{where}: question {qid} must be worth more than 0 points")
    return Question(qid, points, title, "\n".join(body).rstrip() + "\n", index, list(answers))


def _regions(lines, begin, end, what, where):
    """The (start, stop) line indices of each marked region, stop being the END line."""
    regions, start = [], None
    for number, line in enumerate(lines):
        if begin.match(line):
            if start is not None:
                raise LabSourceError(f"{where}: {what} opened on line {number + 1} inside another (line {start + 1})")
            start = number
        elif end.match(line):
            if start is None:
                raise LabSourceError(f"{where}: line {number + 1} ends a {what} that was never begun")
            regions.append((start, number))
            start = None
    if start is not None:
        raise LabSourceError(f"{where}: the {what} begun on line {start + 1} never ends")
    return regions


def _solution_regions(lines, where):
    return _regions(lines, BEGIN_SOLUTION, END_SOLUTION, "solution", where)


def _hidden_regions(lines, where):
    if any(BEGIN_SOLUTION.match(line) or END_SOLUTION.match(line) for line in lines):
        raise LabSourceError(f"{where}: a check cell cannot hold a solution")
    return _regions(lines, BEGIN_HIDDEN, END_HIDDEN, "hidden-tests region", where)


def _replace_regions(lines, regions, replacement):
    out, previous = [], 0
    for start, stop in regions:
        out.extend(lines[previous:start])
        out.extend(replacement(lines[start]))
        previous = stop + 1
    out.extend(lines[previous:])
    return out


def _stub(begin_line):
    indent = BEGIN_SOLUTION.match(begin_line).group(1)
    return [indent + line for line in STUB]


def student_version(lab, source_sha256):
    """The notebook students get: solutions stubbed, hidden checks removed, outputs cleared,
    answer and check cells tagged with their question, check cells locked."""
    notebook = copy.deepcopy(lab.notebook)
    roles = {}
    for question in lab.questions:
        roles[question.cell] = (question.id, "checks")
        roles.update({i: (question.id, "answer") for i in question.answer_cells})
    for index, cell in enumerate(notebook.cells):
        if cell.cell_type == "code":
            cell.outputs = []
            cell.execution_count = None
        lines = cell.source.splitlines()
        if index not in roles:
            continue
        qid, role = roles[index]
        if role == "answer":
            lines = _replace_regions(lines, _solution_regions(lines, ""), _stub)
        else:
            lines = _replace_regions(lines, _hidden_regions(lines, ""), lambda _: [])
            cell.metadata["editable"] = False
            cell.metadata["deletable"] = False
        cell.source = "\n".join(lines)
        cell.metadata["lotterylab"] = {"question": qid, "role": role}
    notebook.metadata["lotterylab"] = {"lab": lab.name, "source_sha256": source_sha256}
    return notebook


def manifest(lab, source, source_sha256):
    """What the grader needs: every question's points, title and checks (hidden ones included)."""
    return {
        "lab": lab.name,
        "source": str(source),
        "source_sha256": source_sha256,
        "total_points": lab.total_points,
        "questions": [
            {"id": q.id, "points": q.points, "title": q.title, "checks": q.checks} for q in lab.questions
        ],
    }
