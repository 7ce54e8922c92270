"""Access tokens: signed JWTs whose payload anyone can read, so it holds no secrets."""

import uuid
from datetime import timedelta

import jwt

from app.domain.errors import InvalidToken
from app.ports import Clock

ALGORITHM = "HS256"
REQUIRED_CLAIMS = ["sub", "iat", "exp", "iss", "aud", "jti"]
LEEWAY = timedelta(seconds=10)


class TokenService:
    def __init__(
        self, secret: str, issuer: str, audience: str, lifetime: timedelta, clock: Clock
    ) -> None:
        self._secret = secret
        self._issuer = issuer
        self._audience = audience
        self._lifetime = lifetime
        self._clock = clock

    def issue(self, user_id: int) -> str:
        now = self._clock.now()
        claims = {
            "sub": str(user_id),
            "iat": now,
            "exp": now + self._lifetime,
            "iss": self._issuer,
            "aud": self._audience,
            "jti": uuid.uuid4().hex,
        }
        return jwt.encode(claims, self._secret, algorithm=ALGORITHM)

    def subject(self, token: str) -> int:
        """The user id the token was issued to; raises ``InvalidToken`` otherwise."""
        try:
            claims = jwt.decode(
                token,
                self._secret,
                algorithms=[ALGORITHM],
                audience=self._audience,
                issuer=self._issuer,
                leeway=LEEWAY,
                options={"require": REQUIRED_CLAIMS},
            )
        except jwt.ExpiredSignatureError as error:
            raise InvalidToken("The token has expired.") from error
        except jwt.PyJWTError as error:
            raise InvalidToken("The token is invalid.") from error
        subject = claims["sub"]
        if not subject.isdigit():
            raise InvalidToken("The token is invalid.")
        return int(subject)
