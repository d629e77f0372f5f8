"""The evaluation data: the files under eval/data/, read and checked.

One file per set, `eval/data/<kind>/<set>.yaml`; a command's `--set NAME` is the file's
stem under its kind's folder, or a path to such a file.

- `naming/<set>.yaml` — transcripts in Whisper's style with their context documents and
  each speaker's expected name (`python -m eval.naming_rules --set texts`).
- `scripts/<set>.yaml` — the development set's cast (people with fixed espeak-ng voices),
  backchannels and meeting scripts, which `eval.devset` speaks (`scripts/dev.yaml`).
- `meetings/<set>.yaml` — meetings as text, one segment per line, that the search and
  chat evaluations index.
- `retrieval/<set>.yaml` — queries with their relevant segments, over a meetings set
  (`python -m eval.retrieval --set heldout`).
- `chat/<set>.yaml` — questions with their right segments and expected facts, and
  questions the meetings do not answer, over a meetings set or over the scripts
  (`python -m eval.chat --set heldout`).

Every item carries an explicit `id`: naming cases, scripts, meetings, people, queries and
questions, and every segment or script turn (unique within its meeting). Answers refer to
ids, never to positions: a relevant or right segment is `"<meeting id>/<segment id>"`
(`"fr_hopital/s02"`), a script turn `"<script id>/<turn id>"`. The ids were numbered in
order when the sets moved here from Python modules, but they are names: a line inserted
later takes a new id and leaves every reference as it was. A naming case's `expected`
maps each speaker label of its lines to a name or null.

A malformed file — a missing or unknown field, a duplicate id, a reference that resolves
to nothing — raises `DataError` naming the file and the place.

`load(kind, set)` gives a file's validated model (`NamingSet`, `ScriptSet`, `MeetingSet`,
`RetrievalSet`, `ChatSet`); `naming_cases`, `scripts`, `retrieval_set` and `chat_set` give
the shapes the evaluation code works on (`NamingCase`, `Scripts` of `Person` and
`MeetingScript`, meetings as tuples, references resolved to the `"meeting:idx"` positions
that the search index returns); `set_names(kind)` and `set_path(kind, set)` find the files.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, Literal, TypeVar

import yaml
from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    ValidationError,
    model_validator,
)

DATA = Path(__file__).resolve().parent / "data"
KINDS = ("naming", "scripts", "meetings", "retrieval", "chat")
SUFFIXES = (".yaml", ".yml")

Id = Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9_.-]+$")]
Ref = Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+$")]
Text = Annotated[str, StringConstraints(min_length=1)]
SetRef = Annotated[str, StringConstraints(min_length=1)]  # a set name, or a path


class DataError(ValueError):
    """An evaluation data file that cannot be used, and why."""


# ------------------------------------------------------------------ shapes the code uses


@dataclass(frozen=True)
class NamingCase:
    """One transcript and who its speakers are (a case of `naming/<set>.yaml`)."""

    name: str  # the case id
    language: str  # "en" or "fr"
    lines: tuple[tuple[str, str], ...]  # (speaker label, text) in spoken order
    documents: tuple[str, ...] = ()  # plain text of context documents, if any
    # every speaker label -> full name a careful human reader would give, or None
    expected: dict[str, str | None] = field(default_factory=dict)
    note: str = ""  # one line: what the case tests


@dataclass(frozen=True)
class Person:
    id: str
    name: str
    language: str
    voice: str  # espeak-ng voice, with "+variant"
    pitch: int  # espeak-ng -p (0-99)
    speed: int  # espeak-ng -s (words per minute)

    @property
    def first_name(self) -> str:
        return self.name.split()[0]

    @property
    def voice_spec(self) -> str:
        return f"{self.voice} -p {self.pitch} -s {self.speed}"


@dataclass(frozen=True)
class MeetingScript:
    name: str
    language: str
    title: str
    turns: tuple[tuple[str, str], ...]  # (person id, what they say)
    context: str | None = None  # agenda / attendee list given with the recording
    turn_ids: tuple[str, ...] = ()  # each turn's id in the scripts file, in order

    @property
    def people(self) -> list[str]:
        seen: list[str] = []
        for person_id, _ in self.turns:
            if person_id not in seen:
                seen.append(person_id)
        return seen


@dataclass(frozen=True)
class Scripts:
    """A scripts set: the cast, the backchannels per language and the meetings."""

    name: str
    persons: dict[str, Person]
    backchannels: dict[str, tuple[str, ...]]
    meetings: tuple[MeetingScript, ...]

    @property
    def by_name(self) -> dict[str, MeetingScript]:
        return {m.name: m for m in self.meetings}


# name → (language, project, title, [(speaker, text)])
MeetingTuples = dict[str, tuple[str, str, str, list[tuple[str, str]]]]


@dataclass(frozen=True)
class RetrievalData:
    """A retrieval set with its meetings; relevant segments as "meeting:idx" positions."""

    name: str
    meetings: MeetingTuples
    queries: list[tuple[str, str, list[str]]]  # (group, query, relevant)
    note: str  # what the figures are worth, printed under the table


@dataclass(frozen=True)
class ChatData:
    """A chat set with its corpus. Right segments are "meeting:idx" positions in the
    meetings, or "script id:turn index" when the corpus is a scripts set (the caller
    maps turns to the segments of the generated meetings)."""

    name: str
    corpus_label: str  # "held-out meetings", in "over the 6 held-out meetings"
    note: str  # what the figures are worth, printed under the table
    answerable: list[tuple[str, list[str], list[str]]]  # (question, right, expected)
    unanswerable: list[str]
    meetings: MeetingTuples | None = None  # the corpus, when it is a meetings set
    scripts: Scripts | None = None  # the corpus, when it is a scripts set


# ------------------------------------------------------------------ file models


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


def _unique(ids: Iterable[str], what: str) -> None:
    seen: set[str] = set()
    duplicates = []
    for i in ids:
        if i in seen:
            duplicates.append(i)
        seen.add(i)
    if duplicates:
        raise ValueError(f"duplicate {what} id(s): {', '.join(sorted(set(duplicates)))}")


class NamingLine(_Model):
    speaker: Id
    text: Text


class NamingCaseData(_Model):
    id: Id
    language: Text
    note: str = ""
    lines: list[NamingLine] = Field(min_length=1)
    documents: list[Text] = []
    expected: dict[Id, Text | None]

    @model_validator(mode="after")
    def _every_speaker_expected(self) -> NamingCaseData:
        labels = list(dict.fromkeys(line.speaker for line in self.lines))
        missing = [label for label in labels if label not in self.expected]
        extra = [label for label in self.expected if label not in labels]
        if missing or extra:
            raise ValueError(
                f"case {self.id}: `expected` must name every speaker of its lines, and only "
                f"them (missing: {missing or 'none'}; not in the lines: {extra or 'none'})"
            )
        return self


class NamingSet(_Model):
    description: str = ""
    cases: list[NamingCaseData] = Field(min_length=1)

    @model_validator(mode="after")
    def _ids(self) -> NamingSet:
        _unique((c.id for c in self.cases), "case")
        return self

    def to_cases(self) -> tuple[NamingCase, ...]:
        return tuple(
            NamingCase(
                name=c.id,
                language=c.language,
                lines=tuple((line.speaker, line.text) for line in c.lines),
                documents=tuple(c.documents),
                expected=dict(c.expected),
                note=c.note,
            )
            for c in self.cases
        )


class PersonData(_Model):
    id: Id
    name: Text
    language: Text
    voice: Text
    pitch: int = Field(ge=0, le=99)
    speed: int = Field(gt=0)


class ScriptTurn(_Model):
    id: Id
    person: Id
    text: Text


class ScriptData(_Model):
    id: Id
    language: Text
    title: Text
    context: Text | None = None
    turns: list[ScriptTurn] = Field(min_length=1)

    @model_validator(mode="after")
    def _ids(self) -> ScriptData:
        _unique((t.id for t in self.turns), f"turn (script {self.id})")
        return self


class ScriptSet(_Model):
    description: str = ""
    persons: list[PersonData] = Field(min_length=1)
    backchannels: dict[Text, list[Text]]
    meetings: list[ScriptData] = Field(min_length=1)

    @model_validator(mode="after")
    def _consistent(self) -> ScriptSet:
        _unique((p.id for p in self.persons), "person")
        _unique((m.id for m in self.meetings), "script")
        persons = {p.id for p in self.persons}
        for m in self.meetings:
            unknown = sorted({t.person for t in m.turns} - persons)
            if unknown:
                raise ValueError(f"script {m.id}: unknown person(s) {', '.join(unknown)}")
            if m.language not in self.backchannels:
                raise ValueError(f"script {m.id}: no backchannels for language {m.language!r}")
        return self

    def locate(self, ref: str) -> tuple[str, int]:
        """Where a turn is: "script/turn" → (script id, its position in the script)."""
        meeting_id, turn_id = ref.split("/")
        for m in self.meetings:
            if m.id == meeting_id:
                for i, t in enumerate(m.turns):
                    if t.id == turn_id:
                        return meeting_id, i
                raise KeyError(f"{ref}: script {meeting_id} has no turn {turn_id}")
        raise KeyError(f"{ref}: no script {meeting_id}")

    def to_scripts(self, name: str) -> Scripts:
        return Scripts(
            name=name,
            persons={
                p.id: Person(p.id, p.name, p.language, p.voice, p.pitch, p.speed)
                for p in self.persons
            },
            backchannels={k: tuple(v) for k, v in self.backchannels.items()},
            meetings=tuple(
                MeetingScript(
                    name=m.id,
                    language=m.language,
                    title=m.title,
                    turns=tuple((t.person, t.text) for t in m.turns),
                    context=m.context,
                    turn_ids=tuple(t.id for t in m.turns),
                )
                for m in self.meetings
            ),
        )


class Segment(_Model):
    id: Id
    speaker: Id
    text: Text


class Meeting(_Model):
    id: Id
    language: Text
    project: Text
    title: Text
    segments: list[Segment] = Field(min_length=1)

    @model_validator(mode="after")
    def _ids(self) -> Meeting:
        _unique((s.id for s in self.segments), f"segment (meeting {self.id})")
        return self


class MeetingSet(_Model):
    description: str = ""
    meetings: list[Meeting] = Field(min_length=1)

    @model_validator(mode="after")
    def _ids(self) -> MeetingSet:
        _unique((m.id for m in self.meetings), "meeting")
        return self

    def locate(self, ref: str) -> tuple[str, int]:
        """Where a segment is: "meeting/segment" → (meeting id, its position in the meeting)."""
        meeting_id, segment_id = ref.split("/")
        for m in self.meetings:
            if m.id == meeting_id:
                for i, s in enumerate(m.segments):
                    if s.id == segment_id:
                        return meeting_id, i
                raise KeyError(f"{ref}: meeting {meeting_id} has no segment {segment_id}")
        raise KeyError(f"{ref}: no meeting {meeting_id}")

    def to_tuples(self) -> MeetingTuples:
        return {
            m.id: (m.language, m.project, m.title, [(s.speaker, s.text) for s in m.segments])
            for m in self.meetings
        }


class Query(_Model):
    id: Id
    group: Literal["fr", "en", "cross"]  # question and meeting languages: same, or crossed
    query: Text
    relevant: list[Ref] = Field(min_length=1)


class RetrievalSet(_Model):
    description: str = ""
    meetings: SetRef  # the meetings set the queries are about
    note: Text
    queries: list[Query] = Field(min_length=1)

    @model_validator(mode="after")
    def _ids(self) -> RetrievalSet:
        _unique((q.id for q in self.queries), "query")
        return self


class Answerable(_Model):
    id: Id
    question: Text
    right: list[Ref] = Field(min_length=1)
    expected: list[Text] = Field(min_length=1)  # strings one of which the answer holds


class Unanswerable(_Model):
    id: Id
    question: Text
    note: str = ""  # why it has no answer (near the meetings, never mentioned, off corpus)


class ChatSet(_Model):
    description: str = ""
    meetings: SetRef | None = None  # the corpus: a meetings set...
    scripts: SetRef | None = None  # ...or a scripts set, spoken by eval.devset
    corpus_label: Text
    note: Text
    answerable: list[Answerable] = Field(min_length=1)
    unanswerable: list[Unanswerable] = Field(min_length=1)

    @model_validator(mode="after")
    def _consistent(self) -> ChatSet:
        if (self.meetings is None) == (self.scripts is None):
            raise ValueError("give exactly one corpus: `meetings` or `scripts`")
        _unique([q.id for q in self.answerable] + [q.id for q in self.unanswerable], "question")
        return self


MODELS: dict[str, type[BaseModel]] = {
    "naming": NamingSet,
    "scripts": ScriptSet,
    "meetings": MeetingSet,
    "retrieval": RetrievalSet,
    "chat": ChatSet,
}
M = TypeVar("M", bound=BaseModel)


# ------------------------------------------------------------------ reading


def set_names(kind: str) -> list[str]:
    """The sets of a kind under eval/data/, by name."""
    _check_kind(kind)
    folder = DATA / kind
    return sorted(p.stem for p in folder.iterdir() if p.suffix in SUFFIXES)


def set_path(kind: str, name: str | Path, relative_to: Path | None = None) -> Path:
    """The file of a set: `name` is a set name of eval/data/<kind>/, or a path to a file
    (relative to the current directory, or to `relative_to` for a reference inside a
    file)."""
    _check_kind(kind)
    text = str(name)
    if text.endswith(SUFFIXES) or "/" in text or "\\" in text:
        path = Path(text)
        if not path.is_absolute() and relative_to is not None:
            path = relative_to / path
        if not path.is_file():
            raise DataError(f"{path}: no such {kind} file")
        return path
    if not re.fullmatch(r"[A-Za-z0-9_.-]+", text):
        raise DataError(f"{text!r} is neither a {kind} set name nor a path")
    for suffix in SUFFIXES:
        path = DATA / kind / f"{text}{suffix}"
        if path.is_file():
            return path
    raise DataError(f"no {kind} set {text!r}: eval/data/{kind}/ holds {', '.join(set_names(kind))}")


def _check_kind(kind: str) -> None:
    if kind not in KINDS:
        raise DataError(f"unknown kind of evaluation data {kind!r}: {', '.join(KINDS)}")


_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # the same data, read faster


def _read(path: Path, model: type[M]) -> M:
    try:
        raw = yaml.load(path.read_text(encoding="utf-8"), Loader=_Loader)
    except yaml.YAMLError as exc:
        raise DataError(f"{path}: not valid YAML: {exc}") from exc
    try:
        return model.model_validate(raw)
    except ValidationError as exc:
        raise DataError(f"{path}: not a valid {model.__name__}:\n{exc}") from exc


def load(kind: str, name: str | Path, relative_to: Path | None = None):
    """Read and validate one set file (a `MODELS[kind]`); for retrieval and chat sets,
    also check that every reference resolves in their corpus."""
    path = set_path(kind, name, relative_to)
    data = _read(path, MODELS[kind])
    if isinstance(data, RetrievalSet | ChatSet):
        _corpus(data, path)  # raises on a reference that resolves to nothing
    return data


def _corpus(data: RetrievalSet | ChatSet, path: Path) -> MeetingSet | ScriptSet:
    """The corpus a retrieval or chat set is about, every reference checked against it."""
    if isinstance(data, ChatSet) and data.scripts is not None:
        corpus = load("scripts", data.scripts, path.parent)
    else:
        corpus = load("meetings", data.meetings, path.parent)
    refs = (
        [r for q in data.queries for r in q.relevant]
        if isinstance(data, RetrievalSet)
        else [r for q in data.answerable for r in q.right]
    )
    errors = []
    for ref in refs:
        try:
            corpus.locate(ref)
        except KeyError as exc:
            errors.append(exc.args[0])
    if errors:
        raise DataError(f"{path}: references that resolve to nothing: {'; '.join(errors)}")
    return corpus


def _position(corpus: MeetingSet | ScriptSet, ref: str) -> str:
    meeting, idx = corpus.locate(ref)
    return f"{meeting}:{idx}"


def naming_cases(name: str | Path) -> tuple[NamingCase, ...]:
    """The cases of a naming set, in file order."""
    return load("naming", name).to_cases()


def scripts(name: str | Path = "dev") -> Scripts:
    """A scripts set (the development set's by default)."""
    path = set_path("scripts", name)
    return _read(path, ScriptSet).to_scripts(path.stem)


def retrieval_set(name: str | Path) -> RetrievalData:
    """A retrieval set, its meetings, and its queries' relevant segments as "meeting:idx"."""
    path = set_path("retrieval", name)
    data = _read(path, RetrievalSet)
    corpus = _corpus(data, path)
    return RetrievalData(
        name=path.stem,
        meetings=corpus.to_tuples(),
        queries=[
            (q.group, q.query, [_position(corpus, r) for r in q.relevant]) for q in data.queries
        ],
        note=data.note,
    )


def chat_set(name: str | Path) -> ChatData:
    """A chat set and its corpus; right segments as "meeting:idx" (meetings) or
    "script id:turn index" (scripts)."""
    path = set_path("chat", name)
    data = _read(path, ChatSet)
    corpus = _corpus(data, path)
    answerable = [
        (q.question, [_position(corpus, r) for r in q.right], list(q.expected))
        for q in data.answerable
    ]
    common = dict(
        name=path.stem,
        corpus_label=data.corpus_label,
        note=data.note,
        answerable=answerable,
        unanswerable=[q.question for q in data.unanswerable],
    )
    if isinstance(corpus, ScriptSet):
        scripts_path = set_path("scripts", data.scripts, path.parent)
        return ChatData(**common, scripts=corpus.to_scripts(scripts_path.stem))
    return ChatData(**common, meetings=corpus.to_tuples())
