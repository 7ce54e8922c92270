-- Tasks belong to one user and go when the user goes.
-- depends: 0001_users
CREATE TABLE tasks (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    owner_id   bigint      NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    title      text        NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
    notes      text        NOT NULL DEFAULT '',
    due_at     timestamptz,
    done_at    timestamptz,
    created_at timestamptz NOT NULL
);

CREATE INDEX tasks_owner_due ON tasks (owner_id, due_at);
CREATE INDEX tasks_open_due ON tasks (due_at) WHERE done_at IS NULL;
