"""The harness's own logic without a pipeline run: finding recordings in any folder,
scoring one pipeline output, adding files up, the report, and the CLI's refusals."""

import json
import math

import pytest
from typer.testing import CliRunner

from eval.harness import (
    PipelineOutput,
    Recording,
    discover,
    render_markdown,
    score_recording,
    totals,
    voiceprint_tally,
)
from st_resources.cli import app

RTTM = """\
SPEAKER m 1 0.500 9.500 <NA> <NA> marie <NA> <NA>
SPEAKER m 1 10.500 9.000 <NA> <NA> luc <NA> <NA>
SPEAKER m 1 19.000 1.000 <NA> <NA> marie <NA> <NA>
"""


def test_discover_takes_any_audio_and_optional_references(tmp_path):
    for name in ("a.wav", "a.rttm", "a.txt", "a.json", "b.flac", "b.txt", "c.mp3", "c.wav"):
        (tmp_path / name).write_text("{}" if name.endswith(".json") else "x")
    (tmp_path / "devset.json").write_text("{}")  # no audio: not a recording
    (tmp_path / "notes.md").write_text("x")
    found = {r.name: r for r in discover(tmp_path)}
    assert sorted(found) == ["a", "b", "c"]
    assert found["a"].rttm and found["a"].txt and found["a"].meta == {}
    assert found["b"].audio.suffix == ".flac" and found["b"].rttm is None and found["b"].txt
    assert found["c"].audio.suffix == ".wav"  # NAME.wav preferred over NAME.mp3
    assert [r.name for r in discover(tmp_path, only=["b"])] == ["b"]


def recording(tmp_path, meta=None) -> Recording:
    (tmp_path / "m.rttm").write_text(RTTM)
    (tmp_path / "m.txt").write_text("Bonjour, je suis Marie.\nMerci Marie, deux points.\n")
    (tmp_path / "m.wav").write_bytes(b"")
    return Recording("m", tmp_path / "m.wav", tmp_path / "m.rttm", tmp_path / "m.txt", meta or {})


def output(turns=None, names=None, status="completed") -> PipelineOutput:
    return PipelineOutput(
        transcript_id="t",
        success=status == "completed",
        status=status,
        error=None,
        duration_s=20.0,
        detected_language="fr",
        timings={"audio": 0.5, "asr": 4.0, "diarization": 1.0},
        wall_s=6.0,
        segments=[
            {"start": 0.5, "end": 10.0, "text": "Bonjour je suis Marie", "speaker": "S0"},
            {"start": 10.5, "end": 19.5, "text": "merci marie 2 points", "speaker": "S1"},
        ],
        turns=turns,
        names=names,
        audio_key=None,
    )


def test_score_one_recording(tmp_path):
    meta = {"language": "fr", "speakers": {"marie": "Marie Dupont", "luc": "Luc Bernard"}}
    rec = recording(tmp_path, meta)
    turns = [(0.5, 10.0, "S0"), (10.5, 19.5, "S1"), (19.0, 20.0, "S0")]
    names = {"S0": ("Marie Dupont", "rag"), "S1": (None, None)}
    entry = score_recording(rec, output(turns, names), ("Bonjour je suis Marie merci", 2.0, "fr"))

    assert entry["wer"]["wer"] == 0.0  # "deux" and "2" meet after normalisation
    assert entry["asr_only_wer"]["deletions"] == 3  # "marie deux points" missing
    assert entry["wer_delta"] == pytest.approx(-3 / 8)
    d = entry["diarization"]
    assert d["der"] < 0.05 and d["mapping"] == {"S0": "marie", "S1": "luc"}
    assert entry["speakers"] == {"ref": 2, "hyp": 2, "hyp_in_segments": 2, "error": 0}
    assert entry["naming"]["correct"] == 1 and entry["naming"]["by_source"]["rag"]["named"] == 1
    assert entry["rtf"]["asr"] == 5.0 and entry["rtf"]["pipeline"] == pytest.approx(20 / 5.5)
    assert entry["rtf"]["asr_only"] == 10.0
    json.dumps(entry)  # the report must serialise


