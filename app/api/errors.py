"""One place turns every error into a JSON answer with the right status."""

import logging
from typing import Any

from flask import Flask, Response, jsonify, request
from werkzeug.exceptions import HTTPException

from app.api.authentication import MissingBearerToken
from app.api.validation import MalformedJson, RequestInvalid, Violation
from app.domain.errors import (
    EmailAlreadyRegistered,
    Forbidden,
    InvalidCredentials,
    InvalidResetToken,
    InvalidToken,
    NotFound,
    PasswordRejected,
)

log = logging.getLogger(__name__)

REALM = 'Bearer realm="task-pyramid"'
HTTP_ERROR_CODES = {413: "payload_too_large"}


def error_response(
    status: int, code: str, message: str, violations: list[Violation] | None = None
) -> tuple[Response, int]:
    body: dict[str, Any] = {"error": code, "message": message}
    if violations is not None:
        body["errors"] = [{"pointer": v.pointer, "message": v.message} for v in violations]
    return jsonify(body), status


def register(app: Flask) -> None:
    @app.errorhandler(RequestInvalid)
    def invalid_body(error: RequestInvalid) -> tuple[Response, int]:
        return error_response(400, "validation_failed", "The request is invalid.", error.violations)

    @app.errorhandler(MalformedJson)
    def malformed_json(_: MalformedJson) -> tuple[Response, int]:
        return error_response(400, "malformed_json", "The body is not valid JSON.")

    @app.errorhandler(PasswordRejected)
    def password_rejected(error: PasswordRejected) -> tuple[Response, int]:
        violation = Violation(f"/{error.field}", str(error))
        return error_response(400, "validation_failed", "The request is invalid.", [violation])

    @app.errorhandler(InvalidResetToken)
    def invalid_reset_token(error: InvalidResetToken) -> tuple[Response, int]:
        violation = Violation("/token", str(error))
        return error_response(400, "validation_failed", "The request is invalid.", [violation])

    @app.errorhandler(EmailAlreadyRegistered)
    def email_taken(error: EmailAlreadyRegistered) -> tuple[Response, int]:
        return error_response(409, "conflict", str(error), [Violation("/email", str(error))])

    @app.errorhandler(InvalidCredentials)
    def invalid_credentials(error: InvalidCredentials) -> tuple[Response, int]:
        return error_response(401, "invalid_credentials", str(error))

    @app.errorhandler(MissingBearerToken)
    def missing_token(_: MissingBearerToken) -> tuple[Response, int]:
        response, status = error_response(401, "unauthorized", "Sign in to continue.")
        response.headers["WWW-Authenticate"] = REALM
        return response, status

    @app.errorhandler(InvalidToken)
    def invalid_token(error: InvalidToken) -> tuple[Response, int]:
        response, status = error_response(401, "unauthorized", str(error))
        response.headers["WWW-Authenticate"] = f'{REALM}, error="invalid_token"'
        return response, status

    @app.errorhandler(Forbidden)
    def forbidden(error: Forbidden) -> tuple[Response, int]:
        return error_response(403, "forbidden", str(error))

    @app.errorhandler(NotFound)
    def not_found(error: NotFound) -> tuple[Response, int]:
        return error_response(404, "not_found", str(error))

    @app.errorhandler(HTTPException)
    def http_error(error: HTTPException) -> HTTPException | tuple[Response, int]:
        if not request.path.startswith("/api/"):
            return error
        status = error.code or 500
        code = HTTP_ERROR_CODES.get(status, (error.name or "error").lower().replace(" ", "_"))
        return error_response(status, code, error.description or "")

    @app.errorhandler(Exception)
    def unexpected(error: Exception) -> tuple[Response, int]:
        log.exception("unhandled error on %s %s", request.method, request.path, exc_info=error)
        return error_response(500, "internal_error", "Something went wrong.")
