"""The cleanup guard (st_resources.transcripts.cleanup): what it lets through and what it refuses.

Pure functions, plus `clean_segments` driven by a scripted stand-in for the LLM client to
check that refused or missing segments keep their raw text and that retries are bounded.
"""

import pytest

from st_resources.clients.llm import LlmOutputError
from st_resources.transcripts.cleanup import (
    ALREADY_CLEAN,
    CleanBatch,
    CleanResult,
    answer_schema,
    clean_segments,
    guard,
    needs_cleanup,
)

FR_RAW = (
    "euh bonjour à tous je je suis Marie Dupont et euh j'anime la réunion de ce matin "
    "nous avons dépensé 420 000 euros ce trimestre soit huit pour cent de plus que prévu "
    "Luc tu peux commencer"
)
FR_CLEAN = (
    "Bonjour à tous, je suis Marie Dupont et j'anime la réunion de ce matin. Nous avons "
    "dépensé 420 000 euros ce trimestre, soit 8 % de plus que prévu. Luc, tu peux commencer ?"
)
EN_RAW = (
    "um so we we had twice as many customers in september you know but uh we can cut the "
    "bill next month Peter will send the the report before Friday"
)
EN_CLEAN = (
    "So we had twice as many customers in September, but we can cut the bill next month. "
    "Peter will send the report before Friday."
)


@pytest.mark.parametrize(
    "raw, clean, language",
    [
        (FR_RAW, FR_CLEAN, "fr"),
        (EN_RAW, EN_CLEAN, "en"),
        ("oui ben d'accord", "Oui, d'accord.", "fr"),
        ("vingt et un postes en janvier", "21 postes en janvier.", "fr"),
        ("it costs eighteen thousand euros", "It costs €18,000.", "en"),
        ("euh", "", "fr"),
        ("we should we must ship it on monday", "We must ship it on Monday.", "en"),
        ("on s'était arrêté la dernière fois", "On s'était arrêtés la dernière fois.", "fr"),
    ],
)
def test_punctuation_and_filler_removal_is_accepted(raw, clean, language):
    assert guard(raw, clean, language) == (True, None)


@pytest.mark.parametrize(
    "raw, clean, language",
    [
        (FR_RAW, FR_CLEAN.replace(" Nous avons dépensé 420 000 euros ce trimestre,", ""), "fr"),
        (FR_RAW, FR_CLEAN.replace(" soit 8 % de plus que prévu.", ""), "fr"),
        (EN_RAW, EN_CLEAN.replace(", but we can cut the bill next month", ""), "en"),
    ],
)
def test_a_dropped_sentence_is_refused(raw, clean, language):
    accepted, reason = guard(raw, clean, language)
    assert not accepted
    assert reason.split(":")[0] in {"dropped", "length", "similarity", "numbers"}


@pytest.mark.parametrize(
    "raw, clean, language",
    [
        (FR_RAW, FR_CLEAN + " Merci beaucoup pour votre attention.", "fr"),
        (EN_RAW, EN_CLEAN.replace("September,", "September, which was a record,"), "en"),
        ("ok", "Okay, let us start the meeting now.", "en"),
    ],
)
def test_an_invented_sentence_is_refused(raw, clean, language):
    accepted, reason = guard(raw, clean, language)
    assert not accepted
    assert reason.split(":")[0] in {"added", "length", "similarity"}


@pytest.mark.parametrize(
    "raw, clean, language",
    [
        (FR_RAW, FR_CLEAN.replace("420 000", "42 000"), "fr"),
        (FR_RAW, FR_CLEAN.replace("8 %", "9 %"), "fr"),
        ("nous avons rendu douze machines", "Nous avons rendu deux machines.", "fr"),
        ("we hired two people in march", "We hired 3 people in March.", "en"),
        ("it was 99.9 percent", "It was 99.5 %.", "en"),
    ],
)
def test_a_changed_number_is_refused(raw, clean, language):
    accepted, reason = guard(raw, clean, language)
    assert not accepted
    assert reason.startswith("numbers:")


@pytest.mark.parametrize(
    "raw, clean, language",
    [
        (FR_RAW, FR_CLEAN.replace("Dupont", "Dupond"), "fr"),
        (FR_RAW, FR_CLEAN.replace("Luc,", "Luke,"), "fr"),
        (EN_RAW, EN_CLEAN.replace("Peter", "Pete"), "en"),
    ],
)
def test_a_changed_name_is_refused(raw, clean, language):
    accepted, reason = guard(raw, clean, language)
    assert not accepted
    assert reason.startswith("names:")


@pytest.mark.parametrize(
    "raw, clean, language, reason",
    [
        (
            "yes please version 2 of the app ships on march 3 where are we with testing",
            "Yes, please. Version 2 of the app ships on March 3. Where are we?",
            "en",
            "dropped: 'with testing'",
        ),
        (
            "parfait et les machines inutilisées",
            "Parfait. Les machines inutilisées.",
            "fr",
            "dropped: 'et'",
        ),
        (
            "pour le rapport financier de fin d'année",
            "Pour le rapport final de fin d'année.",
            "fr",
            "changed: 'financier' -> 'final'",
        ),
        (
            "la facture de novembre baisse déjà",
            "La facture de novembre, elle baisse déjà.",
            "fr",
            "added: 'elle'",
        ),
    ],
)
def test_a_dropped_or_wrongly_corrected_word_is_refused(raw, clean, language, reason):
    assert guard(raw, clean, language) == (False, reason)


def test_a_translation_is_refused():
    raw = "hugo tu peux préparer une comparaison écrite pour vendredi"
    accepted, reason = guard(raw, "Hugo, you can prepare a written comparison for Friday.", "fr")
    assert (accepted, reason) == (False, "language: en instead of fr")


