"""GET /api/transcripts/{id}/export and /audio on the real app, PostgreSQL and object store
(local and a moto S3 server): every export format read back by its own library, with the
speakers' names, times and text; the recording's audio whole and by byte ranges."""

import html
import io
import uuid
from datetime import timedelta

import docx
import pytest
import srt
import webvtt
from fastapi.testclient import TestClient

from api.main import create_app
from st_resources.clients.storage import CHUNK_BYTES, S3ObjectStore
from tests.api.meetings import auth, new_tenant, stored_recording
from tests.tones import tone_wav

# (label, start, end, raw text, clean text or None); SPEAKER_01 has no name.
SEGMENTS = [
    ("SPEAKER_00", 0.0, 4.2, "um so the budget is is approved", "So the budget is approved."),
    ("SPEAKER_00", 4.5, 7.25, "we we start in May", "We start in May."),
    ("SPEAKER_01", 8.0, 11.5, "what about <b>Q3</b> & hiring -->\nnext", None),
    ("SPEAKER_00", 3725.5, 3730.0, "thanks everyone", "Thanks, everyone."),
]
NAMES = {"SPEAKER_00": "Nora Lind", "SPEAKER_01": None}
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


@pytest.fixture(scope="module")
def client():
    with TestClient(create_app()) as c:
        yield c


def add_transcript(tenant_id: str, title: str = "Budget review", status: str = "completed") -> str:
    return stored_recording(
        tenant_id,
        title,
        b"RIFF-test",
        [
            dict(idx=i, start_s=s, end_s=e, text=raw, speaker=label, words=[])
            for i, (label, s, e, raw, _) in enumerate(SEGMENTS)
        ],
        [dict(label=label, talk_time_s=5.0, turns=1, name=name) for label, name in NAMES.items()],
        {i: seg[4] for i, seg in enumerate(SEGMENTS)},
        status=status,
    )


def get_export(client, token, tid, **params):
    resp = client.get(f"/api/transcripts/{tid}/export", headers=auth(token), params=params)
    assert resp.status_code == 200, resp.text
    return resp


UNNAMED_RAW = "what about <b>Q3</b> & hiring --> next"  # on one line: a cue ends at a blank


def test_srt_names_each_cue_and_keeps_its_times(client):
    tenant_id, token = new_tenant("export")
    tid = add_transcript(tenant_id)
    resp = get_export(client, token, tid, format="srt")
    assert resp.headers["content-type"] == "application/x-subrip; charset=utf-8"
    assert resp.headers["content-disposition"] == 'attachment; filename="Budget review.srt"'
    cues = list(srt.parse(resp.text))
    assert [c.index for c in cues] == [1, 2, 3, 4]
    assert [(c.start, c.end) for c in cues] == [
        (timedelta(seconds=s), timedelta(seconds=e)) for _, s, e, _, _ in SEGMENTS
    ]
    assert [c.content for c in cues] == [
        "Nora Lind: So the budget is approved.",
        "Nora Lind: We start in May.",
        f"SPEAKER_01: {UNNAMED_RAW}",
        "Nora Lind: Thanks, everyone.",
    ]


def test_vtt_gives_each_cue_a_voice_and_escapes_the_text(client):
    tenant_id, token = new_tenant("export")
    tid = add_transcript(tenant_id)
    resp = get_export(client, token, tid, format="vtt")
    assert resp.headers["content-type"] == "text/vtt; charset=utf-8"
    assert resp.text.startswith("WEBVTT")
    assert "<b>" not in resp.text  # the text's markup is escaped, not taken as cue tags
    cues = list(webvtt.from_string(resp.text))
    assert [c.voice for c in cues] == ["Nora Lind", "Nora Lind", "SPEAKER_01", "Nora Lind"]
    assert [html.unescape(c.text) for c in cues] == [
        "So the budget is approved.",
        "We start in May.",
        UNNAMED_RAW,
        "Thanks, everyone.",
    ]
    assert [(c.start, c.end) for c in cues][::3] == [
        ("00:00:00.000", "00:00:04.200"),
        ("01:02:05.500", "01:02:10.000"),
    ]


def test_txt_and_docx_read_by_turns(client):
    tenant_id, token = new_tenant("export")
    tid = add_transcript(tenant_id)
    turns = [
        "[00:00:00] Nora Lind: So the budget is approved. We start in May.",
        f"[00:00:08] SPEAKER_01: {UNNAMED_RAW}",
        "[01:02:05] Nora Lind: Thanks, everyone.",
    ]
    txt = get_export(client, token, tid, format="txt")
    assert txt.headers["content-type"] == "text/plain; charset=utf-8"
    assert txt.text == "\n\n".join(["Budget review", *turns]) + "\n"

    resp = get_export(client, token, tid, format="docx")
    assert resp.headers["content-type"] == DOCX
    assert resp.headers["content-disposition"] == 'attachment; filename="Budget review.docx"'
    document = docx.Document(io.BytesIO(resp.content))
    assert document.core_properties.title == "Budget review"
    heading, *paragraphs = document.paragraphs
    assert heading.text == "Budget review" and heading.style.name == "Heading 1"
    assert [p.text for p in paragraphs] == [
        "Nora Lind 00:00:00\nSo the budget is approved. We start in May.",
        f"SPEAKER_01 00:00:08\n{UNNAMED_RAW}",
        "Nora Lind 01:02:05\nThanks, everyone.",
    ]
    assert [p.runs[0].bold for p in paragraphs] == [True, True, True]


