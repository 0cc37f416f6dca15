"""An editor with yaml-language-server completes and checks a journey map from the committed schema.

The examples' first line, `# yaml-language-server: $schema=../schemas/journey.schema.json`, is
what VS Code, Neovim, Helix or Zed read. These tests start the real server (installed by
`make node`), speak the Language Server Protocol to it over stdio, and ask for completions and
diagnostics the way an editor does, with the schema store turned off (there is no network).
"""

from __future__ import annotations

import itertools
import json
import queue
import subprocess
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import EXAMPLES, ROOT
from tests.tools import find_node_tool

pytestmark = pytest.mark.node

TIMEOUT = 30.0
ECOMMERCE = ROOT / "examples" / "ecommerce-first-purchase.yaml"
SCHEMA_LINE = "# yaml-language-server: $schema=../schemas/journey.schema.json"

# What the server pulls with workspace/configuration: the `yaml` section drives it; the schema store
# (a download from schemastore.org) and the Kubernetes CRD store must stay off.
YAML_SETTINGS = {
    "validate": True,
    "completion": True,
    "hover": True,
    "format": {"enable": False},
    "schemaStore": {"enable": False, "url": ""},
    "kubernetesCRDStore": {"enable": False},
    "disableDefaultProperties": False,
    "maxItemsComputed": 5000,
}
SECTIONS: dict[str, Any] = {"yaml": YAML_SETTINGS, "http": {"proxy": "", "proxyStrictSSL": False}}


