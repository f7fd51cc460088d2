"""A SPARQL 1.1 server as the kg store, over the SPARQL Protocol, Update and Graph Store protocols.

A team that outgrows one machine points `--store` (or `$KG_STORE`) at a server
instead of a folder, and the rest of kg does not change: `RemoteStore` has the
interface every kg store has (`KGStore`, kg/rdf/base.py) and gives the same
answers to the same queries as the embedded store. Locations (see README, "Remote stores"):

    http://localhost:7878                     ask the server what it is (one GET)
    oxigraph+http://localhost:7878            Oxigraph: /query, /update, /store
    virtuoso+http://dba:PW@localhost:8890     Virtuoso: /sparql(-auth), /sparql-graph-crud(-auth)
    sparql+http://host/ds/query?update=/ds/update&store=/ds/data     any other server

Why each choice:
- One named graph per article is replaced with a Graph Store Protocol PUT where
  the server has one (a single request the server applies whole, with no limit on
  the size of a SPARQL text), else with the one SPARQL Update that the embedded
  store runs (DROP SILENT + INSERT DATA). Either way a failed request leaves the
  graph as it was.
- Queries run over the union of all graphs as in the embedded store: Oxigraph
  gets its `union-default-graph` parameter, Virtuoso's default graph already is
  the union, and other servers are taken to behave like Virtuoso (most do).
- kg lists, counts and dumps only its own graphs (IRIs under BASE), because a
  shared server holds other data too (Virtuoso alone keeps a few system graphs).
- Answers are SPARQL JSON results turned into the strings the embedded store
  gives, with typed literals written in Oxigraph's canonical form (Virtuoso
  answers `1` for true and keeps no trailing zeros), so both stores agree.
- HTTP is the standard library's urllib, with a timeout on every request, and
  every failure becomes one `StoreError`/`QueryError` that says what to do.
"""

from __future__ import annotations

import html
import ipaddress
import json
import os
import re
import socket
import urllib.error
import urllib.request
from collections.abc import Mapping
from pathlib import Path
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from http.client import HTTPException
from typing import Any, NamedTuple
from urllib.parse import parse_qsl, quote, unquote, urlencode, urljoin, urlsplit, urlunsplit

import pyoxigraph as ox
from rdflib import Dataset

from kg.errors import QueryError, StoreError
from kg.rdf.namespace import BASE, ENTITY_GRAPH
from kg.rdf.base import RDF_FORMATS, KGStore, QueryResult, Term, dump_format_of, serialize_store, term_text
from kg.rdf.sparql import with_prefixes

__all__ = ["RemoteStore", "Endpoints", "is_remote", "resolve_endpoints", "DEFAULT_TIMEOUT"]

#: Seconds a request may take before kg gives up on the server; `?timeout=` overrides.
DEFAULT_TIMEOUT = 30.0
_SERVERS = ("oxigraph", "virtuoso", "sparql")
_SCHEMES = frozenset({"http", "https"} | {f"{s}+{t}" for s in _SERVERS for t in ("http", "https")})
_OPTIONS = frozenset({"update", "store", "timeout"})
_XSD = "http://www.w3.org/2001/XMLSchema#"
_INTEGER_TYPES = frozenset(_XSD + t for t in (
    "integer", "int", "long", "short", "byte", "nonNegativeInteger", "nonPositiveInteger", "positiveInteger",
    "negativeInteger", "unsignedLong", "unsignedInt", "unsignedShort", "unsignedByte"))
_TEMPORAL_TYPES = frozenset(_XSD + t for t in ("dateTime", "dateTimeStamp", "time", "date"))
_FRACTION = re.compile(r"\.(\d*?)0+(?=$|[Z+-])")
_UTC = re.compile(r"[+-]00:00$")
_RESULTS_JSON = "application/sparql-results+json"
_NTRIPLES = "application/n-triples"
_FORM = "application/x-www-form-urlencoded; charset=utf-8"
_MESSAGE_LIMIT = 300  # characters of a server's error message worth printing
_OWN_GRAPHS = f'FILTER(STRSTARTS(STR(?g), "{BASE}"))'


