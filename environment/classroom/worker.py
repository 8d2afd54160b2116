"""Grades one submission in a kernel of its own, under a time and a memory limit.

    /usr/bin/python3 environment/classroom/worker.py MANIFEST SUBMISSION OUT_DIR --student NAME
        [--time-limit S] [--memory-limit MIB] [--threads N] [--kernel NAME]

Writes OUT_DIR/result.json (the points of every question and, when the run stopped early, why),
OUT_DIR/graded.ipynb and OUT_DIR/feedback.html, each atomically; OUT_DIR/progress.jsonl gets each
verdict as it comes, so the points earned before a crash of the grader itself are kept.
"""

import argparse
import json
import os
import secrets
import shutil
import sys
import time
from pathlib import Path

import nbformat
from nbformat import ValidationError
from nbformat.reader import NotJSONError
from nbclient import NotebookClient
from nbclient.exceptions import DeadKernelError

import files
import gradednotebook
import kernelspecs
import limits
import reports

VERDICT_MIME = "application/vnd.lotterylab.grade+json"
GRADING_KERNEL = "lotterylab-grading"


def why_invalid(error):
    """What is wrong with a file that is not a notebook, in a few words."""
    if isinstance(error, NotJSONError):
        return "the file is not JSON: cut short or damaged?"
    if isinstance(error, ValidationError):
        return f"not in Jupyter's notebook format: {error.message[:160]}"
    return f"{type(error).__name__}: {str(error).splitlines()[0][:160] if str(error) else ''}"


def question_rows(manifest, verdicts, unreached):
    """One row per question of the manifest: points earned, maximum, outcome and message."""
    rows = []
    for question in manifest["questions"]:
        verdict = verdicts.get(question["id"])
        if verdict is None:
            verdict = {"passed": False, "outcome": "not graded", "message": unreached}
        rows.append({
            "question": question["id"],
            "title": question["title"],
            "points": question["points"] if verdict["passed"] else 0,
            "maximum": question["points"],
            "outcome": verdict["outcome"],
            "message": verdict["message"],
        })
    return rows


def read_verdict(cell, token, qid):
    """The verdict a grading cell returned, or a failed one saying why there is none."""
    for output in cell.get("outputs", []):
        if output.get("output_type") != "execute_result":
            continue
        data = output.get("data", {}).get(VERDICT_MIME)
        if isinstance(data, str):
            data = json.loads(data)
        if isinstance(data, dict) and data.get("token") == token and data.get("question") == qid:
            return {"passed": bool(data["passed"]), "outcome": data["outcome"], "message": data["message"],
                    "checks": data.get("checks", [])}
    for output in cell.get("outputs", []):
        if output.get("output_type") == "error":
            lines = [line for line in output.get("traceback", []) if line.strip()]
            detail = " ".join(lines[:2]) if lines else f"{output.get('ename')}: {output.get('evalue')}"
            return {"passed": False, "outcome": "error",
                    "message": f"the checks could not run (was a name of the lab redefined?): {detail[:300]}"}
    return {"passed": False, "outcome": "error", "message": "the checks gave no verdict"}


def error_of(cell):
    """The first error a cell's outputs show, in one line, or None."""
    for output in cell.get("outputs", []):
        if output.get("output_type") == "error":
            first_line = (str(output.get("evalue") or "").splitlines() or [""])[0]
            return f"{output.get('ename')}: {first_line}"[:240]
    return None


def where(origin):
    if origin.question:
        return f"the checks of {origin.question}"
    return f"code cell {origin.student_cell} of the submission (`{origin.summary}`)"


def death_reason(client, log_path, origin):
    """Why the kernel died on its own: a full Java heap, System.exit, or a signal."""
    process = client.km.provisioner.process if client.km and client.km.provisioner else None
    code = None
    if process is not None:
        try:
            code = process.wait(timeout=5)
        except Exception:  # still alive or not ours: the code stays unknown
            code = None
    log = Path(log_path).read_text(errors="replace") if Path(log_path).exists() else ""
    if "Terminating due to java.lang.OutOfMemoryError" in log:  # -XX:+ExitOnOutOfMemoryError's last words
        return f"ran out of memory (the Java heap is full) while running {where(origin)}"
    if code is not None and code < 0:
        return f"the kernel was killed by signal {-code} while running {where(origin)} (out of the machine's memory?)"
    status = "" if code is None else f" with status {code}"
    return f"the kernel exited{status} while running {where(origin)}; does the code call System.exit?"


def grading_kernel(work, kernel, memory_mb):
    """Installs, for this worker only, the kernel `kernel` with the grader's heap and its temporary files
    in the scratch folder (removed after grading); returns its name."""
    jupyter, temp = work / "jupyter", work / "tmp"
    temp.mkdir()
    spec = kernelspecs.with_heap(kernelspecs.installed(kernel), limits.heap_mb(memory_mb))
    kernelspecs.write(kernelspecs.with_temp_dir(spec, temp), jupyter, GRADING_KERNEL)
    os.environ["JUPYTER_PATH"] = os.pathsep.join(filter(None, [str(jupyter), os.environ.get("JUPYTER_PATH")]))
    return GRADING_KERNEL


def kernel_environment(work, threads):
    env = dict(os.environ)
    env["OMP_NUM_THREADS"] = str(threads)
    # Runs and reports of a submission stay in its scratch folder, away from the project's.
    env["LAB_RUNS"] = str(work / "runs")
    env["LAB_REPORTS"] = str(work / "reports")
    return env


