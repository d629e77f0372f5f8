"""gpu_service speaker endpoints in-process: the real app and packaged models (segmentation-3.0
ONNX, resemblyzer), espeak-ng meetings with exact reference turns made at test time."""

from __future__ import annotations

import json
import subprocess
import threading
import time
from pathlib import Path

import numpy as np
import pytest
from fastapi.testclient import TestClient
from pyannote.core import Annotation, Segment
from pyannote.metrics.diarization import DiarizationErrorRate

from gpu_service.main import build_app
from st_resources.settings import get_settings
from tests.gpu_service.meetings import RATE, build, conversation, read, write
from tests.gpu_service.test_transcriptions import wait_status

DIARIZE = "/v1/audio/diarize"
EMBED = "/v1/audio/embeddings"
TWO_VOICES = ["en-us", "en-us+f3"]
KNOWN = {"model": "resemblyzer-0.1.4"}


@pytest.fixture(scope="module")
def client():
    with TestClient(build_app()) as c:
        wait_status(c, "ready")
        yield c


@pytest.fixture(scope="module")
def audio(tmp_path_factory) -> dict[str, tuple[Path, list]]:
    d = tmp_path_factory.mktemp("speakers")
    noise = {}
    for colour in ("whitenoise", "pinknoise"):
        path = d / f"{colour}.wav"
        subprocess.run(
            ["sox", "-n", "-r", str(RATE), "-c", "1", "-b", "16", str(path)]
            + ["synth", "20", colour, "vol", "0.3"],
            check=True,
        )
        noise[colour] = (path, [])
    return {
        "two": (d / "two.wav", build(conversation(TWO_VOICES, 9, seed=1), d / "two.wav")),
        "one": (d / "one.wav", build(conversation(["en-us+klatt"], 5, seed=2), d / "one.wav")),
        "silence": (write(d / "silence.wav", np.zeros(20 * RATE)), []),
        **noise,
    }


def post(client: TestClient, path: Path, endpoint: str = DIARIZE, **form):
    with path.open("rb") as fh:
        return client.post(endpoint, files={"file": (path.name, fh, "audio/wav")}, data=form)


def der(reference: list, turns: list[dict]) -> float:
    ref, hyp = Annotation(), Annotation()
    for start, end, voice in reference:
        ref[Segment(start, end)] = voice
    for turn in turns:
        hyp[Segment(turn["start"], turn["end"])] = turn["speaker"]
    return abs(DiarizationErrorRate(collar=0.25)(ref, hyp))


@pytest.fixture(scope="module")
def two_speakers(client, audio) -> dict:
    resp = post(client, audio["two"][0])
    assert resp.status_code == 200, resp.text
    return resp.json()


def test_ready_lists_speaker_models(client):
    models = client.get("/ready").json()["models"]
    assert models["diarization"]["segmentation"] == "pyannote/segmentation-3.0 (onnx)"
    assert models["diarization"]["embedding"] == models["embedding"]["id"] == "resemblyzer-0.1.4"
    assert models["embedding"]["dim"] == 256


def test_two_speakers_found_with_low_der(two_speakers, audio):
    path, reference = audio["two"]
    body = two_speakers
    assert set(body) == {
        "duration",
        "num_speakers",
        "speakers",
        "turns",
        "model",
        "known_voices_used",
    }
    assert body["known_voices_used"] == 0  # none sent
    assert body["num_speakers"] == 2
    assert body["speakers"] == ["SPEAKER_00", "SPEAKER_01"]
    assert body["duration"] == pytest.approx(reference[-1][1] + 0.5, abs=0.05)
    assert der(reference, body["turns"]) <= 0.15, body["turns"]


def test_turn_contract(two_speakers):
    turns = two_speakers["turns"]
    assert [t["start"] for t in turns] == sorted(t["start"] for t in turns)
    for turn in turns:
        assert set(turn) == {"start", "end", "speaker", "overlap"}
        assert 0 <= turn["start"] < turn["end"] <= two_speakers["duration"]
        assert turn["speaker"] in two_speakers["speakers"]
        assert isinstance(turn["overlap"], bool)
    assert two_speakers["model"]["embedding"] == "resemblyzer-0.1.4"


def test_overlap_marks_both_speakers(client, audio, tmp_path):
    """The first speaker breaks in for 2 s over the second one's turn: both come back on
    that stretch, flagged `overlap` (the way a backchannel does in a meeting)."""
    path, reference = audio["two"]
    mixed = read(path)
    start, _, _ = reference[1]
    later = next(s for s, _, voice in reference[2:] if voice == reference[0][2])
    interruption = mixed[round(later * RATE) :][: 2 * RATE].copy()
    at = round((start + 0.5) * RATE)
    mixed[at : at + len(interruption)] += interruption
    body = post(client, write(tmp_path / "overlap.wav", mixed * 0.7)).json()
    shared = [t for t in body["turns"] if t["overlap"]]
    assert len({t["speaker"] for t in shared}) == 2, body["turns"]
    assert all(start < t["end"] and t["start"] < start + 3 for t in shared), shared


