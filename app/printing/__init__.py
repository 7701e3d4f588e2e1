"""Printed documents as PDF (reportlab): apology letters, receipt slips, the dossier logbook.

No Qt here: the window previews and prints the bytes these modules return.
"""