def test_json_has_labels_names_times_and_the_chosen_text(client):
    tenant_id, token = new_tenant("export")
    tid = add_transcript(tenant_id)
    resp = get_export(client, token, tid, format="json")
    assert resp.headers["content-type"] == "application/json"
    body = resp.json()
    assert body["id"] == tid and body["title"] == "Budget review" and body["text"] == "clean"
    assert body["speakers"] == [
        {"label": "SPEAKER_00", "name": "Nora Lind"},
        {"label": "SPEAKER_01", "name": None},
    ]
    assert [(s["speaker"], s["speaker_name"], s["start"], s["end"]) for s in body["segments"]] == [
        (label, NAMES[label], s, e) for label, s, e, _, _ in SEGMENTS
    ]
    assert body["segments"][0]["text"] == "So the budget is approved."
    assert body["segments"][2]["text"] == UNNAMED_RAW


def test_speech_asr_did_not_transcribe_is_marked_inaudible(client):
    """A segment of speech with no words (diarized, not transcribed) is a cue saying so,
    in both texts."""
    tenant_id, token = new_tenant("export")
    tid = stored_recording(
        tenant_id,
        "Quiet corner",
        b"RIFF-test",
        [
            dict(idx=0, start_s=0.0, end_s=2.0, text="hello", speaker="SPEAKER_00", words=[]),
            dict(idx=1, start_s=2.5, end_s=4.0, text="", speaker="SPEAKER_01", words=[]),
        ],
        [dict(label=label, talk_time_s=2.0, turns=1, name=None) for label in NAMES],
        {0: "Hello.", 1: None},
        status="completed",
    )
    for text in ("clean", "raw"):
        cues = list(srt.parse(get_export(client, token, tid, format="srt", text=text).text))
        assert [c.content for c in cues][1:] == ["SPEAKER_01: [inaudible]"]
        assert cues[1].start == timedelta(seconds=2.5)


def test_text_raw_gives_the_raw_text_everywhere(client):
    tenant_id, token = new_tenant("export")
    tid = add_transcript(tenant_id)
    cues = list(srt.parse(get_export(client, token, tid, format="srt", text="raw").text))
    assert cues[0].content == "Nora Lind: um so the budget is is approved"
    assert cues[3].content == "Nora Lind: thanks everyone"
    body = get_export(client, token, tid, format="json", text="raw").json()
    assert body["text"] == "raw"
    assert [s["text"] for s in body["segments"]] == [
        " ".join(raw.split()) for _, _, _, raw, _ in SEGMENTS
    ]
    vtt = webvtt.from_string(get_export(client, token, tid, format="vtt", text="raw").text)
    assert vtt[1].text == "we we start in May"


@pytest.mark.parametrize(
    ("title", "disposition"),
    [
        (
            "../Réunion: budget/2026",
            'attachment; filename="Reunion_budget_2026.txt"; '
            "filename*=UTF-8''R%C3%A9union_budget_2026.txt",
        ),
        (
            'a"b\r\nSet-Cookie: x=1',
            'attachment; filename="a_b Set-Cookie_x_1.txt"; '
            "filename*=UTF-8''a_b%20Set-Cookie_x%3D1.txt",
        ),
        # Nothing ASCII in the title: the id, and the title for the clients that read it.
        ("会议", "attachment; filename=\"{tid}.txt\"; filename*=UTF-8''%E4%BC%9A%E8%AE%AE.txt"),
    ],
)
def test_the_file_name_is_made_safe(client, title, disposition):
    tenant_id, token = new_tenant("export")
    tid = add_transcript(tenant_id, title=title)
    got = get_export(client, token, tid, format="txt").headers["content-disposition"]
    assert got == disposition.format(tid=tid)


def test_another_tenants_transcript_is_404_and_a_token_is_needed(client):
    tenant_id, _ = new_tenant("export")
    tid = add_transcript(tenant_id)
    _, stranger = new_tenant("export-other")
    for path in (f"/api/transcripts/{tid}/export?format=srt", f"/api/transcripts/{tid}/audio"):
        resp = client.get(path, headers=auth(stranger))
        assert resp.status_code == 404 and resp.json() == {"detail": "transcript not found"}
        assert client.get(path).status_code == 401
    for bad in ("not-a-uuid", str(uuid.uuid4())):
        resp = client.get(f"/api/transcripts/{bad}/export?format=srt", headers=auth(stranger))
        assert resp.status_code == 404


