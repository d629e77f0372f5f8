"""Text comparison keys shared by cleanup, naming and chat."""

from __future__ import annotations

import unicodedata


def plain(text: str) -> str:
    """Case-folded, without accents ("Élodie" → "elodie"): how words are compared when
    Whisper, a document and a user may each spell them differently."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))