def is_remote(location: object) -> bool:
    """True for a location kg should reach over HTTP rather than open as a folder."""
    if not isinstance(location, str) or "://" not in location:
        return False
    return location.split("://", 1)[0].lower() in _SCHEMES


@dataclass(frozen=True, slots=True)
class Endpoints:
    """Where one server answers queries, updates and (optionally) Graph Store requests."""

    server: str                # "oxigraph", "virtuoso" or "sparql" (any other SPARQL 1.1 server)
    query: str
    update: str
    store: str | None          # Graph Store Protocol endpoint; None writes with SPARQL Update only
    union_parameter: bool      # send Oxigraph's `union-default-graph` with each query


class _Response(NamedTuple):
    body: bytes
    content_type: str
    max_rows: str | None  # Virtuoso's X-SPARQL-MaxRows: the answer may have been cut there


@dataclass(frozen=True, slots=True)
class _Location:
    server: str | None         # None: ask the server (plain http/https)
    base: str                  # scheme://host:port/path, no credentials, no options
    options: dict[str, str]    # kg's options (update, store, timeout)
    extra: list[tuple[str, str]]  # other query parameters (kept on a generic endpoint's URL)
    user: str | None
    password: str | None
    shown: str                 # the location without credentials, for messages


def _parse(location: str, env: Mapping[str, str]) -> _Location:
    scheme, _, _ = location.partition("://")
    server: str | None = None
    if "+" in scheme:
        server, _, scheme = scheme.lower().partition("+")
    parts = urlsplit(f"{scheme.lower()}://{location.split('://', 1)[1]}")
    if not parts.hostname:
        raise StoreError(f"{location!r} names no host; write e.g. --store http://localhost:7878")
    user = unquote(parts.username) if parts.username else env.get("KG_STORE_USER") or None
    password = unquote(parts.password) if parts.password is not None else env.get("KG_STORE_PASSWORD")
    netloc = parts.hostname if ":" not in parts.hostname else f"[{parts.hostname}]"
    try:
        port = parts.port
    except ValueError as e:
        raise StoreError(f"{location!r} has a bad port ({e}); write e.g. --store http://localhost:7878") from e
    if port is not None:
        netloc += f":{port}"
    base = urlunsplit((parts.scheme, netloc, parts.path, "", ""))
    options: dict[str, str] = {}
    extra: list[tuple[str, str]] = []
    for key, value in parse_qsl(parts.query, keep_blank_values=True):
        (options.__setitem__(key, value) if key in _OPTIONS else extra.append((key, value)))
    shown_scheme = f"{server}+{parts.scheme}" if server else parts.scheme
    shown = urlunsplit((shown_scheme, netloc, parts.path, parts.query, ""))
    return _Location(server, base, options, extra, user, password, shown)


def resolve_endpoints(server: str, base: str, options: Mapping[str, str], *,
                      authenticated: bool, extra: list[tuple[str, str]] | None = None) -> Endpoints:
    """The endpoints of `server` under `base`, with `?update=` and `?store=` applied.

    Oxigraph and Virtuoso have fixed layouts; a generic server's query endpoint is
    `base` itself and its update endpoint the same URL unless told otherwise.
    """
    root = base if base.endswith("/") else base + "/"
    extra = extra or []
    if server == "oxigraph":
        query, update, store = root + "query", root + "update", root + "store"
    elif server == "virtuoso":
        suffix = "-auth" if authenticated else ""
        query, update, store = root + "sparql" + suffix, root + "sparql" + suffix, root + "sparql-graph-crud" + suffix
    elif server == "sparql":
        query = base + ("?" + urlencode(extra) if extra else "")
        update, store = query, ""
    else:
        raise StoreError(f"unknown SPARQL server kind {server!r}; write oxigraph+http://, virtuoso+http:// "
                         "or sparql+http:// (or plain http:// to let kg ask the server)")
    if extra and server != "sparql":
        raise StoreError(f"unknown option(s) {', '.join(k for k, _ in extra)} in the store URL; "
                         f"kg knows {', '.join(sorted(_OPTIONS))}")
    if "update" in options:
        update = urljoin(root, options["update"])
    if "store" in options:
        store = urljoin(root, options["store"]) if options["store"] not in ("", "none") else ""
    return Endpoints(server, query, update, store or None, union_parameter=server == "oxigraph")