class LanguageClient:
    """A minimal LSP client: JSON-RPC with Content-Length framing over a subprocess's stdio.

    Why threads: reading a pipe blocks, so one thread parses frames into a queue and every wait in
    the test is a bounded `queue.get`; a silent server fails the test instead of hanging it.
    """

    def __init__(self, command: list[str], cwd: Path, stderr: Path) -> None:
        self.stderr_path = stderr
        self._stderr = stderr.open("wb")
        self.process = subprocess.Popen(
            command, cwd=cwd, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=self._stderr
        )
        self.messages: queue.Queue[dict[str, Any] | None] = queue.Queue()
        self.diagnostics: dict[str, list[list[dict[str, Any]]]] = {}
        self.configuration_requests: list[list[dict[str, Any]]] = []
        self._ids = itertools.count(1)
        self._reader = threading.Thread(target=self._read, name="lsp-reader", daemon=True)
        self._reader.start()

    def _read(self) -> None:
        stream = self.process.stdout
        assert stream is not None
        while True:
            length = None
            while (line := stream.readline()) not in (b"\r\n", b""):
                if line.lower().startswith(b"content-length:"):
                    length = int(line.split(b":", 1)[1])
            if not line or length is None:
                self.messages.put(None)
                return
            self.messages.put(json.loads(stream.read(length)))

    def _send(self, message: dict[str, Any]) -> None:
        body = json.dumps({"jsonrpc": "2.0", **message}).encode()
        stdin = self.process.stdin
        assert stdin is not None
        stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        stdin.flush()

    def notify(self, method: str, params: Any) -> None:
        """Send a notification."""
        self._send({"method": method, "params": params})

    def request(self, method: str, params: Any) -> Any:
        """Send a request and return its result, answering the server's own requests meanwhile."""
        request_id = next(self._ids)
        self._send({"id": request_id, "method": method, "params": params})
        message = self._pump(lambda m: m.get("id") == request_id and "method" not in m, f"the {method} response")
        assert "error" not in message, f"{method} failed: {message['error']}"
        return message.get("result")

    def wait_for_diagnostics(self, uri: str) -> list[dict[str, Any]]:
        """The first diagnostics the server publishes for a document."""
        message = self._pump(
            lambda m: m.get("method") == "textDocument/publishDiagnostics" and m["params"]["uri"] == uri,
            f"diagnostics for {uri}",
        )
        diagnostics: list[dict[str, Any]] = message["params"]["diagnostics"]
        return diagnostics

    def wait_for_configuration(self) -> None:
        """Block until the server has pulled its settings (it does so after `initialized`)."""
        self._pump(lambda m: m.get("method") == "workspace/configuration", "a workspace/configuration request")

    def _pump(self, wanted: Any, what: str) -> dict[str, Any]:
        deadline = time.monotonic() + TIMEOUT
        while True:
            remaining = deadline - time.monotonic()
            assert remaining > 0, f"no {what} from yaml-language-server within {TIMEOUT:.0f} s\n{self.stderr()}"
            try:
                message = self.messages.get(timeout=remaining)
            except queue.Empty:
                continue
            assert message is not None, f"yaml-language-server exited while waiting for {what}\n{self.stderr()}"
            if "method" in message and "id" in message:
                self._answer(message)
            if wanted(message):
                return message

    def _answer(self, message: dict[str, Any]) -> None:
        """Answer a request from the server as an editor would."""
        result: Any = None
        if message["method"] == "workspace/configuration":
            items = message["params"]["items"]
            self.configuration_requests.append(items)
            result = [SECTIONS.get(item.get("section", ""), {}) for item in items]
        self._send({"id": message["id"], "result": result})

    def stderr(self) -> str:
        """What the server wrote on stderr so far, for failure messages."""
        self._stderr.flush()
        return self.stderr_path.read_text(encoding="utf-8", errors="replace")[-3000:]

    def close(self) -> None:
        """Shut the server down as an editor does (shutdown request, exit notification) and reap it."""
        if self.process.poll() is None:
            self.request("shutdown", None)
            self.notify("exit", None)
        assert self.process.stdin is not None
        self.process.stdin.close()
        self.process.wait(timeout=TIMEOUT)
        self._reader.join(timeout=TIMEOUT)
        assert self.process.stdout is not None
        self.process.stdout.close()
        self._stderr.close()


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LanguageClient]:
    """One running yaml-language-server, initialised like an editor opening the repository."""
    command = find_node_tool("yaml-language-server")
    if command is None:
        pytest.fail("yaml-language-server is not installed in tests/node (or node is missing): run `make node`")
    client = LanguageClient([str(command), "--stdio"], ROOT, tmp_path_factory.mktemp("lsp") / "stderr.log")
    result = client.request(
        "initialize",
        {
            "processId": None,
            "rootUri": ROOT.as_uri(),
            "workspaceFolders": [{"uri": ROOT.as_uri(), "name": "cjm"}],
            "capabilities": {
                "workspace": {"configuration": True, "didChangeConfiguration": {"dynamicRegistration": False}},
                "textDocument": {
                    "synchronization": {"dynamicRegistration": False},
                    "completion": {"completionItem": {"snippetSupport": True, "documentationFormat": ["markdown"]}},
                    "publishDiagnostics": {"relatedInformation": True},
                },
            },
        },
    )
    assert result["capabilities"]["completionProvider"] is not None
    client.notify("initialized", {})
    client.wait_for_configuration()
    client.notify("workspace/didChangeConfiguration", {"settings": {"yaml": YAML_SETTINGS}})
    client.wait_for_configuration()
    yield client
    client.close()


_documents = itertools.count(1)


def open_document(server: LanguageClient, text: str, near: Path = ECOMMERCE) -> str:
    """Open an in-memory document next to `near`, so the modeline's relative schema path resolves.

    Why in memory: the server reads the schema from disk but the document from the editor, so the
    repository is never written to and each test gets its own URI.
    """
    uri = near.with_name(f"{near.stem}.editor-test-{next(_documents)}.yaml").as_uri()
    server.notify(
        "textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": "yaml", "version": 1, "text": text}}
    )
    return uri


def complete(server: LanguageClient, text: str, line: int, character: int) -> list[str]:
    """The labels of the completion items at a position of a fresh document."""
    uri = open_document(server, text)
    result = server.request(
        "textDocument/completion", {"textDocument": {"uri": uri}, "position": {"line": line, "character": character}}
    )
    items = result["items"] if isinstance(result, dict) else result
    server.notify("textDocument/didClose", {"textDocument": {"uri": uri}})
    return [item["label"] for item in items or []]


