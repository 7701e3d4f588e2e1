"""The dossier form and its tabs.

``TABS`` lists extra tabs ("module:Class"); each class is a
``ui.dossier.tabs.DossierTab``. A feature (digitization, apology letters)
adds its tab here and touches nothing else of the form.
"""

TABS: list[str] = [
    "ui.letters.tab:LetterTab",
    "ui.dossier.digitization_tab:DigitizationTab",
    "ui.ratings.tab:RatingTab",
]
