"""Who each diarized speaker is: SPEC §4's three priorities, end to end, without I/O.

(1) voiceprint match, (2) names from the context documents and the transcript itself
(st_resources.naming.mentions: self-introductions, people addressed by name, attendee
lists), each tier solved jointly by st_resources.naming.assign, a weak name that only the
transcript gives being shown as a suggestion; then (3) the LLM
(st_resources.naming.llm), whose answers for the speakers still open are only suggestions
a person confirms: on the meetings measured it was right once in five. The order holds
where the sources agree or only one speaks; a voice match the meeting itself contradicts
(another name said, the person claimed by another speaker, or missing from the attendee
list) is set aside, and the conflict stays in the speaker's evidence. The LLM being down
is a degradation the caller records; bad LLM output only keeps the lower-priority result.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

from st_resources.clients.llm import LlmClient, LlmOutputError, LlmUnavailable
from st_resources.db.models import TranscriptSpeaker, Voiceprint
from st_resources.naming import voiceprints as library
from st_resources.naming.assign import Identity, Option, assign, same_person
from st_resources.naming.llm import identify_speakers
from st_resources.naming.mentions import (
    IN_DOCUMENT,
    Candidate,
    heard,
    said,
    self_introductions,
    speaker_candidates,
)
from st_resources.naming.names import complete_name
from st_resources.naming.roster import document_names
from st_resources.naming.voiceprints import name_key
from st_resources.settings import Settings

# A name decided against a contradicting voice match is less sure than an agreed one.
CONFLICT_DISCOUNT = 0.8


@dataclass(frozen=True)
class Naming:
    identities: dict[str, Identity]
    degraded: str | None  # why the LLM could not be asked, when it could not
    llm_note: str


def voiceprint_options(
    speakers: Sequence[TranscriptSpeaker],
    library_rows: Sequence[Voiceprint],
    settings: Settings,
    language: str | None = None,
) -> tuple[list[Option], dict[str, dict[str, Any]]]:
    """A speaker matches its most similar voiceprint when the similarity clears the
    calibrated threshold, stands out from the closest impostor voices (s-norm; alike
    voices clear any raw threshold now and then), beats the runner-up by a margin (two
    close voices: no call), is the voiceprint's best match among this meeting's speakers,
    and is closer to the voice than to any voice rejected for that person (a hard
    negative). A voice learnt only in other languages than this recording's must stand
    out further (`VOICEPRINT_CROSS_LANGUAGE_SNORM`): one synthetic voice speaking two
    languages scores like one person. A match to a suggested voiceprint names no one: it
    is returned apart, as a suggestion a person confirms."""
    options, suggestions = [], {}
    ranked_by_label = {
        speaker.label: library.similarities(
            library_rows, speaker.embedding, speaker.embedding_model
        )
        for speaker in speakers
        if speaker.embedding is not None and speaker.embedding_model
    }
    for label, ranked in ranked_by_label.items():
        if not ranked or ranked[0].similarity < settings.voiceprint_match_threshold:
            continue
        best = ranked[0]
        if any(  # speaker and person must be each other's best match
            m.voiceprint_id == best.voiceprint_id and m.similarity > best.similarity
            for other, others in ranked_by_label.items()
            if other != label
            for m in others
        ):
            continue
        if best.normalised is not None and best.normalised < settings.voiceprint_snorm_threshold:
            continue
        if language and best.languages and language not in best.languages:
            if (best.normalised or 0.0) < settings.voiceprint_cross_language_snorm:
                continue
        runner_up = ranked[1].similarity if len(ranked) > 1 else -1.0
        if best.similarity - runner_up < settings.voiceprint_margin:
            continue
        if best.closest_negative is not None and best.closest_negative >= best.similarity:
            continue
        evidence = {"similarity": round(best.similarity, 4), "runner_up": round(runner_up, 4)}
        if best.normalised is not None:
            evidence["s_norm"] = round(best.normalised, 2)
        if best.suggested:
            suggestions[label] = {
                "voiceprint": best.name,
                "voiceprint_id": str(best.voiceprint_id),
                **evidence,
            }
            continue
        options.append(Option(label, best.name, best.similarity, evidence, best.voiceprint_id))
    return options, suggestions


def suggest(
    identities: dict[str, Identity], suggestions: dict[str, dict[str, Any]], decide: float
) -> dict[str, Identity]:
    """Speakers whose voice matches a suggested voiceprint say so: a proposal for a person
    when the speaker is unknown, a second source when the meeting names them. A speaker
    the meeting calls "Fiona" whose voice sounds like the suggested "Fiona Gallagher"
    takes the full name: the two sources agree, and only the voice knew the surname. A
    meeting's name for a voice that sounds like someone else's suggested voiceprint is a
    conflict, kept at a lower confidence and never learnt: on blind meeting set 11 a late
    joiner's "I'm Tariq", heard inside a speaker the diarizer had merged with Priya (whose
    suggested voice it matched), enrolled Priya's voice as a confirmed "Tariq Hussain".
    Where that lower confidence falls under `decide`, both names are only proposals: on
    blind meeting set 18 "…, Dr Tullock." said before Tomasz spoke named him Graham Tulloch
    (0.76, listed) against his own suggested voice (s-norm 3.8). A
    name the meeting only hinted at (`weak_as_suggestions`) stays beside the voice's, as
    the suggestion's `hinted`; where both are the same person, two independent sources
    agree and the speaker takes the voice's name (`evidence.agreed`): the rules' hint
    alone was wrong 5 times in 7 on the blind meeting sets, a suggested voice alone
    matched two other people of blind set 15, but the two pointing at one person by
    chance needs that person's name said beside a stranger's alike voice. A name off the
    meeting's attendee list stays a suggestion."""
    out = dict(identities)
    given = {name_key(i.name) for i in identities.values() if i.name}
    for label, suggestion in suggestions.items():
        identity = out.get(label)
        if identity is None or identity.source == "manual":
            continue
        hinted = identity.evidence.get("suggested")
        if hinted and hinted.get("source") == "rules":
            suggestion = {**suggestion, "hinted": hinted}
        evidence = {**identity.evidence, "suggested": suggestion}
        name, voice = identity.name, suggestion["voiceprint"]
        if _agree(identity, suggestion) and name_key(voice) not in given:
            evidence["agreed"] = {"rules": suggestion["hinted"]["name"], "voiceprint": voice}
            given.add(name_key(voice))
            out[label] = replace(
                identity,
                name=voice,
                source="rag",
                confidence=suggestion["hinted"]["confidence"],
                evidence=evidence,
            )
            continue
        if (
            name
            and identity.source == "rag"
            and same_person(name, voice)
            and len(name_key(voice).split()) > len(name_key(name).split())
            and name_key(voice) not in given
        ):
            evidence["full_name_from"] = {"suggested_voiceprint": voice}
            name = voice
        confidence = identity.confidence
        if name and not same_person(name, voice) and "conflict" not in evidence:
            evidence["conflict"] = {
                "voiceprint": voice,
                "similarity": suggestion.get("similarity"),
                "why": f"the voice sounds like the suggested {voice}",
                "not_them": False,
            }
            confidence = round(confidence * CONFLICT_DISCOUNT, 4)
            if identity.source == "rag" and confidence < decide:
                evidence["suggested"] = {**suggestion, "hinted": _proposal(name, confidence)}
                name, confidence = None, 0.0
                identity = replace(identity, source="unknown")
        out[label] = replace(identity, name=name, confidence=confidence, evidence=evidence)
    return out


