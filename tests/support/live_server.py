"""The app served by werkzeug in a thread of the test process, so coverage sees it."""

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from flask import Flask
from werkzeug.serving import make_server


class _AppOnceBuilt:
    """Lets the server take a free port before the app, which needs its URL, exists."""

    app: Flask | None = None

    def __call__(self, environ: dict[str, Any], start_response: Any) -> Any:
        assert self.app is not None
        return self.app(environ, start_response)


@contextmanager
def live_server(build_app: Callable[[str], Flask]) -> Iterator[tuple[str, Flask]]:
    """Serve the app ``build_app(base_url)`` returns on a free loopback port."""
    wsgi = _AppOnceBuilt()
    server = make_server("127.0.0.1", 0, wsgi, threaded=True)
    base_url = f"http://127.0.0.1:{server.server_port}"
    wsgi.app = build_app(base_url)
    thread = threading.Thread(target=server.serve_forever, name="live-server", daemon=True)
    thread.start()
    try:
        yield base_url, wsgi.app
    finally:
        server.shutdown()
        thread.join(timeout=10)
        server.server_close()
