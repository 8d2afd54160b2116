"""environment/lab grade LAB SUBMISSIONS: grades a class.

    /usr/bin/python3 environment/classroom/grade.py LAB SUBMISSIONS [--out DIR] [--jobs N]
        [--time-limit SECONDS] [--memory-limit MIB]

SUBMISSIONS is a folder holding one notebook per student: STUDENT.ipynb, or STUDENT/ with the
notebook anywhere inside. Every submission runs in a kernel of its own, several at once (bounded by
the cores and the memory), each under a time and a memory limit, with the teacher's checks, hidden
ones included, in place of its check cells. Writes DIR/<lab>/gradebook.csv (student, question,
points, maximum, message), DIR/<lab>/STUDENT/feedback.html and DIR/<lab>/summary.html; DIR defaults
to $LAB_GRADES, else grades/ in the project. Every file is written whole; a submission graded
before (same file, same checks) is not graded again, so running the command again after an
interruption finishes the rest.
"""

import argparse
import json
import os
import re
import signal
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor, as_completed
from pathlib import Path

import assign
import files
import reports
import worker

HERE = Path(__file__).resolve().parent
STUDENT_NAME = re.compile(r"[\w.@+-]+")
# A worker that outlives its kernel's time limit by this much has hung itself: it is stopped.
WORKER_GRACE_S = 180


def grades_dir():
    return Path(os.environ.get("LAB_GRADES") or assign.ROOT / "grades")


def cores():
    return len(os.sched_getaffinity(0))


def available_mb():
    with open("/proc/meminfo") as info:
        for line in info:
            if line.startswith("MemAvailable:"):
                return int(line.split()[1]) / 1024
    return float("inf")


