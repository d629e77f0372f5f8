"""Pure scoring functions: WER (jiwer), DER and JER (pyannote.metrics), speaker counts,
RTTM reading and writing (pyannote.core), and naming accuracy per naming source.

Collar convention: `COLLAR_S` is the forgiveness collar on EACH side of every reference
boundary, as in NIST md-eval (`-c 0.25`) and DIHARD. pyannote.metrics' `collar` argument
is the collar's total width (half before, half after the boundary), so it is given
`2 * collar`.
"""

from __future__ import annotations

import math
import re
import unicodedata
import warnings
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import jiwer
from pyannote.core import Annotation, Segment, Timeline

COLLAR_S = 0.25

# --------------------------------------------------------------------------- WER


# Spelled-out numbers and the digits Whisper writes for them compare equal: both sides map
# the single words below to digits (compounds such as "twenty five" are left alone).
_NUMBER_WORDS = {
    **dict.fromkeys(("zero", "zéro"), "0"),
    **dict.fromkeys(("one",), "1"),
    **dict.fromkeys(("two", "deux"), "2"),
    **dict.fromkeys(("three", "trois"), "3"),
    **dict.fromkeys(("four", "quatre"), "4"),
    **dict.fromkeys(("five", "cinq"), "5"),
    **dict.fromkeys(("six",), "6"),
    **dict.fromkeys(("seven", "sept"), "7"),
    **dict.fromkeys(("eight", "huit"), "8"),
    **dict.fromkeys(("nine", "neuf"), "9"),
    **dict.fromkeys(("ten", "dix"), "10"),
    **dict.fromkeys(("eleven", "onze"), "11"),
    **dict.fromkeys(("twelve", "douze"), "12"),
    **dict.fromkeys(("thirteen", "treize"), "13"),
    **dict.fromkeys(("fourteen", "quatorze"), "14"),
    **dict.fromkeys(("fifteen", "quinze"), "15"),
    **dict.fromkeys(("sixteen", "seize"), "16"),
    **dict.fromkeys(("seventeen",), "17"),
    **dict.fromkeys(("eighteen",), "18"),
    **dict.fromkeys(("nineteen",), "19"),
    **dict.fromkeys(("twenty", "vingt"), "20"),
    **dict.fromkeys(("thirty", "trente"), "30"),
    **dict.fromkeys(("forty", "quarante"), "40"),
    **dict.fromkeys(("fifty", "cinquante"), "50"),
    **dict.fromkeys(("sixty", "soixante"), "60"),
    **dict.fromkeys(("hundred", "cent"), "100"),
}
# English contractions, expanded on both sides ("we're" and "we are" are the same words).
_CONTRACTIONS = [
    (re.compile(r"\bcan't\b"), "cannot"),
    (re.compile(r"\bwon't\b"), "will not"),
    (re.compile(r"\blet's\b"), "let us"),
    (re.compile(r"\bi'm\b"), "i am"),
    (re.compile(r"\b(\w+)n't\b"), r"\1 not"),
    (re.compile(r"\b(\w+)'re\b"), r"\1 are"),
    (re.compile(r"\b(\w+)'ll\b"), r"\1 will"),
    (re.compile(r"\b(\w+)'ve\b"), r"\1 have"),
    (re.compile(r"\b(i|you|he|she|we|they)'d\b"), r"\1 would"),
    (re.compile(r"\b(it|that|he|she|what|there|here|who|where|how)'s\b"), r"\1 is"),
]
_ORDINAL = re.compile(r"^(\d+)(?:st|nd|rd|th|er|re|e|ème)$")


def normalize_text(text: str) -> str:
    """The form both the reference and the hypothesis are compared in.

    Lower-case; English contractions expanded; every punctuation or symbol character
    becomes a space; spaces collapse; single number words become digits ("two" → "2",
    "douze" → "12"), ordinals lose their suffix ("6th" → "6"), and digit groups split by
    a thousands separator join ("15,000" and "15 000" → "15000"). Letters keep their
    accents. So "L'équipe a 15,000 €, we're done!" → "l équipe a 15000 we are done".
    """
    text = unicodedata.normalize("NFC", text).lower().replace("’", "'")
    for pattern, replacement in _CONTRACTIONS:
        text = pattern.sub(replacement, text)
    chars = [" " if unicodedata.category(ch)[0] in "PSZC" else ch for ch in text]
    words: list[str] = []
    for word in "".join(chars).split():
        word = _NUMBER_WORDS.get(word, word)
        ordinal = _ORDINAL.match(word)
        if ordinal:
            word = ordinal.group(1)
        if words and len(word) == 3 and word.isdigit() and words[-1].isdigit():
            words[-1] += word  # "15 000" → "15000"
        else:
            words.append(word)
    return " ".join(words)


