"""Apology letters, receipt slips and the logbook in the window: issue, preview, print, edit the wording."""
