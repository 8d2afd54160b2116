"""A notebook's HTML report with the Lottery Lab template (template/lotterylab): folded code, the
run and its scorecard summarised at the top."""

import time
from pathlib import Path

from nbconvert import HTMLExporter

from . import scorecard
from .numbers import readable

TEMPLATES = Path(__file__).parent / "template"


def when(seconds):
    """A moment as a reader wants it: local time with its zone, e.g. '2026-12-05 07:31 UTC'."""
    return time.strftime("%Y-%m-%d %H:%M %Z", time.localtime(seconds))


def duration(seconds):
    """e.g. '21 s', '3 min 05 s', '1 h 02 min'."""
    seconds = round(seconds)
    if seconds < 60:
        return f"{seconds} s"
    if seconds < 3600:
        return f"{seconds // 60} min {seconds % 60:02d} s"
    return f"{seconds // 3600} h {seconds % 3600 // 60:02d} min"


def summary(record, card, missing):
    """What the report's header shows: the run (a status record of execute.py) and its scorecard."""
    lab = {
        "profile": record["profile"],
        "started": when(record["started"]),
        "duration": duration(record["seconds"]),
        "status": record["status"],
        "error": None,
        "scorecard": None,
        "scorecard_missing": missing,
        "results_href": None,
        "notebook_href": record["executed"],
    }
    if record.get("error_anchor"):
        lab["error"] = {"anchor": record["error_anchor"], "cell": f"cell {record['error_cell']}",
                        "first_line": record["error"]}
    if card is not None:
        lab["results_href"] = f"{Path(record['report']).stem}/{card.path.name}"
        lab["scorecard"] = {
            "counts": card.counts_text(),
            "stale": card.stale,
            "written": when(card.written),
            "has_evidence": any("interval" in c for c in card.claims),
            "claims": [claim_row(c) for c in card.claims],
        }
    return lab


def claim_row(claim):
    """One claim of results.json as the summary's table shows it, numbers rounded for reading."""
    interval = claim.get("interval")
    estimate = readable(claim.get("estimate"))
    if isinstance(interval, list) and len(interval) == 2:
        estimate += f" [{readable(interval[0])}, {readable(interval[1])}]"
    return {
        "claim": claim.get("claim", claim.get("id", "")),
        "paper": claim.get("paper", ""),
        "ours": readable(claim.get("ours")),
        "estimate": estimate.strip(),
        "n": readable(claim.get("n")),
        "verdict": scorecard.verdict(claim),
        "label": scorecard.label(claim),
    }


def html(notebook, record, card, missing):
    """The report of an executed notebook, as one HTML page."""
    exporter = HTMLExporter(template_name="lotterylab", extra_template_basedirs=[str(TEMPLATES)])
    body, _ = exporter.from_notebook_node(notebook, resources={"lab": summary(record, card, missing)})
    return body