@dataclass(frozen=True)
class WordErrors:
    """Edit counts of one comparison; add them up to score a corpus over all its words."""

    ref_words: int = 0
    hyp_words: int = 0
    hits: int = 0
    substitutions: int = 0
    deletions: int = 0
    insertions: int = 0

    @property
    def errors(self) -> int:
        return self.substitutions + self.deletions + self.insertions

    @property
    def wer(self) -> float | None:
        """Errors over reference words; undefined (None) when the reference is empty."""
        return self.errors / self.ref_words if self.ref_words else None

    def __add__(self, other: WordErrors) -> WordErrors:
        return WordErrors(
            *(getattr(self, f) + getattr(other, f) for f in self.__dataclass_fields__)
        )

    def to_dict(self) -> dict[str, Any]:
        return {**asdict(self), "wer": self.wer}


def word_errors(reference: str, hypothesis: str) -> WordErrors:
    """Align the normalised texts word by word (jiwer) and count hits and edits."""
    ref, hyp = normalize_text(reference), normalize_text(hypothesis)
    ref_n, hyp_n = len(ref.split()), len(hyp.split())
    if ref_n == 0 or hyp_n == 0:
        return WordErrors(ref_words=ref_n, hyp_words=hyp_n, deletions=ref_n, insertions=hyp_n)
    out = jiwer.process_words(ref, hyp)
    return WordErrors(
        ref_words=ref_n,
        hyp_words=hyp_n,
        hits=out.hits,
        substitutions=out.substitutions,
        deletions=out.deletions,
        insertions=out.insertions,
    )


def wer(reference: str, hypothesis: str) -> float | None:
    return word_errors(reference, hypothesis).wer


# --------------------------------------------------------------------------- RTTM


def parse_rttm(text: str) -> dict[str, Annotation]:
    """RTTM text → one Annotation per file id (only SPEAKER lines count).

    `SPEAKER uri channel start duration <NA> <NA> speaker <NA> <NA>`; zero or negative
    durations are skipped, comments (`;;` or `#`) and blank lines ignored.
    """
    out: dict[str, Annotation] = {}
    for number, line in enumerate(text.splitlines(), 1):
        fields = line.split()
        if not fields or fields[0].startswith((";", "#")) or fields[0] != "SPEAKER":
            continue
        if len(fields) < 8:
            raise ValueError(f"RTTM line {number}: expected at least 8 fields: {line!r}")
        uri, start, duration, speaker = fields[1], float(fields[3]), float(fields[4]), fields[7]
        if duration <= 0:
            continue
        annotation = out.setdefault(uri, Annotation(uri=uri))
        segment = Segment(start, start + duration)
        annotation[segment, annotation.new_track(segment)] = speaker
    return out


def read_rttm(path: Path, uri: str | None = None) -> Annotation:
    """The reference of one recording from `path`.

    A file holding several ids returns the one named `uri` (default: the file's stem); a
    file holding one id returns it whatever it is called, relabelled to `uri`.
    """
    path = Path(path)
    uri = uri or path.stem
    by_uri = parse_rttm(path.read_text(encoding="utf-8"))
    if not by_uri:
        return Annotation(uri=uri)
    if uri in by_uri:
        return by_uri[uri]
    if len(by_uri) == 1:
        (annotation,) = by_uri.values()
        relabelled = annotation.copy()
        relabelled.uri = uri
        return relabelled
    raise ValueError(f"{path} holds several recordings ({', '.join(by_uri)}) and none is {uri!r}")


def annotation_from_turns(turns: Iterable[tuple[float, float, str]], uri: str) -> Annotation:
    """(start, end, speaker) triples → Annotation; each turn its own track, so overlapping
    turns of one speaker are kept as given."""
    annotation = Annotation(uri=uri)
    for start, end, speaker in turns:
        start, end = float(start), float(end)
        if end > start:
            segment = Segment(start, end)
            annotation[segment, annotation.new_track(segment)] = str(speaker)
    return annotation


def format_rttm(annotation: Annotation, uri: str | None = None) -> str:
    """One `SPEAKER` line per turn, sorted by start time, times to the millisecond."""
    uri = uri or annotation.uri or "recording"
    lines = [
        f"SPEAKER {uri} 1 {segment.start:.3f} {segment.duration:.3f} <NA> <NA> {label} <NA> <NA>"
        for segment, _, label in annotation.itertracks(yield_label=True)
    ]
    return "".join(line + "\n" for line in lines)


