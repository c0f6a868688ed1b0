"""A tiny threaded HTTP/1.1 server that sends text files gzip-compressed, as any real host does.

Python's `http.server` sends no compression, which inflates Lighthouse's mobile figures (the mobile preset
simulates a slow network). Lighthouse and the page-weight bench serve both sites, ours and stock Material,
through this server so they are compared as a host would serve them.
"""

from __future__ import annotations

import functools
import gzip
import http.server
import sys
import threading
from contextlib import contextmanager
from pathlib import Path

COMPRESSIBLE = (".html", ".css", ".js", ".json", ".svg", ".xml", ".txt", ".map")


class GzipHandler(http.server.SimpleHTTPRequestHandler):
    """Serve files; compress text types with gzip (level 6) when the client accepts it. HTTP/1.1, so the
    browser keeps its connections open between requests, as it does with any real host."""

    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        accepts = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (accepts and path.is_file() and path.suffix in COMPRESSIBLE):
            return super().send_head()
        body = gzip.compress(path.read_bytes(), 6)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Vary", "Accept-Encoding")
        self.end_headers()
        return _Body(body)


class _Server(http.server.ThreadingHTTPServer):
    """A threaded server that does not print a traceback when a browser drops a connection it no longer needs."""

    def handle_error(self, request, client_address):
        if not isinstance(sys.exc_info()[1], (BrokenPipeError, ConnectionResetError)):
            super().handle_error(request, client_address)


class _Body:
    """The file-like object `SimpleHTTPRequestHandler.do_GET` copies to the socket."""

    def __init__(self, data: bytes):
        self.data = data

    def read(self, *args) -> bytes:
        data, self.data = self.data, b""
        return data

    def close(self) -> None:
        pass


@contextmanager
def serving(folder: Path):
    """Serve `folder` on a free loopback port for the duration of the block; yield its base URL."""
    handler = functools.partial(GzipHandler, directory=str(folder))
    server = _Server(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