def _agree(identity: Identity, suggestion: dict[str, Any]) -> bool:
    """An unnamed speaker whose rules' hint and suggested voice are one person."""
    hinted = suggestion.get("hinted")
    return (
        identity.name is None
        and hinted is not None
        and not identity.evidence.get("off_the_list")
        and same_person(hinted["name"], suggestion["voiceprint"])
    )


def suggest_names(
    identities: dict[str, Identity], answers: Sequence[Option]
) -> dict[str, Identity]:
    """The LLM's answers as suggestions on speakers still unnamed, where no voice suggests
    someone already and no speaker has that name: `evidence.suggested` = {name, source,
    confidence}, for a person to confirm."""
    out = dict(identities)
    given = {name_key(i.name) for i in identities.values() if i.name}
    for answer in answers:
        identity = out.get(answer.label)
        if identity is None or identity.name or "suggested" in identity.evidence:
            continue
        if name_key(answer.name) in given:
            continue
        proposal = {"name": answer.name, "source": "llm", "confidence": round(answer.score, 3)}
        out[answer.label] = replace(identity, evidence={**identity.evidence, "suggested": proposal})
    return out


def weak_as_suggestions(identities: dict[str, Identity], floor: float) -> dict[str, Identity]:
    """A name the meeting points at only weakly is a suggestion: the speaker stays
    unnamed with `evidence.suggested` = {name, source "rules", confidence}.

    Weak is a confidence under `floor`, or a name that rests on one turn of someone
    else's (an address, thanks, greeting), listed or not. Such a turn names whoever
    the diarizer says spoke next to it, in words Whisper may have changed: on blind
    meeting sets 4-27, 16 of the 32 wrong names shown rested on one (a merged voice took
    "Thanks, Jamie", a run-on sentence moved a name to the next speaker), and no name
    shown on two such turns was wrong; on set 28 "…, Toby?" named a voice merged
    with his. On written transcripts they are mostly right (eval/data/naming: 79 of the
    83 it turns into suggestions), so they stay as suggestions to confirm. An attendee
    list's one name left for the one speaker left (no word said) stays a name: 5 right
    in 5 there."""
    out = dict(identities)
    for label, identity in identities.items():
        evidence = identity.evidence
        if identity.source != "rag" or not said(evidence.get("evidence", [])):
            continue
        if identity.confidence < floor or _one_hearsay(evidence):
            out[label] = _as_suggestion(identity)
    return out


