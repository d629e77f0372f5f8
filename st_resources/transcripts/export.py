"""A transcript as a file to download: SubRip, WebVTT, plain text, JSON or Word.

Pure functions of a stored Transcript row (its segments and speakers loaded): nothing is
stored, so an export always shows the names and text as they are now. The subtitle and
Word files are written by their libraries (srt, webvtt-py, python-docx), which keep each
format's numbering, timestamps and structure right. Every cue or paragraph names its
speaker (the name, else the diarization label) and shows the cleaned text where cleanup
kept one, else the raw text; `text="raw"` always shows the raw text.
"""

from __future__ import annotations

import html
import io
import json
import re
import unicodedata
from dataclasses import dataclass
from datetime import timedelta
from typing import Literal
from urllib.parse import quote

import docx
import srt
import webvtt
from docx.shared import RGBColor
from webvtt.models import Timestamp

from st_resources.db.models import Transcript

Format = Literal["srt", "vtt", "txt", "json", "docx"]
TextChoice = Literal["clean", "raw"]

MEDIA_TYPES: dict[str, str] = {
    "srt": "application/x-subrip; charset=utf-8",
    "vtt": "text/vtt; charset=utf-8",
    "txt": "text/plain; charset=utf-8",
    "json": "application/json",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
}


@dataclass(frozen=True)
class Cue:
    """One segment as exported (or, from `turns`, one speaker's consecutive segments)."""

    start: float
    end: float
    label: str | None
    name: str | None
    text: str

    @property
    def speaker(self) -> str | None:
        """Who is shown: the name, else the label (None: the words have no speaker)."""
        return self.name or self.label


@dataclass(frozen=True)
class Export:
    content: bytes
    media_type: str
    content_disposition: str


def _one_line(text: str) -> str:
    """Whitespace runs as one space, control characters dropped: a blank line would end a
    subtitle cue, and Word refuses control characters."""
    kept = "".join(c for c in text if unicodedata.category(c) != "Cc" or c.isspace())
    return " ".join(kept.split())


# What a transcriber writes where someone spoke and the words cannot be made out: the
# segments of speech that ASR did not transcribe (no words, no text).
UNTRANSCRIBED = "[inaudible]"


def cues(row: Transcript, text: TextChoice = "clean") -> list[Cue]:
    """The segments in order, with their speaker and chosen text; speech ASR did not
    transcribe is marked UNTRANSCRIBED, and any other segment left with no text is left
    out (an empty cue is no cue)."""
    names = {sp.label: sp.name for sp in row.speakers}
    out = []
    for seg in row.segments:
        said = _one_line(seg.text if text == "raw" or not seg.clean_text else seg.clean_text)
        if not said and not seg.words and seg.speaker:
            said = UNTRANSCRIBED
        if said:
            name = _one_line(names.get(seg.speaker) or "") or None
            end = max(seg.end_s, seg.start_s)
            out.append(Cue(seg.start_s, end, seg.speaker, name, said))
    return out


def turns(items: list[Cue]) -> list[Cue]:
    """Consecutive cues of one speaker joined: a document reads by turns, not by where ASR
    cut its segments."""
    out: list[Cue] = []
    for cue in items:
        if out and out[-1].label == cue.label:
            last = out[-1]
            out[-1] = Cue(last.start, cue.end, last.label, last.name, f"{last.text} {cue.text}")
        else:
            out.append(cue)
    return out


def _clock(seconds: float) -> str:
    whole = int(seconds)
    return f"{whole // 3600:02d}:{whole // 60 % 60:02d}:{whole % 60:02d}"


def _said(cue: Cue) -> str:
    return f"{cue.speaker}: {cue.text}" if cue.speaker else cue.text


def to_srt(row: Transcript, text: TextChoice = "clean") -> str:
    """SubRip has no speaker field: the speaker leads the cue's text ("Name: …"), as
    subtitling does for off-screen voices."""
    subtitles = [
        srt.Subtitle(i, timedelta(seconds=c.start), timedelta(seconds=c.end), _said(c))
        for i, c in enumerate(cues(row, text), start=1)
    ]
    return srt.compose(subtitles)


