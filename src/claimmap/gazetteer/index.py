"""The on-disk gazetteer index: one SQLite file with a places table and a names
table keyed by :func:`name_key` and :func:`variant_key`.

``places.pid`` is the GeoNames geonameid for GeoNames entries and a negative number
for claimmap's own ``region:<slug>`` entries. ``names.flags``: bit 1 = the entry's
main name, bit 2 = a historical name (renamed places).

Derived when an index is finished, for fast reading: ``key_list`` (every key in one
text), ``key_blocks`` (the keys by their first two letters, for fuzzy matching),
``admin_names`` (the names of first- and second-level divisions) and ``area_keys``
(the keys of countries' names and first-level divisions' main names, in one text).
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from claimmap.errors import GazetteerError
from claimmap.gazetteer.names import name_key, variant_key
from claimmap.model import PlaceKind

FORMAT_VERSION = "15"
PRIMARY = 1
HISTORICAL = 2
#: the name rows of countries (all) and of first-level divisions (main names only)
AREA_NAMES = (
    "FROM names n JOIN places p ON p.pid = n.pid "
    f"WHERE p.kind = 'country' OR (p.kind = 'admin1' AND n.flags & {PRIMARY})"
)

SCHEMA = """
CREATE TABLE IF NOT EXISTS meta(k TEXT PRIMARY KEY, v TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS places(
    pid INTEGER PRIMARY KEY, slug TEXT, name TEXT NOT NULL, kind TEXT NOT NULL,
    lat REAL, lon REAL, cc TEXT, a1 TEXT, a2 TEXT,
    population INTEGER NOT NULL DEFAULT 0, source TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS names(
    key TEXT NOT NULL, vkey TEXT NOT NULL, pid INTEGER NOT NULL, name TEXT NOT NULL,
    flags INTEGER NOT NULL, PRIMARY KEY(key, pid)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS demonyms(
    key TEXT NOT NULL, pid INTEGER NOT NULL, PRIMARY KEY(key, pid)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS common_words(key TEXT PRIMARY KEY) WITHOUT ROWID;
"""
# names_vkey also holds each name and its flags (the key and pid come with any index
# of a WITHOUT ROWID table): a variant look-up then reads the index alone
INDEXES = """
CREATE INDEX IF NOT EXISTS names_vkey ON names(vkey, name, flags);
CREATE INDEX IF NOT EXISTS places_admin ON places(kind, cc, a1, a2);
CREATE UNIQUE INDEX IF NOT EXISTS places_slug ON places(slug) WHERE slug IS NOT NULL;
"""


@dataclass(frozen=True, slots=True)
class PlaceRecord:
    """What the writer stores for one entry (coordinates may come later)."""

    pid: int
    name: str
    kind: PlaceKind
    lat: float | None
    lon: float | None
    country_code: str | None = None
    admin1_code: str | None = None
    admin2_code: str | None = None
    population: int = 0
    source: str = "geonames"
    slug: str | None = None


def connect(path: Path | str) -> sqlite3.Connection:
    try:
        conn = sqlite3.connect(str(path), check_same_thread=False)
    except sqlite3.Error as exc:
        raise GazetteerError(f"cannot open gazetteer index {path}: {exc}") from exc
    conn.executescript(SCHEMA)
    return conn


class IndexWriter:
    """Adds places and names to an index; call :meth:`finish` when done."""

    def __init__(self, conn: sqlite3.Connection, fast: bool = False) -> None:
        """``fast`` turns journaling off: only for a fresh file that is discarded
        if the build fails."""
        self.conn = conn
        self._names: list[tuple[str, str, int, str, int]] = []
        if fast:
            conn.execute("PRAGMA journal_mode=OFF")
            conn.execute("PRAGMA synchronous=OFF")

    def add_place(self, rec: PlaceRecord, replace: bool = True) -> None:
        verb = "INSERT OR REPLACE" if replace else "INSERT OR IGNORE"
        self.conn.execute(
            f"{verb} INTO places VALUES (?,?,?,?,?,?,?,?,?,?,?)",
            (rec.pid, rec.slug, rec.name, rec.kind, rec.lat, rec.lon, rec.country_code,
             rec.admin1_code, rec.admin2_code, rec.population, rec.source),
        )  # fmt: skip
        self.add_name(rec.pid, rec.name, PRIMARY)

    def add_name(self, pid: int, name: str, flags: int = 0) -> None:
        key = name_key(name)
        if key:
            self._names.append((key, variant_key(name), pid, name, flags))
        if len(self._names) >= 50_000:
            self.flush()

    def add_demonym(self, pid: int, word: str) -> None:
        """A word for the people of an area ("French" for France): never a name of
        the place itself, so the recogniser does not propose it."""
        key = name_key(word)
        if key:
            self.conn.execute("INSERT OR IGNORE INTO demonyms VALUES (?, ?)", (key, pid))

    def add_common_words(self, words: Iterable[str]) -> None:
        """Frequent English words ("give", "still", "agency"): a capitalised one that
        only a small town bears is a word, not that town (see geoparse.context)."""
        self.conn.executemany(
            "INSERT OR IGNORE INTO common_words VALUES (?)", ((name_key(w),) for w in words)
        )

    def add_names(self, pid: int, names: Iterable[str], flags: int = 0) -> None:
        for name in names:
            self.add_name(pid, name, flags)

    def flush(self) -> None:
        self.conn.executemany(
            "INSERT INTO names VALUES (?,?,?,?,?) ON CONFLICT(key, pid) "
            "DO UPDATE SET flags = flags | excluded.flags, "
            "name = CASE WHEN excluded.flags & 1 THEN excluded.name ELSE name END",
            self._names,
        )
        self._names.clear()

    def set_meta(self, key: str, value: str) -> None:
        self.conn.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", (key, value))

    def fill_admin_points(self) -> int:
        """Give countries and admin entries without coordinates a representative point
        of their places (:func:`trimmed_midrange`), and without population the sum of
        their places' (a prior only); drop those that have no places. Returns how many
        were dropped."""
        self.flush()
        self.conn.executescript(INDEXES)
        levels: tuple[tuple[str, tuple[str, ...]], ...] = (
            ("country", ()), ("admin1", ("a1",)), ("admin2", ("a1", "a2"))
        )
        for kind, cols in levels:
            self._fill_points(kind, ("cc", *cols))
            match = " AND ".join(f"p.{c} = a.{c}" for c in ("cc", *cols))
            self.conn.execute(
                f"UPDATE places AS a SET population = (SELECT coalesce(sum(p.population), 0) "
                f"FROM places p WHERE p.kind = 'populated_place' AND {match}) "
                f"WHERE a.kind = '{kind}' AND a.population = 0"
            )
        dropped = self.conn.execute("DELETE FROM places WHERE lat IS NULL").rowcount
        self.conn.execute("DELETE FROM names WHERE pid NOT IN (SELECT pid FROM places)")
        return dropped

    def _fill_points(self, kind: str, cols: tuple[str, ...]) -> None:
        todo = self.conn.execute(
            f"SELECT pid, {', '.join(cols)} FROM places WHERE kind = ? AND lat IS NULL", (kind,)
        ).fetchall()
        if not todo:
            return
        wanted = {tuple(r[1:]): int(r[0]) for r in todo}
        members: dict[tuple[object, ...], tuple[list[float], list[float]]] = {}
        query = (f"SELECT {', '.join(cols)}, lat, lon FROM places "
                 "WHERE kind = 'populated_place' AND lat IS NOT NULL")  # fmt: skip
        for row in self.conn.execute(query):
            key = tuple(row[: len(cols)])
            if key in wanted:
                lats, lons = members.setdefault(key, ([], []))
                lats.append(row[-2])
                lons.append(row[-1])
        self.conn.executemany(
            "UPDATE places SET lat = ?, lon = ? WHERE pid = ?",
            [(trimmed_midrange(la), trimmed_midrange(lo), wanted[k])
             for k, (la, lo) in members.items()],
        )

    def store_key_list(self) -> None:
        """Every distinct name key as one newline-joined text, so reading all names
        (to build a recogniser) is one read, not a row-by-row scan; and the same keys
        grouped by their first two letters (:meth:`store_key_blocks`)."""
        keys = [k for (k,) in self.conn.execute("SELECT DISTINCT key FROM names")]
        self.conn.execute("CREATE TABLE IF NOT EXISTS key_list(v TEXT NOT NULL)")
        self.conn.execute("DELETE FROM key_list")
        self.conn.execute("INSERT INTO key_list VALUES (?)", ("\n".join(keys),))
        self.store_key_blocks(keys)

    def store_key_blocks(self, keys: list[str]) -> None:
        """The keys of two letters or more, one newline-joined text per two-letter
        prefix in sorted order: the names fuzzy matching compares a name with, read
        in one row instead of a range scan of the names table."""
        blocks: dict[str, list[str]] = {}
        for key in sorted(k for k in keys if len(k) >= 2):
            blocks.setdefault(key[:2], []).append(key)
        self.conn.execute(
            "CREATE TABLE IF NOT EXISTS key_blocks(prefix TEXT PRIMARY KEY, keys TEXT NOT NULL)"
        )
        self.conn.execute("DELETE FROM key_blocks")
        self.conn.executemany(
            "INSERT INTO key_blocks VALUES (?, ?)", ((p, "\n".join(b)) for p, b in blocks.items())
        )

    def store_admin_names(self) -> None:
        """The names of all first- and second-level divisions in a table of their own,
        so naming a place's divisions reads a few thousand short rows, not the places
        table."""
        self.conn.execute("DROP TABLE IF EXISTS admin_names")
        self.conn.execute(
            "CREATE TABLE admin_names(pid INTEGER PRIMARY KEY, kind TEXT NOT NULL, cc TEXT, "
            "a1 TEXT, a2 TEXT, name TEXT NOT NULL)"
        )
        self.conn.execute(
            "INSERT INTO admin_names SELECT pid, kind, cc, a1, a2, name FROM places "
            "WHERE kind IN ('admin1', 'admin2')"
        )

    def store_area_keys(self) -> None:
        """The keys under which a country (any name) or a first-level division (its
        main name) is found, sorted, as one newline-joined text: what a demonym's stem
        must fold to ("Kenyan" -> Kenya), known without a look-up per guess."""
        keys = [k for (k,) in self.conn.execute(f"SELECT DISTINCT n.key {AREA_NAMES} ORDER BY 1")]
        self.conn.execute("CREATE TABLE IF NOT EXISTS area_keys(v TEXT NOT NULL)")
        self.conn.execute("DELETE FROM area_keys")
        self.conn.execute("INSERT INTO area_keys VALUES (?)", ("\n".join(keys),))

    def finish(self) -> None:
        self.flush()
        self.fill_admin_points()
        self.conn.executescript(INDEXES)
        self.set_meta("format", FORMAT_VERSION)
        self.store_key_list()
        self.store_admin_names()
        self.store_area_keys()
        self.set_meta("built_at", time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()))
        self.conn.commit()
        self.conn.execute("ANALYZE")
        self.conn.commit()


TRIM = 0.01


def trimmed_midrange(values: list[float]) -> float:
    """The middle of the range between the 1st and 99th percentiles: an area's point
    from its places. Measured against the 38 GeoNames country points in
    ``data/countries.tsv`` (median error of each method over those countries): 83 km,
    against 100 km for the mean (dense areas pull it), 90 km for the plain bounding-box
    centre (outlying islands stretch it) and 118 km for the population-weighted mean."""
    s = sorted(values)
    k = int(TRIM * (len(s) - 1))  # as many dropped at each end
    return (s[k] + s[len(s) - 1 - k]) / 2
