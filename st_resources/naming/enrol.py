"""Auto-save: what a finished recording teaches the tenant's voiceprint library.

Only confident identities teach: a strong voice match refines its voiceprint (and takes
a fuller name the rules found, "Sarah" → "Sarah Collins"); a confident name from the
documents or the transcript enrols a new voice. Unknown, LLM-only, weak and conflicted
identities never do, and a name that belongs to another voiceprint never moves to this one. Names
set by hand are enrolled by the API when set (`voiceprints.name_speaker`).
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import Session

from st_resources.db.models import Transcript
from st_resources.naming import voiceprints as library
from st_resources.settings import Settings


@dataclass(frozen=True)
class Learnt:
    updated: int
    enrolled: int


def learn_voices(session: Session, row: Transcript, settings: Settings) -> Learnt:
    """Once per recording: a voiceprint that already absorbed it is not moved again, so
    re-materialising does not count a recording twice."""
    updated, enrolled = 0, 0
    for speaker in row.speakers:
        if speaker.embedding is None or not speaker.name or not speaker.embedding_model:
            continue
        if "conflict" in (speaker.identity_evidence or {}):  # sources disagreed: teach nothing
            continue
        source, confidence = speaker.identity_source, speaker.identity_confidence
        if source == "voiceprint" and confidence >= settings.voiceprint_autosave_threshold:
            vp = library.get_for_tenant(session, row.tenant_id, speaker.voiceprint_id)
            if vp is None:
                continue
            if str(row.id) not in vp.source_transcripts:
                library.absorb(vp, speaker.embedding, speaker.embedding_seconds, row.id)
                updated += 1
            owner = library.find_by_name(session, row.tenant_id, speaker.name)
            if owner is None or owner.id == vp.id:
                if speaker.name != vp.name:
                    library.rename(session, vp, speaker.name)
        elif source == "rag" and confidence >= settings.naming_autosave_confidence:
            # A known name whose voice did not match: a new microphone or a wrong name;
            # either way this voice must not pull the stored one towards it.
            if library.find_by_name(session, row.tenant_id, speaker.name) is None:
                vp = library.enrol(
                    session,
                    row.tenant_id,
                    speaker.name,
                    speaker.embedding,
                    speaker.embedding_model,
                    speaker.embedding_seconds,
                    row.id,
                )
                speaker.voiceprint_id = vp.id
                enrolled += 1
    return Learnt(updated, enrolled)