def read_progress(progress):
    """The verdicts recorded so far, by question: what survives a run that ended in an unexpected way."""
    verdicts = {}
    if Path(progress).exists():
        for line in Path(progress).read_text().splitlines():
            if line.strip():
                verdict = json.loads(line)
                verdicts[verdict["question"]] = verdict
    return verdicts


def execute_cells(client, graded, origins, token, progress, watchdog, log_path):
    """Runs the cells in order, recording each verdict as it comes; returns (verdicts, the reason the
    run stopped early or None, the student's cells that failed)."""
    verdicts, failed = {}, []
    for index, cell in enumerate(graded.cells):
        origin = origins[index]
        try:
            client.execute_cell(cell, index)
        except DeadKernelError:
            stopped = f"{watchdog.reason} while running {where(origin)}" if watchdog.reason else None
            return verdicts, stopped or death_reason(client, log_path, origin), failed
        if origin.question:
            verdicts[origin.question] = read_verdict(cell, token, origin.question)
            with open(progress, "a") as line:
                line.write(json.dumps({"question": origin.question, **verdicts[origin.question]}) + "\n")
        elif error_of(cell):
            failed.append({"cell": origin.student_cell, "code": origin.summary, "error": error_of(cell)})
    return verdicts, None, failed


def run_notebook(graded, origins, token, out, time_limit, memory_mb, threads, kernel):
    """Executes the graded notebook in a kernel of its own under the limits; returns what execute_cells does."""
    work = out / "work"
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    progress = out / "progress.jsonl"
    progress.unlink(missing_ok=True)
    log_path = out / "kernel.log"
    client = NotebookClient(graded, kernel_name=grading_kernel(work, kernel, memory_mb),
                            timeout=int(time_limit) + 30, allow_errors=True,
                            shutdown_kernel="immediate", startup_timeout=120,
                            resources={"metadata": {"path": str(work)}})
    outcome = {}, None, []
    with open(log_path, "w") as log:
        watchdog = None
        try:
            with client.setup_kernel(env=kernel_environment(work, threads), stdout=log, stderr=log):
                pid = client.km.provisioner.pid
                # Should this worker itself hang, grade.py stops the kernel by this pid.
                (out / "kernel.pid").write_text(str(pid))
                watchdog = limits.Watchdog(pid, time_limit, memory_mb)
                watchdog.start()
                outcome = execute_cells(client, graded, origins, token, progress, watchdog, log_path)
        except Exception as error:  # the kernel did not start, or the client lost it
            outcome = read_progress(progress), f"the grader could not run the notebook: {type(error).__name__}: {error}", []
        finally:
            if watchdog:
                watchdog.stop()
    (out / "kernel.pid").unlink(missing_ok=True)
    shutil.rmtree(work, ignore_errors=True)
    return outcome


def grade(manifest_path, submission, out, student, time_limit, memory_mb, threads, kernel=kernelspecs.KERNEL):
    """Grades one submission and writes its result, graded notebook and feedback; returns the result."""
    manifest = json.loads(Path(manifest_path).read_text())
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    started = time.time()
    result = {"student": student, "submission": str(submission), "submission_sha256": files.sha256(submission),
              "manifest_sha256": files.sha256(manifest_path), "lab": manifest["lab"]}
    try:
        notebook = nbformat.read(str(submission), as_version=4)
        nbformat.validate(notebook)
    except Exception as error:
        reason = f"not a valid notebook ({why_invalid(error)}); submit the .ipynb file that Jupyter saved"
        result.update(status="invalid", reason=reason, seconds=0.0,
                      questions=question_rows(manifest, {}, "not graded: " + reason))
        files.write_json(out / "result.json", result)
        files.write_text(out / "feedback.html", reports.feedback_html(result, None, []))
        return result

    token = secrets.token_hex(16)
    graded, origins = gradednotebook.build(notebook, manifest, token)
    verdicts, reason, failed = run_notebook(graded, origins, token, out, time_limit, memory_mb, threads, kernel)
    result.update(status="stopped" if reason else "graded", reason=reason, seconds=round(time.time() - started, 1),
                  questions=question_rows(manifest, verdicts, f"not graded: {reason}"), failed_cells=failed)
    files.write_text(out / "graded.ipynb", nbformat.writes(graded))
    files.write_text(out / "feedback.html", reports.feedback_html(result, graded, origins))
    files.write_json(out / "result.json", result)
    return result


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("manifest")
    parser.add_argument("submission")
    parser.add_argument("out")
    parser.add_argument("--student", required=True)
    parser.add_argument("--time-limit", type=float, default=1800)
    parser.add_argument("--memory-limit", type=float, default=4096)
    parser.add_argument("--threads", type=int, default=1)
    parser.add_argument("--kernel", default=kernelspecs.KERNEL, help="the installed kernel to grade with")
    args = parser.parse_args()
    result = grade(args.manifest, args.submission, args.out, args.student, args.time_limit, args.memory_limit,
                   args.threads, args.kernel)
    earned = sum(q["points"] for q in result["questions"])
    print(f"{args.student}: {earned:g} points{'; ' + result['reason'] if result['reason'] else ''}", flush=True)


if __name__ == "__main__":
    sys.exit(main())
