from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True)
class ResetToken:
    """A stored password-reset token; only the SHA-256 of the secret is kept."""

    token_hash: str
    user_id: int
    expires_at: datetime
    used_at: datetime | None = None
