import time
from datetime import timedelta
from typing import Any

import jwt
import pytest
from freezegun.api import FrozenDateTimeFactory
from hypothesis import given
from hypothesis import strategies as st

from app.adapters.clock import SystemClock
from app.domain.errors import InvalidToken
from app.services.tokens import LEEWAY, TokenService

SECRET = "a-test-secret-long-enough-for-every-hmac-variant-even-hs512-0123456789"
LIFETIME = timedelta(minutes=60)


@pytest.fixture
def tokens() -> TokenService:
    return TokenService(
        secret=SECRET,
        issuer="task-pyramid",
        audience="task-pyramid-api",
        lifetime=LIFETIME,
        clock=SystemClock(),
    )


def valid_claims(**overrides: Any) -> dict[str, Any]:
    now = int(time.time())
    claims: dict[str, Any] = {
        "sub": "42",
        "iat": now,
        "exp": now + 600,
        "iss": "task-pyramid",
        "aud": "task-pyramid-api",
        "jti": "a1b2c3",
    }
    claims.update(overrides)
    return claims


class TestRoundTrip:
    def test_the_subject_of_an_issued_token_is_the_user_id(self, tokens: TokenService) -> None:
        assert tokens.subject(tokens.issue(user_id=42)) == 42

    def test_carries_exactly_the_registered_claims_and_no_secrets(
        self, tokens: TokenService
    ) -> None:
        payload = jwt.decode(tokens.issue(user_id=42), options={"verify_signature": False})

        assert set(payload) == {"sub", "iat", "exp", "iss", "aud", "jti"}
        assert payload["exp"] - payload["iat"] == LIFETIME.total_seconds()

    def test_each_token_has_its_own_id(self, tokens: TokenService) -> None:
        first = jwt.decode(tokens.issue(user_id=1), options={"verify_signature": False})
        second = jwt.decode(tokens.issue(user_id=1), options={"verify_signature": False})

        assert first["jti"] != second["jti"]

    def test_is_signed_with_hs256(self, tokens: TokenService) -> None:
        assert jwt.get_unverified_header(tokens.issue(user_id=1))["alg"] == "HS256"

    @given(user_id=st.integers(min_value=1, max_value=2**63 - 1))
    def test_any_user_id_survives_the_round_trip(self, user_id: int) -> None:
        service = TokenService(SECRET, "task-pyramid", "task-pyramid-api", LIFETIME, SystemClock())

        assert service.subject(service.issue(user_id)) == user_id


class TestExpiry:
    def test_is_accepted_just_before_it_expires(
        self, tokens: TokenService, frozen_time: FrozenDateTimeFactory
    ) -> None:
        token = tokens.issue(user_id=7)

        frozen_time.tick(LIFETIME - timedelta(seconds=1))

        assert tokens.subject(token) == 7

    def test_is_still_accepted_within_the_leeway_after_expiry(
        self, tokens: TokenService, frozen_time: FrozenDateTimeFactory
    ) -> None:
        token = tokens.issue(user_id=7)

        frozen_time.tick(LIFETIME + LEEWAY - timedelta(seconds=1))

        assert tokens.subject(token) == 7

    def test_is_rejected_once_the_leeway_has_passed(
        self, tokens: TokenService, frozen_time: FrozenDateTimeFactory
    ) -> None:
        token = tokens.issue(user_id=7)

        frozen_time.tick(LIFETIME + LEEWAY + timedelta(seconds=1))

        with pytest.raises(InvalidToken, match="expired"):
            tokens.subject(token)

    def test_a_token_issued_in_the_future_is_rejected(self, tokens: TokenService) -> None:
        later = int(time.time()) + 3600
        token = jwt.encode(valid_claims(iat=later, exp=later + 600), SECRET, algorithm="HS256")

        with pytest.raises(InvalidToken):
            tokens.subject(token)


class TestForgeries:
    def test_a_tampered_payload_is_rejected(self, tokens: TokenService) -> None:
        header, _payload, signature = tokens.issue(user_id=7).split(".")
        forged_payload = jwt.encode(valid_claims(sub="1"), "other-key-of-sufficient-length!!")
        forged = f"{header}.{forged_payload.split('.')[1]}.{signature}"

        with pytest.raises(InvalidToken):
            tokens.subject(forged)

    def test_a_token_signed_with_another_key_is_rejected(self, tokens: TokenService) -> None:
        token = jwt.encode(
            valid_claims(), "another-secret-that-is-long-enough!!", algorithm="HS256"
        )

        with pytest.raises(InvalidToken):
            tokens.subject(token)

    def test_an_unsigned_alg_none_token_is_rejected(self, tokens: TokenService) -> None:
        token = jwt.encode(valid_claims(), key=None, algorithm="none")

        with pytest.raises(InvalidToken):
            tokens.subject(token)

    @pytest.mark.parametrize("algorithm", ["HS384", "HS512"])
    def test_another_algorithm_with_the_right_key_is_rejected(
        self, tokens: TokenService, algorithm: str
    ) -> None:
        token = jwt.encode(valid_claims(), SECRET, algorithm=algorithm)

        with pytest.raises(InvalidToken):
            tokens.subject(token)

    @pytest.mark.parametrize("garbage", ["", "not-a-token", "a.b.c", "Bearer x.y.z"])
    def test_garbage_is_rejected(self, tokens: TokenService, garbage: str) -> None:
        with pytest.raises(InvalidToken):
            tokens.subject(garbage)


class TestClaims:
    @pytest.mark.parametrize("claim", ["sub", "iat", "exp", "iss", "aud", "jti"])
    def test_every_claim_is_required(self, tokens: TokenService, claim: str) -> None:
        claims = valid_claims()
        del claims[claim]
        token = jwt.encode(claims, SECRET, algorithm="HS256")

        with pytest.raises(InvalidToken):
            tokens.subject(token)

    @pytest.mark.parametrize(
        "wrong",
        [{"iss": "someone-else"}, {"aud": "another-api"}, {"sub": "not-a-number"}, {"sub": "-3"}],
        ids=["issuer", "audience", "non-numeric-subject", "negative-subject"],
    )
    def test_wrong_claims_are_rejected(self, tokens: TokenService, wrong: dict[str, str]) -> None:
        token = jwt.encode(valid_claims(**wrong), SECRET, algorithm="HS256")

        with pytest.raises(InvalidToken):
            tokens.subject(token)

    def test_a_correct_hand_made_token_is_accepted(self, tokens: TokenService) -> None:
        """Guards the forgery tests above: they fail for the reason they name, not another."""
        token = jwt.encode(valid_claims(), SECRET, algorithm="HS256")

        assert tokens.subject(token) == 42