def _one_hearsay(evidence: dict[str, Any]) -> bool:
    """Whether the name rests on one turn of others' words alone (several sentences of
    one turn count once: "Oup, à la fin… Oup, tu…" on blind meeting set 24)."""
    return evidence.get("own_words") is False and evidence.get("sources") == 1


def _as_suggestion(identity: Identity, **flags: Any) -> Identity:
    """The rules' name kept only as `evidence.suggested`, the speaker left unnamed."""
    proposal = _proposal(identity.name, identity.confidence)
    evidence = {**identity.evidence, "suggested": proposal, **flags}
    return replace(identity, name=None, source="unknown", confidence=0.0, evidence=evidence)


def _proposal(name: str | None, confidence: float) -> dict[str, Any]:
    """A name the rules found, kept for a person to confirm."""
    return {"name": name, "source": "rules", "confidence": confidence}


def off_the_roll_as_suggestions(
    identities: dict[str, Identity], roll: Sequence[str]
) -> dict[str, Identity]:
    """A name the meeting's attendee list does not have, however strongly heard, is a
    suggestion, as a voice match off the list is a conflict (`contradicted_voices`): with
    a list to check against, a name missing from it is more often Whisper's or the rules'
    mistake than a guest. On blind meeting set 13 "je suis le nouveau coordinateur" came
    out as "je suis Renouveau Comptiateur" (0.9) beside a list holding the coordinator's
    name; on the written transcripts of eval/data/naming both such names were wrong
    ("Eefa" and "Shayoon" for two listed people), and none was right."""
    if not roll:
        return identities
    out = dict(identities)
    for label, identity in identities.items():
        if identity.source != "rag" or not identity.name:
            continue
        if _off_the_roll(identity.name, roll):
            out[label] = _as_suggestion(identity, off_the_list=True)
    return out


def _off_the_roll(name: str, roll: Sequence[str]) -> bool:
    """The meeting has an attendee list (`roll`) and `name` is no one on it."""
    return bool(roll) and not any(same_person(name, listed) for listed in roll)


def complete_names(
    identities: dict[str, Identity], rag: Sequence[Option], present: Sequence[str] = ()
) -> dict[str, Identity]:
    """A voice known only as "Sarah" whose speaker this meeting's rules or documents call
    "Sarah Collins" takes the full name, and one enrolled under a misheard spelling
    ("Thomas Kalski") takes the spelling the rules found for the same speaker from a
    document ("Tomasz Kowalski"); the voiceprint is renamed on auto-save. Failing that, a
    one-word voice name that exactly one of the documents' present people has as first
    name takes their full name ("Fiona" with "Fiona Baird – HSE Advisor" listed)."""
    out = dict(identities)
    taken = {name_key(i.name) for i in identities.values() if i.name}
    for label, identity in identities.items():
        if identity.source != "voiceprint" or not identity.name:
            continue
        fuller = [
            o
            for o in rag
            if o.label == label
            and (
                same_person(o.name, identity.name)
                and len(name_key(o.name).split()) > len(name_key(identity.name).split())
                or _respelt(identity.name, o)
            )
        ]
        if fuller:
            best = max(fuller, key=lambda o: o.score)
            evidence = {**identity.evidence, "full_name_from": best.evidence}
            out[label] = replace(identity, name=best.name, evidence=evidence)
        elif len(name_key(identity.name).split()) == 1:
            listed = [n for n in present if name_key(n).split()[0] == name_key(identity.name)]
            if len(listed) == 1 and name_key(listed[0]) not in taken:
                evidence = {
                    **identity.evidence,
                    "full_name_from": {
                        "evidence": [f'{IN_DOCUMENT}: "{listed[0]}"'],
                        "listed": True,
                    },
                }
                out[label] = replace(identity, name=listed[0], evidence=evidence)
    return out


