-- Password-reset tokens: only a SHA-256 of the secret is stored.
-- depends: 0001_users
CREATE TABLE password_reset_tokens (
    token_hash text        PRIMARY KEY,
    user_id    bigint      NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    expires_at timestamptz NOT NULL,
    used_at    timestamptz
);
