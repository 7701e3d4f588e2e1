"""Workbooks the desk sends up: the end-of-day report, Biểu II.06a for a period, the dossier logbook.

No Qt here: the window and the CLI both call these functions, and delivery
(folder, e-mail, the outbox) lives in ``app.reports.outbox``.
"""
