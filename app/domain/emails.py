from dataclasses import dataclass


@dataclass(frozen=True)
class Email:
    """A plain-text message to one person, independent of how it is delivered."""

    to_address: str
    to_name: str
    subject: str
    body: str
