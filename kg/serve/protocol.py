"""The W3C SPARQL 1.1 Protocol, read-only, over the standard library's HTTP server.

    GET  /sparql?query=...                          (also /query, and / with ?query=)
    POST /sparql   application/x-www-form-urlencoded   query=...
    POST /sparql   application/sparql-query            the query as the body
    GET  /                                          the graph page

`default-graph-uri` and `named-graph-uri` choose the dataset as the protocol
says; without them the default graph is the union of all graphs, as in kg's own
queries. The answer's format follows the Accept header (or a `format=` /
`output=` parameter, as SPARQLWrapper sends). Updates (an `update=` parameter,
`application/sparql-update`, or a query text that starts with INSERT, LOAD, ...)
are refused with 403, as is SERVICE, which would make this server send requests
to any server a client names.
"""

from __future__ import annotations

from collections.abc import Callable
from http.server import BaseHTTPRequestHandler
from urllib.parse import parse_qs, urlsplit

from kg.rdf.sparql import UPDATE_WORDS, operation, uses_service
from kg.serve.workers import Answer, Job

__all__ = ["handler_class", "MAX_REQUEST_BYTES", "SPARQL_PATHS"]

#: The largest request body read (a query text, not data: this endpoint takes no uploads).
MAX_REQUEST_BYTES = 1 << 20
SPARQL_PATHS = frozenset({"/sparql", "/query"})
_FORM = "application/x-www-form-urlencoded"
_FORMAT_PARAMETER = {"json": "application/sparql-results+json, text/turtle;q=0.5",
                     "xml": "application/sparql-results+xml, application/rdf+xml;q=0.5",
                     "csv": "text/csv", "tsv": "text/tab-separated-values",
                     "turtle": "text/turtle", "ttl": "text/turtle", "nt": "application/n-triples",
                     "ntriples": "application/n-triples", "rdfxml": "application/rdf+xml",
                     "jsonld": "application/ld+json", "json-ld": "application/ld+json"}


def handler_class(run: Callable[[Job], Answer], page: bytes, server_name: str) -> type[BaseHTTPRequestHandler]:
    """A request handler that answers SPARQL through `run` and serves `page` at `/`."""

    class Handler(BaseHTTPRequestHandler):
        server_version = server_name
        protocol_version = "HTTP/1.1"

        def version_string(self) -> str:
            return self.server_version

        def do_GET(self) -> None:
            path, params = self._target()
            if path == "/" and "query" not in params and "update" not in params:
                self._send(Answer(200, "text/html; charset=utf-8", page))
            elif path in SPARQL_PATHS or path == "/":
                self._send(self._sparql(params))
            else:
                self._send(Answer.error(404, f"no page {path}; SPARQL is at /sparql, the graph page at /"))

        def do_POST(self) -> None:
            path, params = self._target()
            if path not in SPARQL_PATHS and path != "/":
                self._discard_body()
                self._send(Answer.error(404, f"no endpoint {path}; SPARQL is at /sparql"))
                return
            media = self.headers.get("Content-Type", "").split(";")[0].strip().lower()
            body = self._body()
            if body is None:
                return
            if media == _FORM:
                for key, values in parse_qs(body.decode("utf-8", errors="replace"), keep_blank_values=True).items():
                    params.setdefault(key, []).extend(values)
            elif media == "application/sparql-query":
                params["query"] = [body.decode("utf-8", errors="replace")]
            elif media == "application/sparql-update":
                params["update"] = [body.decode("utf-8", errors="replace")]
            else:
                self._send(Answer.error(415, f"cannot read a {media or 'body without a Content-Type'}; send "
                                             f"{_FORM} (query=...) or application/sparql-query"))
                return
            self._send(self._sparql(params))

        def _sparql(self, params: dict[str, list[str]]) -> Answer:
            if "update" in params:
                return Answer.error(403, "this endpoint is read-only: it answers queries, not updates")
            queries = params.get("query", [])
            if len(queries) != 1 or not queries[0].strip():
                return Answer.error(400, "give exactly one query: ?query=SELECT... or a POST body")
            query = queries[0]
            if operation(query) in UPDATE_WORDS:
                return Answer.error(403, f"this endpoint is read-only: {operation(query)} is an update")
            if uses_service(query):
                return Answer.error(403, "SERVICE is refused: this endpoint sends no requests to other servers")
            accept = self.headers.get("Accept") or "*/*"
            for key in ("format", "output"):
                chosen = params.get(key, [""])[0].lower()
                if chosen in _FORMAT_PARAMETER:
                    accept = _FORMAT_PARAMETER[chosen]
            return run(Job(query, accept, tuple(params.get("default-graph-uri", [])),
                           tuple(params.get("named-graph-uri", []))))

        def _target(self) -> tuple[str, dict[str, list[str]]]:
            parts = urlsplit(self.path)
            return parts.path or "/", parse_qs(parts.query, keep_blank_values=True)

        def _body(self) -> bytes | None:
            try:
                length = int(self.headers.get("Content-Length") or 0)
            except ValueError:
                length = -1
            if length < 0 or length > MAX_REQUEST_BYTES:
                self.close_connection = True
                self._send(Answer.error(413, f"a query may have at most {MAX_REQUEST_BYTES} bytes"))
                return None
            return self.rfile.read(length)

        def _discard_body(self) -> None:
            if self._body() is None:
                self.close_connection = True

        def _send(self, answer: Answer) -> None:
            self.send_response(answer.status)
            self.send_header("Content-Type", answer.media_type)
            self.send_header("Content-Length", str(len(answer.body)))
            self.send_header("Access-Control-Allow-Origin", "*")
            if self.path.startswith(("/sparql", "/query")) or "query=" in self.path:
                self.send_header("Vary", "Accept")
            for key, value in answer.headers.items():
                self.send_header(key, value)
            self.end_headers()
            if self.command != "HEAD":
                self.wfile.write(answer.body)

        def log_message(self, format: str, *args: object) -> None:
            """Quiet: the CLI prints where it serves; a log per query would flood a terminal."""

    return Handler
