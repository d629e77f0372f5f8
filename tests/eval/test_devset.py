"""The development set generator: shape of the set, consistency of the references with
the audio, distinct voices, reproducibility and the cache."""

import json
import wave
from pathlib import Path

import numpy as np
import pytest

from eval import devset
from eval.devset import MEETINGS, PERSONS
from eval.metrics import normalize_text, read_rttm
from tests.speech import require_tools

SHORT = "en03_product_launch"


@pytest.fixture(scope="module")
def full_set(tmp_path_factory) -> tuple[Path, dict]:
    require_tools()
    out = tmp_path_factory.mktemp("devset")
    return out, devset.generate(out, seed=0, log=lambda _: None)


def read_wav(path: Path) -> np.ndarray:
    with wave.open(str(path)) as wav:
        assert (wav.getframerate(), wav.getnchannels(), wav.getsampwidth()) == (16000, 1, 2)
        return np.frombuffer(wav.readframes(wav.getnframes()), "<i2").astype(np.float32) / 32768


def test_the_set_has_the_promised_shape(full_set):
    out, manifest = full_set
    meetings = manifest["meetings"]
    assert len(meetings) >= 8
    languages = [m["language"] for m in meetings]
    assert languages.count("fr") == languages.count("en") == len(meetings) // 2
    for m in meetings:
        assert 2 <= len(m["speakers"]) <= 4, m["name"]
        assert 60 <= m["duration_s"] <= 180, (m["name"], m["duration_s"])
        assert m["overlaps"] >= 1, m["name"]
    # Some meetings introduce people, some do not; some re-use people, some bring new ones.
    assert any(m["introduced"] for m in meetings) and any(not m["introduced"] for m in meetings)
    assert any(m["has_context"] for m in meetings)
    reused = [m for m in meetings if m["shares_people_with"] and not m["new_people"]]
    assert len(reused) >= 2  # a second meeting of exactly the same voices, per language
    assert any(m["new_people"] and m["shares_people_with"] for m in meetings)
    for pid, person in manifest["persons"].items():
        assert person["name"] == PERSONS[pid].name


def test_references_agree_with_each_other_and_with_the_audio(full_set):
    out, manifest = full_set
    for m in manifest["meetings"]:
        name = m["name"]
        samples = read_wav(out / f"{name}.wav")
        duration = samples.size / 16000
        meta = json.loads((out / f"{name}.json").read_text())
        reference = read_rttm(out / f"{name}.rttm")
        lines = (out / f"{name}.txt").read_text().splitlines()
        turns = sorted(reference.itertracks(yield_label=True), key=lambda t: t[0].start)

        assert meta["duration_s"] == pytest.approx(duration, abs=1e-3)
        assert set(reference.labels()) == set(meta["speakers"]) == set(meta["voices"])
        assert set(meta["introduced"]) <= set(meta["speakers"])
        for pid in meta["introduced"]:
            assert any(PERSONS[pid].name in line for line in lines)
        assert len(lines) == len(turns) == meta["turns"]
        assert all(0 < seg.start and seg.end < duration for seg, _, _ in turns)

        # Silence before each turn is 0.2-1.5 s, except backchannels, which overlap.
        overlaps, last_end = 0, 0.0
        for seg, _, _ in turns[1:]:
            last_end = max(last_end, *(s.end for s, _, _ in turns if s.start < seg.start))
            gap = seg.start - last_end
            if gap < 0:
                overlaps += 1
                assert gap > -1.0
            else:
                assert 0.2 - 2e-3 <= gap <= 1.5 + 2e-3, (name, seg, gap)
        assert overlaps == meta["overlaps"]

        # Turns hold the speech: far louder inside than in the silences between them.
        inside = np.zeros(samples.size, bool)
        for seg, _, _ in turns:
            inside[int(seg.start * 16000) : int(seg.end * 16000)] = True
        loud_in = np.sqrt(np.mean(samples[inside] ** 2))
        loud_out = np.sqrt(np.mean(samples[~inside] ** 2))
        assert 20 * np.log10(loud_in / loud_out) > 30, name


def test_text_follows_the_script(full_set):
    out, manifest = full_set
    for script in MEETINGS:
        said = normalize_text((out / f"{script.name}.txt").read_text())
        for _, text in script.turns:
            assert normalize_text(text) in said


def test_every_person_has_their_own_voice():
    specs = [p.voice_spec for p in PERSONS.values()]
    assert len(set(specs)) == len(specs)
    names = [p.name for p in PERSONS.values()]
    assert len(set(names)) == len(names)
    for script in MEETINGS:
        for pid, _ in script.turns:
            assert PERSONS[pid].language == script.language


def test_voices_sound_different_to_a_speaker_encoder(full_set):
    """Same person in two meetings is closer than two people of one meeting."""
    pytest.importorskip("resemblyzer")
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from resemblyzer import VoiceEncoder

    encoder = VoiceEncoder(device="cpu", verbose=False)
    out, _ = full_set

    def voice(meeting: str, pid: str) -> np.ndarray:
        samples = read_wav(out / f"{meeting}.wav")
        reference = read_rttm(out / f"{meeting}.rttm")
        parts = [
            samples[int(s.start * 16000) : int(s.end * 16000)]
            for s, _, label in reference.itertracks(yield_label=True)
            if label == pid and s.duration > 1.5
        ][:2]
        return encoder.embed_utterance(np.concatenate(parts))

    first = {p: voice("en01_budget_review", p) for p in ("peter_walsh", "sarah_collins")}
    again = voice("en02_budget_followup", "peter_walsh")
    same = float(first["peter_walsh"] @ again)
    different = float(first["peter_walsh"] @ first["sarah_collins"])
    assert same > 0.85 and same - different > 0.1, (same, different)


def test_same_seed_same_bytes_other_seed_other_timing(tmp_path):
    a, b, c = tmp_path / "a", tmp_path / "b", tmp_path / "c"
    for out, seed in ((a, 0), (b, 0), (c, 1)):
        devset.generate(out, seed=seed, only=[SHORT], max_turns=5, log=lambda _: None)
    for ext in ("wav", "rttm", "txt", "json"):
        assert (a / f"{SHORT}.{ext}").read_bytes() == (b / f"{SHORT}.{ext}").read_bytes(), ext
    assert (a / f"{SHORT}.rttm").read_text() != (c / f"{SHORT}.rttm").read_text()
    assert (a / f"{SHORT}.txt").read_text().count("\n") >= 5


def test_cached_meetings_are_not_regenerated(tmp_path):
    logged: list[str] = []
    devset.generate(tmp_path, only=[SHORT], max_turns=3, log=logged.append)
    wav = tmp_path / f"{SHORT}.wav"
    before = wav.stat().st_mtime_ns
    devset.generate(tmp_path, only=[SHORT], max_turns=3, log=logged.append)
    assert wav.stat().st_mtime_ns == before and logged[-1].endswith("cached")
    devset.generate(tmp_path, only=[SHORT], max_turns=4, log=logged.append)  # other options
    assert not logged[-1].endswith("cached")


def test_unknown_meeting_is_refused(tmp_path):
    with pytest.raises(ValueError, match="unknown meeting"):
        devset.generate(tmp_path, only=["nope"])
