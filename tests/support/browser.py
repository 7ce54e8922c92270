"""Headless Chrome for the e2e layer; where the browser and driver live are settings."""

import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager

from selenium import webdriver
from selenium.webdriver.chrome.service import Service

BROWSER_NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "chrome")
# No name but the local ones is ever looked up, so no page can stall on an outside host.
LOCAL_NAMES_ONLY = "MAP * ~NOTFOUND , EXCLUDE localhost , EXCLUDE 127.0.0.1"


class BrowserUnavailable(RuntimeError):
    pass


def _find(setting: str, names: tuple[str, ...]) -> str:
    configured = os.environ.get(setting)
    if configured:
        return configured
    for name in names:
        found = shutil.which(name)
        if found:
            return found
    raise BrowserUnavailable(
        f"No {names[0]} found on PATH. Install Chrome or Chromium and its chromedriver "
        f"(Debian: apt-get install chromium chromium-driver), or set {setting}."
    )


@contextmanager
def headless_chrome() -> Iterator[webdriver.Chrome]:
    """Start one browser, with a fresh profile, and quit it afterwards."""
    os.environ.setdefault("SE_OFFLINE", "true")  # Selenium Manager must not download anything
    binary = _find("CHROME_BINARY", BROWSER_NAMES)
    driver_path = _find("CHROMEDRIVER_PATH", ("chromedriver",))
    with tempfile.TemporaryDirectory(prefix="e2e-chrome-") as profile:
        options = webdriver.ChromeOptions()
        options.binary_location = binary
        for argument in (
            "--headless=new",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-dev-shm-usage",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            "--window-size=1280,900",
            f"--user-data-dir={profile}",
            f"--host-resolver-rules={LOCAL_NAMES_ONLY}",
        ):
            options.add_argument(argument)
        options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
        driver = webdriver.Chrome(options=options, service=Service(driver_path))
        try:
            yield driver
        finally:
            driver.quit()
