"""Naming from what is said and written, on transcripts written blind to the rules.

    python -m eval.naming_rules [--set texts|texts2|texts3|texts4|PATH] [--llm [URL]]
    python -m eval.naming_rules --scripts blind20 blind21 …

Runs `st_resources.naming.identify.name_speakers` — the asset's own function, without
voiceprints — over a naming set of eval/data/naming/ (`eval.datasets`): `texts`
(transcripts in Whisper's style with their context documents, each speaker's expected
name or None, written by a separate helper who never saw st_resources/naming; the rules
were then improved on its misses), `texts2` (a second set, written blind to the rules and
to the first set, and run once after those changes; the rules were improved on its misses
in turn), `texts3` (a third, written blind to the rules and both sets, run once at the
end) or `texts4`; `--set` also takes the path of a file of the same shape. With `--llm`,
the LLM tier is asked too, through gpu_service at URL (one is started when no URL is
given).

`--scripts` reads meeting scripts of eval/data/scripts/ (the blind meeting sets) as text
instead: every word as written and each turn its speaker's, so what the rules miss there
is theirs, not Whisper's or the diarizer's. A speaker's expected name is their full name
where the meeting says or writes it (the harness's "said or written"), else none; a name
given to one whose full name is not there is counted apart when it is still theirs ("Karim"
for Karim Benhadj).

Per speaker: right (the expected name, compared as `eval.metrics.normalize_name` does),
partial (the right person by part of the name: "Klein" for Adrien Klein), wrong (another
name), missed (no name where one was expected), false (a name where none
could be told), or rightly unnamed. Writes eval/results/naming-{set}[-llm].{json,md},
{set} being the file's stem.
"""

from __future__ import annotations

import argparse
import tempfile
from collections import Counter
from pathlib import Path

from bench.common import against_gpu_service, write_report
from eval.datasets import DataError, NamingCase, naming_cases, scripts, set_path
from eval.metrics import normalize_name, part_of_name
from st_resources.clients.llm import LlmClient
from st_resources.db.models import TranscriptSpeaker
from st_resources.naming.identify import name_speakers
from st_resources.settings import get_settings

RESULTS = Path(__file__).resolve().parent / "results"
LINE_S = 6.0  # the rules read the order of lines, not their times: any spacing will do


def outcome(expected: str | None, given: str | None) -> str:
    if expected is None:
        return "unnamed" if given is None else "false"
    if given is None:
        return "missed"
    given, expected = normalize_name(given), normalize_name(expected)
    if given == expected:
        return "right"
    return "partial" if part_of_name(given, expected) else "wrong"


def script_cases(names: list[str]) -> tuple[list[NamingCase], dict[str, str]]:
    """The meetings of these scripts as naming cases, and each speaker's true name by
    "case/label"."""
    cases, truth = [], {}
    for name in names:
        cast = scripts(name)
        for meeting in cast.meetings:
            said = f" {normalize_name(' '.join(t for _, t in meeting.turns))} "
            said += f"{normalize_name(meeting.context or '')} "
            case = NamingCase(
                f"{cast.name}/{meeting.name}",
                meeting.language,
                meeting.turns,
                (meeting.context,) if meeting.context else (),
                {
                    p: cast.persons[p].name
                    if f" {normalize_name(cast.persons[p].name)} " in said
                    else None
                    for p in meeting.people
                },
            )
            cases.append(case)
            truth |= {f"{case.name}/{p}": cast.persons[p].name for p in meeting.people}
    return cases, truth


def run_case(case: NamingCase, llm: LlmClient | None) -> list[dict]:
    labels = list(dict.fromkeys(label for label, _ in case.lines))
    speakers = [TranscriptSpeaker(label=label) for label in labels]
    lines = [
        {"speaker": label, "start": i * LINE_S, "end": (i + 1) * LINE_S, "text": text}
        for i, (label, text) in enumerate(case.lines)
    ]
    naming = name_speakers(speakers, lines, list(case.documents), [], llm, get_settings())
    rows = []
    for label in labels:
        identity = naming.identities[label]
        expected = case.expected[label]
        rows.append(
            {
                "case": case.name,
                "language": case.language,
                "label": label,
                "expected": expected,
                "given": identity.name,
                "source": identity.source,
                "confidence": identity.confidence,
                "outcome": outcome(expected, identity.name),
            }
        )
    return rows


