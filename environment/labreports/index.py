"""reports/index.html: every notebook's report with its profile, when it ran, how long it took, its
verdicts, and for a failed one the cell and first line of the error; reports/status.json keeps the
records across runs (one per notebook, the latest)."""

import html
import json
from collections import Counter
from pathlib import Path

from . import scorecard
from .export import duration, when

STATUS_FILE = "status.json"

STYLE = """body{font-family:sans-serif;margin:2em;color:#1f2328}
table{border-collapse:collapse}td,th{padding:.35em .9em;text-align:left;vertical-align:top;border-bottom:1px solid #d0d7de}
.ok,.holds{color:#1a7f37}.error,.fails,.error a{color:#cf222e}.inconclusive,.note{color:#9a6700}
.detail{font-size:.9em;font-family:monospace}.num{text-align:right}"""


def load(reports):
    """The records of earlier runs, by report name."""
    status = Path(reports) / STATUS_FILE
    if not status.exists():
        return {}
    return {r["report"]: r for r in json.loads(status.read_text(encoding="utf-8"))}


def write(reports, records):
    """Merges this run's records into status.json and writes index.html from all of them."""
    reports = Path(reports)
    known = load(reports)
    known.update({r["report"]: r for r in records})
    rows = sorted(known.values(), key=lambda r: r["report"])
    (reports / STATUS_FILE).write_text(json.dumps(rows, indent=2), encoding="utf-8")
    (reports / "index.html").write_text(page(reports, rows), encoding="utf-8")


def page(reports, rows):
    """The index page's HTML."""
    lines = [
        "<!doctype html><html lang='en'><meta charset='utf-8'><title>Lottery Lab reports</title>",
        f"<style>{STYLE}</style>",
        "<h1>Lottery Lab reports</h1>",
    ]
    profiles = Counter(r.get("profile", "?") for r in rows)
    if len(profiles) > 1:
        mixed = ", ".join(f"{p} ({n})" for p, n in sorted(profiles.items()))
        lines.append(f"<p class='note'>These reports come from different profiles: {html.escape(mixed)}. "
                     "Compare numbers within one profile only.</p>")
    lines.append("<table><tr><th>notebook</th><th>profile</th><th>ran</th><th>run time</th><th>status</th>"
                 "<th>claims</th><th>results</th></tr>")
    lines.extend(row(reports, r) for r in rows)
    lines.append("</table></html>")
    return "\n".join(lines)


def row(reports, record):
    """One notebook's line of the index."""
    report = html.escape(record["report"])
    started = record.get("started")
    status = record["status"]
    status_cell = f"<span class='{html.escape(status)}'>{html.escape(status)}</span>"
    if record.get("error"):
        where = f"cell {record['error_cell']}" if record.get("error_cell") else "the run"
        if record.get("error_anchor"):
            where = f"<a href='{report}#{html.escape(record['error_anchor'])}'>{where}</a>"
        status_cell += f"<div class='detail error'>{where}: {html.escape(record['error'])}</div>"
    results = Path(record["report"]).stem + "/results.json"
    card, _ = scorecard.read(reports / results, started)
    claims, link = "", ""
    if card is not None:
        claims = " · ".join(f"<span class='{html.escape(v.split()[0])}'>{n} {html.escape(v)}</span>"
                            for v, n in card.counts())
        claims = claims or "no claims"
        if card.stale:
            claims += "<div class='detail note'>from an earlier run</div>"
        link = f"<a href='{html.escape(results)}'>results.json</a>"
    return (f"<tr><td><a href='{report}'>{html.escape(Path(record['notebook']).name)}</a></td>"
            f"<td>{html.escape(record.get('profile', '?'))}</td>"
            f"<td>{html.escape(when(started)) if started else '—'}</td>"
            f"<td class='num'>{html.escape(duration(record['seconds']))}</td>"
            f"<td>{status_cell}</td><td>{claims}</td><td>{link}</td></tr>")
