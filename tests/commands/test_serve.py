"""`python -m generator serve` reloads the preview when rules.yaml changes, as MkDocs users expect."""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import time
import urllib.request

from support import REPO, RULES, with_sources


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except OSError:
        return None


def _wait_for(url: str, needle: str, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        body = _get(url)
        if body and needle in body:
            return True
        time.sleep(0.3)
    return False


def test_editing_rules_yaml_updates_the_served_page(tmp_path):
    rules = with_sources(tmp_path) / "rules.yaml"
    shutil.copy(RULES, rules)
    port = _free_port()
    server = subprocess.Popen([sys.executable, "-m", "generator", "serve", "--rules", str(rules),
                               "--dev-addr", f"127.0.0.1:{port}"], cwd=REPO, stdout=subprocess.PIPE,
                              stderr=subprocess.STDOUT, text=True)
    try:
        url = f"http://127.0.0.1:{port}/"
        assert _wait_for(url, "audience-card", 120), "the preview came up"
        text = rules.read_text(encoding="utf-8")
        rules.write_text(text.replace("  summary: ", "  summary: Prøvetekst fra testen. ", 1), encoding="utf-8")
        assert _wait_for(url, "Prøvetekst fra testen.", 60), "the preview reloaded after saving rules.yaml"
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()


def _status(port: int, host_header: str) -> int:
    import http.client

    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    try:
        connection.request("GET", "/", headers={"Host": host_header})
        return connection.getresponse().status
    finally:
        connection.close()


def test_the_preview_answers_only_requests_addressed_to_this_machine(tmp_path):
    """Against DNS rebinding: a page on evil.example that points its name at 127.0.0.1 gets no answer."""
    import os

    from projects import small_project

    project = small_project(tmp_path / "p")
    port = _free_port()
    server = subprocess.Popen([sys.executable, "-m", "generator", "serve", "--dev-addr", f"127.0.0.1:{port}"],
                              cwd=project, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                              env={**os.environ, "PYTHONPATH": str(REPO)})
    try:
        assert _wait_for(f"http://127.0.0.1:{port}/", "audience-card", 120), "the preview came up"
        for host in (f"localhost:{port}", f"127.0.0.1:{port}", "localhost", f"[::1]:{port}", f"app.localhost:{port}"):
            assert _status(port, host) == 200, host
        for host in (f"evil.example:{port}", "evil.example", f"localhost.evil.example:{port}", f"127.0.0.1.nip.io:{port}"):
            assert _status(port, host) == 421, host
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