def _respelt(name: str, option: Option) -> bool:
    """Whether `option` is a document's spelling of `name` (not the same words)."""
    listed = option.evidence.get("listed")
    return (
        bool(listed)
        and not same_person(name, option.name)
        and (complete_name(name, [option.name]) == option.name)
    )


def _hint(answer: Option, candidates: Sequence[Candidate]) -> Candidate | None:
    """The rules' strongest candidate for that speaker that is the person the LLM named,
    among names the meeting itself points at: with only an attendee list's leftovers to
    choose from, the small model picks one and is as often wrong."""
    fits = [c for c in candidates if heard(c) and same_person(answer.name, c.name)]
    return max(fits, key=lambda c: c.score, default=None)


def flag(
    identities: dict[str, Identity], conflicts: dict[str, dict[str, Any]]
) -> dict[str, Identity]:
    """Each conflicted speaker's identity carries its conflict, at a lower confidence."""
    out = dict(identities)
    for label, conflict in conflicts.items():
        if label in out and out[label].source != "manual":
            identity = out[label]
            confidence = round(identity.confidence * CONFLICT_DISCOUNT, 4)
            evidence = {**identity.evidence, "conflict": conflict}
            out[label] = replace(identity, confidence=confidence, evidence=evidence)
    return out


def contradicted_voices(
    voices: Sequence[Option], rag: Sequence[Option], roll: Sequence[str], strong: float
) -> tuple[list[Option], dict[str, dict[str, Any]]]:
    """Voice matches this meeting's own evidence contradicts, set aside with the reason.

    A voice match is a similarity, and alike voices clear any threshold now and then; what
    the meeting says is direct. A match is contradicted when its speaker is strongly
    named someone else (a self-introduction, being addressed), when another speaker is
    strongly named that person, or when the meeting's attendee list (`roll`: its names and
    the documents' other present names; empty unless the documents list two attendees or
    more) does not have them. The speaker is then named from the meeting (or left
    unknown), and the conflict is kept in its evidence so that no voiceprint learns from
    it."""
    kept, conflicts = [], {}
    firm = [o for o in rag if o.score >= strong]
    for voice in voices:
        said_other = [
            o for o in firm if o.label == voice.label and not same_person(o.name, voice.name)
        ]
        claimed = [o for o in firm if o.label != voice.label and same_person(o.name, voice.name)]
        unlisted = _off_the_roll(voice.name, roll)
        why = (
            f"said to be {said_other[0].name}"
            if said_other
            else f"{claimed[0].label} is said to be {claimed[0].name}"
            if claimed
            else "not on this meeting's attendee list"
            if unlisted
            else None
        )
        if why is None:
            kept.append(voice)
        else:
            conflicts[voice.label] = {
                "voiceprint": voice.name,
                "similarity": voice.evidence.get("similarity"),
                "why": why,
                # Said outright: this voice is not the voiceprint's person.
                "not_them": bool(said_other or claimed),
            }
    return kept, conflicts


def merged_voices(lines: Sequence[dict[str, Any]]) -> dict[str, Identity]:
    """Speakers in whose turns two different people introduce themselves ("This is
    Diane… And I'm Sheila"): diarization merged two voices, and naming the speaker after
    either would be wrong for the other's words. They stay unknown, flagged."""
    merged = {}
    for label, names in self_introductions(lines).items():
        people: list[str] = []
        for name in names:
            if not any(same_person(name, known) for known in people):
                people.append(name)
        if len(people) > 1:
            why = f"{' and '.join(people)} each introduce themselves: two voices merged"
            merged[label] = Identity(label, None, "unknown", 0.0, {"merged": people, "why": why})
    return merged


