"""Evaluate: the monthly report (issue "Respond, organise, evaluate").

figures.py and its helpers (response_times, audience, rhythm, months, business_hours) turn the
store's documents into numbers without any I/O; summary, sections, charts and render_html turn
numbers into words and HTML in Dutch or English (i18n); pdf prints that HTML with Chromium;
csv_export lists the month's items; build ties it together for one month, service runs it in
the agent and schedule makes it by itself each month.
"""
