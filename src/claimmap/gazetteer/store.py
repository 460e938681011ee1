"""Read side of the index: :class:`IndexGazetteer` implements the ``Gazetteer``
protocol over the SQLite file written by :mod:`claimmap.gazetteer.index`.

Nothing is loaded up front: every lookup is an indexed query, and places are cached
as they are read.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path
from typing import Any, Final

from rapidfuzz import fuzz, process

from claimmap.gazetteer.base import NameMatch
from claimmap.gazetteer.index import AREA_NAMES, HISTORICAL, PRIMARY
from claimmap.gazetteer.names import name_key, variant_key
from claimmap.model import Place, PlaceKind

CREDIT: Final = "Place data: GeoNames (https://www.geonames.org), CC BY 4.0."
REGION_SUFFIXES: Final = ("oblast", "region", "province", "krai", "kray", "oblast region")
_PLACE_COLUMNS: Final = (
    "p.pid, p.slug, p.name, p.kind, p.lat, p.lon, p.cc, p.a1, p.a2, p.population"
)
#: name rows as :meth:`IndexGazetteer._one_per_place` reads them (an index's columns
#: alone: the places come from the cache, or in one query for those not yet read)
_NAME_ROWS: Final = "pid, name, flags FROM names"


def place_id(pid: int, slug: str | None) -> str:
    return f"region:{slug}" if slug else f"geonames:{pid}"


class IndexGazetteer:
    """A gazetteer backed by one index file (or an open connection)."""

    def __init__(self, conn: sqlite3.Connection, path: Path | None = None) -> None:
        self.conn = conn
        self.path = path
        self._places: dict[int, Place | None] = {}
        self._block = lru_cache(maxsize=128)(self._block_keys)
        self._demonyms: dict[str, tuple[Place, ...]] | None = None
        self._admin_names: dict[tuple[str | None, ...], str] | None = None
        self._common: frozenset[str] | None = None
        self._area_keys: frozenset[str] | None = None
        # held by the one thread whose read transaction is open (see :meth:`reading`)
        self._transaction = threading.Lock()

    @contextmanager
    def reading(self) -> Iterator[None]:
        """Run the look-ups inside the block in one read transaction: a query then
        costs about a quarter of one that locks the file for itself. Only one thread
        at a time opens it, and only on a connection with no transaction of its own
        open; otherwise (another thread's block, a nested block) the block runs as
        it would without it. Keep blocks short (one name's look-ups): a process
        writing the index waits for them to end."""
        if not self._transaction.acquire(blocking=False):
            yield
            return
        try:
            if self.conn.in_transaction:
                yield
                return
            self.conn.execute("BEGIN")
            try:
                yield
            finally:
                self.conn.execute("COMMIT")
        finally:
            self._transaction.release()

    # -- places -----------------------------------------------------------------
    def _pid(self, pid_or_id: str) -> int | None:
        prefix, _, rest = pid_or_id.partition(":")
        if prefix == "geonames" and rest.isdigit():
            return int(rest)
        if prefix == "region" and rest:
            row = self.conn.execute("SELECT pid FROM places WHERE slug = ?", (rest,)).fetchone()
            return None if row is None else int(row[0])
        return None

    def _place(self, pid: int) -> Place | None:
        if pid not in self._places:
            row = self.conn.execute(
                f"SELECT {_PLACE_COLUMNS} FROM places p WHERE p.pid = ?", (pid,)
            ).fetchone()
            self._places[pid] = None if row is None else self._to_place(row)
        return self._places[pid]

    def _to_place(self, row: Sequence[Any]) -> Place:
        """A place from its row, with the names of its first- and second-level
        divisions (all of them read once: a few thousand rows)."""
        names = self._admin_names
        if names is None:
            names = self._admin_names = self._read_admin_names()
        pid, slug, name, kind, lat, lon, cc, a1, a2, population = row
        kind_: PlaceKind = kind
        return Place(
            id=place_id(int(pid), slug),
            name=str(name),
            kind=kind_,
            lat=float(lat),
            lon=float(lon),
            country_code=cc,
            admin1_code=a1,
            admin1_name=names.get((cc, a1)),
            population=int(population),
            admin2_name=names.get((cc, a1, a2)),
        )

    def _read_admin_names(self) -> dict[tuple[str | None, ...], str]:
        """Division names by (cc, a1) for first-level and (cc, a1, a2) for second-level
        divisions; of duplicates the lowest ``pid`` wins, as ``LIMIT 1`` did. Read from
        the small ``admin_names`` table, or the places table for an older index."""
        query = (
            "SELECT kind, cc, a1, a2, name FROM {} WHERE kind IN ('admin1', 'admin2') "
            "ORDER BY pid DESC"
        )
        try:
            rows = self.conn.execute(query.format("admin_names")).fetchall()
        except sqlite3.OperationalError:  # an index from before the table
            rows = self.conn.execute(query.format("places")).fetchall()
        names: dict[tuple[str | None, ...], str] = {}
        for kind, cc, a1, a2, name in rows:  # in descending pid order: the last one wins
            names[(cc, a1) if kind == "admin1" else (cc, a1, a2)] = str(name)
        return names

    def get(self, place_id: str) -> Place | None:
        pid = self._pid(place_id)
        return None if pid is None else self._place(pid)

    def admin1(self, country_code: str, admin1_code: str) -> Place | None:
        """The admin1 entry (oblast, state) with this GeoNames code, e.g. ("UA", "05")."""
        row = self.conn.execute(
            "SELECT pid FROM places WHERE kind = 'admin1' AND cc = ? AND a1 = ?",
            (country_code, admin1_code),
        ).fetchone()
        return None if row is None else self._place(int(row[0]))

    # -- names ------------------------------------------------------------------
    def _matches(self, column: str, key: str) -> list[NameMatch]:
        """The entries with a name whose ``column`` ("key" or "vkey") is ``key``."""
        rows = self.conn.execute(f"SELECT {_NAME_ROWS} WHERE {column} = ?", (key,)).fetchall()
        return self._one_per_place(rows)

    def _matches_of_keys(self, keys: list[str]) -> dict[str, list[NameMatch]]:
        """:meth:`_matches` for several exact keys in one query."""
        rows = self.conn.execute(
            f"SELECT key, {_NAME_ROWS} WHERE key IN ({', '.join('?' * len(keys))})", keys
        ).fetchall()
        by_key: dict[str, list[tuple[Any, ...]]] = {key: [] for key in keys}
        for key, *row in rows:
            by_key[key].append(tuple(row))
        self._read_places({row[1] for row in rows})
        return {key: self._one_per_place(found) for key, found in by_key.items()}

    def _one_per_place(self, rows: list[tuple[Any, ...]]) -> list[NameMatch]:
        """Matches from ``_NAME_ROWS`` rows, most populous first: one per place, its
        main name if that matched, else its first alternate in name order."""
        chosen: dict[int, tuple[Any, ...]] = {}
        for row in rows:
            other = chosen.get(row[0])
            if other is None or _preference(row) < _preference(other):
                chosen[row[0]] = row
        self._read_places(chosen)
        out: list[NameMatch] = []
        for pid, matched, flags in chosen.values():
            place = self._places[pid]
            if place is not None:
                primary, historical = bool(flags & PRIMARY), bool(flags & HISTORICAL)
                out.append(NameMatch(place, matched, primary, historical))
        out.sort(key=lambda m: (-m.place.population, m.place.id))
        return out

    def _read_places(self, pids: Iterable[int]) -> None:
        """Read the places with these ids that are not cached yet, in one query (per
        500 ids: SQLite's oldest limit on parameters is 999)."""
        todo = [pid for pid in pids if pid not in self._places]
        found: dict[int, Place] = {}
        for start in range(0, len(todo), 500):
            batch = todo[start : start + 500]
            rows = self.conn.execute(
                f"SELECT {_PLACE_COLUMNS} FROM places p WHERE p.pid IN "
                f"({', '.join('?' * len(batch))})",
                batch,
            ).fetchall()
            found.update((int(row[0]), self._to_place(row)) for row in rows)
        for pid in todo:  # each id cached once, with its final answer (threads share it)
            self._places[pid] = found.get(pid)  # None for an id without a place

    def lookup(self, name: str) -> tuple[NameMatch, ...]:
        key = name_key(name)
        if not key:
            return ()
        found = self._matches("key", key)
        seen = {m.place.id for m in found}
        found += [m for m in self._admin_by_suffix(key) if m.place.id not in seen]
        return tuple(found)

    def _admin_by_suffix(self, key: str) -> list[NameMatch]:
        """The admin1 entry for "Kursk region", "Kharkiv Oblast": one named like the
        stem, else the admin1 of the most populous place with the stem's name."""
        for suffix in REGION_SUFFIXES:
            if key.endswith(" " + suffix):
                stem = key[: -len(suffix) - 1].strip()
                break
        else:
            return []
        matches = self._matches("key", stem)
        admins = [m for m in matches if m.place.kind == "admin1"]
        if not admins:
            for m in matches:  # sorted by population
                admin = None
                if m.place.country_code and m.place.admin1_code:
                    admin = self.admin1(m.place.country_code, m.place.admin1_code)
                if admin is not None and m.place.kind == "populated_place":
                    admins = [NameMatch(admin, m.matched, False)]
                    break
        return [NameMatch(m.place, m.matched, False, m.historical) for m in admins]

    def demonym(self, word: str) -> tuple[Place, ...]:
        """The area whose people ``word`` names ("French", "Canadians"): the most
        populous when several share it ("Chinese": China, not Hong Kong); () for an
        index built without demonyms. The table is small and read once."""
        if self._demonyms is None:
            self._demonyms = self._read_demonyms()
        key = name_key(word)
        found = self._demonyms.get(key)
        if found is None and key.endswith("s"):
            found = self._demonyms.get(key[:-1])
        return found or ()

    def common_word(self, word: str) -> bool:
        """Whether ``word`` is a frequent English word ("Give", "Still"); False for
        an index built without the list. The list is small and read once."""
        if self._common is None:
            try:
                rows = self.conn.execute("SELECT key FROM common_words").fetchall()
            except sqlite3.OperationalError:  # an index from before the list
                rows = []
            self._common = frozenset(k for (k,) in rows)
        return name_key(word) in self._common

    def area_keys(self) -> frozenset[str]:
        """The name keys of countries (any of their names) and of first-level
        divisions (their main names): read once from the ``area_keys`` row, or for an
        index written before that row from the names and places tables."""
        if self._area_keys is None:
            try:
                row = self.conn.execute("SELECT v FROM area_keys").fetchone()
            except sqlite3.OperationalError:
                row = None
            if row is not None:
                self._area_keys = frozenset(row[0].split("\n")) if row[0] else frozenset()
            else:
                rows = self.conn.execute(f"SELECT DISTINCT n.key {AREA_NAMES}").fetchall()
                self._area_keys = frozenset(k for (k,) in rows)
        return self._area_keys

    def _read_demonyms(self) -> dict[str, tuple[Place, ...]]:
        try:
            rows = self.conn.execute("SELECT key, pid FROM demonyms").fetchall()
        except sqlite3.OperationalError:  # an index from before demonyms
            return {}
        best: dict[str, Place] = {}
        for key, pid in rows:
            place = self._place(int(pid))
            if place is not None and (key not in best or place.population > best[key].population):
                best[key] = place
        return {key: (place,) for key, place in best.items()}

    def lookup_variant(self, name: str) -> tuple[NameMatch, ...]:
        key = variant_key(name)
        return tuple(self._matches("vkey", key)) if key else ()

    def _block_keys(self, prefix: str) -> tuple[str, ...]:
        """The distinct keys that start with the two letters ``prefix``, sorted: one
        stored row (``key_blocks``), or a range scan of the names table for an index
        written before that table existed."""
        try:
            row = self.conn.execute(
                "SELECT keys FROM key_blocks WHERE prefix = ?", (prefix,)
            ).fetchone()
        except sqlite3.OperationalError:
            upper = prefix[:-1] + chr(ord(prefix[-1]) + 1)
            rows = self.conn.execute(
                "SELECT DISTINCT key FROM names WHERE key >= ? AND key < ?", (prefix, upper)
            ).fetchall()
            return tuple(r[0] for r in rows)
        return tuple(row[0].split("\n")) if row is not None else ()

    def fuzzy(self, name: str, limit: int = 5) -> tuple[tuple[NameMatch, float], ...]:
        """Closest names by edit similarity among names sharing the first two letters."""
        key = name_key(name)
        if len(key) < 3:
            return ()
        choices = self._block(key[:2])
        best = process.extract(key, choices, scorer=fuzz.ratio, limit=limit, score_cutoff=60)
        matches = self._matches_of_keys([choice for choice, _, _ in best]) if best else {}
        scored: dict[str, tuple[NameMatch, float]] = {}
        for choice, score, _ in best:  # best first: keep each place's best name
            for m in matches[choice]:
                scored.setdefault(m.place.id, (m, round(score / 100.0, 4)))
        ranked = sorted(scored.values(), key=lambda pair: (-pair[1], -pair[0].place.population))
        return tuple(ranked[:limit])

    def names(self) -> Iterator[str]:
        try:
            row = self.conn.execute("SELECT v FROM key_list").fetchone()
        except sqlite3.OperationalError:
            row = None  # an index written before the key list existed
        if row is not None and row[0]:
            yield from row[0].split("\n")
            return
        for (key,) in self.conn.execute("SELECT DISTINCT key FROM names"):
            yield key

    # -- about ------------------------------------------------------------------
    def meta(self) -> dict[str, str]:
        return dict(self.conn.execute("SELECT k, v FROM meta").fetchall())

    @property
    def version(self) -> str:
        """Changes whenever the index is rebuilt or imported into (for cache keys)."""
        meta = self.meta()
        return f"{meta.get('format', '?')}:{meta.get('built_at', '?')}:{meta.get('signature', '')}"

    def info(self) -> dict[str, object]:
        kinds = dict(self.conn.execute("SELECT kind, count(*) FROM places GROUP BY kind"))
        sources = dict(self.conn.execute("SELECT source, count(*) FROM places GROUP BY source"))
        (n_names,) = self.conn.execute("SELECT count(*) FROM names").fetchone()
        size = self.path.stat().st_size if self.path and self.path.exists() else None
        return {
            "path": str(self.path) if self.path else ":memory:",
            "size_bytes": size,
            "places_by_kind": kinds,
            "places_by_source": sources,
            "names": n_names,
            "meta": self.meta(),
            "credit": CREDIT,
        }


def _preference(row: tuple[Any, ...]) -> tuple[int, str]:
    """How a name row ranks among one place's rows: main name first, then the
    alternates in name order."""
    return -(row[2] & PRIMARY), row[1]
