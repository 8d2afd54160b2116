"""Opens every report in Debian's headless Chromium and checks what a reader would see.

    /usr/bin/python3 environment/check_reports.py REPORTS_DIR

For each REPORTS_DIR/*.html, opened as a file (as a reader opens it), with the browser kept off the
network (labreports/chromium.py):
  - no request leaves the machine: every request is file:, data: or to localhost;
  - no console error, no uncaught exception, no resource that fails to load;
  - the formulas are rendered: MathJax (Debian's libjs-mathjax) ran, reported no TeX error, and
    left no $...$ unrendered in the text;
  - the code is folded: every code cell's input sits in a closed <details> (open only where the
    cell failed), and the page's button opens and folds all of them;
  - a report has its summary at the top, and every relative link of every page leads to a file.
Exit status: the number of pages that fail (capped at 100); 2 when Chromium is missing.
"""

import argparse
import html.parser
import sys
from pathlib import Path
from urllib.parse import unquote, urlparse

from labreports.chromium import Browser, ProtocolError, find_browser

LOCAL_SCHEMES = {"file", "data", "about", "blob", "chrome-extension", "devtools"}
LOOPBACK = {"localhost", "127.0.0.1", "::1", "[::1]"}

# Waits for MathJax's queue to run out (it typesets the page on load), then reads the page.
MATHJAX_DONE = """new Promise(resolve => {
  if (!window.MathJax || !window.MathJax.Hub) { resolve(false); return; }
  MathJax.Hub.Queue(() => resolve(true));
})"""

PAGE_STATE = r"""(() => {
  const inputs = [...document.querySelectorAll('.jp-CodeCell .jp-Cell-inputWrapper')];
  const unfolded = inputs.filter(input => {
    const details = input.closest('details.lab-code');
    return details && !details.classList.contains('lab-failed') && (details.open || input.checkVisibility());
  }).length;
  const leftovers = [];
  for (const markdown of document.querySelectorAll('.jp-MarkdownOutput')) {
    const walker = document.createTreeWalker(markdown, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (node.parentElement.closest('code, pre, script')) continue;
      // A formula that Markdown broke (its * or _ taken for emphasis) leaves its $ in the text.
      if (/\$|\\\(|\\\[/.test(node.textContent)) leftovers.push(node.textContent.trim().slice(0, 80));
    }
  }
  return {
    summary: !!document.getElementById('lab-summary'),
    codeCells: inputs.length,
    unwrapped: inputs.filter(input => !input.closest('details.lab-code')).length,
    unfolded: unfolded,
    formulas: document.querySelectorAll('script[type^="math/tex"]').length,
    rendered: document.querySelectorAll('.MathJax_CHTML, .MathJax_Display').length,
    // Debian's MathJax config loads noErrors (bad TeX shown as its source) and noUndefined (an
    // unknown macro in red): both leave their marks in the rendered math.
    texErrors: [...document.querySelectorAll('.mjx-noError, .MathJax_Error, [data-mathml*=\'mathcolor="red"\']')]
      .map(e => e.textContent.slice(0, 80)),
    leftovers: leftovers,
  };
})()"""

TOGGLE = """(() => {
  const button = document.getElementById('lab-toggle-code');
  if (!button || button.hidden) return 'no visible button';
  const all = () => [...document.querySelectorAll('details.lab-code')];
  button.click();
  const opened = all().every(d => d.open);
  button.click();
  const folded = all().every(d => !d.open);
  return opened && folded ? 'ok' : 'the button did not open and fold every cell';
})()"""


def leaves_machine(url):
    """Whether a request for this URL would go to another machine."""
    parsed = urlparse(url)
    if parsed.scheme in LOCAL_SCHEMES:
        return False
    return (parsed.hostname or "") not in LOOPBACK


