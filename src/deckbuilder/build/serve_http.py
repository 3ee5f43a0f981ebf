"""The ``serve`` page's web server: its own page, its event stream and the pictures, nothing else.

It listens on the loopback address only and answers exactly three kinds of address:
``/`` (the page), ``/events`` (the state, pushed as Server-Sent Events) and
``/img/<slide-N|page-N>-<version>.png`` (a picture held in memory). Every other address
gets 404, whatever its encoding (``%2e%2e``, backslashes): nothing is looked up on disk,
so there is nothing to list and no path to climb out of. A request that names another
host (a web page that points a domain name at 127.0.0.1: DNS rebinding) gets 404 too.
The page loads nothing from elsewhere; its Content-Security-Policy forbids it as well.
"""

from __future__ import annotations

import base64
import hashlib
import re
import sys
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from importlib.resources import files

from .serve_board import Board

HOST = "127.0.0.1"
#: A comment line on an idle event stream, so that a closed page is noticed.
KEEP_ALIVE = 15.0

_IMAGE = re.compile(r"/img/((?:slide|page)-[1-9][0-9]{0,3})-([0-9a-f]{16})\.png")


def _page() -> tuple[bytes, str]:
    """The page and its Content-Security-Policy, which allows its own inline style and
    script (by their digests), its pictures and its event stream, and nothing else."""
    text = files("deckbuilder.build").joinpath("serve_page.html").read_text("utf-8")

    def source(tag: str) -> str:
        inner = text.split(f"<{tag}>", 1)[1].split(f"</{tag}>", 1)[0]
        value = base64.b64encode(hashlib.sha256(inner.encode("utf-8")).digest()).decode()
        return f"'sha256-{value}'"

    policy = (f"default-src 'none'; img-src 'self'; connect-src 'self'; "
              f"style-src {source('style')}; script-src {source('script')}; "
              "base-uri 'none'; form-action 'none'; frame-ancestors 'none'")
    return text.encode("utf-8"), policy


class _Handler(BaseHTTPRequestHandler):
    server: Server
    def version_string(self) -> str:
        return "deckbuilder"

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - its name
        """Quiet: the terminal shows the build's messages, not every request."""

    def do_GET(self) -> None:  # noqa: N802 - http.server's name
        self._answer(body=True)

    def do_HEAD(self) -> None:  # noqa: N802 - http.server's name
        self._answer(body=False)

    def _answer(self, body: bool) -> None:
        if not self.server.is_own(self.headers.get("Host", "")):
            self._not_found()
        elif self.path == "/":
            self._send(self.server.page, "text/html; charset=utf-8", body, "no-store",
                       {"Content-Security-Policy": self.server.policy})
        elif self.path == "/events" and body:
            self._stream()
        elif (found := _IMAGE.fullmatch(self.path)) is not None:
            png = self.server.board.image(found.group(1), found.group(2))
            if png is None:
                self._not_found()
            else:  # an address names one version of a picture: it never changes
                self._send(png, "image/png", body, "max-age=31536000, immutable")
        else:
            self._not_found()

    def _not_found(self) -> None:
        self._send(b"not found\n", "text/plain; charset=utf-8", self.command != "HEAD",
                   "no-store", status=404)

    def _send(self, data: bytes, kind: str, body: bool, cache: str,
              extra: dict[str, str] | None = None, status: int = 200) -> None:
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(data)))
        self._common(cache, extra)
        if body:
            self.wfile.write(data)

    def _common(self, cache: str, extra: dict[str, str] | None = None) -> None:
        self.send_header("Cache-Control", cache)
        self.send_header("X-Content-Type-Options", "nosniff")
        self.send_header("Referrer-Policy", "no-referrer")
        for name, value in (extra or {}).items():
            self.send_header(name, value)
        self.end_headers()

    def _stream(self) -> None:
        """The state now, then each time it changes, until the page or the server goes."""
        self.send_response(200)
        self.send_header("Content-Type", "text/event-stream; charset=utf-8")
        self._common("no-store")
        board = self.server.board
        seen, data = board.state()
        try:
            while True:
                self.wfile.write(b"data: " + data + b"\n\n" if data else b": still here\n\n")
                self.wfile.flush()
                newer = board.wait(seen, KEEP_ALIVE)
                if board.closed:
                    return
                seen, data = newer if newer is not None else (seen, b"")
        except (BrokenPipeError, ConnectionResetError, ConnectionAbortedError):
            return  # the page was closed or reloaded


class Server(ThreadingHTTPServer):
    """One thread a request; an event stream keeps its thread while the page is open."""

    daemon_threads = True
    block_on_close = False
    # On Windows SO_REUSEADDR lets a second server take a port that one listens on.
    allow_reuse_address = sys.platform != "win32"

    def __init__(self, board: Board, port: int) -> None:
        self.board = board
        self.page, self.policy = _page()
        super().__init__((HOST, port), _Handler)

    def handle_error(self, request: object, client_address: object) -> None:
        """A page closed while a picture was on its way is no news; anything else is a
        bug, and its traceback is printed as socketserver does."""
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)  # type: ignore[arg-type]

    @property
    def port(self) -> int:
        return int(self.server_address[1])

    @property
    def address(self) -> str:
        return f"http://{HOST}:{self.port}/"

    def is_own(self, host: str) -> bool:
        """Whether the request names this server (its address or localhost, this port)."""
        return host.lower() in (f"{HOST}:{self.port}", f"localhost:{self.port}")
