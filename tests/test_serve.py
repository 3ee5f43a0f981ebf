"""``deckbuilder serve`` without a browser: the address it prints, the addresses it answers
(only its own: everything else 404), what a round redraws, problems shown and cleared.
The browser itself: test_serve_browser.py (slow)."""

from __future__ import annotations

import http.client
import os
import re
import signal
import socket
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from deckbuilder.build.serve import DEFAULT_PORT, Loop, open_server
from deckbuilder.build.serve_board import Board, Picture, View, editor_template
from deckbuilder.build.serve_http import Server
from deckbuilder.errors import Location, UsageError

from .conftest import BUILD_EPOCH, MakeProject, line_of, replace_in, run_cli

VERSION = "0123456789abcdef"


def start_serve(project: Path, *args: str) -> tuple[subprocess.Popen[str], str]:
    """``deckbuilder serve PROJECT --port 0`` as a user starts it, and the address it
    printed first (read within 10 s, or the test fails)."""
    env = {**os.environ, "SOURCE_DATE_EPOCH": BUILD_EPOCH}
    process = subprocess.Popen([sys.executable, "-m", "deckbuilder", "serve", str(project),
                                "--port", "0", *args], cwd=project, env=env, text=True,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    lines: list[str] = []
    reader = threading.Thread(target=lambda: lines.append(process.stdout.readline()),  # type: ignore[union-attr]
                              daemon=True)
    reader.start()
    reader.join(10)
    if not lines:
        process.kill()
        pytest.fail("serve printed no address within 10 s")
    return process, lines[0]


def stop(process: subprocess.Popen[str]) -> tuple[int, str]:
    """Ctrl+C (SIGINT) where there is one, and the exit status and standard error."""
    process.send_signal(signal.SIGINT if os.name == "posix" else signal.SIGTERM)
    try:
        _, err = process.communicate(timeout=20)
    except subprocess.TimeoutExpired:
        process.kill()
        raise
    return process.returncode, err


def test_the_address_comes_first_and_the_page_answers(make_project: MakeProject) -> None:
    project = make_project()
    process, line = start_serve(project)
    try:
        found = re.fullmatch(r"http://127\.0\.0\.1:(\d+)/\n", line)
        assert found, line
        connection = http.client.HTTPConnection("127.0.0.1", int(found.group(1)), timeout=10)
        connection.request("GET", "/")
        response = connection.getresponse()
        assert response.status == 200
        assert b"<title>deckbuilder serve</title>" in response.read()
    finally:
        status, err = stop(process)
    if os.name == "posix":
        assert status == 0, err
        assert err.rstrip().endswith("stopped"), err
    assert "Traceback" not in err


@pytest.fixture()
def served(tmp_path: Path) -> Iterator[Server]:
    """A server with one picture on its board, in this process; a content file lies in
    its project folder, where no address may reach it."""
    (tmp_path / "content").mkdir()
    (tmp_path / "content" / "deck.yaml").write_text("secret: yes\n", "utf-8")
    board = Board(View(tmp_path))
    board.show(slides=[Picture("slide-1", b"\x89PNG picture", VERSION, 16, 9, "1 · title",
                               Location("content/deck.yaml", 3, 5))], status="ready")
    server = open_server(board, 0)
    yield server
    server.board.close()
    server.shutdown()
    server.server_close()


def fetch(server: Server, target: str, method: str = "GET",
          host: str | None = None) -> tuple[int, bytes]:
    """The status and body of one request, its target sent exactly as written."""
    with socket.create_connection(("127.0.0.1", server.port), timeout=10) as s:
        s.sendall(f"{method} {target} HTTP/1.1\r\nHost: {host or f'127.0.0.1:{server.port}'}"
                  "\r\nConnection: close\r\n\r\n".encode("latin-1"))
        data = b""
        while chunk := s.recv(65536):
            data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    return int(head.split()[1]), body


OUTSIDE = [
    "/index.html", "/content/deck.yaml", "/content/", "/img/", "/img", "/events/",
    "/../content/deck.yaml", "/%2e%2e/content/deck.yaml", "/%2E%2E%2Fcontent%2Fdeck.yaml",
    "/img/..%2f..%2fcontent%2fdeck.yaml", "/img/%2e%2e/%2e%2e/content/deck.yaml",
    f"/img/slide-1-{VERSION}.png/../../content/deck.yaml", "/..\\content\\deck.yaml",
    "/img\\..\\..\\content\\deck.yaml", "/%5c..%5ccontent%5cdeck.yaml", "//content/deck.yaml",
    "/.", "/./", "/?", "/?file=content/deck.yaml", f"/img/slide-1-{VERSION}.png?x",
    "/img/slide-1-0000000000000000.png",  # a version no longer shown
    f"/img/slide-2-{VERSION}.png", f"/img/slide-01-{VERSION}.png",
    f"/img/../img/slide-1-{VERSION}.png", "http://127.0.0.1/", "*",
]


@pytest.mark.parametrize("target", OUTSIDE)
def test_every_other_address_is_not_found(served: Server, target: str) -> None:
    status, body = fetch(served, target)
    assert status == 404
    assert b"secret" not in body and b"PNG" not in body


def test_only_the_page_the_stream_and_the_pictures(served: Server) -> None:
    assert served.server_address[0] == "127.0.0.1"
    status, page = fetch(served, "/")
    assert status == 200
    # Nothing from elsewhere: no address with a host in it, no external script or style.
    assert not re.search(rb"(src|href)\s*=\s*[\"']?(https?:)?//", page)
    assert fetch(served, f"/img/slide-1-{VERSION}.png") == (200, b"\x89PNG picture")
    assert fetch(served, f"/img/slide-1-{VERSION}.png", "HEAD") == (200, b"")
    assert fetch(served, "/", "POST")[0] == 501
    # A web page that points its own name at 127.0.0.1 reads nothing (DNS rebinding).
    assert fetch(served, "/", host=f"evil.example:{served.port}")[0] == 404
    assert fetch(served, f"/img/slide-1-{VERSION}.png", host="evil.example")[0] == 404
    assert fetch(served, "/", host=f"localhost:{served.port}")[0] == 200


def test_the_page_forbids_loading_from_elsewhere(served: Server) -> None:
    connection = http.client.HTTPConnection("127.0.0.1", served.port, timeout=10)
    connection.request("GET", "/")
    policy = connection.getresponse().getheader("Content-Security-Policy") or ""
    assert "default-src 'none'" in policy and "img-src 'self'" in policy
    assert "script-src 'sha256-" in policy and "unsafe" not in policy


def test_the_stream_sends_the_state_and_each_change(served: Server) -> None:
    connection = http.client.HTTPConnection("127.0.0.1", served.port, timeout=10)
    connection.request("GET", "/events")
    response = connection.getresponse()
    assert response.getheader("Content-Type", "").startswith("text/event-stream")
    first = response.readline()
    assert first.startswith(b"data: {") and f"slide-1-{VERSION}".encode() in first
    assert response.readline() == b"\n"
    served.board.show(status="errors", problems=[{"severity": "error", "text": "x:1:1: error"}])
    second = response.readline()
    assert b'"status": "errors"' in second and b"x:1:1: error" in second
    connection.close()


def test_a_port_taken_is_a_usage_error_unless_any_will_do(served: Server) -> None:
    with pytest.raises(UsageError, match=rf"cannot listen on port {served.port} .*--port 0"):
        open_server(Board(View(Path("."))), served.port)
    with socket.socket() as blocker:
        try:
            blocker.bind(("127.0.0.1", DEFAULT_PORT))
            blocker.listen()
        except OSError:
            pass  # something else has it: taken all the same
        other = open_server(Board(View(Path("."))), None)
        try:
            assert other.port not in (DEFAULT_PORT, 0)
        finally:
            other.shutdown()
            other.server_close()


def test_a_place_opens_in_the_editor_named(tmp_path: Path) -> None:
    where = Location("content/trends.yaml", 12, 5)
    view = View(tmp_path, editor=editor_template("vscode"))
    assert view.link(where) == f"vscode://file{(tmp_path / 'content/trends.yaml').as_posix()}:12:5"
    own = View(tmp_path / "a b", editor=editor_template("edit://open?f={path}&l={line}"))
    assert own.link(Location("content/x.yaml", 3, 0)) == \
        f"edit://open?f={(tmp_path / 'a%20b/content/x.yaml').as_posix()}&l=3"
    assert View(tmp_path).link(where) is None  # no editor: the page copies the place
    for wrong in ("nano", "javascript:alert({path})", "https://x/{path}", "x://{path}{name}"):
        with pytest.raises(ValueError, match="unknown editor .* vscode, vscode-insiders"):
            editor_template(wrong)


def test_an_unknown_editor_is_a_usage_error(make_project: MakeProject) -> None:
    result = run_cli("serve", make_project(), "--editor", "nano")
    assert result.returncode == 2
    assert "error: unknown editor 'nano': choose from vscode" in result.stderr
    assert result.stdout == ""


def test_a_round_draws_only_what_changed_and_errors_keep_the_pictures(
        make_project: MakeProject, tmp_path: Path) -> None:
    project = make_project()
    board = Board(View(project))
    loop = Loop(project, tmp_path / "out", board)
    try:
        first = loop.draw()
        assert first.ok and len(first.drawn) == first.slides + first.pages
        assert first.slides > 5 and first.pages > 2
        before = {p.ident: p.version for p in board._state.slides}
        trend = line_of(project, "trends.yaml", "  - title: ZWEITER TREND")
        slide = next(p for p in board._state.slides if p.source == Location(
            "content/trends.yaml", trend, 5))
        replace_in(project, "trends.yaml", "Ein dritter Einflussfaktor", "Ein neuer Faktor")
        second = loop.draw()
        after = {p.ident: p.version for p in board._state.slides}
        assert [d for d in second.drawn if d.startswith("slide-")] == [slide.ident]
        assert {k for k in after if after[k] != before[k]} == {slide.ident}
        assert any(d.startswith("page-") for d in second.drawn)  # the dossier shows it too
        # Drawn alone (in a PDF of just the changed slide), it has the very pixels it has
        # when every slide is drawn together.
        whole = Loop(project, tmp_path / "out", Board(View(project)))
        whole.draw()
        whole.close()
        assert {p.ident: p.version for p in whole.board._state.slides} == after

        bad = line_of(project, "trends.yaml", "  - title: ERSTER TREND") + 1
        replace_in(project, "trends.yaml", "    color: golden", "    colour: golden")
        broken = loop.draw()
        assert not broken.ok and board._state.status == "errors"
        texts = [p["text"] for p in board._state.problems]
        assert any(t.startswith(f"content/trends.yaml:{bad}:5: error: unknown key 'colour'")
                   for t in texts), texts
        assert {p.ident: p.version for p in board._state.slides} == after  # last good ones

        replace_in(project, "trends.yaml", "    colour: golden", "    color: golden")
        fixed = loop.draw()
        assert fixed.ok and fixed.drawn == () and board._state.status == "ready"
        assert not [p for p in board._state.problems if p["severity"] == "error"]
    finally:
        loop.close()


def test_a_new_picture_redraws_the_slides_that_show_it(make_project: MakeProject,
                                                        tmp_path: Path) -> None:
    from PIL import Image

    project = make_project()
    loop = Loop(project, tmp_path / "out", Board(View(project)))
    try:
        loop.draw()
        picture = project / "assets" / "pictures" / "title.jpg"
        with Image.open(picture) as image:
            image.transpose(Image.Transpose.FLIP_LEFT_RIGHT).save(picture, quality=90)
        again = loop.draw()
        assert [d for d in again.drawn if d.startswith("slide-")] == ["slide-1"]
    finally:
        loop.close()
