"""Import GeoNames dump files into an index (``claimmap gazetteer import``).

Files are streamed line by line, so a 1.5 GB ``allCountries.txt`` needs bounded
memory. Place files are read before admin code files, and those before alternate
names, whatever order they are given in: alternate names only attach to places the
index holds. Bad lines are reported as ``file:line: reason`` and skipped.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from claimmap.errors import InputRejected
from claimmap.gazetteer import geonames
from claimmap.gazetteer.index import HISTORICAL, IndexWriter, PlaceRecord

MAX_BAD = 1000  # bad lines kept for the report; the rest are only counted
_ORDER = {"places": 0, "admin1": 1, "admin2": 2, "alternates": 3}


@dataclass(slots=True)
class ImportReport:
    files: list[str] = field(default_factory=list)
    places: int = 0
    names: int = 0
    bad: list[InputRejected] = field(default_factory=list)  # the first MAX_BAD
    bad_count: int = 0

    def reject(self, where: str, reason: str) -> None:
        self.bad_count += 1
        if len(self.bad) < MAX_BAD:
            self.bad.append(InputRejected(where, reason))

    def summary(self) -> str:
        return (
            f"{len(self.files)} file(s): {self.places} places, {self.names} alternate names, "
            f"{self.bad_count} bad line(s)"
        )


def order_files(paths: Iterable[Path]) -> list[Path]:
    return sorted(paths, key=lambda p: _ORDER[geonames.detect_kind(p)])


def _admin_record(row: geonames.AdminRow, kind: str, source: str) -> PlaceRecord:
    parts = row.code.split(".")
    return PlaceRecord(
        pid=row.geonameid,
        name=row.name,
        kind="admin1" if kind == "admin1" else "admin2",
        lat=None,
        lon=None,
        country_code=parts[0],
        admin1_code=parts[1] if len(parts) > 1 else None,
        admin2_code=parts[2] if len(parts) > 2 else None,
        source=source,
    )


def _exists(writer: IndexWriter, pid: int) -> bool:
    row = writer.conn.execute("SELECT 1 FROM places WHERE pid = ?", (pid,)).fetchone()
    return row is not None


def import_file(writer: IndexWriter, path: Path, report: ImportReport) -> None:
    """Stream one GeoNames file into ``writer``."""
    kind = geonames.detect_kind(path)
    source = f"import:{path.name}"
    for row in geonames.read(path):
        if isinstance(row, geonames.BadLine):
            report.reject(row.where, row.reason)
        elif isinstance(row, geonames.PlaceRow):
            writer.add_place(
                PlaceRecord(row.geonameid, row.name, row.kind, row.lat, row.lon,
                            row.country_code, row.admin1_code, row.admin2_code,
                            row.population, source)
            )  # fmt: skip
            writer.add_names(row.geonameid, row.alternates)
            report.places += 1
            report.names += len(row.alternates)
        elif isinstance(row, geonames.AdminRow):
            if _exists(writer, row.geonameid):
                writer.add_name(row.geonameid, row.name)
            else:
                writer.add_place(_admin_record(row, kind, source), replace=False)
                report.places += 1
            writer.add_name(row.geonameid, row.ascii_name)
        elif _exists(writer, row.geonameid):
            writer.add_name(row.geonameid, row.name, HISTORICAL if row.historic else 0)
            report.names += 1


def import_files(writer: IndexWriter, paths: Sequence[Path]) -> ImportReport:
    """Import GeoNames files (any order) into ``writer``; the caller finishes the index.

    A missing or unreadable file raises :class:`InputRejected` naming it."""
    report = ImportReport()
    for path in paths:
        if not path.is_file():
            raise InputRejected(str(path), "no such file (give GeoNames dump files, unzipped)")
    for path in order_files(paths):
        try:
            import_file(writer, path, report)
        except OSError as exc:
            raise InputRejected(str(path), f"cannot read: {exc}") from exc
        writer.flush()
        report.files.append(str(path))
    return report
