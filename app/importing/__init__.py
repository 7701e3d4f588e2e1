"""Taking in the provincial one-stop system's exports: dossiers and the procedure catalog.

No Qt here. The pipeline is read (``reading``) → find the columns (``columns``)
→ parse the values (``values``) → plan against the register (``dossier_import``,
``catalog_import``) → apply all or nothing → save a report (``report``).
"""