class RemoteStore(KGStore):
    """A SPARQL 1.1 server used as the kg store; same interface as the embedded one.

    Open it with `kg.open_store("http://host:port")`. Nothing is held open between
    requests, so `flush()` and `close()` have nothing to do but are kept for the
    interface; each write is committed by the server when its request returns.
    """

    def __init__(self, location: str, *, read_only: bool = False, timeout: float | None = None,
                 env: Mapping[str, str] | None = None):
        spec = _parse(location, os.environ if env is None else env)
        self.location = spec.shown
        self.read_only = read_only
        self._auth = (spec.user, spec.password or "") if spec.user else None
        try:
            self.timeout = float(spec.options.get("timeout") or timeout or DEFAULT_TIMEOUT)
        except ValueError:
            self.timeout = -1.0
        if not 0 < self.timeout < float("inf"):
            raise StoreError(f"timeout={spec.options.get('timeout', timeout)!r} in {spec.shown} is not "
                             "a number of seconds; write e.g. ?timeout=60")
        self._opener = _opener(spec.base, self._auth, _is_loopback(urlsplit(spec.base).hostname or ""))
        server = spec.server or self._identify(spec)
        self.endpoints = resolve_endpoints(server, _strip_endpoint(server, spec), spec.options,
                                           authenticated=self._auth is not None, extra=spec.extra)

    # ------------------------------------------------------------- writing

    def _replace_graph(self, name: str, ntriples: bytes) -> None:
        """Make the named graph `name` hold exactly `ntriples`, in one request."""
        if self.endpoints.store is None or not ntriples.strip():
            super()._replace_graph(name, ntriples)  # DROP SILENT + INSERT DATA, via _update
            return
        self._check_writable()
        self._request("PUT", _with_graph(self.endpoints.store, name), ntriples, {"Content-Type": _NTRIPLES}, "write to")

    def load_dump(self, path: Path, *, workers: int | None = None) -> None:
        """Send each named graph of an N-Quads or TriG dump to the server, replacing the graph of that name.

        The dump is read whole first, so a malformed file sends nothing.
        """
        fmt = dump_format_of(path)
        dump = ox.Store()
        try:
            dump.bulk_load(path=str(path), format=fmt)
        except SyntaxError as e:
            raise StoreError(f"{path}: not valid {fmt.name}: {e}; fix the file and load it again "
                             "(nothing was sent)") from e
        for name in sorted(g.value for g in dump.named_graphs() if isinstance(g, ox.NamedNode)):
            triples = dump.query(f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH <{name}> {{ ?s ?p ?o }} }}")
            assert isinstance(triples, ox.QueryTriples)
            data = ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES) or b""
            if name == str(ENTITY_GRAPH):  # added to the server's descriptions, not replacing them
                self._update(f"INSERT DATA {{ GRAPH <{name}> {{\n{data.decode('utf-8')}\n}} }}")
            else:
                self._replace_graph(name, data)
        self.refresh_entities()  # the server may hold graphs the dump does not

    def _update(self, update: str) -> None:
        self._check_writable()
        self._request("POST", self.endpoints.update, urlencode({"update": update}).encode("utf-8"),
                      {"Content-Type": _FORM}, "write to")

    def _check_writable(self) -> None:
        if self.read_only:
            raise StoreError(f"the store at {self.location} was opened read-only; open it without read_only to write")

    # ------------------------------------------------------------- reading

    def query(self, sparql: str, *, prefixes: Mapping[str, str] | None = None) -> QueryResult:
        """Run a SELECT, ASK, CONSTRUCT or DESCRIBE over the union of all graphs; `prefixes` need no PREFIX line."""
        sparql = with_prefixes(sparql, prefixes or {})
        form = _query_form(sparql)
        params = {"query": sparql}
        if self.endpoints.union_parameter:
            params["union-default-graph"] = "true"
        accept = f"{_NTRIPLES}, text/turtle;q=0.5" if form in ("CONSTRUCT", "DESCRIBE") else _RESULTS_JSON
        body, content_type, max_rows = self._request(
            "POST", self.endpoints.query, urlencode(params).encode("utf-8"),
            {"Content-Type": _FORM, "Accept": accept}, "query")
        if "json" in content_type:
            result = _json_result(body, self.location, ask=form == "ASK")
        else:
            result = _triples_result(body, content_type, self.location)
        if max_rows and max_rows.isdigit() and len(result.rows) >= int(max_rows) > _limit(sparql):
            raise QueryError(f"the SPARQL server at {self.location} cut the answer at {max_rows} rows (Virtuoso's "
                             "ResultSetMaxRows in the [SPARQL] section of virtuoso.ini); ask for fewer rows "
                             "with LIMIT, or raise that setting")
        return result

    def graph_names(self) -> list[str]:
        """kg's named graphs on the server (other graphs a shared server holds are left out)."""
        rows = self.query(f"SELECT DISTINCT ?g WHERE {{ GRAPH ?g {{ ?s ?p ?o }} {_OWN_GRAPHS} }}").rows
        return sorted(row[0] for row in rows if row[0])

    def dump(self, fmt: str) -> bytes:
        """Serialise kg's graphs, exactly as the embedded store would."""
        if fmt not in RDF_FORMATS:  # before fetching anything
            return serialize_store(ox.Store(), fmt)  # raises the embedded store's error
        return serialize_store(self._snapshot(), fmt)

    def __len__(self) -> int:
        rows = self.query(f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH ?g {{ ?s ?p ?o }} {_OWN_GRAPHS} }}").rows
        return int(rows[0][0] or 0) if rows else 0

    @property
    def dataset(self) -> Dataset:
        """A copy of kg's graphs as an rdflib Dataset, taken now (writes to it stay local)."""
        from oxrdflib import OxigraphStore

        return Dataset(store=OxigraphStore(store=self._snapshot()), default_union=True)

    def _snapshot(self) -> ox.Store:
        """kg's graphs in an in-memory Oxigraph store: one Graph Store GET (or CONSTRUCT) per graph."""
        snapshot = ox.Store()
        expected = len(self)
        for name in self.graph_names():
            if self.endpoints.store is not None:
                data, content_type, _ = self._request("GET", _with_graph(self.endpoints.store, name), None,
                                                      {"Accept": _NTRIPLES}, "read from")
            else:
                query = f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH <{name}> {{ ?s ?p ?o }} }}"
                data, content_type, _ = self._request(
                    "POST", self.endpoints.query, urlencode({"query": query}).encode("utf-8"),
                    {"Content-Type": _FORM, "Accept": _NTRIPLES}, "read from")
            try:
                snapshot.load(data, format=_rdf_format(content_type), to_graph=ox.NamedNode(name))
            except (SyntaxError, ValueError) as e:
                raise StoreError(f"the SPARQL server at {self.location} sent graph {name} in a form kg cannot "
                                 f"read ({content_type}: {e}); check that the store URL names a SPARQL server") from e
        if len(snapshot) != expected:  # Virtuoso cuts long answers silently, even Graph Store GETs
            raise StoreError(f"the SPARQL server at {self.location} sent {len(snapshot)} of its {expected} triples; "
                             "it limits the size of answers (Virtuoso: ResultSetMaxRows in the [SPARQL] section of "
                             "virtuoso.ini): raise that limit and export again")
        return snapshot

    # ------------------------------------------------------------- lifecycle

    def flush(self) -> None:
        """Nothing to do: the server has committed each write when its request returned."""

    def close(self) -> None:
        """Nothing is held open between requests; kept so `with open_store(...)` works alike."""

    def __repr__(self) -> str:
        return f"RemoteStore({self.location!r}, server={self.endpoints.server!r})"

    # ------------------------------------------------------------- HTTP

    def _identify(self, spec: _Location) -> str:
        """Which server answers at `spec.base`, from its `Server` header; "sparql" if neither known one."""
        try:
            with self._opener.open(urllib.request.Request(spec.base, method="GET"), timeout=self.timeout) as r:
                header = r.headers.get("Server", "")
        except urllib.error.HTTPError as e:  # Virtuoso answers 404 at /, but says who it is
            header = e.headers.get("Server", "") if e.headers else ""
        except (urllib.error.URLError, OSError, HTTPException) as e:
            raise self._unreachable(e, "reach") from e
        for server in ("oxigraph", "virtuoso"):
            if header.lower().startswith(server):
                return server
        return "sparql"

    def _request(self, method: str, url: str, body: bytes | None, headers: Mapping[str, str],
                 action: str) -> _Response:
        """One HTTP request; returns the answer, or raises a KGError that says what to do."""
        request = urllib.request.Request(url, data=body, headers=dict(headers), method=method)
        try:
            with self._opener.open(request, timeout=self.timeout) as response:
                return _Response(response.read(), response.headers.get("Content-Type", ""),
                                 response.headers.get("X-SPARQL-MaxRows"))
        except urllib.error.HTTPError as e:
            raise self._refused(e, url, action) from e
        except (urllib.error.URLError, OSError, HTTPException) as e:
            raise self._unreachable(e, action) from e

    def _unreachable(self, error: BaseException, action: str) -> StoreError:
        reason = error.reason if isinstance(error, urllib.error.URLError) else error
        if isinstance(reason, ConnectionRefusedError):
            return StoreError(f"cannot reach the SPARQL server at {self.location}: connection refused; "
                              "start it or check --store")
        if isinstance(reason, TimeoutError | socket.timeout):
            return StoreError(f"the SPARQL server at {self.location} did not answer within {self.timeout:g} s; "
                              "check that it is up, or allow longer with ?timeout=SECONDS in the store URL")
        if isinstance(reason, socket.gaierror):
            return StoreError(f"cannot reach the SPARQL server at {self.location}: unknown host; check --store")
        return StoreError(f"cannot {action} the SPARQL server at {self.location}: {reason or error}; "
                          "check that it is up and that --store names it")

    def _refused(self, error: urllib.error.HTTPError, url: str, action: str) -> StoreError | QueryError:
        try:
            raw = error.read()
        except (OSError, HTTPException):
            raw = b""
        content_type = error.headers.get("Content-Type", "") if error.headers else ""
        message = _server_message(raw, content_type) or error.reason or "no message"
        status = f"HTTP {error.code}"
        if error.code in (401, 403) or "SECURITY" in message or "No permission" in message:
            # Virtuoso answers 500 "SR186:SECURITY" when its anonymous SPARQL user may not write.
            who = f"user {self._auth[0]!r}" if self._auth else "anonymous requests"
            role = " with the SPARQL_UPDATE role (dba has it)" if self.endpoints.server == "virtuoso" else ""
            return StoreError(f"the SPARQL server at {self.location} refused to let {who} {action} it ({status}: "
                              f"{message}); give a user{role} in the URL (scheme://USER:PASSWORD@host) "
                              "or in KG_STORE_USER and KG_STORE_PASSWORD")
        if error.code == 404:
            return StoreError(f"the SPARQL server at {self.location} has no endpoint {url.split('?')[0]} "
                              f"({status}: {message}); check the path in --store or give ?update=/?store=")
        if action == "query" and error.code in (400, 500):
            what = "rejected the query" if error.code == 400 else "failed to run the query"
            return QueryError(f"the SPARQL server {what} ({status}: {message}); check the query text")
        if action == "write to":
            return StoreError(f"the SPARQL server at {self.location} refused the write ({status}: {message}); "
                              "the graph there is as it was; check the server's log")
        return StoreError(f"the SPARQL server at {self.location} answered {status} when asked to {action} it: "
                          f"{message}; check the server's log")


