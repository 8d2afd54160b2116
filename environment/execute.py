"""Executes notebooks headlessly with the Lottery Lab kernel and exports them as HTML reports.

Run with Debian's /usr/bin/python3 (it has nbclient and nbconvert):

    /usr/bin/python3 environment/execute.py [--strict] [--index] REPORTS_DIR NOTEBOOK...

Each NOTEBOOK is executed top to bottom in its own folder and written to REPORTS_DIR as
<name>.html, the report (code folded, the run and its scorecard from REPORTS_DIR/<name>/results.json
summarised at the top; labreports/template/lotterylab), and <name>.ipynb, the executed notebook.
With --strict the first cell error stops everything and is printed (notebook, cell number, error);
without it every notebook runs and its status is recorded. With --index, REPORTS_DIR/index.html
lists every report with its profile, when it ran, its run time, its verdicts and, for a failed one,
the cell and first line of its error. The exit status is the number of notebooks that failed
(capped at 100).
"""

import argparse
import os
import re
import sys
import time
from pathlib import Path

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError, CellTimeoutError, DeadKernelError

from labreports import export, index, scorecard

KERNEL = "lotterylab"
ANSI = re.compile(r"\x1b\[[0-9;]*m")


def first_error(notebook):
    """The first cell whose output is an error: (code cell number, the cell's anchor in the report,
    the error's first line, its whole traceback), or None."""
    number = 0
    for position, cell in enumerate(notebook.cells):
        if cell.cell_type != "code":
            continue
        number += 1
        for output in cell.get("outputs", []):
            if output.get("output_type") == "error":
                traceback = ANSI.sub("", "\n".join(output.get("traceback", []))).strip()
                traceback = traceback or f"{output.get('ename', 'Error')}: {output.get('evalue', '')}"
                anchor = cell.get("id") or f"cell-{position}"
                return number, anchor, traceback.splitlines()[0], traceback
    return None


def write_atomically(target, text):
    """Writes a file so that a reader never sees half of it."""
    partial = target.with_name(target.name + ".tmp")
    partial.write_text(text, encoding="utf-8")
    partial.replace(target)


def execute(path, reports, strict, timeout):
    """Executes one notebook, writes its report and executed notebook; returns (status record, error detail)."""
    notebook = nbformat.read(path, as_version=4)
    client = NotebookClient(
        notebook,
        kernel_name=KERNEL,
        timeout=timeout,
        allow_errors=not strict,
        resources={"metadata": {"path": str(path.parent)}},
    )
    started = time.time()
    failure = None
    try:
        client.execute()
    except (CellExecutionError, CellTimeoutError, DeadKernelError) as error:
        failure = str(error)
    record = {
        "notebook": str(path),
        "report": f"{path.stem}.html",
        "executed": f"{path.stem}.ipynb",
        "profile": os.environ.get("LAB_PROFILE", "quick"),
        "started": started,
        "seconds": round(time.time() - started, 1),
        "status": "ok",
        "error": None,
        "error_cell": None,
        "error_anchor": None,
    }
    detail = failure
    located = first_error(notebook)
    if located is not None:  # the cell's own error output reads better than the client's summary
        record["error_cell"], record["error_anchor"], record["error"], detail = located
        detail = f"cell {located[0]}: {detail}"
    elif failure is not None:
        record["error"] = failure.strip().splitlines()[0] if failure.strip() else "the run failed"
    if detail is not None:
        record["status"] = "error"

    write_atomically(reports / record["executed"], nbformat.writes(notebook))
    card, missing = scorecard.read(reports / path.stem / "results.json", started)
    write_atomically(reports / record["report"], export.html(notebook, record, card, missing))
    return record, detail


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--strict", action="store_true", help="stop at the first cell error")
    parser.add_argument("--index", action="store_true", help="write index.html")
    parser.add_argument("--timeout", type=int, default=3600, help="seconds allowed per cell")
    parser.add_argument("reports")
    parser.add_argument("notebooks", nargs="+")
    args = parser.parse_args()

    reports = Path(args.reports)
    reports.mkdir(parents=True, exist_ok=True)
    records = []
    for name in args.notebooks:
        path = Path(name).resolve()
        print(f"[lab] executing {path.name} ...", flush=True)
        record, detail = execute(path, reports, args.strict, args.timeout)
        records.append(record)
        print(f"[lab] {path.name}: {record['status']} in {record['seconds']} s -> {reports / record['report']}", flush=True)
        if detail:
            print(f"[lab] {path.name} failed at {detail}", file=sys.stderr, flush=True)
            if args.strict:
                break
    if args.index:
        index.write(reports, records)
    failed = sum(r["status"] != "ok" for r in records)
    print(f"notebooks: {len(records) - failed} passed, {failed} failed", flush=True)
    sys.exit(min(failed, 100))


if __name__ == "__main__":
    main()
