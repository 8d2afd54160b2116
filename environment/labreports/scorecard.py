"""A notebook's scorecard as it wrote it to reports/<notebook>/results.json (org.lotterylab.report.Scorecard)."""

import json
import os
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

# The verdicts in the order a reader scans them. A claim carries "verdict" where the library
# writes one; older results.json files carry only the boolean "holds".
VERDICTS = ("holds", "fails", "inconclusive")


def verdict(claim):
    """One claim's verdict: its 'verdict' field when present, else 'holds' or 'fails' from 'holds'."""
    stated = claim.get("verdict")
    if stated:
        return str(stated)
    return "holds" if claim.get("holds") else "fails"


def label(claim):
    """The verdict as a reader sees it: one decided by a single run's boolean, without an interval
    (the library writes "decided_by" for it; claims written before verdicts have only "holds"),
    says so, e.g. 'fails (one run)'."""
    one_run = "decided_by" in claim or not claim.get("verdict")
    return verdict(claim) + (" (one run)" if one_run else "")


@dataclass
class Scorecard:
    """What a results.json says, and whether the run that wrote it is the one being reported."""

    path: Path
    claims: list
    written: float  # modification time, seconds since the epoch
    stale: bool  # written before the run being reported started: an earlier run's

    def counts(self):
        """(label, number of claims) pairs, the known verdicts first (each before its one-run
        form), none with zero claims."""
        counted = Counter(label(c) for c in self.claims)
        known = [form for v in VERDICTS for form in (v, f"{v} (one run)")]
        order = known + sorted(set(counted) - set(known))
        return [(v, counted[v]) for v in order if counted[v]]

    def counts_text(self):
        """e.g. '3 holds · 1 fails'; 'no claims' for a scorecard without any."""
        return " · ".join(f"{n} {v}" for v, n in self.counts()) or "no claims"


def read(results, run_started=None):
    """Reads a results.json.

    Returns (Scorecard, None), or (None, why) when the file is missing or is not a scorecard.
    run_started (seconds since the epoch) marks a file written before it as stale."""
    results = Path(results)
    try:
        content = json.loads(results.read_text(encoding="utf-8"))
        claims = content.get("claims", [])
        if not isinstance(claims, list) or not all(isinstance(c, dict) for c in claims):
            raise ValueError("'claims' is not a list of objects")
    except FileNotFoundError:
        return None, f"no {results.name}: the notebook did not write its scorecard"
    except (OSError, ValueError, AttributeError) as error:
        return None, f"{results} is not a scorecard: {error}"
    written = os.path.getmtime(results)
    stale = run_started is not None and written < run_started
    return Scorecard(results, claims, written, stale), None
