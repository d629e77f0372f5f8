"""`identify_speakers`: the packaged LLM through a real gpu_service where only it can
decide, and the fallback when an endpoint answers garbage."""

import json

import pytest
from dagster import DagsterInstance, materialize

from st_assets.naming import llm_identities
from st_resources.clients.llm import LlmClient, LlmOutputError
from st_resources.db.models import Segment, TranscriptSpeaker
from st_resources.db.session import session_scope
from st_resources.naming.llm import identify_speakers
from st_resources.transcripts import store as transcripts
from tests.fault_llm import fault_llm

# Nobody is named in the meeting: only roles link the speakers to the attendee list, which
# rules do not read and the LLM can.
MEETING = [
    ("SPEAKER_00", "Welcome everyone. As head of finance I will walk you through the numbers."),
    ("SPEAKER_01", "First a quick update from engineering: the migration finished on Friday."),
    ("SPEAKER_00", "Good. Revenue grew eight percent and costs stayed flat this quarter."),
    ("SPEAKER_01", "My team can now start on the mobile release next week."),
]
ATTENDEES = "Attendees:\n- Laura Chen, head of finance\n- Omar Haddad, engineering lead"
PEOPLE = ["Laura Chen", "Omar Haddad"]


def lines(meeting=MEETING) -> list[dict]:
    return [{"speaker": s, "text": t} for s, t in meeting]


def test_the_llm_names_speakers_from_their_roles(gpu_url):
    options = identify_speakers(
        LlmClient(gpu_url + "/v1", retries=1),
        lines(),
        ["SPEAKER_00", "SPEAKER_01"],
        ATTENDEES,
        names=PEOPLE,
    )
    named = {o.label: o.name for o in options}
    assert named.get("SPEAKER_00") == "Laura Chen", options
    assert named.get("SPEAKER_01") in (None, "Omar Haddad"), options
    assert all(o.evidence["name_in_documents"] for o in options)


@pytest.mark.parametrize(
    "answer",
    [
        "Sure! SPEAKER_00 is Laura.",  # prose, not JSON
        json.dumps({"people": ["Laura Chen"]}),  # JSON, wrong schema
    ],
)
def test_malformed_answers_raise_for_the_caller_to_fall_back(answer):
    with fault_llm(lambda body: answer) as (_, url):
        with pytest.raises(LlmOutputError):
            identify_speakers(
                LlmClient(url, retries=1), lines(), ["SPEAKER_00"], ATTENDEES, names=PEOPLE
            )


def test_answers_that_break_the_rules_are_dropped():
    """Invented names, labels not asked about, and a speaker "named" after someone they
    address are refused even in valid JSON."""
    meeting = [*MEETING, ("SPEAKER_01", "Laura, can you send the slides?")]
    answer = json.dumps(
        {
            "speakers": [
                {"label": "SPEAKER_01", "name": "Laura Chen"},  # they address Laura
                {"label": "SPEAKER_00", "name": "Zorro"},  # appears nowhere
                {"label": "SPEAKER_07", "name": "Omar Haddad"},  # not asked
            ]
        }
    )
    with fault_llm(lambda body: answer) as (app, url):
        options = identify_speakers(
            LlmClient(url, retries=1),
            lines(meeting),
            ["SPEAKER_00", "SPEAKER_01"],
            ATTENDEES,
            names=PEOPLE,
        )
    assert options == [] and app.state.hits == 1


def test_no_names_anywhere_means_no_llm_call():
    with fault_llm(lambda body: "unused") as (app, url):
        options = identify_speakers(LlmClient(url, retries=1), lines(), ["SPEAKER_00"], "")
    assert options == [] and app.state.hits == 0


def test_naming_asset_keeps_rule_names_when_the_llm_answers_garbage(recording, pipeline_resources):
    tid = recording(b"audio not needed: segments and speakers are given")
    with session_scope() as session:
        for i, (label, text) in enumerate(
            # "…, Omar." hints at SPEAKER_01 under the rules' floor: the LLM is asked
            [("SPEAKER_00", "Hello everyone, I'm Laura Chen. Good to see you, Omar."), *MEETING[1:]]
        ):
            session.add(
                Segment(transcript_id=tid, idx=i, start_s=2 * i, end_s=2 * i + 2, text=text,
                        speaker=label)
            )  # fmt: skip
        for label in ("SPEAKER_00", "SPEAKER_01"):
            session.add(TranscriptSpeaker(transcript_id=tid, label=label, talk_time_s=4, turns=2))
    with fault_llm(lambda body: "not json") as (app, url):
        with DagsterInstance.ephemeral() as instance:
            instance.add_dynamic_partitions("recordings", [str(tid)])
            result = materialize(
                [llm_identities],
                partition_key=str(tid),
                instance=instance,
                resources=pipeline_resources(llm_api_url=url, llm_retries=1),
            )
    assert result.success and app.state.hits == 1  # SPEAKER_01 was left to the LLM
    with session_scope() as session:
        row = transcripts.get(session, tid)
        names = {s.label: (s.name, s.identity_source) for s in row.speakers}
        assert names == {"SPEAKER_00": ("Laura Chen", "rag"), "SPEAKER_01": (None, "unknown")}
        assert row.degradations == {}  # bad output is a fallback, not an outage
