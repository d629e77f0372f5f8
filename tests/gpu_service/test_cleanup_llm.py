"""`clean_segments` against the packaged LLM served by a real gpu_service process, and
against a fault-injecting OpenAI-compatible endpoint (tests/fault_llm.py) started here.

Three short segments per language, one LLM call each; the fault endpoint answers at once
with what a chatty or drifting model says. The gpu_service is the session's (`gpu_url`),
shared with the other tests that need one.
"""

import pytest

from st_resources.clients.llm import LlmClient
from st_resources.transcripts.cleanup import clean_segments, guard
from tests.fault_llm import fault_llm

FRENCH = [
    "euh bonjour à tous je suis marie dupont je je dirige les opérations",
    "hugo tu peux euh préparer une comparaison écrite pour vendredi",
    "nous avons rendu douze machines et la facture baisse de 25 000 euros",
]
ENGLISH = [
    "um so we we had twice as many customers in september",
    "peter can you uh send the the report before friday",
    "okay that's uh decided two positions in january and one in april",
]
PUNCTUATION = set(".,;:?!")


@pytest.fixture(scope="module")
def gpu_llm(gpu_url):
    return LlmClient(gpu_url + "/v1", retries=1)


@pytest.mark.parametrize("segments, language", [(FRENCH, "fr"), (ENGLISH, "en")])
def test_real_model_output_is_guarded_and_improves_punctuation(gpu_llm, segments, language):
    results = clean_segments(gpu_llm, segments, language)
    assert [r.raw for r in results] == segments
    for r in results:
        # the model answered with text, not nothing
        assert not (r.reason or "").startswith("dropped: clean text is empty"), r
        if r.accepted:
            assert r.reason is None and guard(r.raw, r.clean, language) == (True, None)
        else:
            assert r.clean is None and r.text == r.raw and r.reason
    improved = [r for r in results if r.accepted and PUNCTUATION & set(r.clean)]
    assert improved, results


# -- a fault-injecting endpoint (tests/fault_llm.py) ------------------------------------------


def bad_answer(mode: str):
    def answer(body: dict) -> str:
        raw = body["messages"][-1]["content"]
        if mode == "commentary":
            return f"Voici le texte corrigé : {raw}."
        if mode == "translated":
            return "Hello to all of you, and we will see the report."
        return ""

    return answer


@pytest.mark.parametrize(
    "mode, reasons",
    [
        ("commentary", ("added:", "length:")),  # four more words: over the length bound first
        ("translated", ("language:",)),
        ("empty", ("dropped:",)),
    ],
)
def test_bad_llm_output_falls_back_to_raw_text_without_retries(mode, reasons):
    with fault_llm(bad_answer(mode)) as (app, url):
        results = clean_segments(LlmClient(url, retries=1), FRENCH, "fr")
        assert app.state.hits == 3  # one call per segment: a refusal is not retried
    assert [r.text for r in results] == FRENCH
    assert all(r.clean is None and r.reason.startswith(reasons) for r in results), results
