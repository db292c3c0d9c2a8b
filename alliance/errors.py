"""Errors a person can cause. Each carries a one-line message fit to show as is."""


class AllianceError(Exception):
    """Base for every error that the CLI and the web app report as a plain message."""


class InvalidInput(AllianceError):
    """Input that Alliance refuses: out of range, unparseable, too large, malformed."""


class NotFound(AllianceError):
    """The thing asked for does not exist (or is not visible to the one asking)."""


class VaultError(AllianceError):
    """The vault cannot be opened: missing, corrupt, not encrypted, or locked."""


class WrongPassphrase(VaultError):
    """The passphrase (or recovery key) does not unlock this vault."""
