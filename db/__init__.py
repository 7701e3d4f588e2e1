"""Persistence: models, engine and sessions, migrations, search indexes.

Imports neither ``app`` nor ``ui``: the domain builds on this layer.
"""
