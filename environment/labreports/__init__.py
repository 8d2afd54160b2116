"""Lottery Lab's notebook reports: the HTML export (template/lotterylab), the scorecard summary
read from each notebook's results.json, the index of every report, and the browser check of them.
environment/execute.py and environment/check_reports.py are the commands that use it."""
