"""The cleanup guard (st_resources.transcripts.cleanup): what it lets through and what it refuses.

Pure functions, plus `clean_segments` driven by a scripted stand-in for the LLM client to
check that refused segments keep their raw text and that answers stay with their segment
(the packaged LLM itself: tests/gpu_service/test_cleanup_llm.py).
"""

import pytest

from st_resources.clients.llm import LlmUnavailable
from st_resources.transcripts.cleanup import (
    ALREADY_CLEAN,
    CleanResult,
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
    """Answers `chat` with texts of its own (or by raising), one per call, and keeps the
    segment each call asked about."""

    def __init__(self, *answers):
        self.answers = list(answers)
        self.asked: list[str] = []

    def chat(self, messages, **opts):
        self.asked.append(messages[-1]["content"])
        answer = self.answers.pop(0)
        if isinstance(answer, Exception):
            raise answer
        return answer


def test_refused_segment_keeps_raw_text_beside_accepted_ones():
    segments = ["oui ben d'accord", FR_RAW]
    dropping = FR_CLEAN.replace(" Nous avons dépensé 420 000 euros ce trimestre,", "")
    client = ScriptedClient("Oui, d'accord.", dropping)
    first, second = clean_segments(client, segments, "fr")
    assert client.asked == segments
    assert first == CleanResult("oui ben d'accord", "Oui, d'accord.", None)
    assert second.raw == FR_RAW and second.clean is None and second.text == FR_RAW
    assert second.reason.startswith("numbers:")


def test_the_first_line_of_the_answer_is_the_clean_text():
    client = ScriptedClient("\n  Oui, d'accord.\nVoilà le segment corrigé.", "")
    first, second = clean_segments(client, ["oui ben d'accord", "euh non"], "fr")
    assert first.clean == "Oui, d'accord."
    assert (second.clean, second.reason) == (None, "dropped: clean text is empty")


def test_llm_errors_propagate_to_the_caller():
    client = ScriptedClient(LlmUnavailable("circuit open"))
    with pytest.raises(LlmUnavailable):
        clean_segments(client, ["oui ben d'accord"], "fr")


def test_concurrent_calls_keep_each_answer_with_its_segment():
    segments = [f"euh le point {n}" for n in range(12)]

    class Echo:
        def chat(self, messages, **opts):
            return messages[-1]["content"].replace("euh l", "L") + "."

    results = clean_segments(Echo(), segments, "fr", concurrency=4)
    assert [r.clean for r in results] == [f"Le point {n}." for n in range(12)]


def test_a_sentence_cut_across_segments_stays_one_sentence():
    """Whisper's segments end mid-sentence; cleaning each alone must not end the sentence
    at the cut or capitalise its second half."""
    segments = [
        "Okay, so the few of you and let's see myself and Marika who's not here and "
        "occasionally Melissa will",
        "all be doing checking over the transcriptions so this is the second pass these "
        "transcriptions are",
        "receiving and that's um pretty straightforward",
    ]
    client = ScriptedClient(
        "Okay, so the few of you, and let's see, myself and Marika, who's not here, and "
        "occasionally Melissa will.",
        "All be doing checking over the transcriptions. So this is the second pass. These "
        "transcriptions are.",
        "Receiving, and that's pretty straightforward.",
    )
    results = clean_segments(client, segments, "en")
    assert [r.clean for r in results] == [
        "Okay, so the few of you, and let's see, myself and Marika, who's not here, and "
        "occasionally Melissa will",
        "all be doing checking over the transcriptions. So this is the second pass. These "
        "transcriptions are",
        "receiving, and that's pretty straightforward.",
    ]


def test_without_any_punctuation_a_lowercase_start_is_not_a_cut_sentence():
    client = ScriptedClient("Oui, d'accord.", "On commence.")
    results = clean_segments(client, ["oui ben d'accord", "euh on commence"], "fr")
    assert [r.clean for r in results] == ["Oui, d'accord.", "On commence."]


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
        # Whisper left out the punctuation of a long run of words.
        (
            "All nouns alongside the world say for you always begin with a capital letter "
            "even in the middle of a sentence.",
            "en",
            True,
        ),
    ],
)
def test_only_segments_with_something_to_clean_need_the_llm(text, language, needed):
    assert needs_cleanup(text, language) is needed


def test_an_already_clean_segment_is_not_sent_and_is_its_own_clean_text():
    written = "Nous avons dépensé 420 000 euros ce trimestre, soit 8 % de plus que prévu."
    client = ScriptedClient("Oui, d'accord.")
    results = clean_segments(client, [written, "oui ben d'accord"], "fr")
    assert client.asked == ["oui ben d'accord"]
    assert results[0] == CleanResult(written, written, ALREADY_CLEAN)
    assert results[0].accepted and results[1].text == "Oui, d'accord."


@pytest.mark.parametrize(
    ("text", "opened", "continued", "needed"),
    [
        ("styles in the west could lag behind by 25 to 30 years.", True, False, False),
        ("styles in the west could lag behind by 25 to 30 years.", False, False, True),
        ("However, due to the slow communication channels,", False, True, False),
        ("However, due to the slow communication channels", False, False, True),
        ("and then, um, the budget.", True, False, True),
    ],
)
def test_a_segment_cut_mid_sentence_needs_no_capital_or_end_mark(text, opened, continued, needed):
    assert needs_cleanup(text, "en", opened, continued) is needed