def speech_extent(annotation: Annotation) -> float:
    """End of the last turn (0 when empty)."""
    extent = annotation.get_timeline().extent() if len(annotation) else None
    return float(extent.end) if extent is not None else 0.0


def speech_covered(
    reference: Annotation, spans: Iterable[tuple[float, float]]
) -> tuple[float, float]:
    """Seconds of reference speech, and of it inside some (start, end) span: turns for the
    diarizer, the transcript's segments for the pipeline (speech no segment holds is lost
    to the reader, whoever said it)."""
    covered = Timeline([Segment(a, b) for a, b in spans if b > a]).support()
    ref = reference.get_timeline().support()
    return ref.duration(), ref.crop(covered, mode="intersection").duration()


# --------------------------------------------------------------------------- DER / JER


@dataclass(frozen=True)
class DerComponents:
    """Seconds of each error kind over `total` seconds of reference speech."""

    total: float = 0.0
    confusion: float = 0.0
    missed: float = 0.0
    false_alarm: float = 0.0

    @property
    def der(self) -> float | None:
        if self.total <= 0:
            return None
        return (self.confusion + self.missed + self.false_alarm) / self.total

    def __add__(self, other: DerComponents) -> DerComponents:
        return DerComponents(
            self.total + other.total,
            self.confusion + other.confusion,
            self.missed + other.missed,
            self.false_alarm + other.false_alarm,
        )

    def to_dict(self) -> dict[str, Any]:
        return {**{k: round(v, 3) for k, v in asdict(self).items()}, "der": self.der}


@dataclass(frozen=True)
class DiarizationScores:
    with_overlap: DerComponents
    without_overlap: DerComponents
    jer: float | None
    ref_speakers: int
    hyp_speakers: int
    collar_s: float = COLLAR_S
    mapping: dict[str, str] = field(default_factory=dict)  # hypothesis label → reference label

    @property
    def der(self) -> float | None:
        return self.with_overlap.der

    @property
    def der_no_overlap(self) -> float | None:
        return self.without_overlap.der

    @property
    def speaker_count_error(self) -> int:
        return self.hyp_speakers - self.ref_speakers

    def to_dict(self) -> dict[str, Any]:
        return {
            "der": self.der,
            "der_no_overlap": self.der_no_overlap,
            "jer": self.jer,
            "components": self.with_overlap.to_dict(),
            "components_no_overlap": self.without_overlap.to_dict(),
            "ref_speakers": self.ref_speakers,
            "hyp_speakers": self.hyp_speakers,
            "speaker_count_error": self.speaker_count_error,
            "collar_s": self.collar_s,
            "mapping": self.mapping,
        }


def _uem(reference: Annotation, hypothesis: Annotation, uem: Timeline | Segment | float | None):
    """The scored region: given, or [0, duration], or [0, end of the last turn of either]."""
    if isinstance(uem, Timeline):
        return uem
    if isinstance(uem, Segment):
        return Timeline([uem])
    end = (
        float(uem) if uem is not None else max(speech_extent(reference), speech_extent(hypothesis))
    )
    return Timeline([Segment(0.0, max(end, 1e-3))])


def _der_components(
    reference: Annotation,
    hypothesis: Annotation,
    uem: Timeline,
    collar: float,
    skip_overlap: bool,
) -> DerComponents:
    from pyannote.metrics.diarization import DiarizationErrorRate

    metric = DiarizationErrorRate(collar=2 * collar, skip_overlap=skip_overlap)
    detail = metric(reference, hypothesis, uem=uem, detailed=True)
    return DerComponents(
        total=float(detail["total"]),
        confusion=float(detail["confusion"]),
        missed=float(detail["missed detection"]),
        false_alarm=float(detail["false alarm"]),
    )


def speaker_mapping(reference: Annotation, hypothesis: Annotation) -> dict[str, str]:
    """Optimal one-to-one mapping hypothesis label → reference label (Hungarian, on
    co-occurrence time), as DER uses; unmatched hypothesis labels are left out."""
    from pyannote.metrics.diarization import DiarizationErrorRate

    if not len(reference) or not len(hypothesis):
        return {}
    mapping = DiarizationErrorRate().optimal_mapping(reference, hypothesis)
    return {str(h): str(r) for h, r in mapping.items()}