def example_lines() -> list[str]:
    lines = ECOMMERCE.read_text(encoding="utf-8").splitlines()
    assert lines[0] == SCHEMA_LINE
    return lines


def test_server_pulls_the_yaml_settings(server: LanguageClient) -> None:
    sections = [item.get("section") for items in server.configuration_requests for item in items]
    assert "yaml" in sections


@pytest.mark.parametrize("example", EXAMPLES, ids=[path.stem for path in EXAMPLES])
def test_examples_have_no_diagnostics(server: LanguageClient, example: Path) -> None:
    uri = open_document(server, example.read_text(encoding="utf-8"), near=example)
    assert server.wait_for_diagnostics(uri) == []


def test_top_level_keys_are_completed(server: LanguageClient) -> None:
    # A map being started: the example cut just before its `objective:` line, then an empty line.
    lines = example_lines()
    cut = next(index for index, line in enumerate(lines) if line.startswith("objective:"))
    labels = complete(server, "\n".join([*lines[:cut], "", ""]), cut, 0)
    assert {"objective", "persona", "stages"} <= set(labels), labels
    assert "title" not in labels, "keys already in the map are not offered again"


def test_stage_keys_are_completed(server: LanguageClient) -> None:
    lines = example_lines()
    new_stage = ["  - id: new-stage", "    name: New stage", "    "]
    labels = complete(server, "\n".join([*lines, *new_stage, ""]), len(lines) + 2, 4)
    assert {"touchpoints", "pain_points", "opportunities", "kpis"} <= set(labels), labels


def test_severity_values_are_completed(server: LanguageClient) -> None:
    lines = example_lines()
    index = lines.index("        severity: critical")
    lines[index] = "        severity: "
    labels = complete(server, "\n".join([*lines, ""]), index, len(lines[index]))
    assert {"low", "medium", "high", "critical"} <= set(labels), labels


def test_a_misspelt_key_is_reported_on_its_line(server: LanguageClient) -> None:
    lines = example_lines()
    index = next(index for index, line in enumerate(lines) if line.startswith("objective:"))
    lines.insert(index, "objectif: x")
    uri = open_document(server, "\n".join([*lines, ""]))
    diagnostics = server.wait_for_diagnostics(uri)
    assert [d["range"]["start"]["line"] for d in diagnostics] == [index], diagnostics
    [diagnostic] = diagnostics
    assert "objectif" in diagnostic["message"] and "not allowed" in diagnostic["message"], diagnostic
    assert "journey.schema.json" in json.dumps(diagnostic), "the diagnostic comes from the journey schema"


SCRIPT_MAPS = sorted((ROOT / "tests" / "maps" / "scripts").glob("*.yaml"))


@pytest.mark.parametrize("path", SCRIPT_MAPS, ids=[path.stem for path in SCRIPT_MAPS])
def test_ids_in_any_script_are_valid_for_the_editor_too(server: LanguageClient, path: Path) -> None:
    # The schema's id pattern uses `\p{…}` classes, which the editor reads with the `u` flag.
    uri = open_document(server, SCHEMA_LINE + "\n" + path.read_text(encoding="utf-8"))
    assert server.wait_for_diagnostics(uri) == []


def test_an_uppercase_id_in_any_script_is_flagged_by_the_editor(server: LanguageClient) -> None:
    text = "\n".join([SCHEMA_LINE, "cjm: 1", "title: T", "stages:", "  - id: Оплата", "    name: Оплата", ""])
    diagnostics = server.wait_for_diagnostics(open_document(server, text))
    assert [d["range"]["start"]["line"] for d in diagnostics] == [4], diagnostics
    assert "pattern" in diagnostics[0]["message"].lower(), diagnostics
