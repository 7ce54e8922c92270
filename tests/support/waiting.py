import time
from collections.abc import Callable


def wait_until(condition: Callable[[], bool], timeout: float = 5.0, message: str = "") -> None:
    """Poll ``condition`` until it holds; fail with ``message`` after ``timeout`` seconds."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout} s waiting for: {message}")
        time.sleep(0.01)
