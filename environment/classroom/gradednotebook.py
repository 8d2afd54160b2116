"""A submission made ready for grading: the teacher's checks, hidden ones included, in place of the
student's check cells.

Each question's grading cell replaces the submission's first check cell of that question (copies of
it are dropped); a question whose check cell the student deleted is graded after its last answer
cell, or at the end. The cell runs the checks in an anonymous subclass of Questions, where the
names the checks use are inherited members that no student declaration can shadow, and its value
is the verdict with this submission's token, which the student's code never sees.
"""

import uuid
from dataclasses import dataclass

import nbformat

import labsource

GRADER_CLASS = "org.lotterylab.classroom.Questions"


@dataclass
class Origin:
    """Where a cell of the graded notebook comes from: the student's code cell number, or the grader."""

    student_cell: int = None  # 1-based number among the submission's code cells
    question: str = None  # set for a grading cell
    summary: str = ""  # the first line of the cell's code


def grading_source(question, token):
    """The Java of a grading cell for one question of the manifest."""
    body = "\n".join("    " + line if line.strip() else "" for line in question["checks"].splitlines())
    return (
        f"// The grader's checks of {question['id']}, hidden ones included\n"
        f"new {GRADER_CLASS}() {{{{\n{body}\n}}}}.grade(\"{question['id']}\", \"{token}\")"
    )


def _tag(cell):
    """The cell's question and role: from the metadata assign wrote, else, for a check cell of the
    teacher's own notebook, from the question it declares."""
    tag = cell.get("metadata", {}).get("lotterylab", {})
    if tag or cell.cell_type != "code":
        return tag
    declared = [m for m in map(labsource.QUESTION.match, cell.source.splitlines()) if m]
    return {"question": declared[0].group(1), "role": "checks"} if len(declared) == 1 else {}


def _first_code(cell):
    """The cell's first line of code, for a reason that points at it: comments say less."""
    lines = [line.strip() for line in cell.source.splitlines() if line.strip()]
    code = [line for line in lines if not line.startswith("//")]
    return (code or lines or [""])[0][:80]


def _places(cells, questions):
    """For every question, the index of the cell its grading cell replaces or follows, and whether it replaces it."""
    checks, answers = {}, {}
    for index, cell in enumerate(cells):
        tag = _tag(cell)
        if tag.get("question") in questions and tag.get("role") == "checks":
            checks.setdefault(tag["question"], index)
        elif tag.get("question") in questions and tag.get("role") == "answer":
            answers[tag["question"]] = index
    return checks, {q: i for q, i in answers.items() if q not in checks}


def build(submission, manifest, token):
    """Returns (graded notebook, origins): origins[i] says where cell i comes from."""
    questions = {q["id"]: q for q in manifest["questions"]}
    checks, after = _places(submission.cells, questions)
    graded, origins, number = [], [], 0

    def add_grading_cell(qid):
        cell = nbformat.v4.new_code_cell(grading_source(questions[qid], token))
        cell.metadata["lotterylab"] = {"question": qid, "role": "grading"}
        graded.append(cell)
        origins.append(Origin(question=qid, summary=f"the checks of {qid}"))

    for index, cell in enumerate(submission.cells):
        number += cell.cell_type == "code"
        tag = _tag(cell)
        if tag.get("role") == "checks" and tag.get("question") in checks:
            if checks[tag["question"]] == index:
                add_grading_cell(tag["question"])
            continue  # a copy of a check cell: the question is graded once
        graded.append(cell)
        origins.append(Origin(student_cell=number if cell.cell_type == "code" else None, summary=_first_code(cell)))
        for qid in [q for q, i in after.items() if i == index]:
            add_grading_cell(qid)
    for qid in [q for q in questions if q not in checks and q not in after]:
        add_grading_cell(qid)

    notebook = nbformat.v4.new_notebook(metadata=submission.metadata)
    for cell in graded:
        cell.setdefault("id", uuid.uuid4().hex[:12])  # older notebooks have no cell ids; nbformat 4.5 needs them
    notebook.cells = graded
    return notebook, origins
