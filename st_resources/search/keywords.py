"""The keyword side of the index: BM25 sparse vectors for documents and queries."""

from __future__ import annotations

import threading
from functools import lru_cache
from typing import Any

from st_resources.search.model import (
    DOCUMENTS,
    SEGMENTS,
    TRANSCRIPTS,
    SparseVec,
)

# ISO 639-1 → the stemmer/stopword languages of Qdrant's BM25.
BM25_LANGUAGES = {
    "fr": "french",
    "en": "english",
    "de": "german",
    "es": "spanish",
    "it": "italian",
    "pt": "portuguese",
    "nl": "dutch",
}
QUERY_LANGUAGES = ("fr", "en")
# Expected length in tokens of an indexed text, per collection (BM25's length norm).
AVG_TOKENS = {SEGMENTS: 20.0, TRANSCRIPTS: 150.0, DOCUMENTS: 200.0}


class KeywordEncoder:
    """BM25 sparse vectors (qdrant-edge's tokenizer, stemmers and token hashing; the IDF
    part is the collection's `Modifier.Idf`). Works for both backends."""

    def __init__(self) -> None:
        self._models: dict[tuple[str | None, float], Any] = {}
        self._lock = threading.Lock()

    def _model(self, language: str | None, avg_len: float):
        key = (BM25_LANGUAGES.get((language or "")[:2].lower()), avg_len)
        with self._lock:
            model = self._models.get(key)
            if model is None:
                from qdrant_edge import Bm25, Bm25Config

                model = Bm25(Bm25Config(language=key[0], avg_len=avg_len))
                self._models[key] = model
            return model

    def document(self, text: str, language: str | None, collection: str = SEGMENTS) -> SparseVec:
        vec = self._model(language, AVG_TOKENS[collection]).embed_document(text)
        return SparseVec(list(vec.indices), list(vec.values))

    def query(self, text: str, language: str | None = None) -> SparseVec:
        """Each token once (weight 1), stemmed in `language`, or in each query language."""
        tokens: set[int] = set()
        for lang in [language] if language else QUERY_LANGUAGES:
            tokens.update(self._model(lang, AVG_TOKENS[SEGMENTS]).embed_query(text).indices)
        ordered = sorted(tokens)
        return SparseVec(ordered, [1.0] * len(ordered))


@lru_cache(maxsize=1)
def get_keywords() -> KeywordEncoder:
    return KeywordEncoder()
