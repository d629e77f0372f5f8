"""`identify_speakers`: the LLM's turn, for the speakers voiceprints and rules left open.

A 1.5B model on CPU is a weak namer (SPEC §8: it often gives a speaker the name they
address), so its answer is checked rather than trusted:
- strict JSON under a schema, validated by pydantic; anything else raises LlmOutputError
  and the caller keeps the lower-priority result;
- only open labels, each at most once;
- the name must occur in the transcript or the context documents (no invented people);
- a speaker who says the name (or part of it) is addressing that person, not introducing
  themselves (self-introductions are the rules' job and already handled), so it is refused;
- the model's stated confidence is ignored: an accepted answer gets LLM_CONFIDENCE, more
  when the context documents list the name.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from typing import Any

from pydantic import BaseModel, Field

from st_resources.clients.llm import LlmClient
from st_resources.naming.assign import Option
from st_resources.naming.voiceprints import name_key

LLM_CONFIDENCE = 0.5
LLM_CONFIDENCE_IN_DOCUMENTS = 0.6
# The transcript excerpt the model sees (characters), and each open speaker's first turns
# in it. Prompt reading dominates the call on CPU (~90 tok/s), so the excerpt is chosen.
MAX_TRANSCRIPT_CHARS = 3000
TURNS_PER_LABEL = 3
MAX_DOCUMENT_CHARS = 2000

SYSTEM = (
    "You identify the speakers of a meeting transcript. Each line is 'LABEL: words'. "
    "For each label asked about, give the person's name only when the transcript or the "
    "documents show who that speaker is (they introduce themselves, someone answers them "
    "by name, a document gives their role and they speak in that role). A speaker who "
    "says a name is usually talking TO that person, not about themselves. When unsure, "
    "answer null. Never invent a name that appears nowhere."
)


class SpeakerName(BaseModel):
    label: str
    name: str | None = Field(default=None, max_length=200)


class SpeakerNames(BaseModel):
    speakers: list[SpeakerName]


def _excerpt(
    segments: Sequence[dict[str, Any]], open_labels: Sequence[str], names: Sequence[str]
) -> str:
    """The turns that can tell who is who: where a name is said (with the turns around
    it) and each open speaker's first turns (where roles come up); "…" marks a cut."""
    keep: set[int] = set()
    seen: Counter[str] = Counter()
    for i, seg in enumerate(segments):
        if seg["speaker"] in open_labels and seen[seg["speaker"]] < TURNS_PER_LABEL:
            keep.add(i)
            seen[seg["speaker"]] += 1
        if any(_says_part_of(seg["text"], name) for name in names):
            keep.update((i - 1, i, i + 1))
    lines, size, previous = [], 0, -1
    for i in sorted(k for k in keep if 0 <= k < len(segments)):
        line = f"{segments[i]['speaker']}: {segments[i]['text'].strip()}"
        if size + len(line) > MAX_TRANSCRIPT_CHARS:
            break
        if previous >= 0 and i > previous + 1:
            lines.append("…")
        lines.append(line)
        size, previous = size + len(line) + 1, i
    return "\n".join(lines)


def _mentions(text: str, name: str) -> bool:
    words = [re.escape(w) for w in name_key(name).split()]
    return bool(words) and re.search(r"\b" + r"\s+".join(words) + r"\b", name_key(text)) is not None


def _says_part_of(text: str, name: str) -> bool:
    """The speaker says any word of the name ("Laura, can you…" for "Laura Chen")."""
    return any(_mentions(text, word) for word in name.split() if len(word) > 2)


def identify_speakers(
    client: LlmClient,
    segments: Sequence[dict[str, Any]],
    open_labels: Sequence[str],
    documents_text: str = "",
    known: dict[str, str] | None = None,
    names: Sequence[str] = (),
) -> list[Option]:
    """Options (source llm) for `open_labels`. `segments`: [{speaker, text}] in time
    order; `known`: names already given to other labels, shown to the model as facts;
    `names`: the people mentioned in the transcript or the documents. Without any, the
    model could only invent, so it is not asked."""
    if not open_labels or not names:
        return []
    facts = "".join(f"\n{label} is {name}." for label, name in (known or {}).items())
    documents = documents_text.strip()[:MAX_DOCUMENT_CHARS]
    prompt = (
        f"Transcript (excerpts):\n{_excerpt(segments, open_labels, names)}\n\n"
        + (f"Documents:\n{documents}\n\n" if documents else "")
        + (f"Already known:{facts}\n\n" if facts else "")
        + f"People mentioned: {', '.join(names)}.\n"
        + f"Labels to identify: {', '.join(open_labels)}. "
        'Answer JSON {"speakers": [{"label": ..., "name": ... or null}]}.'
    )
    answer = client.chat_json(
        [{"role": "system", "content": SYSTEM}, {"role": "user", "content": prompt}],
        SpeakerNames,
        max_tokens=200,
    )
    corpus = "\n".join(s["text"] for s in segments) + "\n" + documents_text
    own_words = {
        label: "\n".join(s["text"] for s in segments if s["speaker"] == label)
        for label in open_labels
    }
    options, seen = [], set()
    for item in answer.speakers:
        name = " ".join((item.name or "").split())
        if item.label not in own_words or item.label in seen or not name:
            continue
        seen.add(item.label)
        if not _mentions(corpus, name) or _says_part_of(own_words[item.label], name):
            continue
        in_documents = _mentions(documents_text, name)
        options.append(
            Option(
                item.label,
                name,
                LLM_CONFIDENCE_IN_DOCUMENTS if in_documents else LLM_CONFIDENCE,
                {"llm": True, "name_in_documents": in_documents},
            )
        )
    return options