def test_suggestions_are_scored_by_source_and_summed(tmp_path):
    meta = {"language": "fr", "speakers": {"marie": "Marie Dupont", "luc": "Luc Bernard"}}
    rec = recording(tmp_path, meta)
    turns = [(0.5, 10.0, "S0"), (10.5, 19.5, "S1")]
    names = {"S0": (None, "unknown"), "S1": (None, "unknown")}
    out = output(turns, names)
    out.suggestions = {"S0": ("Marie", "rules"), "S1": ("Marie Dupont", "voiceprint")}
    entry = score_recording(rec, out, None)
    assert entry["suggestions"] == {
        "rules": {"right": 1, "wrong": 0},  # a first name is the person's own
        "voiceprint": {"right": 0, "wrong": 1},  # Luc proposed Marie's name
    }
    t = totals([entry, entry])
    assert t["suggestions"]["voiceprint"] == {"right": 0, "wrong": 2}
    markdown = render_markdown(
        {"run": "r", "created_at": "now", "directory": "d", "recordings": [entry],
         "totals": {"all": t}}
    )  # fmt: skip
    assert "rules 2 right / 0 wrong, voiceprint 0 right / 2 wrong" in markdown


def test_without_turns_der_is_null_and_naming_waits(tmp_path):
    entry = score_recording(recording(tmp_path), output(turns=None), None)
    assert entry["diarization"] is None and "speaker_turns" in entry["diarization_note"]
    assert entry["speakers"]["hyp"] is None and entry["speakers"]["error"] is None
    assert entry["naming"] is None and entry["asr_only_wer"] is None
    assert math.isfinite(entry["wer"]["wer"])


def test_totals_weight_by_words_and_by_speech(tmp_path):
    rec = recording(tmp_path)
    good = score_recording(rec, output([(0.5, 10.0, "A"), (10.5, 20.0, "B")]), None)
    merged = score_recording(rec, output([(0.5, 20.0, "A")]), None)
    failed = {**good, "status": "failed"}
    t = totals([good, merged, failed])
    assert (t["recordings"], t["completed"]) == (3, 2)
    assert t["duration_s"] == 40.0
    assert t["wer"]["ref_words"] == good["wer"]["ref_words"] * 2
    total_speech = 2 * good["diarization"]["components"]["total"]
    errors = sum(
        e["diarization"]["components"]["total"] * e["diarization"]["der"] for e in (good, merged)
    )
    assert t["der"] == pytest.approx(errors / total_speech)
    assert t["speaker_count"]["exact"] == 1 and t["speaker_count"]["of"] == 2
    assert t["rtf"]["asr"] == pytest.approx(40 / 8)

    report = {
        "run": "r",
        "created_at": "now",
        "directory": "d",
        "recordings": [good, merged],
        "totals": {"all": t},
    }
    markdown = render_markdown(report)
    assert "| m | fr |" in markdown  # no language given: the detected one is shown
    assert markdown.count("\n| m |") == 4 and "**total all** (2/3)" in markdown
    assert "| recording | audio | asr | diarization |" in markdown  # speed, pipeline order


def test_cli_refuses_an_empty_folder_and_a_missing_gpu_service(tmp_path, monkeypatch):
    from st_resources.settings import get_settings

    runner = CliRunner()
    empty = tmp_path / "empty"
    empty.mkdir()
    result = runner.invoke(app, ["eval", str(empty), "--out", str(tmp_path / "out")])
    assert result.exit_code == 2 and "no audio files" in result.output

    recording(tmp_path)
    monkeypatch.setenv("MEETNOO_API_URL", "http://127.0.0.1:9")  # nothing listens there
    get_settings.cache_clear()
    try:
        result = runner.invoke(app, ["eval", str(tmp_path), "--out", str(tmp_path / "out")])
    finally:
        get_settings.cache_clear()
    assert result.exit_code == 2 and "gpu_service is not ready" in result.output


def test_a_voice_matched_under_a_first_name_the_library_learnt_is_a_match():
    """Grace was enrolled as "Grace" (all her meeting said): her voice named "Grace" again
    is a right match, not a false one; another person's name on her voice is wrong."""
    names = {"grace": "Grace Adeyemi", "owen": "Owen Pritchard", "new": "Kerry Dunn"}
    mapping = {"S0": "grace", "S1": "owen", "S2": "new"}
    said = {
        "S0": ("Grace", "voiceprint"),
        "S1": ("Martin Hale", "voiceprint"),
        "S2": (None, "unknown"),
    }
    tally = voiceprint_tally(names, mapping, said, known={"grace", "owen"})
    assert tally == {"known": 2, "matched": 1, "wrong": 1, "new": 1, "false_matches": 0}
