"""ASR_NAME_HINTS=verified against a real gpu_service and espeak-ng speech: a name the
documents give but nobody says is never written in, and the rest stays the unhinted
decoding's words."""

from st_assets.asr import transcribe
from st_resources.clients.gpu import GpuClient
from tests.speech import synthesize


def test_verified_hints_write_in_no_name_that_was_not_said(gpu_url, speech_dir):
    wav = synthesize(
        ["Good morning everyone.", "The figures for December are ready.", "Thank you, Kirsty."],
        speech_dir / "hints.wav",
    )
    client = GpuClient(gpu_url)
    plain, _ = transcribe(client, wav, "en", "none", ["Catherine Droz"])
    verified, spelt = transcribe(client, wav, "en", "verified", ["Catherine Droz"])
    text = " ".join(s.text for s in verified.segments)
    assert "Catherine" not in text and "Droz" not in text and spelt == 0
    assert [s.text for s in verified.segments] == [s.text for s in plain.segments]
