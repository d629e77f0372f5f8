"""The documents' spelling of names, written into Whisper's own words where they sound alike.

Whisper given the names as hotwords spells three times as many of them right (blind
meeting set 9: 24 % → 76 %), but it also writes a hinted name where another was said,
and Whisper base skips whole sentences with hints. So the words stay those of the
decoding without hints, and a hinted decoding of the same audio only lends its spelling:
a name word it wrote replaces the unhinted words heard at that moment when those sound
like it ("Curse it" → "Kirsty", "Thierna" → "Fiona" does not).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from difflib import SequenceMatcher

from gpu_service.protocol import Segment, Word
from st_resources.naming.names import fold

# Similarity of two sound keys (difflib's ratio) from which a hinted name word replaces
# what the unhinted decoding heard at that moment.
SOUNDS_ALIKE = 0.6
MIN_NAME_LETTERS = 3  # "Jo", "Al": too short to tell by sound

_SOUND_RULES = [
    (re.compile(p), r)
    for p, r in [
        (r"ph", "f"),
        (r"ck|qu|q", "k"),
        (r"c(?=[aoukrl])|c$", "k"),
        (r"c(?=[eiy])", "s"),
        (r"(?<![cs])h", ""),
        (r"y", "i"),
        (r"w", "v"),
        (r"z", "s"),
        (r"(.)\1+", r"\1"),
    ]
]


def sound_key(text: str) -> str:
    """A rough key of how a word sounds in English or French: letters only, spellings
    of one sound made one ("ph"/"f", "c"/"k"/"qu", double letters)."""
    key = re.sub(r"[^a-z]", "", fold(text))
    for pattern, repl in _SOUND_RULES:
        key = pattern.sub(repl, key)
    return key


def sounds_alike(heard: str, name: str) -> bool:
    """Same first sound and most of the rest: "Dean" is not "Sean", whatever follows."""
    a, b = sound_key(heard), sound_key(name)
    return bool(a and b) and a[0] == b[0] and SequenceMatcher(None, a, b).ratio() >= SOUNDS_ALIKE


def name_words(names: Iterable[str]) -> set[str]:
    """The folded words of the hinted names that are long enough to tell by sound."""
    return {w for name in names for w in map(_core, name.split()) if len(w) >= MIN_NAME_LETTERS}


def with_hinted_names(
    plain: Sequence[Segment], hinted: Sequence[Segment], names: Iterable[str]
) -> tuple[list[Segment], int]:
    """`plain`'s segments, with each name word of `names` that the hinted decoding wrote
    put in place of the unhinted words heard at that moment, where those sound like it
    and are not that word already. Returns the segments and how many words were put in."""
    wanted = name_words(names)
    words = [[w.model_copy() for w in s.words] for s in plain]
    put = 0
    for word in (w for s in hinted for w in s.words):
        core = _core(word.word)
        if core not in wanted:
            continue
        at = [
            (i, j)
            for i, seg in enumerate(words)
            for j, w in enumerate(seg)
            if w.word and _mostly_within(w, word)
        ]
        if not at or len({i for i, _ in at}) > 1:
            continue
        heard = [words[i][j] for i, j in at]
        if any(_core(w.word) == core for w in heard):
            continue
        if not sounds_alike("".join(w.word for w in heard), core):
            continue
        first, last = heard[0], heard[-1]
        lead = first.word[: len(first.word) - len(first.word.lstrip())]
        tail = re.search(r"[^\w'’-]*$", last.word.rstrip()).group()
        first.word = lead + word.word.strip().rstrip(".,;:!?…") + tail
        first.start, first.end = min(first.start, word.start), max(last.end, word.end)
        for w in heard[1:]:
            w.word = ""
        put += 1
    segments = []
    for seg, seg_words in zip(plain, words, strict=True):
        kept = [w for w in seg_words if w.word]
        text = "".join(w.word for w in kept) if kept else seg.text
        segments.append(seg.model_copy(update={"words": kept, "text": text}))
    return segments, put


def _mostly_within(heard: Word, name: Word) -> bool:
    """At least half of the unhinted word lies in the span of the hinted name word."""
    overlap = min(heard.end, name.end) - max(heard.start, name.start)
    return overlap > 0 and overlap >= (heard.end - heard.start) / 2


def _core(word: str) -> str:
    return re.sub(r"[^a-z'-]", "", fold(word)).strip("'-")
