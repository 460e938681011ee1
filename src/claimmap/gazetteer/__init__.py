"""GeoNames gazetteer: build, load, search, import.

``load_default()`` opens the full index (built once into the user cache dir);
``load_fixture()`` a small one for tests. Both satisfy
:class:`claimmap.gazetteer.base.Gazetteer`. Imports here are lazy: importing this
package loads no data.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from claimmap.gazetteer.store import IndexGazetteer

__all__ = ["load_default", "load_fixture"]


def load_default() -> IndexGazetteer:
    """The full GeoNames gazetteer (see :mod:`claimmap.gazetteer.default`)."""
    from claimmap.gazetteer.default import load_default as _load

    return _load()


def load_fixture() -> IndexGazetteer:
    """The small test gazetteer built from ``gazetteer/fixture/``."""
    from claimmap.gazetteer.default import load_fixture as _load

    return _load()