def to_vtt(row: Transcript, text: TextChoice = "clean") -> str:
    """WebVTT names the speaker in a voice span (`<v Name>…</v>`), which players show
    and readers parse; text and names are escaped (webvtt-py writes cue text as given)."""
    captions = []
    for c in cues(row, text):
        body = html.escape(c.text, quote=False)
        if c.speaker:
            body = f"<v {html.escape(c.speaker, quote=False)}>{body}</v>"
        start, end = Timestamp.from_seconds(c.start), Timestamp.from_seconds(c.end)
        captions.append(webvtt.Caption(str(start), str(end), body))
    return webvtt.WebVTT(captions=captions).content


def to_txt(row: Transcript, text: TextChoice = "clean") -> str:
    """The title, then one paragraph per turn: "[hh:mm:ss] Name: text"."""
    paragraphs = [f"[{_clock(t.start)}] {_said(t)}" for t in turns(cues(row, text))]
    return "\n\n".join([_one_line(row.title), *paragraphs]) + "\n"


def to_json(row: Transcript, text: TextChoice = "clean") -> str:
    """The segments with their times, label and name, as the API names them (a web app
    reads both), and the text chosen."""
    return json.dumps(
        {
            "id": str(row.id),
            "title": row.title,
            "language": row.spoken_language,
            "duration_s": row.duration_s,
            "text": text,
            "speakers": [{"label": sp.label, "name": sp.name} for sp in row.speakers],
            "segments": [
                {
                    "start": c.start,
                    "end": c.end,
                    "speaker": c.label,
                    "speaker_name": c.name,
                    "text": c.text,
                }
                for c in cues(row, text)
            ],
        },
        ensure_ascii=False,
        indent=2,
    )


def to_docx(row: Transcript, text: TextChoice = "clean") -> bytes:
    """A heading with the title, then one paragraph per turn: the speaker in bold and the
    time, on a line above what they said."""
    document = docx.Document()
    title = _one_line(row.title)
    document.core_properties.title = title
    document.add_heading(title, level=1)
    for turn in turns(cues(row, text)):
        paragraph = document.add_paragraph()
        if turn.speaker:
            paragraph.add_run(turn.speaker).bold = True
            paragraph.add_run(" ")
        paragraph.add_run(_clock(turn.start)).font.color.rgb = RGBColor(0x70, 0x70, 0x70)
        paragraph.add_run().add_break()
        paragraph.add_run(turn.text)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


_BUILDERS = {"srt": to_srt, "vtt": to_vtt, "txt": to_txt, "json": to_json, "docx": to_docx}


def export(row: Transcript, fmt: Format, text: TextChoice = "clean") -> Export:
    built = _BUILDERS[fmt](row, text)
    content = built.encode() if isinstance(built, str) else built
    return Export(content, MEDIA_TYPES[fmt], content_disposition(row, fmt))


def content_disposition(row: Transcript, fmt: Format) -> str:
    """An attachment named after the title (else the id): `filename` in ASCII letters,
    digits, spaces and ._- for every client, `filename*` with the title as typed (accents,
    other scripts) for the clients that read it; neither can name a folder or break the
    header."""
    typed = re.sub(r'\s*[\\/:*?"<>|]+\s*', "_", _one_line(row.title)).strip(" ._-")[:100]
    ascii_name = unicodedata.normalize("NFKD", typed).encode("ascii", "ignore").decode()
    ascii_name = re.sub(r"[^A-Za-z0-9 ._-]+", "_", ascii_name).strip(" ._-")
    value = f'attachment; filename="{ascii_name or row.id}.{fmt}"'
    if typed and typed != ascii_name:
        value += f"; filename*=UTF-8''{quote(f'{typed}.{fmt}', safe='')}"
    return value
