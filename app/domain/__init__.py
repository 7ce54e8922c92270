"""Plain Python: entities, rules and errors. Imports nothing from Flask or psycopg."""