# ----------------------------------------------------------------- helpers


def _strip_endpoint(server: str, spec: _Location) -> str:
    """The base under which a known server's endpoints live, if the user gave its query endpoint."""
    endpoint = {"oxigraph": "/query", "virtuoso": "/sparql"}.get(server)
    path = urlsplit(spec.base).path
    if endpoint and path.rstrip("/").endswith(endpoint):
        return spec.base[: spec.base.rindex(endpoint)]
    return spec.base


def _opener(base: str, auth: tuple[str, str] | None, loopback: bool) -> urllib.request.OpenerDirector:
    """An opener that answers Basic and Digest challenges (Virtuoso's -auth endpoints use Digest)."""
    handlers: list[urllib.request.BaseHandler] = []
    if loopback:  # a proxy from the environment must not capture a server on this machine
        handlers.append(urllib.request.ProxyHandler({}))
    if auth is not None:
        parts = urlsplit(base)
        passwords = urllib.request.HTTPPasswordMgrWithDefaultRealm()
        passwords.add_password(None, f"{parts.scheme}://{parts.netloc}/", auth[0], auth[1])  # every endpoint
        handlers += [urllib.request.HTTPDigestAuthHandler(passwords), urllib.request.HTTPBasicAuthHandler(passwords)]
    return urllib.request.build_opener(*handlers)


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _with_graph(store: str, graph: str) -> str:
    return store + ("&" if "?" in store else "?") + "graph=" + quote(graph, safe="")


