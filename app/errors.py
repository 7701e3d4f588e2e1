"""One family of errors whose messages an officer can read.

Every message is Vietnamese, complete and free of tracebacks; the CLI prints
``str(error)`` on one line and the window shows it in a dialog.
"""


class AppError(Exception):
    """Base class: something the officer can understand and act on."""

    exit_code = 2

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


class ValidationError(AppError):
    """A value given by the officer (or a file) is not acceptable."""


class NotFoundError(AppError):
    """The dossier, procedure, unit... asked for does not exist."""

    exit_code = 3


class TransitionError(AppError):
    """A status change the lifecycle does not allow."""


class StaleDataError(AppError):
    """Someone else saved the record since it was read (optimistic locking)."""

    exit_code = 4


class ConfigurationError(AppError):
    """The register or the machine is not set up as the app needs."""

    exit_code = 5
