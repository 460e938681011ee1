"""Bytes to clean text: encoding detection, binary detection, normalisation.

Every text claimmap stores passes through :func:`normalise`, so character offsets
computed by later stages refer to exactly the stored string.
"""

from __future__ import annotations

import codecs
import hashlib
import re
import unicodedata

from claimmap.errors import InputRejected

#: Bytes sampled to guess the encoding of a streamed file (JSONL, CSV).
SAMPLE_BYTES = 256 * 1024

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Unicode category Cc except tab, newlines, vertical tab and form feed.
_CONTROLS = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f]")


def detect_encoding(sample: bytes, where: str) -> str:
    """The encoding of ``sample`` (the start of a file): BOM, else UTF-8 if it decodes,
    else the best charset-normalizer guess (cp1251, KOI8-R, latin-1...).

    Raises :class:`InputRejected` for binary or undecodable input."""
    for bom, name in _BOMS:
        if sample.startswith(bom):
            return name
    if b"\x00" in sample:
        raise InputRejected(where, "binary file (contains NUL bytes); expected text")
    try:
        sample.decode("utf-8")
        return "utf-8"
    except UnicodeDecodeError as exc:
        if exc.start >= len(sample) - 3 and len(sample) >= SAMPLE_BYTES:
            return "utf-8"  # the sample cut a multi-byte character in two
    from charset_normalizer import from_bytes  # imported lazily: slow import

    best = from_bytes(sample).best()
    if best is None:
        raise InputRejected(
            where, "undecodable: not UTF-8 and no known encoding fits; save it as UTF-8"
        )
    return str(best.encoding)


def decode(data: bytes, where: str) -> str:
    """Decode a whole file and normalise it (see :func:`normalise`)."""
    if not data.strip():
        raise InputRejected(where, "empty file")
    encoding = detect_encoding(data, where)
    try:
        text = data.decode(encoding)
    except (UnicodeDecodeError, LookupError) as exc:
        raise InputRejected(where, f"undecodable as {encoding}: {exc}; save it as UTF-8") from exc
    check_text(text, where)
    text = normalise(text)
    if not text:
        raise InputRejected(where, "empty file (only blank space)")
    return text


def check_text(text: str, where: str) -> None:
    """Reject text that is really binary: more than 1% control characters."""
    sample = text[:SAMPLE_BYTES]
    controls = len(_CONTROLS.findall(sample))
    if sample and controls / len(sample) > 0.01:
        raise InputRejected(where, "binary content (control characters); expected text")


def normalise(text: str) -> str:
    """NFC, newlines as ``\\n``, no BOM, no leading or trailing blank space."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\ufeff", "")
    return unicodedata.normalize("NFC", text).strip()


def content_hash(text: str) -> str:
    """The SHA-256 of the normalised text: equal texts are one article."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def hash_id(digest: str) -> str:
    """The id given to an article whose input names none."""
    return f"sha256-{digest[:16]}"