_SKIPPED = re.compile(r"""<[^>\s]*>|"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'|#[^\n]*""")
_LIMIT = re.compile(r"\bLIMIT\s+(\d+)", re.IGNORECASE)
_FORM_WORD = re.compile(r"\b(SELECT|ASK|CONSTRUCT|DESCRIBE)\b", re.IGNORECASE)


def _query_form(sparql: str) -> str:
    """SELECT, ASK, CONSTRUCT or DESCRIBE: the first such keyword outside IRIs, strings and comments."""
    match = _FORM_WORD.search(_SKIPPED.sub(" ", sparql))
    return match.group(1).upper() if match else "SELECT"


def _limit(sparql: str) -> int:
    """The query's last LIMIT (0 when it has none): an answer of exactly that many rows was not cut."""
    limits = _LIMIT.findall(_SKIPPED.sub(" ", sparql))
    return int(limits[-1]) if limits else 0


def _json_result(body: bytes, location: str, *, ask: bool = False) -> QueryResult:
    try:
        data = json.loads(body.decode("utf-8"))
        if "boolean" in data:
            return _answer(bool(data["boolean"]))
        variables = tuple(data["head"]["vars"])
        terms = tuple(tuple(_json_term(binding.get(v)) for v in variables) for binding in data["results"]["bindings"])
        if ask:  # Virtuoso 7 answers ASK as a SELECT of ?__ASK_RETVAL: one row of 1, or none
            return _answer(any(row and term_text(row[0]) not in ("0", "false") for row in terms))
    except (UnicodeDecodeError, ValueError, KeyError, TypeError, AttributeError) as e:
        raise StoreError(f"the SPARQL server at {location} answered with results kg cannot read ({e}); "
                         "check that the store URL names a SPARQL endpoint") from e
    return QueryResult.of_terms(variables, terms)


