"""Command-line interface over the same core as the window."""