def default_jobs(memory_mb):
    """As many kernels as there are cores, and no more than the free memory holds."""
    return max(1, min(cores(), int(available_mb() // memory_mb)))


def find_submissions(folder, lab):
    """{student: notebook path} for every submission in folder, and {student: why it has none}."""
    folder = Path(folder)
    if not folder.is_dir():
        raise SystemExit(f"[lab] error: no folder '{folder}': SUBMISSIONS is a folder of STUDENT.ipynb files "
                         "or STUDENT/ folders")
    found, missing = {}, {}
    for entry in sorted(folder.iterdir()):
        if entry.name.startswith("."):
            continue
        student = entry.stem if entry.is_file() else entry.name
        if entry.is_file() and entry.suffix != ".ipynb":
            continue
        if not STUDENT_NAME.fullmatch(student):
            raise SystemExit(f"[lab] error: '{entry}' is not a usable student name: use letters, digits, '.', '_', "
                             "'-', '@' or '+'")
        if student in found or student in missing:
            raise SystemExit(f"[lab] error: two submissions for '{student}' in {folder}: keep one")
        if entry.is_file():
            found[student] = entry
            continue
        notebooks = sorted(p for p in entry.rglob("*.ipynb") if ".ipynb_checkpoints" not in p.parts)
        named = [p for p in notebooks if p.stem == lab]
        if len(notebooks) == 1 or len(named) == 1:
            found[student] = (named or notebooks)[0]
        else:
            missing[student] = (f"no notebook in {entry}" if not notebooks else
                                f"{len(notebooks)} notebooks in {entry} and none named {lab}.ipynb")
    return found, missing


def up_to_date(out, submission, manifest_sha):
    result = out / "result.json"
    if not result.exists():
        return None
    known = json.loads(result.read_text())
    fresh = known.get("submission_sha256") == files.sha256(submission) and known.get("manifest_sha256") == manifest_sha
    return known if fresh else None


def without_notebook(manifest, student, reason):
    return {"student": student, "submission": None, "lab": manifest["lab"], "status": "invalid", "reason": reason,
            "seconds": 0.0, "questions": worker.question_rows(manifest, {}, f"not graded: {reason}")}


def salvage(manifest, student, submission, out, why):
    """A result for a worker that failed: the verdicts it recorded before, and why it stopped."""
    verdicts = worker.read_progress(out / "progress.jsonl")
    result = {"student": student, "submission": str(submission), "submission_sha256": files.sha256(submission),
              "manifest_sha256": None,  # graded again next time
              "lab": manifest["lab"], "status": "stopped", "reason": why, "seconds": None,
              "questions": worker.question_rows(manifest, verdicts, f"not graded: {why}")}
    files.write_json(out / "result.json", result)
    files.write_text(out / "feedback.html", reports.feedback_html(result, None, []))
    return result


def kill_kernel(pid_file):
    """Stops the kernel a hung worker left behind (it leads a process group of its own)."""
    try:
        os.killpg(int(pid_file.read_text()), signal.SIGKILL)
    except (FileNotFoundError, ValueError, ProcessLookupError, PermissionError):
        pass


def run_worker(manifest_path, manifest, student, submission, out, args, threads):
    command = [sys.executable, str(HERE / "worker.py"), str(manifest_path), str(submission), str(out),
               "--student", student, "--time-limit", str(args.time_limit), "--memory-limit", str(args.memory_limit),
               "--threads", str(threads)]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                               start_new_session=True)
    try:
        _, errors = process.communicate(timeout=args.time_limit + WORKER_GRACE_S)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.communicate()
        kill_kernel(out / "kernel.pid")
        return salvage(manifest, student, submission, out, "the grader's worker hung and was stopped")
    result_path = out / "result.json"
    if process.returncode != 0 or not result_path.exists():
        last = (errors.strip().splitlines() or ["no message"])[-1]
        return salvage(manifest, student, submission, out, f"the grader failed on this submission: {last}")
    return json.loads(result_path.read_text())


def write_class(out, manifest, results):
    files.write_text(out / "gradebook.csv", reports.gradebook_csv(results))
    files.write_text(out / "summary.html", reports.summary_html(manifest, results))


def grade_class(submissions, out_root, jobs, time_limit, memory_limit, manifest_path):
    """Grades every submission not graded yet; returns the results of the whole class."""
    manifest = json.loads(Path(manifest_path).read_text())
    manifest_sha = files.sha256(manifest_path)
    out = Path(out_root) / manifest["lab"]
    found, missing = find_submissions(submissions, manifest["lab"])
    results = {s: without_notebook(manifest, s, why) for s, why in missing.items()}
    todo = []
    for student, notebook in found.items():
        known = up_to_date(out / student, notebook, manifest_sha)
        if known:
            results[student] = known
        else:
            todo.append(student)
    print(f"[grade] {manifest['lab']}: {len(found) + len(missing)} submissions, {len(found) - len(todo)} graded before, "
          f"{len(todo)} to grade, {jobs} at a time, {time_limit:g} s and {memory_limit:g} MiB each", flush=True)
    args = argparse.Namespace(time_limit=time_limit, memory_limit=memory_limit)
    threads = max(1, cores() // jobs)
    write_class(out, manifest, list(results.values()))
    with ThreadPoolExecutor(max_workers=jobs) as pool:
        futures = {pool.submit(run_worker, manifest_path, manifest, s, found[s], out / s, args, threads): s
                   for s in todo}
        for future in as_completed(futures):
            result = future.result()
            results[result["student"]] = result
            write_class(out, manifest, list(results.values()))
            why = f" — {result['reason']}" if result.get("reason") else ""
            print(f"[grade] {result['student']}: {reports.total(result):g} of {reports.maximum(result):g} points"
                  f" in {result.get('seconds')} s{why}", flush=True)
    return out, list(results.values())


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("lab")
    parser.add_argument("submissions", type=Path)
    parser.add_argument("--out", type=Path, default=None, help="default: $LAB_GRADES or grades/")
    parser.add_argument("--jobs", type=int, default=None, help="kernels at once (default: cores, within memory)")
    parser.add_argument("--time-limit", type=float, default=float(os.environ.get("LAB_GRADE_TIME_LIMIT", 1800)),
                        help="seconds per submission (default $LAB_GRADE_TIME_LIMIT or 1800)")
    parser.add_argument("--memory-limit", type=float, default=float(os.environ.get("LAB_GRADE_MEMORY_LIMIT", 4096)),
                        help="MiB per kernel (default $LAB_GRADE_MEMORY_LIMIT or 4096)")
    args = parser.parse_args()
    if args.jobs is not None and args.jobs < 1:
        raise SystemExit("[lab] error: --jobs must be at least 1")
    if not args.time_limit > 0:
        raise SystemExit(f"[lab] error: --time-limit must be a positive number of seconds, got {args.time_limit:g}")
    if not args.memory_limit >= 512:
        raise SystemExit(f"[lab] error: --memory-limit must be at least 512 MiB (a kernel needs that much to start), "
                         f"got {args.memory_limit:g}")
    source = assign.find_lab(args.lab)
    manifest_path = assign.classroom_dir() / source.stem / "grader.json"
    if not manifest_path.exists():
        print(f"[grade] no {manifest_path} yet: assigning {source.stem} first", flush=True)
        assign.assign(source, assign.classroom_dir())
    elif json.loads(manifest_path.read_text()).get("source_sha256") != files.sha256(source):
        print(f"[grade] note: {source} changed since it was assigned; grading with the checks of {manifest_path} "
              "(run `environment/lab assign` again to use the new ones)", flush=True)
    start = time.time()
    out, results = grade_class(args.submissions, args.out or grades_dir(),
                               args.jobs or default_jobs(args.memory_limit), args.time_limit, args.memory_limit,
                               manifest_path)
    print(f"[grade] done in {time.time() - start:.0f} s: {out / 'gradebook.csv'}, {out / 'summary.html'}, "
          f"feedback in {out}/STUDENT/feedback.html", flush=True)


if __name__ == "__main__":
    sys.exit(main())
