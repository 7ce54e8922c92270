from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True)
class User:
    id: int
    email: str
    name: str
    password_hash: str
    is_admin: bool
    created_at: datetime


@dataclass(frozen=True)
class NewUser:
    email: str
    name: str
    password_hash: str
    created_at: datetime
    is_admin: bool = False


def normalise_email(email: str) -> str:
    """Emails are stored as given but compared without case or surrounding blanks."""
    return email.strip().lower()