def name_speakers(
    speakers: Sequence[TranscriptSpeaker],
    lines: Sequence[dict[str, Any]],
    documents: Sequence[str],
    library_rows: Sequence[Voiceprint],
    llm: LlmClient | None,
    settings: Settings,
    language: str | None = None,
) -> Naming:
    """`lines`: [{speaker, start, end, text}] in time order; `documents`: their text;
    `llm`: None to leave the LLM out; `language`: the recording's (two letters). Names set
    by hand (source `manual`) are kept."""
    labels = [s.label for s in speakers]
    fixed = [
        Identity(s.label, s.name, "manual", 1.0, s.identity_evidence, s.voiceprint_id)
        for s in speakers
        if s.identity_source == "manual" and s.name
    ]
    in_documents = document_names(documents)
    present = [d.name for d in in_documents if d.kind != "absent"]
    listed = {name_key(n) for n in present}
    # Only an attendee list says who is there: a name in a signature, an agenda line or
    # an e-mail's From: (the one attendee the document gives) makes no one else absent.
    roll = present if sum(d.kind == "attendee" for d in in_documents) > 1 else []
    voices, suggestions = voiceprint_options(speakers, library_rows, settings, language)
    # A voice off the attendee list settles no one (`contradicted_voices` sets it aside),
    # so it leaves its speaker open when the list's last name is given out: on blind
    # meeting set 15 an alike voice's match made the absent secretary the "only attendee
    # left" for the one other unnamed speaker.
    settled = {
        label: i.name
        for label, i in assign(labels, [("voiceprint", voices)], fixed).items()
        if i.name and (i.source == "manual" or not _off_the_roll(i.name, roll))
    }
    found = speaker_candidates(lines, documents, settled=settled)
    # `listed` is None where the documents name no one: nothing to be missing from.
    rag = [
        Option(
            label,
            c.name,
            c.score,
            {
                "evidence": c.evidence[:3],
                "listed": name_key(c.name) in listed if listed else None,
                "own_words": c.own,
                "sources": c.sources,
            },
        )
        for label, candidates in found.items()
        for c in candidates
        if label in labels and c.score >= settings.naming_min_confidence
    ]
    merged = {k: v for k, v in merged_voices(lines).items() if k not in {i.label for i in fixed}}
    rag = [option for option in rag if option.label not in merged]
    voices, conflicts = contradicted_voices(voices, rag, roll, settings.naming_autosave_confidence)
    tiers = [("voiceprint", voices), ("rag", rag)]
    identities = {
        **flag(complete_names(assign(labels, tiers, fixed), rag, present), conflicts),
        **merged,
    }
    identities = weak_as_suggestions(identities, settings.naming_decide_confidence)
    identities = off_the_roll_as_suggestions(identities, roll)
    # The 1.5B model confirms, it does not guess: it is asked only about speakers the
    # rules found a name for under the confidence floor, and an answer counts only where
    # it is one of those names. Unconstrained, it gave 3 right and 7 wrong names on
    # eval/data/naming/texts2.yaml; confirming only, 3 right and 2 wrong there, and on
    # the blind meeting sets' first runs 1 right of 5 (docs/MEASUREMENTS.md#blind-meeting-set-5):
    # so what it confirms is shown as a suggestion, not as the speaker's name.
    open_labels = [
        label
        for label, i in identities.items()
        if i.name is None
        and "suggested" not in i.evidence
        and any(heard(c) for c in found.get(label, []))
        and label not in merged
    ]
    voiced = suggest(identities, suggestions, settings.naming_decide_confidence)
    if not open_labels or llm is None:
        return Naming(voiced, None, "not asked")
    mentioned = {c.name for candidates in found.values() for c in candidates}
    mentioned |= set(present)
    known = {label: i.name for label, i in identities.items() if i.name}
    try:
        answers = identify_speakers(
            llm, lines, open_labels, "\n\n".join(documents), known, sorted(mentioned)
        )
    except LlmUnavailable as exc:
        return Naming(voiced, f"named without the LLM ({exc})", "unavailable")
    except LlmOutputError as exc:
        return Naming(voiced, None, f"answer rejected: {exc}")
    hinted = [
        replace(a, name=hint.name)  # the rules' spelling: completed by the documents, no "M."
        for a in answers
        if (hint := _hint(a, found.get(a.label, []))) is not None
    ]
    accepted = f"{len(hinted)} of {len(answers)} answers suggested"
    return Naming(suggest_names(voiced, hinted), None, accepted)