@pytest.mark.parametrize(("form", "count"), [({"num_speakers": 1}, 1), ({"max_speakers": 1}, 1)])
def test_speaker_count_from_the_caller(client, audio, form, count):
    body = post(client, audio["two"][0], **form).json()
    assert body["num_speakers"] == count


def test_one_speaker(client, audio):
    path, reference = audio["one"]
    body = post(client, path).json()
    assert body["num_speakers"] == 1
    assert der(reference, body["turns"]) <= 0.1


def test_silence_has_no_turns(client, audio):
    body = post(client, audio["silence"][0]).json()
    assert body["num_speakers"] == 0
    assert body["turns"] == [] and body["speakers"] == []
    assert body["duration"] == pytest.approx(20.0)


@pytest.mark.parametrize("colour", ["whitenoise", "pinknoise"])
def test_noise_is_not_a_meeting(client, audio, colour):
    resp = post(client, audio[colour][0])
    assert resp.status_code == 200, resp.text
    body = resp.json()
    speech = sum(t["end"] - t["start"] for t in body["turns"])
    assert body["num_speakers"] <= 1
    assert speech <= 0.2 * body["duration"], body["turns"]


@pytest.mark.parametrize(
    ("content", "form", "message"),
    [
        (b"", {}, "empty file"),
        (b"\x00\x01garbage" * 100, {}, "could not decode audio"),
        (None, {"min_speakers": 3, "max_speakers": 2}, "min_speakers is greater"),
        (None, {"num_speakers": 0}, "num_speakers"),
        (None, {"known_voices": "not json"}, "known_voices"),
        (None, {"known_voices": json.dumps({"model": "resemblyzer-0.1.4"})}, "known_voices"),
        (None, {"known_voices": json.dumps(KNOWN | {"vectors": [[1.0] * 3]})}, "256 values"),
        (None, {"known_voices": json.dumps(KNOWN | {"vectors": [[0.0] * 256]})}, "zero"),
    ],
)
def test_bad_diarize_requests_are_400(client, audio, content, form, message):
    content = audio["silence"][0].read_bytes() if content is None else content
    resp = client.post(DIARIZE, files={"file": ("upload.bin", content)}, data=form)
    assert resp.status_code == 400, resp.text
    assert message in resp.json()["error"]["message"]


def test_embeddings_tell_voices_apart(client, audio):
    path, reference = audio["two"]
    spans = [[start, end] for start, end, _ in reference]
    resp = post(client, path, EMBED, spans=json.dumps(spans))
    assert resp.status_code == 200, resp.text
    body = resp.json()
    assert body["model"] == "resemblyzer-0.1.4" and body["dim"] == 256
    assert [[e["start"], e["end"]] for e in body["embeddings"]] == spans
    vectors = np.array([e["embedding"] for e in body["embeddings"]])
    assert vectors.shape == (len(spans), 256)
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1, atol=1e-4)
    voices = np.array([voice for _, _, voice in reference])
    similarity = vectors @ vectors.T
    same = voices[:, None] == voices[None, :]
    np.fill_diagonal(same, False)
    different = voices[:, None] != voices[None, :]
    assert similarity[same].min() > similarity[different].max(), similarity


def voice_of(client, path: Path, reference: list, voice: str) -> list[float]:
    spans = [[start, end] for start, end, who in reference if who == voice]
    body = post(client, path, EMBED, spans=json.dumps(spans)).json()
    pooled = np.mean([e["embedding"] for e in body["embeddings"] if e["embedding"]], axis=0)
    return (pooled / np.linalg.norm(pooled)).tolist()


def test_known_voices_do_not_split_one_enrolled_speaker(client, audio):
    """The speaker's own voiceprint and another's are sent: the one voice stays one."""
    path, reference = audio["one"]
    own = voice_of(client, path, reference, reference[0][2])
    other = voice_of(client, audio["two"][0], audio["two"][1], TWO_VOICES[1])
    body = post(client, path, known_voices=json.dumps(KNOWN | {"vectors": [own, other]})).json()
    assert body["known_voices_used"] == 2
    assert body["num_speakers"] == 1
    assert der(reference, body["turns"]) <= 0.1
    # Vectors of another embedding model say nothing here: they are not used.
    foreign = {"model": "wespeaker", "vectors": [own, other]}
    assert post(client, path, known_voices=json.dumps(foreign)).json()["known_voices_used"] == 0


def test_short_or_silent_spans_are_null(client, audio):
    path, reference = audio["two"]
    first_start, first_end, _ = reference[0]
    spans = [[0.0, 0.2], [first_start, first_start + 0.1], [first_start, first_end], [99, 100]]
    body = post(client, path, EMBED, spans=json.dumps(spans)).json()
    assert [e["embedding"] is None for e in body["embeddings"]] == [True, True, False, True]


@pytest.mark.parametrize(
    "spans", ["not json", '{"start": 1}', "[[2, 1]]", "[[0]]", '[["a", 1]]', "[[-1, 2]]"]
)
def test_bad_spans_are_400(client, audio, spans):
    resp = post(client, audio["two"][0], EMBED, spans=spans)
    assert resp.status_code == 400, resp.text
    assert resp.json()["error"]["message"].startswith("spans:")