def _answer(value: bool) -> QueryResult:
    """An ASK answer, shaped as the embedded store shapes it."""
    return QueryResult.of_boolean(value)


def _triples_result(body: bytes, content_type: str, location: str) -> QueryResult:
    try:
        triples = list(ox.parse(body, format=_rdf_format(content_type)))
    except (SyntaxError, ValueError) as e:
        raise StoreError(f"the SPARQL server at {location} answered with triples kg cannot read "
                         f"({content_type}: {e}); check that the store URL names a SPARQL endpoint") from e
    return QueryResult.of_terms(("subject", "predicate", "object"),
                                tuple((t.subject, t.predicate, t.object) for t in triples))


def _rdf_format(content_type: str) -> ox.RdfFormat:
    media = content_type.split(";")[0].strip().lower()
    if media in ("text/turtle", "application/x-turtle"):
        return ox.RdfFormat.TURTLE
    return ox.RdfFormat.N_TRIPLES  # application/n-triples, and the text/plain older servers send


def _json_term(term: dict[str, Any] | None) -> Term | None:
    """A SPARQL JSON term as the term the embedded store gives for it (typed values in canonical form)."""
    if term is None:
        return None
    kind, value = term.get("type"), str(term.get("value", ""))
    if kind in ("literal", "typed-literal"):
        datatype, language = term.get("datatype"), term.get("xml:lang")
        if datatype:
            return ox.Literal(_canonical(value, datatype), datatype=ox.NamedNode(datatype))
        return ox.Literal(value, language=language) if language else ox.Literal(value)
    if kind == "bnode":
        return ox.BlankNode(value)
    return ox.NamedNode(value)


