"""Shared by every layer: only the pyramid plugin (and pytester, which tests it).

Each layer's fixtures live in that layer's folder.
"""

pytest_plugins = ["tests.support.pyramid", "pytester"]
