from datetime import timedelta

import pytest

from app.config import ConfigError, Settings, SmtpSettings

STRONG_SECRET = "s" * 32


def production_env(**overrides: str) -> dict[str, str]:
    env = {
        "APP_ENV": "production",
        "SECRET_KEY": STRONG_SECRET,
        "DATABASE_URL": "postgresql://tasks@db.example.test/tasks",
        "SMTP_URL": "smtp://mailer:hunter2@smtp.example.test:587",
        "PUBLIC_URL": "https://tasks.example.test",
    }
    env.update(overrides)
    return env


class TestDefaults:
    def test_development_needs_no_variables_at_all(self) -> None:
        settings = Settings.from_env({})

        assert settings.environment == "development"
        assert settings.smtp is None
        assert settings.token_lifetime == timedelta(minutes=60)
        assert settings.database_url is None

    def test_sign_in_attempts_are_counted_in_process_memory_by_default(self) -> None:
        assert Settings.from_env({}).rate_limit_storage_url == "memory://"

    def test_development_invents_a_long_random_secret_per_process(self) -> None:
        first = Settings.from_env({})
        second = Settings.from_env({})

        assert len(first.secret_key.encode()) >= 32
        assert first.secret_key != second.secret_key


class TestProductionRefusals:
    def test_a_complete_production_environment_is_accepted(self) -> None:
        settings = Settings.from_env(production_env())

        assert settings.environment == "production"
        assert settings.secret_key == STRONG_SECRET

    def test_refuses_to_start_without_a_secret(self) -> None:
        env = production_env()
        del env["SECRET_KEY"]

        with pytest.raises(ConfigError, match="SECRET_KEY must be set"):
            Settings.from_env(env)

    def test_refuses_a_secret_shorter_than_32_bytes(self) -> None:
        with pytest.raises(ConfigError, match="at least 32 bytes"):
            Settings.from_env(production_env(SECRET_KEY="s" * 31))

    def test_counts_the_secret_in_bytes_not_characters(self) -> None:
        sixteen_two_byte_characters = "é" * 16

        settings = Settings.from_env(production_env(SECRET_KEY=sixteen_two_byte_characters))

        assert settings.secret_key == sixteen_two_byte_characters

    @pytest.mark.parametrize(
        ("variable", "value", "message"),
        [
            ("DATABASE_URL", "", "DATABASE_URL must be set"),
            ("SMTP_URL", "console", "console mailer"),
            ("SMTP_URL", "smtp+insecure://smtp.example.test:25", "without TLS"),
            ("PWNED_PASSWORDS_URL", "offline", "offline breached-password"),
        ],
        ids=["no-database", "console-mail", "plaintext-smtp", "offline-breach-check"],
    )
    def test_refuses_development_conveniences(
        self, variable: str, value: str, message: str
    ) -> None:
        with pytest.raises(ConfigError, match=message):
            Settings.from_env(production_env(**{variable: value}))


class TestParsing:
    @pytest.mark.parametrize("value", ["0", "-5", "ten", "1.5"])
    def test_token_lifetime_must_be_a_positive_whole_number_of_minutes(self, value: str) -> None:
        with pytest.raises(ConfigError, match="TOKEN_LIFETIME_MINUTES"):
            Settings.from_env({"TOKEN_LIFETIME_MINUTES": value})

    def test_token_lifetime_is_read_in_minutes(self) -> None:
        settings = Settings.from_env({"TOKEN_LIFETIME_MINUTES": "15"})

        assert settings.token_lifetime == timedelta(minutes=15)

    def test_unknown_environment_names_are_refused(self) -> None:
        with pytest.raises(ConfigError, match="APP_ENV"):
            Settings.from_env({"APP_ENV": "prod"})

    def test_smtp_url_with_credentials_uses_starttls(self) -> None:
        settings = Settings.from_env({"SMTP_URL": "smtp://mailer:p%40ss@smtp.example.test:2525"})

        assert settings.smtp == SmtpSettings(
            host="smtp.example.test",
            port=2525,
            username="mailer",
            password="p@ss",
            starttls=True,
        )

    def test_insecure_smtp_url_skips_tls_and_defaults_to_port_25(self) -> None:
        settings = Settings.from_env({"SMTP_URL": "smtp+insecure://127.0.0.1"})

        assert settings.smtp == SmtpSettings(
            host="127.0.0.1", port=25, username=None, password=None, starttls=False
        )

    @pytest.mark.parametrize("value", ["http://smtp.example.test", "smtp://", "smtp://host:x"])
    def test_malformed_smtp_urls_are_refused(self, value: str) -> None:
        with pytest.raises(ConfigError, match="SMTP_URL"):
            Settings.from_env({"SMTP_URL": value})

    def test_public_url_loses_its_trailing_slash(self) -> None:
        settings = Settings.from_env({"PUBLIC_URL": "https://tasks.example.test/"})

        assert settings.public_url == "https://tasks.example.test"
