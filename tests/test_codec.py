"""The codec gives the analysis contract's JSON form (what ``json.dumps`` makes of
``dataclasses.asdict``) and reads it back to equal objects, also from sparse rows."""

from __future__ import annotations

import json
from dataclasses import asdict, replace

from claimmap.codec import from_data, to_data
from claimmap.model import Analysis, Claim, Event, Flag, Mention, Place, Quantity


def test_to_data_is_the_json_form_and_round_trips(full_analysis: Analysis) -> None:
    for cls, items in ((Place, full_analysis.places), (Mention, full_analysis.mentions),
                       (Claim, full_analysis.claims), (Event, full_analysis.events),
                       (Flag, full_analysis.flags)):
        for item in items:
            data = to_data(item)
            assert data == json.loads(json.dumps(asdict(item)))
            assert from_data(cls, data) == item


def test_sparse_and_integer_values_decode(full_analysis: Analysis) -> None:
    claim = replace(full_analysis.claims[0], quantity=Quantity(3.0, None, "killed"),
                    actor=None, quote=None, framing=())
    data = to_data(claim)
    data["quantity"]["value"] = 3  # JSON may give an int for a float field
    del data["speaker"]  # an older row without a newer field
    decoded = from_data(Claim, data)
    assert decoded == replace(claim, speaker=None)
    assert decoded.quantity is not None and isinstance(decoded.quantity.value, float)
