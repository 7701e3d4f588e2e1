"""What an operation changed, so that every view refreshes only what it shows (Anki's OpChanges).

Lives in the domain: the operation that changes the register is the one that knows what it
touched; the window only passes the value on (``ui.desk.Desk.announce``).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Changes:
    """What an action touched, so that views refresh only what they show."""

    dossier_ids: frozenset[int] = frozenset()
    dossiers: bool = False      # some dossiers changed (ids may be unknown, e.g. after an import)
    letters: bool = False
    settings: bool = False      # office, calendar or settings: deadlines may have moved
    reason: str = ""

    @classmethod
    def dossier(cls, dossier_id: int, reason: str = "") -> Changes:
        return cls(dossier_ids=frozenset({dossier_id}), dossiers=True, reason=reason)
