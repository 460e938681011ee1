"""The store's codec gives exactly the analysis contract's JSON form and reads it back
as claimmap.analysis does (it only works each class's fields out once)."""

from __future__ import annotations

from dataclasses import replace

from claimmap import analysis
from claimmap.model import Analysis, Claim, Event, Flag, Place, Quantity
from claimmap.store import codec


def test_codec_matches_the_analysis_contract(full_analysis: Analysis) -> None:
    objects = [*full_analysis.places, *full_analysis.mentions, *full_analysis.claims,
               *full_analysis.events, *full_analysis.flags]
    assert all(codec.to_data(o) == analysis.to_data(o) for o in objects)
    for cls, items in ((Place, full_analysis.places), (Claim, full_analysis.claims),
                       (Event, full_analysis.events), (Flag, full_analysis.flags)):
        for item in items:
            data = analysis.to_data(item)
            assert codec.from_data(cls, data) == analysis.from_data(cls, data) == item


def test_codec_decodes_sparse_and_integer_values_alike(full_analysis: Analysis) -> None:
    claim = replace(full_analysis.claims[0], quantity=Quantity(3.0, None, "killed"),
                    actor=None, quote=None, framing=())
    data = analysis.to_data(claim)
    data["quantity"]["value"] = 3  # JSON may give an int for a float field
    del data["speaker"]  # an older row without a newer field
    decoded = codec.from_data(Claim, data)
    assert decoded == analysis.from_data(Claim, data)
    assert isinstance(decoded.quantity.value, float) if decoded.quantity else False