def summary(rows: list[dict]) -> dict:
    counts = Counter(r["outcome"] for r in rows)
    nameable = counts["right"] + counts["partial"] + counts["wrong"] + counts["missed"]
    given = counts["right"] + counts["partial"] + counts["wrong"] + counts["false"]
    by_language = {
        language: Counter(r["outcome"] for r in rows if r["language"] == language)
        for language in sorted({r["language"] for r in rows})
    }
    # names given where none was expected that still point at the speaker (scripts only)
    theirs = sum(r["outcome"] == "false" and r.get("same_person", False) for r in rows)
    return {
        "speakers": len(rows),
        "nameable": nameable,
        **{key: counts[key] for key in ("right", "partial", "wrong", "missed", "false", "unnamed")},
        "recall": round(counts["right"] / nameable, 3) if nameable else None,
        "precision": round(counts["right"] / given, 3) if given else None,
        # A partial name still points at the right person: the wrong persons shown are
        # what a user cannot trust.
        "person_precision": (
            round((counts["right"] + counts["partial"] + theirs) / given, 3) if given else None
        ),
        "by_language": {k: dict(v) for k, v in by_language.items()},
        "by_source": dict(Counter(r["source"] for r in rows if r["outcome"] == "right")),
        "false_same_person": theirs,
    }


def markdown(report: dict) -> str:
    s = report["summary"]
    lines = [
        "# Naming from transcripts and documents (written blind to the rules)",
        "",
        f"{report['generated_at']} · set {report['set']}, {report['meetings']} meetings · "
        f"LLM tier: {report['llm']}",
        "",
        f"Speakers with a name to find: {s['nameable']}; right {s['right']} "
        f"(recall {s['recall']:.1%}), right person by part of the name {s['partial']}, "
        f"wrong {s['wrong']}, missed {s['missed']}. Speakers who cannot be told: "
        f"{s['speakers'] - s['nameable']}; given a name anyway {s['false']}. Precision of "
        f"the names given: {s['precision']:.1%} exact, {s['person_precision']:.1%} by "
        f"person. Of the names given anyway, still the speaker's: {s['false_same_person']}.",
        "",
        "| meeting | speaker | expected | given (source) | outcome |",
        "|---|---|---|---|---|",
    ]
    for r in report["rows"]:
        if r["outcome"] in ("right", "unnamed"):
            continue
        given = f"{r['given']} ({r['source']})" if r["given"] else "—"
        lines.append(
            f"| {r['case']} | {r['label']} | {r['expected'] or '—'} | {given} | {r['outcome']} |"
        )
    return "\n".join(lines) + "\n"


def evaluate(cases, llm: LlmClient | None) -> list[dict]:
    rows = []
    for case in cases:
        rows.extend(run_case(case, llm))
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--set", default="texts", help="a set of eval/data/naming/ (texts..texts4), or a path"
    )
    parser.add_argument(
        "--scripts", nargs="+", metavar="NAME", help="meeting scripts of eval/data/scripts/"
    )
    parser.add_argument("--llm", nargs="?", const="", help="ask the LLM tier too (gpu_service URL)")
    args = parser.parse_args()
    truth: dict[str, str] = {}
    try:
        if args.scripts:
            cases, truth = script_cases(args.scripts)
            stems = [Path(n).stem for n in args.scripts]
            name = f"scripts-{stems[0]}" + (f"-to-{stems[-1]}" if len(stems) > 1 else "")
        else:
            path = set_path("naming", args.set)
            cases, name = list(naming_cases(path)), path.stem
    except DataError as exc:
        parser.error(str(exc))

    if args.llm is None:
        rows = evaluate(cases, None)
    else:

        def work(url: str) -> list[dict]:
            return evaluate(cases, LlmClient(url.rstrip("/") + "/v1", timeout_s=600, retries=2))

        with tempfile.TemporaryDirectory(prefix="naming-texts-") as tmp:
            _, _, _, rows = against_gpu_service(args.llm or None, Path(tmp), work)
    for row in rows:
        if person := truth.get(f"{row['case']}/{row['label']}"):
            row["same_person"] = outcome(person, row["given"]) in ("right", "partial")
    report = {
        "set": name,
        "meetings": len(cases),
        "llm": "asked" if args.llm is not None else "not asked",
        "summary": summary(rows),
        "rows": rows,
    }
    stem = f"naming-{name}" + ("-llm" if args.llm is not None else "")
    write_report(stem, report, markdown, RESULTS)


if __name__ == "__main__":
    main()
