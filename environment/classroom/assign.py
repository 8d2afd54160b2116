"""environment/lab assign LAB: the student version of a lab and what the grader needs.

    /usr/bin/python3 environment/classroom/assign.py LAB [--out DIR]

LAB is a teacher's notebook (a path, or the name of one in notebooks/labs/). Writes
DIR/<lab>/student/<lab>.ipynb, the notebook to hand out (solutions replaced by a stub that throws
"not answered yet", hidden checks removed, outputs cleared), and DIR/<lab>/grader.json, what
`environment/lab grade` needs (hidden checks included: keep it from students). DIR defaults to
$LAB_CLASSROOM, else classroom/ in the project.
"""

import argparse
import os
import sys
from pathlib import Path

import nbformat

import files
import labsource

ROOT = Path(__file__).resolve().parents[2]
LABS = ROOT / "notebooks" / "labs"


def classroom_dir():
    """Where assign writes, from LAB_CLASSROOM or the project's classroom/."""
    return Path(os.environ.get("LAB_CLASSROOM") or ROOT / "classroom")


def find_lab(name):
    """The teacher's notebook that name means: a path to one, or a lab's name in notebooks/labs."""
    path = Path(name)
    if path.suffix == ".ipynb" and path.is_file():
        return path.resolve()
    candidate = LABS / f"{path.stem}.ipynb"
    if candidate.is_file():
        return candidate
    known = ", ".join(sorted(p.stem for p in LABS.glob("*.ipynb"))) or "none"
    raise SystemExit(f"[lab] error: no lab '{name}'; give a notebook's path or one of: {known}")


def assign(source, out):
    """Writes the student version and the grader's manifest of the lab at source under out/<lab>/.

    Returns (student notebook path, manifest path, the parsed lab)."""
    source = Path(source)
    name = source.stem
    digest = files.sha256(source)
    try:
        lab = labsource.read(source, name)
    except labsource.LabSourceError as error:
        raise SystemExit(f"[lab] error: {error}")
    target = Path(out) / name
    student = target / "student" / f"{name}.ipynb"
    grader = target / "grader.json"
    files.write_text(student, nbformat.writes(labsource.student_version(lab, digest)))
    files.write_json(grader, labsource.manifest(lab, source, digest))
    return student, grader, lab


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("lab")
    parser.add_argument("--out", type=Path, default=None, help="default: $LAB_CLASSROOM or classroom/")
    args = parser.parse_args()
    student, grader, lab = assign(find_lab(args.lab), args.out or classroom_dir())
    points = ", ".join(f"{q.id} {q.points:g}" for q in lab.questions)
    print(f"[lab] {lab.name}: {len(lab.questions)} questions, {lab.total_points:g} points ({points})")
    print(f"[lab] student version (hand this out): {student}")
    print(f"[lab] for the grader (keep it; it holds the hidden checks): {grader}")


if __name__ == "__main__":
    sys.exit(main())
