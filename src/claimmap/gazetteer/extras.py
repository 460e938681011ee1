"""claimmap's own additions to GeoNames, from cited tables in ``gazetteer/data/``:

* ``countries.tsv``: country points and short names (no demonyms);
* ``admin_aliases.tsv``: reporting names of admin1 entries (DPR -> UA.05, Crimea...);
* ``regions.tsv``: ``region:<slug>`` entries (Donbas, the Black Sea, the Middle East)
  placed at their members' (divisions' or countries') mean point;
* ``renamings.tsv``: former names of renamed Ukrainian places, marked historical;
* ``display_names.tsv``: English names to show for first-level divisions that GeoNames
  gives only transliterated ("Kurskaya oblast'" is shown as "Kursk Oblast").

Applied after every build or import, so the default index, imported dumps and the
test fixture all carry them.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from importlib import resources

from claimmap.gazetteer.index import HISTORICAL, PRIMARY, IndexWriter, PlaceRecord
from claimmap.gazetteer.names import name_key, variant_key

DATA_FILES = (
    "countries.tsv", "admin_aliases.tsv", "regions.tsv", "renamings.tsv", "display_names.tsv"
)


def _text(name: str) -> str:
    return resources.files("claimmap.gazetteer").joinpath("data", name).read_text("utf-8")


def rows(name: str) -> Iterator[list[str]]:
    """The tab-separated rows of a data table, comments and blank lines skipped."""
    for line in _text(name).splitlines():
        if line.strip() and not line.startswith("#"):
            yield line.split("\t")


def data_hash() -> str:
    digest = hashlib.sha256()
    for name in DATA_FILES:
        digest.update(_text(name).encode("utf-8"))
    return digest.hexdigest()[:12]


def _admin1_pid(writer: IndexWriter, code: str) -> int | None:
    cc, a1 = code.split(".")
    row = writer.conn.execute(
        "SELECT pid FROM places WHERE kind = 'admin1' AND cc = ? AND a1 = ?", (cc, a1)
    ).fetchone()
    return None if row is None else int(row[0])


def _country_pid(writer: IndexWriter, cc: str) -> int | None:
    row = writer.conn.execute(
        "SELECT pid FROM places WHERE kind = 'country' AND cc = ?", (cc,)
    ).fetchone()
    return None if row is None else int(row[0])


def apply_countries(writer: IndexWriter) -> None:
    for cc, lat, lon, aliases in rows("countries.tsv"):
        pid = _country_pid(writer, cc)
        if pid is None:
            continue
        if lat and lon:  # else the point computed from its places stays
            writer.conn.execute(
                "UPDATE places SET lat = ?, lon = ? WHERE pid = ?", (float(lat), float(lon), pid)
            )
        writer.add_names(pid, aliases.split("|"), PRIMARY)


def apply_admin_aliases(writer: IndexWriter) -> None:
    """The names reporting uses for first-level divisions ("Chechnya", "DPR", "Crimea"),
    as strong as GeoNames' main names: a village that bears one as its own name ("Chechnya"
    in Donetsk Oblast) is then only a namesake of the division."""
    for code, aliases in rows("admin_aliases.tsv"):
        pid = _admin1_pid(writer, code)
        if pid is not None:
            writer.add_names(pid, aliases.split("|"), PRIMARY)


def apply_display_names(writer: IndexWriter) -> None:
    """Show a division under its English name; its GeoNames name stays a main name."""
    for code, english in rows("display_names.tsv"):
        pid = _admin1_pid(writer, code)
        if pid is not None:
            writer.add_names(pid, [english], PRIMARY)
            writer.conn.execute("UPDATE places SET name = ? WHERE pid = ?", (english, pid))


def apply_regions(writer: IndexWriter) -> None:
    for number, (slug, name, aliases, members) in enumerate(rows("regions.tsv"), start=1):
        points = []
        for code in members.split(","):
            pid = _admin1_pid(writer, code) if "." in code else _country_pid(writer, code)
            if pid is not None:
                points.append(
                    writer.conn.execute(
                        "SELECT lat, lon, cc FROM places WHERE pid = ?", (pid,)
                    ).fetchone()
                )
        if not points:
            continue
        lat = sum(p[0] for p in points) / len(points)
        lon = sum(p[1] for p in points) / len(points)
        countries = {p[2] for p in points}
        cc = countries.pop() if len(countries) == 1 else None
        rec = PlaceRecord(-number, name, "region", lat, lon, cc, source="claimmap", slug=slug)
        writer.add_place(rec)
        writer.add_names(-number, [a for a in aliases.split("|") if a])


def _find_current(writer: IndexWriter, name: str, cc: str, a1: str) -> int | None:
    for column, key in (("key", name_key(name)), ("vkey", variant_key(name))):
        row = writer.conn.execute(
            f"SELECT p.pid FROM names n JOIN places p ON p.pid = n.pid WHERE n.{column} = ? "
            "AND p.cc = ? AND p.a1 = ? AND p.kind = 'populated_place' "
            "ORDER BY n.flags & 1 DESC, p.population DESC LIMIT 1",
            (key, cc, a1),
        ).fetchone()
        if row is not None:
            return int(row[0])
    return None


def apply_renamings(writer: IndexWriter) -> int:
    """Add former names as historical names; returns how many places were found."""
    found = 0
    for current, cc, a1, former, _year in rows("renamings.tsv"):
        pid = _find_current(writer, current, cc, a1)
        if pid is not None:
            writer.add_names(pid, former.split("|"), HISTORICAL)
            found += 1
    return found


def drop_capital_aliases(writer: IndexWriter) -> int:
    """Drop an admin1 entry's alternate name when a populated place in that admin1
    has the same name ("Donetsk" for Donetsk Oblast): the bare name means the city;
    "Donetsk Oblast" / "Donetsk region" still find the oblast. Main names stay."""
    conn = writer.conn
    aliases = conn.execute(
        "SELECT n.key, n.pid, a.cc, a.a1 FROM names n JOIN places a ON a.pid = n.pid "
        "WHERE (n.flags & 1) = 0 AND a.kind = 'admin1'"
    ).fetchall()
    clashing = [
        (key, pid)
        for key, pid, cc, a1 in aliases
        if conn.execute(
            "SELECT 1 FROM names m JOIN places p ON p.pid = m.pid WHERE m.key = ? "
            "AND p.kind = 'populated_place' AND p.cc = ? AND p.a1 = ? LIMIT 1",
            (key, cc, a1),
        ).fetchone()
    ]
    conn.executemany("DELETE FROM names WHERE key = ? AND pid = ?", clashing)
    return len(clashing)


def apply_all(writer: IndexWriter) -> None:
    """Apply every table, then finish the index."""
    writer.flush()
    writer.fill_admin_points()
    writer.set_meta("capital_aliases_dropped", str(drop_capital_aliases(writer)))
    apply_countries(writer)
    apply_admin_aliases(writer)
    apply_display_names(writer)
    apply_regions(writer)
    writer.flush()
    writer.set_meta("renamings_found", str(apply_renamings(writer)))
    writer.finish()