def _canonical(value: str, datatype: str) -> str:
    """`value` in Oxigraph's canonical form for `datatype`, so remote answers match the embedded store's.

    Servers keep typed values in their own way: Virtuoso answers 1 for true and
    1.5 for 1.5E0. Values that do not parse are returned as they came.
    """
    text = value.strip()
    try:
        if datatype == _XSD + "boolean":
            return {"1": "true", "0": "false"}.get(text, text.lower())
        if datatype in _INTEGER_TYPES:
            return str(int(text))
        if datatype == _XSD + "decimal":
            number = Decimal(text)
            if number == number.to_integral_value():
                return str(int(number))
            return format(number.normalize(), "f")
        if datatype in (_XSD + "double", _XSD + "float"):
            return _float_text(text)
        if datatype in _TEMPORAL_TYPES:  # Virtuoso keeps 07.500 where Oxigraph writes 07.5
            text = _FRACTION.sub(lambda m: "." + m.group(1) if m.group(1) else "", text)
            return _UTC.sub("Z", text)
    except (ValueError, InvalidOperation, ArithmeticError):
        return value
    return value


def _float_text(text: str) -> str:
    """Shortest round-trip digits, never an exponent: how Oxigraph writes xsd:double and xsd:float."""
    special = {"inf": "INF", "+inf": "INF", "-inf": "-INF", "nan": "NaN"}
    if text.lower() in special:
        return special[text.lower()]
    digits = format(Decimal(repr(float(text))), "f")
    return digits.rstrip("0").rstrip(".") if "." in digits else digits


def _server_message(raw: bytes, content_type: str) -> str:
    """The first informative line of a server's error body (HTML pages reduced to their text)."""
    text = raw.decode("utf-8", errors="replace")
    if "html" in content_type.lower() or text.lstrip().startswith("<"):
        block = re.search(r"<(xmp|pre)[^>]*>(.*?)</\1>", text, re.IGNORECASE | re.DOTALL)
        text = block.group(2) if block else re.sub(r"<(title|h\d)[^>]*>.*?</\1>", " ", text, flags=re.I | re.S)
        text = html.unescape(re.sub(r"<[^>]+>", " ", text))
    for line in text.splitlines():
        line = " ".join(line.split())
        if line:
            return line if len(line) <= _MESSAGE_LIMIT else line[: _MESSAGE_LIMIT - 1] + "…"
    return ""