def test_an_empty_answer_is_refused():
    assert guard("nous retenons la première offre", "", "fr") == (
        False,
        "dropped: clean text is empty",
    )


class ScriptedClient:
    """Answers `chat_json` from a list of callables (batch texts → CleanBatch or raise)."""

    def __init__(self, *answers):
        self.answers = list(answers)
        self.batches: list[list[str]] = []

    def chat_json(self, messages, schema, **opts):
        texts = [s.text for s in CleanBatch.model_validate_json(messages[-1]["content"]).segments]
        self.batches.append(texts)
        return self.answers.pop(0)(texts)


def answer(texts_by_id: dict[int, str]) -> CleanBatch:
    return CleanBatch.model_validate(
        {"segments": [{"i": i, "text": t} for i, t in texts_by_id.items()]}
    )


def test_refused_segment_keeps_raw_text_beside_accepted_ones():
    segments = ["oui ben d'accord", FR_RAW]
    dropping = FR_CLEAN.replace(" Nous avons dépensé 420 000 euros ce trimestre,", "")
    client = ScriptedClient(lambda texts: answer({1: "Oui, d'accord.", 2: dropping}))
    first, second = clean_segments(client, segments, "fr", batch_size=2)
    assert first == CleanResult("oui ben d'accord", "Oui, d'accord.", None)
    assert second.raw == FR_RAW and second.clean is None and second.text == FR_RAW
    assert second.reason


def test_missing_id_is_retried_alone_once_then_kept_raw():
    segments = ["oui ben d'accord", "euh non", "bien sûr"]
    client = ScriptedClient(
        lambda texts: answer({1: "Oui, d'accord.", 3: "Bien sûr."}),
        lambda texts: answer({7: "Non."}),
    )
    results = clean_segments(client, segments, "fr", batch_size=3)
    assert client.batches == [segments, ["euh non"]]
    assert [r.text for r in results] == ["Oui, d'accord.", "euh non", "Bien sûr."]
    assert results[1].reason.startswith("missing: not in the answer")


def test_malformed_batch_is_split_once_then_kept_raw():
    def malformed(texts):
        raise LlmOutputError("LLM answered invalid JSON", "{")

    segments = ["oui ben d'accord", "euh non", "bien sûr", "d'accord"]
    client = ScriptedClient(
        malformed, malformed, lambda texts: answer({1: "Bien sûr.", 2: "D'accord."})
    )
    results = clean_segments(client, segments, "fr", batch_size=4)
    assert client.batches == [segments, segments[:2], segments[2:]]
    assert [r.clean for r in results] == [None, None, "Bien sûr.", "D'accord."]
    assert all(r.reason.startswith("malformed:") for r in results[:2])


def test_one_segment_per_call_by_default_and_no_identical_retry():
    def malformed(texts):
        raise LlmOutputError("LLM answered invalid JSON", "{")

    client = ScriptedClient(lambda texts: answer({1: "Un."}), malformed)
    results = clean_segments(client, ["un", "deux"], "fr")
    assert client.batches == [["un"], ["deux"]]
    assert [r.text for r in results] == ["Un.", "deux"]
    assert results[1].reason.startswith("malformed:")


def test_batches_respect_size_and_skip_empty_segments():
    segments = ["", "un", "deux", "trois"]
    client = ScriptedClient(
        lambda texts: answer({1: "Un.", 2: "Deux."}), lambda texts: answer({1: "Trois."})
    )
    results = clean_segments(client, segments, "fr", batch_size=2)
    assert client.batches == [["un", "deux"], ["trois"]]
    assert [r.text for r in results] == ["", "Un.", "Deux.", "Trois."]


def test_answer_schema_asks_for_each_id_once_in_order_but_validates_leniently():
    schema = answer_schema(3).model_json_schema()["properties"]["segments"]
    assert (schema["minItems"], schema["maxItems"], schema["items"]) == (3, 3, False)
    assert [item["properties"]["i"] for item in schema["prefixItems"]] == [
        {"const": 1},
        {"const": 2},
        {"const": 3},
    ]
    lenient = answer_schema(3).model_validate({"segments": [{"i": 9, "text": "x"}]})
    assert [s.i for s in lenient.segments] == [9]


@pytest.mark.parametrize(
    ("text", "language", "needed"),
    [
        ("Good morning everyone, thanks for joining.", "en", False),
        ("Sarah, where are we with the budget?", "en", False),
        ("Nous avons dépensé 420 000 euros ce trimestre, soit 8 % de plus que prévu.", "fr", False),
        ("um so we we had twice as many customers", "en", True),  # fillers, repeat, no marks
        ("So we had, um, twice as many customers.", "en", True),
        ("We had twice as many, as many customers.", "en", True),
        ("We should, we must finish it today.", "en", True),
        ("Je pense, je crois que oui.", "fr", True),
        ("Bon, euh, on commence.", "fr", True),
        ("I think... maybe next week.", "en", True),
        ("bonjour à tous", "fr", True),
    ],
)
def test_only_segments_with_something_to_clean_need_the_llm(text, language, needed):
    assert needs_cleanup(text, language) is needed


def test_an_already_clean_segment_is_not_sent_and_is_its_own_clean_text():
    written = "Nous avons dépensé 420 000 euros ce trimestre, soit 8 % de plus que prévu."
    client = ScriptedClient(lambda texts: answer({1: "Oui, d'accord."}))
    results = clean_segments(client, [written, "oui ben d'accord"], "fr", batch_size=2)
    assert client.batches == [["oui ben d'accord"]]
    assert results[0] == CleanResult(written, written, ALREADY_CLEAN)
    assert results[0].accepted and results[1].text == "Oui, d'accord."
