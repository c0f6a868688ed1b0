"""Shared fixtures: the real site built once per run, served on loopback, and Debian's Chromium for Playwright."""

from __future__ import annotations

import functools
import http.server
import threading
from pathlib import Path

import pytest

from support import CHROMIUM, CHROMIUM_ARGS, REPO, RULES, build_site


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """The real rules.yaml built once with `--strict`, exactly as `make site` builds it."""
    return build_site(RULES, REPO / "mkdocs.yml", tmp_path_factory.mktemp("built") / "site")


@pytest.fixture(scope="session")
def site_server(built_site):
    """Serve the built site on a loopback port for the browser tests."""
    handler = functools.partial(_QuietHandler, directory=str(built_site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(scope="session")
def base_url(site_server):
    return site_server


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    """Use Debian's chromium; Playwright never downloads a browser here."""
    if not Path(CHROMIUM).exists():
        pytest.fail(f"Debian's chromium is missing at {CHROMIUM}: run `make test`, which installs it.")
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "args": CHROMIUM_ARGS}



# --- summaries for the record ------------------------------------------------------------------------------
# A test that has something to put on record (e.g. how many requests a page made) calls `summary(title, line)`.
# The line travels with the test's report (xdist forwards `user_properties` from its workers), and the process
# that prints the run's result collects them: so no test reads another's module globals, and xdist may spread
# a file's tests over its workers as it likes.

_SUMMARY = "summary"
_LINES: dict[str, list[tuple[str, str]]] = {}   # title -> (test id, line), in the process that reports


@pytest.fixture
def summary(request):
    """Put a line on record under `title`; every passed test's lines are printed together at the end of the run."""
    def add(title: str, line: str) -> None:
        request.node.user_properties.append((_SUMMARY, (title, line)))
    return add


def pytest_runtest_logreport(report):
    if report.when == "call" and report.passed:
        for key, value in report.user_properties:
            if key == _SUMMARY:
                title, line = value
                _LINES.setdefault(title, []).append((report.nodeid, line))


def pytest_terminal_summary(terminalreporter, config):
    if hasattr(config, "workerinput"):
        return   # an xdist worker: the controller prints
    for title, lines in sorted(_LINES.items()):
        terminalreporter.write_line("")
        terminalreporter.write_line(f"{title} ({len(lines)}):")
        for _test, line in sorted(lines):
            terminalreporter.write_line(f"  {line}")


# --- spreading the tests over xdist's workers ------------------------------------------------------------
# `make test` runs `-n 2 --dist loadgroup`: tests are handed to the workers one by one, so a file with many slow
# tests (the axe page views, the focus walks) is shared by both, except these files, which run whole on one
# worker. (xdist 3.8's own loadgroup marks a test by rewriting item._nodeid, which pytest 9 no longer reads; so
# the files are named here and the scheduler below groups them.)
WHOLE_FILES = {
    "tests/checklist/test_kinds_browser.py": "builds its own site once",
    "tests/print/test_kit.py": "prints the handbook once",
    "tests/scheme/test_robustness.py": "its summary test reads what the property tests counted",
    "tests/site/test_english.py": "builds the English scheme's site once",
    "tests/site/test_escaping.py": "builds the poisoned site once",
    "tests/site/test_hostile.py": "its summary test reads what the property test counted",
    "tests/site/test_meta.py": "builds a site with an address once",
    "tests/site/test_publish_faults.py": "builds the old and the new site once",
    "tests/site/test_zensical.py": "builds with Zensical once",
    "tests/test_examples.py": "builds the example's site once",
}


def pytest_xdist_make_scheduler(config, log):
    """For --dist loadgroup: one test at a time, except the files in WHOLE_FILES, each whole on one worker."""
    if config.getvalue("dist") != "loadgroup":
        return None
    from xdist.scheduler import LoadScopeScheduling

    missing = sorted(f for f in WHOLE_FILES if not (config.rootpath / f).is_file())
    if missing:
        raise pytest.UsageError(f"tests/conftest.py: WHOLE_FILES names files that do not exist: {missing}; "
                                "fix: update the list after moving or renaming a test file.")

    class OneByOneExceptWholeFiles(LoadScopeScheduling):
        def _split_scope(self, nodeid: str) -> str:
            path = nodeid.split("::", 1)[0]
            return path if path in WHOLE_FILES else nodeid

    return OneByOneExceptWholeFiles(config, log)