def test_missing_spans_is_400(client, audio):
    resp = post(client, audio["two"][0], EMBED)
    assert resp.status_code == 400
    assert resp.json()["error"]["param"] == "spans"


def test_speaker_calls_are_serialised(client, audio):
    diarizer = client.app.state.diarizer.engine
    embedder = client.app.state.embedder.engine
    before = len(diarizer.calls), len(embedder.calls)
    path, reference = audio["two"]
    spans = json.dumps([[s, e] for s, e, _ in reference])
    calls = [lambda: post(client, path), lambda: post(client, path, EMBED, spans=spans)]
    threads = [threading.Thread(target=call) for call in calls]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    (s1, e1), (s2, e2) = sorted(
        list(diarizer.calls)[before[0] :] + list(embedder.calls)[before[1] :]
    )
    assert e1 <= s2, "diarization and embedding overlapped on the cores"


def test_missing_pyannote_audio_is_a_dead_engine_not_a_crash():
    settings = get_settings().model_copy(update={"diarization_backend": "pyannote-pipeline"})
    with TestClient(build_app(settings)) as c:
        body = wait_status(c, "dead", timeout=60)
        assert body["engines"]["diarization"]["state"] == "dead"
        assert "pyannote.audio" in body["engines"]["diarization"]["reason"]
        # The other engines carry on loading and serve.
        deadline = time.monotonic() + 120
        while (asr := c.get("/ready").json()["engines"]["asr"])["state"] == "loading":
            assert time.monotonic() < deadline
            time.sleep(0.5)
        assert asr["state"] == "ready" and c.get("/ready").json()["status"] == "dead"
        assert c.get("/health").status_code == 200
        assert c.post(DIARIZE, files={"file": ("a.wav", b"RIFF")}).status_code == 503


REAL = Path(__file__).resolve().parents[1] / "fixtures" / "real-speech"


def real(name: str) -> np.ndarray:
    from gpu_service.engines.whisper import decode

    return decode(str(REAL / name))


def diarize_samples(client: TestClient, samples: np.ndarray, tmp_path: Path) -> dict:
    path = write(tmp_path / "real.wav", samples)
    response = post(client, path)
    assert response.status_code == 200, response.text
    return response.json()


@pytest.mark.parametrize(
    "clip", ["fleurs-en-000.ogg", "fleurs-en-004.ogg", "fleurs-fr-002.ogg", "fleurs-fr-003.ogg"]
)
def test_a_real_single_reader_is_one_speaker(client, clip, tmp_path):
    result = diarize_samples(client, real(clip), tmp_path)
    assert result["num_speakers"] == 1, result["turns"]


@pytest.mark.parametrize(
    "first, second",
    [("fleurs-en-000.ogg", "fleurs-en-004.ogg"), ("fleurs-fr-002.ogg", "fleurs-fr-003.ogg")],
)
def test_two_real_readers_one_after_the_other_are_two_speakers(client, first, second, tmp_path):
    a, b = real(first), real(second)
    gap = np.zeros(int(0.6 * RATE), dtype=np.float32)
    result = diarize_samples(client, np.concatenate([a, gap, b]), tmp_path)
    assert result["num_speakers"] == 2, result["turns"]
    change = (len(a) + len(gap) / 2) / RATE

    def main_speaker(start: float, end: float) -> str:
        talk: dict[str, float] = {}
        for t in result["turns"]:
            overlap = min(end, t["end"]) - max(start, t["start"])
            if overlap > 0:
                talk[t["speaker"]] = talk.get(t["speaker"], 0.0) + overlap
        return max(talk, key=talk.get)

    assert main_speaker(0, change) != main_speaker(change, change + len(b) / RATE)


def test_a_real_meeting_with_two_main_speakers_is_not_one(client, tmp_path):
    result = diarize_samples(client, real("ami-trn08.flac"), tmp_path)
    assert 2 <= result["num_speakers"] <= 4, result["turns"]


def test_quiet_speech_frames_go_to_the_nearest_speaker_without_a_new_one():
    from gpu_service.engines.diarize import SOFT_SPEECH, _fill_quiet_speech

    activity = np.zeros((10, 2), dtype=bool)
    activity[1:3, 0] = True  # speaker 0, then speaker 1 later
    activity[7:9, 1] = True
    speech = np.full(10, SOFT_SPEECH / 2)
    speech[[0, 3, 4, 6, 9]] = SOFT_SPEECH + 0.1  # likelier speech than the bound
    filled = _fill_quiet_speech(activity, speech)
    assert filled.shape == activity.shape and (filled | ~activity).all()  # nothing taken
    assert filled[[0, 3, 4], 0].all() and not filled[[0, 3, 4], 1].any()
    assert filled[[6, 9], 1].all() and not filled[[6, 9], 0].any()
    assert not filled[5].any()  # under the bound: silence stays silence
    assert not _fill_quiet_speech(np.zeros((4, 0), dtype=bool), np.ones(4)).any()
