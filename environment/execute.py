"""Executes notebooks headlessly with the Lottery Lab kernel and exports them as HTML reports.

Run with Debian's /usr/bin/python3 (it has nbclient and nbconvert):

    /usr/bin/python3 environment/execute.py [--strict] [--index] REPORTS_DIR NOTEBOOK...

Each NOTEBOOK is executed top to bottom in its own folder and written to
REPORTS_DIR/<name>.html. With --strict the first cell error stops everything and is printed
(notebook, cell number, error); without it every notebook runs and its status is recorded.
With --index, REPORTS_DIR/index.html links every report with its run time, status and the
verdicts of its scorecard's claims (read from REPORTS_DIR/<name>/results.json).
The exit status is the number of notebooks that failed (capped at 100).
"""

import argparse
import html
import json
import os
import sys
import time
from collections import Counter
from pathlib import Path

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError, CellTimeoutError, DeadKernelError
from nbconvert import HTMLExporter

KERNEL = "lotterylab"
STATUS_FILE = "status.json"


def first_error(notebook):
    """Returns (cell number, error text) of the first cell whose output is an error, or None."""
    code_cells = [c for c in notebook.cells if c.cell_type == "code"]
    for number, cell in enumerate(code_cells, start=1):
        for output in cell.get("outputs", []):
            if output.get("output_type") == "error":
                traceback = "\n".join(output.get("traceback", []))
                return number, traceback or f"{output.get('ename', 'Error')}: {output.get('evalue', '')}"
    return None


def execute(path, reports, strict, timeout):
    """Executes one notebook, writes its HTML report and returns its status record."""
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
    seconds = time.time() - started
    located = first_error(notebook)
    if located is not None:  # the cell's own error output reads better than the client's summary
        failure = f"cell {located[0]}: {located[1]}"

    body, _ = HTMLExporter().from_notebook_node(notebook)
    target = reports / f"{path.stem}.html"
    partial = target.with_suffix(".html.tmp")
    partial.write_text(body, encoding="utf-8")
    partial.replace(target)  # atomic: a reader never sees half a report
    return {
        "notebook": str(path),
        "report": target.name,
        "seconds": round(seconds, 1),
        "status": "ok" if failure is None else "error",
        "error": failure,
        "profile": os.environ.get("LAB_PROFILE", "quick"),
    }


def verdict_counts(results):
    """Counts a results.json's claims by verdict, e.g. '3 holds, 1 inconclusive'; '' when unreadable.

    A verdict decided by one run's boolean (no interval) is counted apart, as '(one run)'; claims
    written before verdicts existed carry only a boolean 'holds' and count the same way."""
    try:
        claims = json.loads(results.read_text(encoding="utf-8")).get("claims", [])
    except (OSError, ValueError):
        return ""

    def label(claim):
        if "verdict" in claim and "decided_by" not in claim:
            return claim["verdict"]
        return ("holds" if claim.get("holds") else "fails") + " (one run)"

    counts = Counter(label(c) for c in claims)
    return ", ".join(f"{n} {verdict}" for verdict, n in counts.most_common())


def write_index(reports, records):
    """Writes index.html (and status.json) listing every report with its time and status."""
    known = {}
    status_path = reports / STATUS_FILE
    if status_path.exists():
        known = {r["report"]: r for r in json.loads(status_path.read_text())}
    known.update({r["report"]: r for r in records})
    rows = sorted(known.values(), key=lambda r: r["report"])
    status_path.write_text(json.dumps(rows, indent=2))
    lines = [
        "<!doctype html><meta charset='utf-8'><title>Lottery Lab reports</title>",
        "<style>body{font-family:sans-serif;margin:2em}td,th{padding:.3em 1em;text-align:left}"
        ".ok{color:#2a7}.error{color:#c33}</style>",
        "<h1>Lottery Lab reports</h1><table><tr><th>notebook</th><th>profile</th>"
        "<th>seconds</th><th>status</th><th>claims</th><th>results</th></tr>",
    ]
    for r in rows:
        name = html.escape(r["report"])
        results = Path(r["report"]).stem + "/results.json"
        found = (reports / results).exists()
        link = f"<a href='{html.escape(results)}'>results.json</a>" if found else ""
        claims = html.escape(verdict_counts(reports / results)) if found else ""
        lines.append(
            f"<tr><td><a href='{name}'>{html.escape(Path(r['notebook']).name)}</a></td>"
            f"<td>{html.escape(r['profile'])}</td><td>{r['seconds']}</td>"
            f"<td class='{r['status']}'>{r['status']}</td><td>{claims}</td><td>{link}</td></tr>"
        )
    lines.append("</table>")
    (reports / "index.html").write_text("\n".join(lines), encoding="utf-8")


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
        record = execute(path, reports, args.strict, args.timeout)
        records.append(record)
        print(f"[lab] {path.name}: {record['status']} in {record['seconds']} s -> {reports / record['report']}", flush=True)
        if record["error"]:
            print(f"[lab] {path.name} failed at {record['error']}", file=sys.stderr, flush=True)
            if args.strict:
                break
    if args.index:
        write_index(reports, records)
    failed = sum(r["status"] != "ok" for r in records)
    print(f"notebooks: {len(records) - failed} passed, {failed} failed", flush=True)
    sys.exit(min(failed, 100))


if __name__ == "__main__":
    main()
