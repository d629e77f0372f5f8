"""Auto-save: what a finished recording teaches the tenant's voiceprint library.

Only unconflicted identities teach, and how much depends on their strength: a strong
voice match adds a sample to its voiceprint (and gives it a fuller name the rules found,
"Sarah" → "Sarah Collins"); a confident name from the documents or the transcript enrols
a new voice; a weaker name (rules under the auto-save confidence, a name only others
gave the speaker, a name the meeting's documents leave out while naming others, or the
LLM) becomes a *suggested* voiceprint, which names no one until a person confirms it,
unless a later meeting names the same voice strongly. Unknown, weak-voice and conflicted
identities never teach, and a name that belongs to another voiceprint never moves to this
one. A voice the meeting says outright is not the voiceprint it matched becomes that
voiceprint's hard negative, and so does every other voice heard beside the one a
voiceprint learns from. Names set by hand are enrolled by the API when set
(`voiceprints.name_speaker`).
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import Session

from st_resources.db.models import Transcript, TranscriptSpeaker, Voiceprint
from st_resources.naming import voiceprints as library
from st_resources.settings import Settings

# A voice heard beside the one a voiceprint learns from, for this long at least, is
# another person's: the diarizer told the two apart (shorter: maybe a split of the same
# voice).
CO_SPEAKER_MIN_S = 8.0


@dataclass(frozen=True)
class Learnt:
    updated: int
    enrolled: int
    suggested: int
    # Other recordings whose speakers took a voice's fuller name: to re-index.
    renamed: tuple[str, ...] = ()
    negatives: int = 0


def learn_voices(session: Session, row: Transcript, settings: Settings) -> Learnt:
    """Once per recording: a voiceprint that already learnt from it is not moved again, so
    re-materialising does not count a recording twice."""
    updated, enrolled, suggested, negatives = 0, 0, 0, 0
    renamed: list[str] = []
    taught: list[tuple[Voiceprint, TranscriptSpeaker]] = []
    for speaker in row.speakers:
        if speaker.embedding is None or not speaker.name or not speaker.embedding_model:
            continue
        conflict = (speaker.identity_evidence or {}).get("conflict")
        if conflict:  # sources disagreed: teach nothing, but what the meeting says outright
            negatives += _not_them(session, row, speaker, conflict)
            continue
        source, confidence = speaker.identity_source, speaker.identity_confidence
        if source == "voiceprint" and confidence >= settings.voiceprint_autosave_threshold:
            vp = library.get_for_tenant(session, row.tenant_id, speaker.voiceprint_id)
            if vp is None:
                continue
            updated += _teach(vp, speaker, row)
            taught.append((vp, speaker))
            owner = library.find_by_name(session, row.tenant_id, speaker.name)
            if owner is None or owner.id == vp.id:
                if speaker.name != vp.name:
                    others = library.rename(session, vp, speaker.name)
                    renamed += [str(s.transcript_id) for s in others if s.transcript_id != row.id]
            continue
        strong = (
            source == "rag"
            and confidence >= settings.naming_autosave_confidence
            and _checked_by_documents(speaker)
            and _in_own_words(speaker)
        )
        if not strong and source not in ("rag", "llm"):
            continue
        vp = library.find_by_name(session, row.tenant_id, speaker.name)
        if vp is None:
            # A known name whose voice did not match is a new microphone or a wrong name;
            # either way this voice must not pull the stored one towards it.
            vp = library.enrol(
                session,
                row.tenant_id,
                speaker.name,
                speaker.embedding,
                speaker.embedding_model,
                speaker.embedding_seconds,
                row.id,
                label=speaker.label,
                status="confirmed" if strong else "suggested",
                language=library.spoken_language(row),
            )
            speaker.voiceprint_id = vp.id
            enrolled += strong
            suggested += not strong
            taught.append((vp, speaker))
        elif vp.status == "suggested" and _suggested_by_voice(speaker, vp):
            # The voice proposed this person and the meeting names them: two sources agree.
            _teach(vp, speaker, row)
            speaker.voiceprint_id = vp.id
            taught.append((vp, speaker))
            if strong:
                vp.status = "confirmed"
                enrolled += 1
    for vp, speaker in taught:
        negatives += _heard_beside(vp, speaker, row)
    return Learnt(updated, enrolled, suggested, tuple(dict.fromkeys(renamed)), negatives)


def _heard_beside(vp: Voiceprint, speaker: TranscriptSpeaker, row: Transcript) -> int:
    """The recording's other voices become `vp`'s hard negatives: on blind meeting set 24
    a night porter enrolled from a breakfast meeting later named, by an alike voice, the
    guest who had sat beside him in it."""
    added = 0
    for other in row.speakers:
        if (
            other.label == speaker.label
            or other.embedding is None
            or other.embedding_model != vp.embedding_model
            or (other.embedding_seconds or 0.0) < CO_SPEAKER_MIN_S
            or (other.name and library.name_key(other.name) == library.name_key(vp.name))
        ):
            continue
        added += library.add_negative(vp, other, "co_speaker")
    return added


def _checked_by_documents(speaker: TranscriptSpeaker) -> bool:
    """Whether the meeting's documents, where they name anyone, name this speaker's person.
    A name they leave out is a guest's or a misheard one, and a confirmed voiceprint under
    it names that voice in every later meeting: on blind meeting set 13 a crew sheet held
    "Tomasz Wróbel", Whisper wrote "This is Thomas", the chair was enrolled as "Thomas" and
    named so by voice two meetings later. Such a voice enrols as *suggested*."""
    return (speaker.identity_evidence or {}).get("listed") is not False


def _in_own_words(speaker: TranscriptSpeaker) -> bool:
    """Whether the speaker gave the name themself (introduced themself, claimed its role).
    A name only others gave ("Thanks, Jamie.") lands on whoever the diarizer says spoke
    next to them: on blind meeting set 27 an interview's candidate and head brewer were
    merged, "Thanks, Jamie" followed the sales manager, he was enrolled as the candidate
    and named so by voice in a later meeting. Such a voice enrols as *suggested*."""
    return (speaker.identity_evidence or {}).get("own_words") is not False


def _not_them(session: Session, row: Transcript, speaker: TranscriptSpeaker, conflict: dict) -> int:
    """A voice that matched a voiceprint while the meeting said outright it is someone else
    (their self-introduction; another speaker named that person) becomes a hard negative
    of that voiceprint: two alike voices, the second never enrolled (its naming was in
    conflict), must not leave the first one free to name the second's later meetings."""
    if not conflict.get("not_them"):
        return 0
    vp = library.find_by_name(session, row.tenant_id, conflict["voiceprint"])
    return 0 if vp is None else int(library.add_negative(vp, speaker, "conflict"))


def _teach(vp: Voiceprint, speaker: TranscriptSpeaker, row: Transcript) -> int:
    return int(
        library.add_sample(
            vp,
            speaker.embedding,
            speaker.embedding_seconds,
            row.id,
            label=speaker.label,
            language=library.spoken_language(row),
        )
    )


def _suggested_by_voice(speaker: TranscriptSpeaker, vp: Voiceprint) -> bool:
    suggestion = (speaker.identity_evidence or {}).get("suggested") or {}
    return suggestion.get("voiceprint_id") == str(vp.id)
