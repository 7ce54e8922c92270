"""Development tooling: a throwaway PostgreSQL and a one-command local server."""
