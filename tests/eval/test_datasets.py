"""The evaluation data files: every file under eval/data/ loads, its ids are unique, and
every expected answer refers to something that exists; a malformed file fails clearly."""

from collections import Counter
from pathlib import Path

import pytest

from eval import datasets as ds

FILES = sorted(p for p in ds.DATA.rglob("*") if p.is_file())


def duplicates(ids) -> list[str]:
    return [i for i, n in Counter(ids).items() if n > 1]


def test_every_file_is_a_set_of_a_known_kind():
    assert FILES, "eval/data/ is empty"
    for path in FILES:
        assert path.parent.parent == ds.DATA, path
        assert path.parent.name in ds.KINDS, path
        assert path.suffix in ds.SUFFIXES, path
    for kind in ds.KINDS:
        assert ds.set_names(kind), f"no {kind} set"


@pytest.mark.parametrize("path", FILES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_file_loads_with_unique_ids_and_resolving_references(path: Path):
    kind = path.parent.name
    data = ds.load(kind, path.stem)
    assert ds.load(kind, path) == data  # by name or by path, the same file
    if kind == "naming":
        assert not duplicates(c.id for c in data.cases)
        for case in data.cases:
            labels = {line.speaker for line in case.lines}
            assert set(case.expected) == labels, case.id
    elif kind == "scripts":
        assert not duplicates(p.id for p in data.persons)
        assert not duplicates(m.id for m in data.meetings)
        persons = {p.id for p in data.persons}
        for m in data.meetings:
            assert not duplicates(t.id for t in m.turns), m.id
            assert {t.person for t in m.turns} <= persons, m.id
            assert m.language in data.backchannels, m.id
    elif kind == "meetings":
        assert not duplicates(m.id for m in data.meetings)
        for m in data.meetings:
            assert not duplicates(s.id for s in m.segments), m.id
    elif kind == "retrieval":
        assert not duplicates(q.id for q in data.queries)
        corpus = ds.load("meetings", data.meetings)
        for q in data.queries:
            for ref in q.relevant:
                corpus.locate(ref)  # KeyError if it resolves to nothing
    elif kind == "chat":
        questions = [q.id for q in data.answerable] + [q.id for q in data.unanswerable]
        assert not duplicates(questions)
        corpus = (
            ds.load("scripts", data.scripts)
            if data.scripts is not None
            else ds.load("meetings", data.meetings)
        )
        for q in data.answerable:
            for ref in q.right:
                corpus.locate(ref)
    else:  # pragma: no cover - a new kind needs its checks here
        pytest.fail(f"no checks for kind {kind}")


def test_references_resolve_to_the_positions_the_code_uses():
    r = ds.retrieval_set("heldout")
    meetings = ds.load("meetings", "heldout")
    group, query, relevant = r.queries[0]
    ref = ds.load("retrieval", "heldout").queries[0].relevant[0]
    meeting, idx = meetings.locate(ref)
    assert relevant[0] == f"{meeting}:{idx}"
    segment = next(m for m in meetings.meetings if m.id == meeting).segments[idx]
    assert r.meetings[meeting][3][idx] == (segment.speaker, segment.text)

    chat = ds.chat_set("dev")
    assert chat.scripts is not None and chat.meetings is None
    script, turn = chat.answerable[0][1][0].split(":")
    assert chat.scripts.by_name[script].turns[int(turn)]


def write(tmp_path: Path, kind: str, name: str, text: str) -> Path:
    folder = tmp_path / kind
    folder.mkdir(exist_ok=True)
    path = folder / f"{name}.yaml"
    path.write_text(text, encoding="utf-8")
    return path


MEETINGS = """\
meetings:
- id: m1
  language: en
  project: p
  title: A meeting
  segments:
  - {id: s00, speaker: S0, text: Hello.}
  - {id: s01, speaker: S1, text: The budget is 12 euros.}
"""


def test_a_set_is_named_by_stem_or_by_path(tmp_path):
    assert ds.set_path("naming", "texts") == ds.DATA / "naming" / "texts.yaml"
    path = write(tmp_path, "meetings", "mine", MEETINGS)
    assert ds.load("meetings", path).meetings[0].id == "m1"
    with pytest.raises(ds.DataError, match="no naming set 'nope'.*texts"):
        ds.set_path("naming", "nope")


def test_retrieval_reference_to_a_missing_segment_is_refused(tmp_path):
    write(tmp_path, "meetings", "mine", MEETINGS)
    path = write(
        tmp_path,
        "retrieval",
        "mine",
        "meetings: ../meetings/mine.yaml\nnote: n\nqueries:\n"
        "- {id: q1, group: en, query: Budget?, relevant: [m1/s01]}\n"
        "- {id: q2, group: en, query: Who?, relevant: [m1/s07]}\n",
    )
    with pytest.raises(ds.DataError, match="m1/s07: meeting m1 has no segment s07"):
        ds.load("retrieval", path)
    path.write_text(path.read_text().replace("m1/s07", "m1/s00"))
    assert ds.retrieval_set(path).queries == [
        ("en", "Budget?", ["m1:1"]),
        ("en", "Who?", ["m1:0"]),
    ]


@pytest.mark.parametrize(
    "change, message",
    [
        (("id: s01", "id: s00"), "duplicate segment .*s00"),
        (("  title: A meeting\n", ""), "meetings.0.title\n  Field required"),
        (("project: p", "project: p\n  date: today"), "date\n  Extra inputs are not permitted"),
        (("text: Hello.", "text: 12"), "Input should be a valid string"),
        (("- {id: s00", "- {id: s00 x"), "not valid YAML|String should match pattern"),
    ],
)
def test_a_malformed_file_fails_with_a_clear_error(tmp_path, change, message):
    path = write(tmp_path, "meetings", "bad", MEETINGS.replace(*change))
    with pytest.raises(ds.DataError, match=message) as err:
        ds.load("meetings", path)
    assert str(path) in str(err.value)


def test_naming_case_must_give_every_speaker_an_expected_name(tmp_path):
    path = write(
        tmp_path,
        "naming",
        "bad",
        "cases:\n- id: c1\n  language: en\n  lines:\n"
        "  - {speaker: SPEAKER_00, text: I'm Ann.}\n  - {speaker: SPEAKER_01, text: Hi.}\n"
        "  expected: {SPEAKER_00: Ann}\n",
    )
    with pytest.raises(ds.DataError, match=r"missing: \['SPEAKER_01'\]"):
        ds.naming_cases(path)


def test_the_blind_scripts_set_is_a_second_cast_that_eval_devset_can_speak(tmp_path):
    """scripts/blind1.yaml: its own people and voices (none a development-set voice), each
    meeting in its people's language with 2-4 of them, and `eval.devset --scripts blind1`
    speaks it with its own cast."""
    blind, dev = ds.scripts("blind1"), ds.scripts("dev")
    assert blind.name == "blind1" and len(blind.meetings) >= 8
    specs = [p.voice_spec for p in blind.persons.values()]
    assert len(set(specs)) == len(specs)
    assert not set(specs) & {p.voice_spec for p in dev.persons.values()}
    assert not {p.name for p in blind.persons.values()} & {p.name for p in dev.persons.values()}
    for m in blind.meetings:
        assert 2 <= len(m.people) <= 4, m.name
        assert {blind.persons[p].language for p in m.people} == {m.language}, m.name

    from eval import devset
    from tests.speech import require_tools

    require_tools()
    assert devset.script_set() is devset.SCRIPTS
    name = blind.meetings[0].name
    doc = devset.generate(
        tmp_path, only=[name], max_turns=2, log=lambda _: None, scripts_set="blind1"
    )
    meta = doc["meetings"][0]
    assert meta["name"] == name
    first = blind.meetings[0].people[0]  # backchannels may bring in others of the meeting
    assert first in meta["speakers"] and set(meta["speakers"]) <= set(blind.meetings[0].people)
    assert doc["persons"][first]["voice"] == blind.persons[first].voice_spec