def diarization_scores(
    reference: Annotation,
    hypothesis: Annotation,
    uem: Timeline | Segment | float | None = None,
    collar: float = COLLAR_S,
) -> DiarizationScores:
    """DER with and without overlapping reference speech, JER, and speaker counts.

    `uem` is the scored region (a Timeline, a Segment, or the recording duration in
    seconds); by default from 0 to the end of the last turn. `collar` is per side.
    """
    region = _uem(reference, hypothesis, uem)
    with_overlap = _der_components(reference, hypothesis, region, collar, skip_overlap=False)
    without_overlap = _der_components(reference, hypothesis, region, collar, skip_overlap=True)
    jer: float | None = None
    if len(reference.labels()):
        from pyannote.metrics.diarization import JaccardErrorRate

        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            jer = float(JaccardErrorRate(collar=2 * collar)(reference, hypothesis, uem=region))
        if math.isnan(jer):
            jer = None
    return DiarizationScores(
        with_overlap=with_overlap,
        without_overlap=without_overlap,
        jer=jer,
        ref_speakers=len(reference.labels()),
        hyp_speakers=len(hypothesis.labels()),
        collar_s=collar,
        mapping=speaker_mapping(reference, hypothesis),
    )


# --------------------------------------------------------------------------- naming


def normalize_name(name: str | None) -> str:
    """Compare person names without case, accents or punctuation: "Lefèvre" == "lefevre"."""
    if not name:
        return ""
    folded = unicodedata.normalize("NFKD", name)
    folded = "".join(ch for ch in folded if not unicodedata.combining(ch))
    return normalize_text(folded)


def part_of_name(given: str | None, true_name: str) -> bool:
    """The right person by part of the name only: "Patrice" for Patrice Bodin, "Klein"
    for Adrien Klein."""
    words = set(normalize_name(given).split())
    return bool(words) and words < set(normalize_name(true_name).split())


@dataclass
class NamingTally:
    """Per naming source: how many reference speakers got a name from it, how many right,
    and how many the right person by part of the name (`partial`, not counted right).

    `unknown` counts reference speakers left unnamed (or not found by diarization at all).
    """

    speakers: int = 0
    correct: int = 0
    by_source: dict[str, dict[str, int]] = field(default_factory=dict)

    def add(self, source: str, correct: bool, partial: bool = False) -> None:
        counts = {"named": 1, "correct": int(correct), "partial": int(partial)}
        self.merge(NamingTally(1, int(correct), {source: counts}))

    def merge(self, other: NamingTally) -> None:
        self.speakers += other.speakers
        self.correct += other.correct
        for source, counts in other.by_source.items():
            tally = self.by_source.setdefault(source, {"named": 0, "correct": 0, "partial": 0})
            for key in tally:
                tally[key] += counts.get(key, 0)  # results written before `partial` lack it

    @property
    def accuracy(self) -> float | None:
        return self.correct / self.speakers if self.speakers else None

    def to_dict(self) -> dict[str, Any]:
        return {
            "speakers": self.speakers,
            "correct": self.correct,
            "accuracy": self.accuracy,
            "by_source": {
                source: {
                    **counts,
                    "precision": counts["correct"] / counts["named"],
                    "by_person": (counts["correct"] + counts["partial"]) / counts["named"],
                }
                for source, counts in sorted(self.by_source.items())
            },
        }


def naming_tally(
    reference_names: Mapping[str, str],
    mapping: Mapping[str, str],
    hypothesis_names: Mapping[str, tuple[str | None, str | None]],
) -> NamingTally:
    """Score the name given to each reference speaker.

    `reference_names`: reference label → true name. `mapping`: hypothesis label →
    reference label (see `speaker_mapping`). `hypothesis_names`: hypothesis label →
    (name or None, source or None). A reference speaker whose hypothesis speaker has no
    name counts under source "unknown" (never correct); one with no hypothesis speaker at
    all counts under "unmapped".
    """
    by_reference = {ref: hyp for hyp, ref in mapping.items()}
    tally = NamingTally()
    for ref_label, true_name in sorted(reference_names.items()):
        hyp_label = by_reference.get(ref_label)
        if hyp_label is None:
            tally.add("unmapped", False)
            continue
        name, source = hypothesis_names.get(hyp_label, (None, None))
        if not name:
            tally.add("unknown", False)
            continue
        right = normalize_name(name) == normalize_name(true_name)
        tally.add(source or "unspecified", right, part_of_name(name, true_name))
    return tally


# --------------------------------------------------------------------------- speed


def realtime_factors(duration_s: float, timings: Mapping[str, float]) -> dict[str, float | None]:
    """Stage → how many times faster than real time it ran (duration / seconds spent)."""
    out: dict[str, float | None] = {}
    for stage, seconds in timings.items():
        out[stage] = duration_s / seconds if seconds and seconds > 0 else None
    return out


def sum_counts(items: Sequence[WordErrors]) -> WordErrors:
    total = WordErrors()
    for item in items:
        total = total + item
    return total
