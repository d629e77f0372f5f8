"""The development set: synthetic meetings spoken by espeak-ng, mixed with numpy, written
with their references.

    python -m eval.devset OUT_DIR [--scripts dev] [--seed 0] [--only NAME ...] [--max-turns N]
                          [--force]

For every meeting script of eval/data/scripts/dev.yaml (the cast, their voices and what
they say, read by `eval.datasets.scripts`), or of another scripts set named by `--scripts`
(`--scripts blind1`: eval/data/scripts/blind1.yaml, or a path), it writes, into OUT_DIR:

- `NAME.wav`   16 kHz mono 16-bit PCM;
- `NAME.rttm`  reference turns, `SPEAKER NAME 1 start dur <NA> <NA> person_id <NA> <NA>`;
- `NAME.txt`   the words spoken, one turn per line, in order of start time;
- `NAME.json`  language, `speakers` (person id → name), `introduced` (who says their own
  name), optional `context` (agenda text), the voices, the overlaps, and the generator
  block (version, seed, options) that the cache compares;

and `devset.json`, the manifest: every person with voice and meetings, every meeting
with the earlier meetings it shares people with (issue 5 reuses those pairs).

The seed decides the silences between turns (0.2-1.5 s), where the backchannels go
("yes", "d'accord" laid over the last 0.3-0.7 s of someone else's turn), which words they
are, and the faint noise floor. The same seed gives byte-identical files; a folder that
already holds a meeting made by this generator version with the same seed and options is
left as it is.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import shutil
import subprocess
import sys
import tempfile
import wave
import zlib
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from eval.datasets import MeetingScript, Person, Scripts, scripts

GENERATOR_VERSION = 1
SAMPLE_RATE = 16_000
DEFAULT_OUT = Path("var/devset")

# The cast, the backchannels and the meeting scripts (eval/data/scripts/dev.yaml).
SCRIPTS = scripts("dev")
PERSONS: dict[str, Person] = SCRIPTS.persons
BACKCHANNELS: dict[str, tuple[str, ...]] = SCRIPTS.backchannels
MEETINGS: tuple[MeetingScript, ...] = SCRIPTS.meetings
MEETINGS_BY_NAME: dict[str, MeetingScript] = SCRIPTS.by_name
DEFAULT_SCRIPTS = "dev"

GAP_S = (0.2, 1.5)  # silence between turns
OVERLAP_S = (0.3, 0.7)  # how far a backchannel starts before the end of the turn it covers
BACKCHANNELS_PER_MEETING = (2, 3)
LEAD_IN_S = (0.4, 1.0)
TAIL_S = (0.5, 1.0)
NOISE_DBFS = -62.0
TURN_RMS_DBFS = -20.0
MIN_COVERED_TURN_S = 2.0  # a backchannel only goes over a turn at least this long


def script_set(name: str | Path | Scripts = DEFAULT_SCRIPTS) -> Scripts:
    """The scripts set to speak: the development set's (already read above) by default,
    another set of eval/data/scripts/ by name, a scripts file by path, or a `Scripts`."""
    if isinstance(name, Scripts):
        return name
    if str(name) == DEFAULT_SCRIPTS:
        return SCRIPTS
    return scripts(name)


@dataclass
class Turn:
    person_id: str
    text: str
    start: float
    end: float
    backchannel: bool = False

    @property
    def duration(self) -> float:
        return self.end - self.start


@dataclass
class Meeting:
    script: MeetingScript
    turns: list[Turn] = field(default_factory=list)
    duration_s: float = 0.0


# --------------------------------------------------------------------------- speech


def require_tools() -> None:
    missing = [tool for tool in ("espeak-ng", "sox") if shutil.which(tool) is None]
    if missing:
        raise RuntimeError(
            f"the development set needs {', '.join(missing)} (apt-get install espeak-ng sox)"
        )


def speak(person: Person, text: str) -> np.ndarray:
    """`text` in `person`'s voice: float32 at 16 kHz, leading and trailing silence trimmed,
    scaled to a common loudness."""
    with tempfile.TemporaryDirectory(prefix="devset-") as tmp:
        raw = Path(tmp) / "turn.wav"
        subprocess.run(
            ["espeak-ng", "-v", person.voice, "-p", str(person.pitch),
             "-s", str(person.speed), "-w", str(raw), text],
            check=True,
            capture_output=True,
        )  # fmt: skip
        # -R: repeatable; float output so no dither noise is added.
        pcm = subprocess.run(
            ["sox", "-R", str(raw), "-t", "raw", "-e", "floating-point", "-b", "32",
             "-c", "1", "-r", str(SAMPLE_RATE), "-"],
            check=True,
            capture_output=True,
        ).stdout  # fmt: skip
    samples = np.frombuffer(pcm, dtype="<f4").astype(np.float32)
    samples = trim_silence(samples)
    rms = float(np.sqrt(np.mean(samples**2))) if samples.size else 0.0
    if rms > 0:
        samples = samples * (10 ** (TURN_RMS_DBFS / 20) / rms)
    return samples.astype(np.float32)


def trim_silence(samples: np.ndarray, relative: float = 0.02, frame: int = 160) -> np.ndarray:
    """Cut what lies before the first and after the last 10 ms frame whose peak reaches
    `relative` of the clip's peak (espeak pads each utterance with silence), so that
    reference turns start and end on speech."""
    n = samples.size // frame
    if n == 0:
        return samples[:0]
    peaks = np.abs(samples[: n * frame]).reshape(n, frame).max(axis=1)
    loud = np.flatnonzero(peaks >= max(relative * float(peaks.max()), 1e-4))
    if loud.size == 0:
        return samples[:0]
    return samples[loud[0] * frame : (loud[-1] + 1) * frame]


# --------------------------------------------------------------------------- layout


def _rng(seed: int, name: str) -> random.Random:
    return random.Random(f"devset:{GENERATOR_VERSION}:{seed}:{name}")


def script_turns(script: MeetingScript, max_turns: int | None) -> list[tuple[str, str]]:
    turns = list(script.turns)
    return turns[:max_turns] if max_turns else turns


def layout(
    script: MeetingScript, seed: int, max_turns: int | None = None, cast: Scripts | None = None
) -> tuple[Meeting, np.ndarray]:
    """Speak every turn, place it on the timeline with a random gap after the previous
    one, lay a few backchannels over the end of long turns, and mix. `cast`: the scripts
    set whose persons and backchannels speak (the development set's by default)."""
    cast = cast or SCRIPTS
    persons, backchannels = cast.persons, cast.backchannels
    rng = _rng(seed, script.name)
    turns = script_turns(script, max_turns)
    clips: dict[tuple[str, str], np.ndarray] = {}

    def clip(person_id: str, text: str) -> np.ndarray:
        key = (person_id, text)
        if key not in clips:
            clips[key] = speak(persons[person_id], text)
        return clips[key]

    audio = [clip(pid, text) for pid, text in turns]
    # Candidate turns to cover: long enough, not the last one, with someone else present.
    people = script.people
    candidates = [
        i
        for i, (pid, _) in enumerate(turns[:-1])
        if audio[i].size / SAMPLE_RATE >= MIN_COVERED_TURN_S and len(people) > 1
    ]
    wanted = rng.randint(*BACKCHANNELS_PER_MEETING)
    covered = set(rng.sample(candidates, min(wanted, len(candidates))))

    meeting = Meeting(script)
    placed: list[tuple[float, np.ndarray]] = []
    t = rng.uniform(*LEAD_IN_S)
    for i, (pid, text) in enumerate(turns):
        start, samples = t, audio[i]
        end = start + samples.size / SAMPLE_RATE
        meeting.turns.append(Turn(pid, text, start, end))
        placed.append((start, samples))
        cursor = end
        if i in covered:
            responder = rng.choice([p for p in people if p != pid])
            words = rng.choice(backchannels[script.language])
            bc = clip(responder, words)
            bc_start = max(start + 0.5, end - rng.uniform(*OVERLAP_S))
            bc_end = bc_start + bc.size / SAMPLE_RATE
            meeting.turns.append(Turn(responder, words, bc_start, bc_end, backchannel=True))
            placed.append((bc_start, bc))
            cursor = max(end, bc_end)
        t = cursor + rng.uniform(*GAP_S)
    total = max(turn.end for turn in meeting.turns) + rng.uniform(*TAIL_S)

    n = int(round(total * SAMPLE_RATE))
    mix = np.zeros(n, dtype=np.float64)
    for start, samples in placed:
        i0 = int(round(start * SAMPLE_RATE))
        mix[i0 : i0 + samples.size] += samples[: n - i0]
    noise = np.random.default_rng(zlib.crc32(f"{seed}:{script.name}".encode()))
    mix += noise.normal(0.0, 10 ** (NOISE_DBFS / 20), n)
    peak = float(np.abs(mix).max())
    if peak > 0.95:
        mix *= 0.95 / peak
    # Times are rounded to the millisecond, as the RTTM writes them.
    for turn in meeting.turns:
        turn.start, turn.end = round(turn.start, 3), round(turn.end, 3)
    meeting.turns.sort(key=lambda tr: (tr.start, tr.end))
    meeting.duration_s = round(n / SAMPLE_RATE, 3)
    return meeting, mix.astype(np.float32)


# --------------------------------------------------------------------------- files


def write_wav(path: Path, samples: np.ndarray) -> None:
    pcm = (np.clip(samples, -1.0, 1.0) * 32767).round().astype("<i2")
    with wave.open(str(path), "wb") as wav:
        wav.setnchannels(1)
        wav.setsampwidth(2)
        wav.setframerate(SAMPLE_RATE)
        wav.writeframes(pcm.tobytes())


def rttm_text(meeting: Meeting) -> str:
    name = meeting.script.name
    return "".join(
        f"SPEAKER {name} 1 {turn.start:.3f} {turn.duration:.3f} <NA> <NA> {turn.person_id} "
        "<NA> <NA>\n"
        for turn in meeting.turns
    )


def txt_text(meeting: Meeting) -> str:
    return "".join(turn.text + "\n" for turn in meeting.turns)


def script_digest(script: MeetingScript, persons: dict[str, Person] | None = None) -> str:
    persons = persons or PERSONS
    payload = json.dumps(
        [script.turns, script.context, [persons[p].voice_spec for p in script.people]],
        ensure_ascii=False,
    )
    return hashlib.sha1(payload.encode()).hexdigest()[:12]


def generator_block(
    script: MeetingScript,
    seed: int,
    max_turns: int | None,
    persons: dict[str, Person] | None = None,
) -> dict:
    return {
        "version": GENERATOR_VERSION,
        "seed": seed,
        "max_turns": max_turns,
        "script": script_digest(script, persons),
    }


def meeting_json(
    meeting: Meeting, seed: int, max_turns: int | None, persons: dict[str, Person] | None = None
) -> dict:
    persons = persons or PERSONS
    script = meeting.script
    spoken = {t.person_id for t in meeting.turns}
    people = [p for p in script.people if p in spoken]
    intro = [p for p in people if _says_name(meeting, p, persons)]
    doc = {
        "language": script.language,
        "title": script.title,
        "speakers": {p: persons[p].name for p in people},
        "introduced": intro,
        "context": script.context,
        "voices": {p: persons[p].voice_spec for p in people},
        "duration_s": meeting.duration_s,
        "turns": len(meeting.turns),
        "overlaps": sum(t.backchannel for t in meeting.turns),
        "generator": generator_block(script, seed, max_turns, persons),
    }
    return doc


def _says_name(meeting: Meeting, person_id: str, persons: dict[str, Person] | None = None) -> bool:
    """Whether the person says their own full name ("je suis Marie Dupont")."""
    name = (persons or PERSONS)[person_id].name
    return any(t.person_id == person_id and name in t.text for t in meeting.turns)


def _write_text(path: Path, text: str) -> None:
    tmp = path.with_name(path.name + ".part")
    tmp.write_text(text, encoding="utf-8")
    tmp.replace(path)


def is_cached(
    out_dir: Path,
    script: MeetingScript,
    seed: int,
    max_turns: int | None,
    persons: dict[str, Person] | None = None,
) -> bool:
    name = script.name
    if not all((out_dir / f"{name}.{ext}").is_file() for ext in ("wav", "rttm", "txt", "json")):
        return False
    try:
        doc = json.loads((out_dir / f"{name}.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return doc.get("generator") == generator_block(script, seed, max_turns, persons)


def generate_meeting(
    out_dir: Path,
    script: MeetingScript,
    seed: int = 0,
    max_turns: int | None = None,
    cast: Scripts | None = None,
) -> dict:
    """Write the four files of one meeting (the WAV last but one, the JSON last, so an
    interrupted run never looks cached); returns its JSON document. `cast`: the scripts
    set the meeting belongs to (the development set's by default)."""
    cast = cast or SCRIPTS
    meeting, mix = layout(script, seed, max_turns, cast)
    name = script.name
    tmp_wav = out_dir / f"{name}.wav.part"
    write_wav(tmp_wav, mix)
    _write_text(out_dir / f"{name}.rttm", rttm_text(meeting))
    _write_text(out_dir / f"{name}.txt", txt_text(meeting))
    tmp_wav.replace(out_dir / f"{name}.wav")
    doc = meeting_json(meeting, seed, max_turns, cast.persons)
    _write_text(out_dir / f"{name}.json", json.dumps(doc, ensure_ascii=False, indent=2) + "\n")
    return doc


def manifest(out_dir: Path, docs: dict[str, dict], seed: int, cast: Scripts | None = None) -> dict:
    """Persons with their voices and meetings; meetings with who attends and which earlier
    meetings share people with them."""
    cast = cast or SCRIPTS
    names = [m.name for m in cast.meetings if m.name in docs]
    attendees = {n: list(docs[n]["speakers"]) for n in names}
    meetings = []
    for i, name in enumerate(names):
        earlier = {
            other: sorted(set(attendees[name]) & set(attendees[other])) for other in names[:i]
        }
        meetings.append(
            {
                "name": name,
                "language": docs[name]["language"],
                "speakers": attendees[name],
                "introduced": docs[name]["introduced"],
                "has_context": bool(docs[name].get("context")),
                "duration_s": docs[name]["duration_s"],
                "overlaps": docs[name]["overlaps"],
                "shares_people_with": {k: v for k, v in earlier.items() if v},
                "new_people": [
                    p for p in attendees[name] if not any(p in attendees[o] for o in names[:i])
                ],
            }
        )
    persons = {
        pid: {
            "name": p.name,
            "language": p.language,
            "voice": p.voice_spec,
            "meetings": [n for n in names if pid in attendees[n]],
        }
        for pid, p in cast.persons.items()
        if any(pid in attendees[n] for n in names)
    }
    return {"generator_version": GENERATOR_VERSION, "seed": seed, "persons": persons,
            "meetings": meetings}  # fmt: skip


def generate(
    out_dir: Path = DEFAULT_OUT,
    seed: int = 0,
    only: list[str] | None = None,
    max_turns: int | None = None,
    force: bool = False,
    log=print,
    scripts_set: str | Path | Scripts = DEFAULT_SCRIPTS,
) -> dict:
    """Generate (or reuse) the meetings of a scripts set (`scripts_set`: the development
    set's by default, or another set's name or path); writes and returns the manifest."""
    require_tools()
    cast = script_set(scripts_set)
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    by_name = cast.by_name
    unknown = [n for n in only or [] if n not in by_name]
    if unknown:
        raise ValueError(f"unknown meeting(s) {', '.join(unknown)}: {', '.join(by_name)}")
    chosen = [m for m in cast.meetings if not only or m.name in only]
    docs: dict[str, dict] = {}
    for script in chosen:
        if not force and is_cached(out_dir, script, seed, max_turns, cast.persons):
            docs[script.name] = json.loads((out_dir / f"{script.name}.json").read_text("utf-8"))
            log(f"{script.name}: cached")
            continue
        doc = generate_meeting(out_dir, script, seed, max_turns, cast)
        docs[script.name] = doc
        log(
            f"{script.name}: {doc['duration_s']:.1f} s, {len(doc['speakers'])} speakers, "
            f"{doc['turns']} turns, {doc['overlaps']} overlaps"
        )
    doc = manifest(out_dir, docs, seed, cast)
    _write_text(out_dir / "devset.json", json.dumps(doc, ensure_ascii=False, indent=2) + "\n")
    return doc


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m eval.devset", description=__doc__.split("\n\n")[0]
    )
    parser.add_argument("out_dir", nargs="?", type=Path, default=DEFAULT_OUT)
    parser.add_argument(
        "--scripts",
        default=DEFAULT_SCRIPTS,
        metavar="NAME",
        help="scripts set of eval/data/scripts/ to speak, or a path (default: dev)",
    )
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--only", nargs="+", metavar="NAME", help="only these meetings")
    parser.add_argument("--max-turns", type=int, help="cut each script after N turns (tests)")
    parser.add_argument("--force", action="store_true", help="regenerate even when cached")
    parser.add_argument("--list", action="store_true", help="list the meetings and exit")
    args = parser.parse_args(argv)
    cast = script_set(args.scripts)
    if args.list:
        for m in cast.meetings:
            names = ", ".join(cast.persons[p].name for p in m.people)
            print(f"{m.name:24s} {m.language}  {names}")
        return 0
    doc = generate(args.out_dir, args.seed, args.only, args.max_turns, args.force, scripts_set=cast)
    total = sum(m["duration_s"] for m in doc["meetings"])
    print(f"{len(doc['meetings'])} meetings, {total / 60:.1f} min of audio in {args.out_dir}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