def event_problems(events):
    """Requests that leave the machine, console errors, exceptions and failed loads among a page's events."""
    problems = []
    for event in events:
        method, params = event.get("method"), event.get("params", {})
        if method == "Network.requestWillBeSent" and leaves_machine(params["request"]["url"]):
            problems.append(f"request leaving the machine: {params['request']['url']}")
        elif method == "Runtime.consoleAPICalled" and params.get("type") in ("error", "assert"):
            text = " ".join(str(a.get("value", a.get("description", ""))) for a in params.get("args", []))
            problems.append(f"console {params['type']}: {text}")
        elif method == "Runtime.exceptionThrown":
            details = params.get("exceptionDetails", {})
            problems.append(f"uncaught exception: {details.get('exception', {}).get('description', details.get('text'))}")
        elif method == "Log.entryAdded" and params["entry"].get("level") == "error":
            problems.append(f"console error: {params['entry'].get('text')} {params['entry'].get('url', '')}".strip())
        elif method == "Network.loadingFailed" and not params.get("canceled"):
            problems.append(f"failed to load ({params.get('errorText')}): request {params.get('requestId')}")
    return problems


def report_problems(browser):
    """What is wrong with the report open in the browser; and a line saying what was checked."""
    if not browser.evaluate(MATHJAX_DONE):
        return ["MathJax did not load"], ""
    state = browser.evaluate(PAGE_STATE)
    problems = []
    if not state["summary"]:
        problems.append("no summary at the top")
    if state["unwrapped"]:
        problems.append(f"{state['unwrapped']} code cells are not foldable")
    if state["unfolded"]:
        problems.append(f"{state['unfolded']} code cells are open although they did not fail")
    if state["rendered"] < state["formulas"]:
        problems.append(f"{state['formulas'] - state['rendered']} of {state['formulas']} formulas not rendered")
    problems += [f"TeX error: {e}" for e in state["texErrors"]]
    problems += [f"unrendered TeX in the text: {t!r}" for t in state["leftovers"]]
    if state["codeCells"]:
        toggled = browser.evaluate(TOGGLE)
        if toggled != "ok":
            problems.append(f"page toggle: {toggled}")
    return problems, f"{state['formulas']} formulas rendered, {state['codeCells']} code cells folded"


class Links(html.parser.HTMLParser):
    """The href of every link of a page."""

    def __init__(self):
        super().__init__()
        self.hrefs = []

    def handle_starttag(self, tag, attrs):
        if tag == "a":
            self.hrefs.extend(value for name, value in attrs if name == "href" and value)


def broken_links(page):
    """Relative links of a page that lead to no file."""
    links = Links()
    links.feed(page.read_text(encoding="utf-8"))
    broken = []
    for href in links.hrefs:
        target = urlparse(href)
        if target.scheme or not target.path:
            continue
        if not (page.parent / unquote(target.path)).exists():
            broken.append(href)
    return [f"broken link: {href}" for href in broken]


def check(browser, page):
    """(problems, what was checked) for one page."""
    events = browser.open(page.resolve().as_uri())
    if page.name == "index.html":
        problems, checked = [], "links"
    else:
        problems, checked = report_problems(browser)
    # Events that arrive while the page settles (MathJax's fonts) count too.
    return event_problems(events + browser.events) + problems + broken_links(page), checked


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("reports", type=Path)
    args = parser.parse_args()
    pages = sorted(args.reports.glob("*.html"))
    if not pages:
        print(f"[check] no reports in {args.reports}", file=sys.stderr)
        sys.exit(1)
    executable = find_browser()
    if executable is None:
        print("[check] Chromium is missing: apt-get install chromium-headless-shell", file=sys.stderr)
        sys.exit(2)
    failed = 0
    with Browser(executable) as browser:
        for page in pages:
            try:
                problems, checked = check(browser, page)
            except ProtocolError as error:
                problems, checked = [str(error)], ""
            if problems:
                failed += 1
                print(f"[check] FAIL {page.name}", flush=True)
                for problem in dict.fromkeys(problems):
                    print(f"[check]     {problem}", flush=True)
            else:
                print(f"[check] ok   {page.name}: {checked}", flush=True)
    print(f"[check] {len(pages) - failed} of {len(pages)} pages pass in {Path(executable).name}", flush=True)
    sys.exit(min(failed, 100))


if __name__ == "__main__":
    main()
