"""What grading produces for people: the gradebook (CSV), a feedback page per student, the class summary."""

import copy
import csv
import html
import io
import re
import statistics

from nbconvert import HTMLExporter

STYLE = """<style>
.lab-grade{font-family:sans-serif;margin:1.5em auto;max-width:1100px}
.lab-grade table{border-collapse:collapse;margin:.5em 0}
.lab-grade td,.lab-grade th{border-bottom:1px solid #ddd;padding:.3em .8em;text-align:left;vertical-align:top}
.lab-grade .full{color:#2a7}.lab-grade .zero{color:#c33}.lab-grade .reason{background:#fee;padding:.6em;border-left:4px solid #c33}
</style>"""


def total(result):
    return sum(q["points"] for q in result["questions"])


def maximum(result):
    return sum(q["maximum"] for q in result["questions"])


def gradebook_csv(results):
    """The gradebook: one row per student and question (student, question, points, maximum, message)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["student", "question", "points", "maximum", "message"])
    for result in sorted(results, key=lambda r: r["student"]):
        for q in result["questions"]:
            writer.writerow([result["student"], q["question"], f"{q['points']:g}", f"{q['maximum']:g}", q["message"]])
    return out.getvalue()


def _score_table(result):
    rows = "".join(
        f"<tr><td>{html.escape(q['question'])}</td><td>{html.escape(q['title'])}</td>"
        f"<td class='{'full' if q['points'] == q['maximum'] else 'zero'}'>{q['points']:g} / {q['maximum']:g}</td>"
        f"<td>{html.escape(q['message'])}</td></tr>"
        for q in result["questions"])
    return ("<table><tr><th>question</th><th>asks</th><th>points</th><th>what the checks found</th></tr>"
            f"{rows}</table>")


def feedback_html(result, graded, origins):
    """A student's feedback: the score of every question with the checks' message, then the graded
    notebook with its outputs (the grader's check code is not shown, only its verdicts)."""
    reason = (f"<p class='reason'>Grading stopped early: {html.escape(result['reason'])}. Questions after that point "
              "were not graded.</p>" if result.get("reason") else "")
    failed = "".join(f"<li>code cell {f['cell']} (<code>{html.escape(f['code'])}</code>): {html.escape(f['error'])}</li>"
                     for f in result.get("failed_cells", []))
    failed = f"<p>Cells of yours that failed:</p><ul>{failed}</ul>" if failed else ""
    header = (f"<div class='lab-grade'><h1>{html.escape(result['lab'])}: feedback for {html.escape(result['student'])}</h1>"
              f"<p><b>{total(result):g} of {maximum(result):g} points.</b></p>{reason}{_score_table(result)}{failed}</div>")
    if graded is None:
        return f"<!doctype html><meta charset='utf-8'><title>{html.escape(result['student'])}</title>{STYLE}{header}"
    shown = copy.deepcopy(graded)
    for cell, origin in zip(shown.cells, origins):
        if origin.question:
            cell.source = f"// The grader's checks of {origin.question} (hidden checks included; code not shown)"
    body, _ = HTMLExporter().from_notebook_node(shown)
    return re.sub(r"(<body[^>]*>)", lambda m: m.group(1) + STYLE + header, body, count=1)


def _histogram_svg(totals, top):
    """Bars of how many students have each total (rounded down to a whole point)."""
    bins = list(range(int(top) + 1))
    counts = [sum(1 for t in totals if int(t) == b) for b in bins]
    width, height, bar, top = 40 * len(bins) + 40, 180, 30, 20  # top: room for the tallest bar's count
    peak = max(counts + [1])
    parts = [f"<svg xmlns='http://www.w3.org/2000/svg' width='{width}' height='{height + top + 30}' role='img' "
             "aria-label='score distribution'>"]
    for i, (b, c) in enumerate(zip(bins, counts)):
        h = height * c / peak
        x = 30 + 40 * i
        parts.append(f"<rect x='{x}' y='{top + height - h}' width='{bar}' height='{h}' fill='#4a7ab5'/>")
        parts.append(f"<text x='{x + bar / 2}' y='{top + height + 15}' font-size='11' text-anchor='middle'>{b}</text>")
        if c:
            parts.append(f"<text x='{x + bar / 2}' y='{top + height - h - 5}' font-size='11' text-anchor='middle'>{c}</text>")
    parts.append("</svg>")
    return "".join(parts)


def summary_html(manifest, results):
    """The class at a glance: score distribution, each question's pass rate, every student's row."""
    results = sorted(results, key=lambda r: r["student"])
    top = manifest["total_points"]
    totals = [total(r) for r in results]
    questions = manifest["questions"]
    stats = ""
    if totals:
        stats = (f"<p>{len(results)} submissions · mean {statistics.mean(totals):.1f} · median "
                 f"{statistics.median(totals):g} · of {top:g} points · {sum(r.get('reason') is not None for r in results)} "
                 "stopped early or invalid</p>")
    per_question = "".join(
        f"<tr><td>{html.escape(q['id'])}</td><td>{html.escape(q['title'])}</td><td>{q['points']:g}</td>"
        f"<td>{sum(1 for r in results for x in r['questions'] if x['question'] == q['id'] and x['points'] > 0)}"
        f" of {len(results)}</td></tr>" for q in questions)
    head = "".join(f"<th>{html.escape(q['id'])}</th>" for q in questions)
    rows = []
    for r in results:
        cells = "".join(f"<td class='{'full' if x['points'] == x['maximum'] else 'zero'}'>{x['points']:g}</td>"
                        for x in r["questions"])
        link = f"<a href='{html.escape(r['student'])}/feedback.html'>{html.escape(r['student'])}</a>"
        rows.append(f"<tr><td>{link}</td><td><b>{total(r):g}</b></td>{cells}"
                    f"<td>{html.escape(r.get('reason') or '')}</td></tr>")
    return (f"<!doctype html><meta charset='utf-8'><title>{html.escape(manifest['lab'])}: grades</title>{STYLE}"
            f"<div class='lab-grade'><h1>{html.escape(manifest['lab'])}: grades</h1>{stats}"
            f"<h2>Score distribution</h2>{_histogram_svg(totals, top)}"
            "<h2>Questions</h2><table><tr><th>question</th><th>asks</th><th>points</th><th>earned by</th></tr>"
            f"{per_question}</table>"
            f"<h2>Students</h2><table><tr><th>student</th><th>total</th>{head}<th>stopped early because</th></tr>"
            f"{''.join(rows)}</table></div>")