@pytest.mark.parametrize(
    "params", [{"format": "pdf"}, {}, {"format": "SRT"}, {"format": "srt", "text": "fancy"}]
)
def test_an_unknown_format_or_text_is_422(client, params):
    tenant_id, token = new_tenant("export")
    tid = add_transcript(tenant_id)
    resp = client.get(f"/api/transcripts/{tid}/export", headers=auth(token), params=params)
    assert resp.status_code == 422, resp.text


@pytest.mark.parametrize(
    ("status", "code"),
    [
        ("queued", 409),
        ("processing", 409),
        ("failed", 409),
        ("transcribed", 200),
        ("completed_degraded", 200),
    ],
)
def test_only_a_readable_transcript_is_exported(client, status, code):
    tenant_id, token = new_tenant("export")
    tid = add_transcript(tenant_id, status=status)
    resp = client.get(f"/api/transcripts/{tid}/export?format=vtt", headers=auth(token))
    assert resp.status_code == code, resp.text
    if code == 409:
        assert f"the transcript is {status}" in resp.json()["detail"]
        assert "readable" in resp.json()["detail"]


# The audio: uploaded through the API, read back through the local store and S3.
AUDIO = tone_wav(20.0)  # 640 kB: several of the store's chunks


@pytest.fixture(params=["local", "s3"])
def objects(request, client, monkeypatch):
    """The app's object store: the local one, or a moto S3 server's bucket."""
    if request.param == "local":
        yield client.app.state.store
        return
    s3 = request.getfixturevalue("moto_s3")
    for name, value in s3.items():
        monkeypatch.setenv(name, value)
    live = client.app.state.store
    client.app.state.store = S3ObjectStore(
        s3["AWS_S3_BUCKET"], s3["AWS_REGION"], s3["AWS_ENDPOINT_URL"]
    )
    yield client.app.state.store
    client.app.state.store = live


def upload(client, token) -> str:
    resp = client.post(
        "/api/transcripts/create-with-rag",
        headers=auth(token),
        files=[("audio_file", ("meeting.wav", AUDIO, "audio/wav"))],
        data={"language": "en"},
    )
    assert resp.status_code == 202, resp.text
    return resp.json()["id"]


def test_the_audio_is_the_upload_whole_or_by_ranges(client, objects):
    tenant_id, token = new_tenant("audio")
    tid = upload(client, token)
    assert objects.list(f"tenants/{tenant_id}/transcripts/{tid}/original/")  # in that store
    url, size = f"/api/transcripts/{tid}/audio", len(AUDIO)

    whole = client.get(url, headers=auth(token))
    assert whole.status_code == 200 and whole.content == AUDIO
    assert whole.headers["accept-ranges"] == "bytes"
    assert whole.headers["content-length"] == str(size)
    assert whole.headers["content-type"] in ("audio/x-wav", "audio/wav")
    assert "content-range" not in whole.headers

    for asked, first, last in [
        ("bytes=100-1099", 100, 1099),
        ("bytes=0-0", 0, 0),
        (f"bytes=1000-{CHUNK_BYTES * 2 + 5}", 1000, CHUNK_BYTES * 2 + 5),  # across chunks
        (f"bytes={size - 10}-", size - 10, size - 1),
        ("bytes=-500", size - 500, size - 1),
        (f"bytes=-{size * 2}", 0, size - 1),
        (f"bytes=500-{size * 3}", 500, size - 1),
    ]:
        part = client.get(url, headers={**auth(token), "Range": asked})
        assert part.status_code == 206, (asked, part.text)
        assert part.content == AUDIO[first : last + 1], asked
        assert part.headers["content-range"] == f"bytes {first}-{last}/{size}", asked
        assert part.headers["content-length"] == str(last - first + 1), asked
        assert part.headers["accept-ranges"] == "bytes"

    # Several ranges, or another unit: ignored, the whole file (RFC 9110 allows it).
    for asked in ("bytes=0-9,20-29", "items=0-9"):
        resp = client.get(url, headers={**auth(token), "Range": asked})
        assert resp.status_code == 200 and resp.content == AUDIO, asked

    past_the_end = [f"bytes={size}-", f"bytes={size + 5}-{size + 10}", "bytes=-0"]
    malformed = ["bytes=9-5", "bytes=abc", "bytes=-", "bytes=1" + "0" * 40 + "-"]
    for asked in past_the_end + malformed:
        bad = client.get(url, headers={**auth(token), "Range": asked})
        assert bad.status_code == 416, (asked, bad.text)
        assert bad.headers["content-range"] == f"bytes */{size}", asked
        assert "selects no byte" in bad.json()["detail"]


def test_audio_whose_object_is_gone_is_404(client, tenant):
    tenant_id, token = tenant
    tid = upload(client, token)
    client.app.state.store.delete_prefix(f"tenants/{tenant_id}/transcripts/{tid}/")
    resp = client.get(f"/api/transcripts/{tid}/audio", headers=auth(token))
    assert resp.status_code == 404 and resp.json() == {"detail": "the audio is not stored"}
