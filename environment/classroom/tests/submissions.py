"""Submissions the tests grade, made from a student version the way a student would: answering the
stubs, adding cells, or damaging the file."""

import copy
import sys
from pathlib import Path

import nbformat

# The classroom scripts and these helpers, however the tests are started.
sys.path[:0] = [str(Path(__file__).resolve().parents[1]), str(Path(__file__).resolve().parent)]

import labsource  # noqa: E402

STUB = "\n".join(labsource.STUB)


def _cells(notebook, qid, role):
    return [c for c in notebook.cells if c.get("metadata", {}).get("lotterylab") == {"question": qid, "role": role}]


def answered(student, answers):
    """The student version with the stubs of the given questions replaced: {question: Java code}."""
    notebook = copy.deepcopy(student)
    for qid, code in answers.items():
        cells = [c for c in _cells(notebook, qid, "answer") if STUB in _dedented(c.source)]
        if not cells:
            raise ValueError(f"no stub of {qid} to answer")
        cells[0].source = _replace_stub(cells[0].source, code)
    return notebook


def _dedented(source):
    return "\n".join(line.strip() for line in source.splitlines())


def _replace_stub(source, code):
    lines = source.splitlines()
    for i, line in enumerate(lines):
        if line.strip() == labsource.STUB[0] and lines[i + 1].strip() == labsource.STUB[1]:
            indent = line[: len(line) - len(line.lstrip())]
            return "\n".join(lines[:i] + [indent + c for c in code.splitlines()] + lines[i + 2:])
    raise ValueError("no stub in the cell")


def with_solution(teacher_path, qid, code):
    """The teacher's notebook with the solution of one question replaced by other code."""
    lab = labsource.read(teacher_path, Path(teacher_path).stem)
    question = next(q for q in lab.questions if q.id == qid)
    notebook = copy.deepcopy(lab.notebook)
    cell = notebook.cells[question.answer_cells[0]]
    lines = cell.source.splitlines()
    start = next(i for i, line in enumerate(lines) if labsource.BEGIN_SOLUTION.match(line))
    stop = next(i for i, line in enumerate(lines) if labsource.END_SOLUTION.match(line))
    indent = labsource.BEGIN_SOLUTION.match(lines[start]).group(1)
    cell.source = "\n".join(lines[:start] + [indent + c for c in code.splitlines()] + lines[stop + 1:])
    return notebook


def with_cell_after(notebook, qid, code):
    """A copy with a code cell added right after the check cell of qid."""
    notebook = copy.deepcopy(notebook)
    check = _cells(notebook, qid, "checks")[0]
    notebook.cells.insert(notebook.cells.index(check) + 1, nbformat.v4.new_code_cell(code))
    return notebook


def write(folder, student, notebook):
    path = Path(folder) / f"{student}.ipynb"
    nbformat.write(notebook, str(path))
    return path
