"""Chat quality on the development meetings: citations, "not found", reliability AUROC.

    python -m eval.chat [--set dev|heldout|...|heldout5|PATH] [--devset var/devset]
                        [--gpu-url URL] [--out eval/results]

A set of eval/data/chat/ (`eval.datasets`) holds questions over a corpus: a meetings set
of eval/data/meetings/, or the scripts that `eval.devset` speaks. The development set,
`dev`: the ten meetings of eval/data/scripts/dev.yaml (built, or reused from cache, by
`eval.devset`) are indexed as one tenant's segments: one segment per reference turn with
its RTTM times, spoken by the person's name (what diarization + naming give at best),
through the production indexing path (`segment_points`, an embedded qdrant-edge store in
a temporary directory, the configured embedding model). Reference text rather than ASR
output, so that the figures measure chat and not transcription.

Every question then goes through `st_resources.chat.engine.ChatEngine` with the real LLM
(gpu_service, started here unless --gpu-url is given): 27 questions whose answer is said
in the meetings, each with the script turn(s) saying it and the figure or name the answer
must contain, and 16 whose answer is not there (five of them about people or topics the
meetings do mention, without the asked fact). The questions were written from the
scripts once, before any run, and not changed after.

Reported: citation accuracy (answerable questions whose citations include a right
segment), citation precision (cited segments that are right), the fact rate (the answer
holds the expected figure or name), the "not found" rate on unanswerable questions, and
the AUROC of the reliability score between supported answers (a right segment cited and
the fact stated) and unsupported ones (any other answer that claims something). Also
the relevance (dense cosine) of the best segment per question, which sets
`st_resources.chat.engine.RELEVANCE_FLOOR`. Writes chat-<date>.json and chat-<date>.md into --out.

`--set heldout` asks the questions of the `heldout` set over its six meetings instead
(one segment per line, speakers S0..S3), written after the floor, prompts and guards were
fixed and not to be tuned on; it writes chat-heldout-<date>.json and .md. `--set heldout2`
does the same with `heldout2`, a second held-out set written after the first had been
looked at (chat-heldout2-<date>.json and .md), `--set heldout3` with `heldout3`, a third
written blind after the reliability judge's guard had been chosen on the other three,
and `--set heldout4` / `heldout5` with `heldout4` / `heldout5`, written blind. `--set PATH`
runs a chat file of the same shape and writes chat-<its stem>-<date>. Each set's note
(what its figures are worth) is printed under the table.
"""

from __future__ import annotations

import argparse
import json
import statistics
import tempfile
import time
import uuid
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path

from eval.datasets import ChatData, DataError, Scripts, chat_set
from eval.devset import DEFAULT_OUT as DEVSET_DIR
from eval.devset import SCRIPTS as DEV_SCRIPTS
from eval.devset import generate
from st_resources import search as q
from st_resources.chat.engine import ChatEngine, fold
from st_resources.clients.embeddings import get_embedder
from st_resources.clients.llm import LlmClient
from st_resources.settings import get_settings


def load_corpus(devset: Path, scripts: Scripts | None = None) -> dict[str, list[q.SegmentText]]:
    """meeting → segments (one per reference turn, RTTM times, speaker = person's name),
    the development set generated (or reused) in `devset` from `eval.devset`'s scripts."""
    scripts = scripts or DEV_SCRIPTS
    generate(devset, log=lambda _: None)
    corpus: dict[str, list[q.SegmentText]] = {}
    for script in scripts.meetings:
        rttm = (devset / f"{script.name}.rttm").read_text("utf-8").splitlines()
        texts = (devset / f"{script.name}.txt").read_text("utf-8").splitlines()
        segments = []
        for idx, (line, text) in enumerate(zip(rttm, texts, strict=True)):
            fields = line.split()
            start, duration, person = float(fields[3]), float(fields[4]), fields[7]
            name = scripts.persons[person].name
            segments.append(q.SegmentText(idx, start, start + duration, text, name))
        corpus[script.name] = segments
    return corpus


def turn_segments(
    corpus: dict[str, list[q.SegmentText]], scripts: Scripts | None = None
) -> dict[str, int]:
    """ "meeting:script turn" → segment idx (backchannels sit between script turns)."""
    out: dict[str, int] = {}
    for script in (scripts or DEV_SCRIPTS).meetings:
        segments = iter(corpus[script.name])
        for turn, (_, text) in enumerate(script.turns):
            seg = next(s for s in segments if s.text == text)
            out[f"{script.name}:{turn}"] = seg.idx
    return out


def dev_set(devset: Path, data: ChatData | None = None) -> tuple[dict, dict, list, list]:
    """The development meetings (corpus, name → (language, project, title)) and the
    questions of a chat set over `eval.devset`'s scripts (`dev` by default), each right
    script turn resolved to its segment as "meeting:idx"."""
    data = data or chat_set("dev")
    scripts = data.scripts
    if scripts is None or scripts.meetings != DEV_SCRIPTS.meetings:
        raise DataError(f"chat set {data.name}: its corpus is not eval.devset's scripts")
    corpus = load_corpus(devset, scripts)
    turns = turn_segments(corpus, scripts)
    meta = {s.name: (s.language, "devset", s.title) for s in scripts.meetings}
    answerable = [
        (question, sorted({f"{r.split(':')[0]}:{turns[r]}" for r in right}), expected)
        for question, right, expected in data.answerable
    ]
    return corpus, meta, answerable, data.unanswerable


def heldout_set(which: str | Path | ChatData = "heldout") -> tuple[dict, dict, list, list]:
    """A chat set over a meetings set (a name of eval/data/chat/, a path, or loaded): its
    meetings, one segment per line as `eval.retrieval` indexes them, and its questions
    (right segments as "meeting:idx")."""
    data = which if isinstance(which, ChatData) else chat_set(which)
    if data.meetings is None:
        raise DataError(f"chat set {data.name}: its corpus is not a meetings set")
    corpus = {
        name: [
            q.SegmentText(i, 7.0 * i, 7.0 * i + 6, text, who) for i, (who, text) in enumerate(lines)
        ]
        for name, (_, _, _, lines) in data.meetings.items()
    }
    meta = {name: meeting[:3] for name, meeting in data.meetings.items()}
    return corpus, meta, data.answerable, data.unanswerable


def index(store: q.VectorStore, embedder, corpus, meta, tenant_id: str) -> dict[str, str]:
    """Index every meeting; returns transcript id → meeting name."""
    keywords = q.KeywordEncoder()
    names = {}
    for n, (name, (language, project, title)) in enumerate(meta.items()):
        tid = str(uuid.uuid5(uuid.NAMESPACE_URL, f"eval-chat/{name}"))
        info = q.TranscriptInfo(
            id=tid,
            tenant_id=tenant_id,
            title=title,
            project_id=project,
            language=language,
            created_at=datetime(2026, 11, 2 + n, 10, tzinfo=UTC),
        )
        points = q.segment_points(embedder, keywords, info, corpus[name])
        store.replace_transcript(q.SEGMENTS, tid, points)
        names[tid] = name
    return names


def auroc(positives: list[float], negatives: list[float]) -> float | None:
    """P(score of a positive > score of a negative), ties counted half."""
    if not positives or not negatives:
        return None
    wins = sum((p > n) + 0.5 * (p == n) for p in positives for n in negatives)
    return round(wins / (len(positives) * len(negatives)), 3)


def has_fact(answer: str, expected: list[str]) -> bool:
    text = fold(answer)
    return any(fold(e) in text for e in expected)


def run_questions(
    engine: ChatEngine, flt: q.SearchFilter, names, answerable, unanswerable, log=print
) -> list:
    """Every question through the engine; one row each, with what it retrieved, chose,
    answered and cited."""
    rows = []
    cases = list(answerable) + [(question, [], []) for question in unanswerable]
    for i, (question, right, expected) in enumerate(cases, start=1):
        right_keys = set(right)
        started = time.monotonic()
        events = list(engine.run(question, flt))
        snippets = events[0][1]
        answer = events[-1][1]
        cited = [f"{names[c.transcript_id]}:{c.segment_idx}" for c in answer.citations]
        retrieved = [f"{names[s.transcript_id]}:{s.segment_idx}" for s in snippets]
        row = {
            "question": question,
            "answerable": bool(right),
            "right": sorted(right_keys),
            "retrieved": retrieved,
            "best_relevance": max((s.relevance for s in snippets), default=None),
            "right_retrieved": bool(right_keys & set(retrieved)),
            "chosen": answer.chosen,
            "answer": answer.text,
            "draft": answer.draft,
            "found": answer.found,
            "cited": cited,
            "reliability": answer.reliability,
            "invalid_citations": answer.invalid_citations,
            "degraded": answer.degraded,
            "basis": answer.basis,
            "seconds": round(time.monotonic() - started, 1),
        }
        # What the model drafted (the answer, or what the guard withheld) is what the
        # reliability scores; what the user gets is `answer` and `found`.
        row["drafted"] = answer.found or answer.draft is not None
        draft = answer.draft or answer.text
        if right:
            cites_right = bool(right_keys & set(cited))
            row["cites_right"] = answer.found and cites_right
            row["fact"] = answer.found and has_fact(answer.text, expected)
            row["supported"] = row["drafted"] and cites_right and has_fact(draft, expected)
        else:
            row["supported"] = False
        rows.append(row)
        log(
            f"[{i}/{len(cases)}] {row['seconds']:5.1f}s found={answer.found} "
            f"rel={answer.reliability:.2f} {question} → {answer.text[:90]!r}",
            flush=True,
        )
    return rows


def relevance_dump(
    engine: ChatEngine, flt: q.SearchFilter, answerable, unanswerable
) -> dict[str, list[float]]:
    """The best dense cosine per question, without the floor: what calibrates it."""
    out: dict[str, list[float]] = {"answerable": [], "unanswerable": []}
    for question, *_ in answerable:
        _, relevance = engine.candidates(question, flt)
        out["answerable"].append(round(max(relevance.values()), 4))
    for question in unanswerable:
        _, relevance = engine.candidates(question, flt)
        out["unanswerable"].append(round(max(relevance.values()), 4))
    return out


def summarise(rows: list[dict], relevance: dict[str, list[float]]) -> dict:
    answerable = [r for r in rows if r["answerable"]]
    unanswerable = [r for r in rows if not r["answerable"]]
    given = [r for r in answerable if r["found"]]
    cited = [c for r in given for c in r["cited"]]
    right_cited = sum(c in r["right"] for r in given for c in r["cited"])
    drafts = [r for r in rows if r["drafted"]]
    positives = [r["reliability"] for r in drafts if r["supported"]]
    negatives = [r["reliability"] for r in drafts if not r["supported"]]
    guard = [r for r in drafts if not r["found"]]
    return {
        "answerable": len(answerable),
        "unanswerable": len(unanswerable),
        "citation_accuracy": round(statistics.fmean(r["cites_right"] for r in answerable), 3),
        "citation_precision": round(right_cited / len(cited), 3) if cited else None,
        "fact_rate": round(statistics.fmean(r["fact"] for r in answerable), 3),
        "retrieval_hit_rate": round(statistics.fmean(r["right_retrieved"] for r in answerable), 3),
        "answerable_said_not_found": sum(not r["found"] for r in answerable),
        "not_found_rate": round(statistics.fmean(not r["found"] for r in unanswerable), 3),
        "reliability_auroc": auroc(positives, negatives),
        "guard_withheld": {
            "supported": sum(r["supported"] for r in guard),
            "unsupported": sum(not r["supported"] for r in guard),
        },
        "reliability_basis": dict(Counter(r["basis"] for r in drafts)),
        "supported_answers": len(positives),
        "unsupported_answers": len(negatives),
        "mean_reliability_supported": round(statistics.fmean(positives), 3) if positives else None,
        "mean_reliability_unsupported": round(statistics.fmean(negatives), 3)
        if negatives
        else None,
        "seconds_per_question_p50": statistics.median(r["seconds"] for r in rows),
        "relevance": {
            k: {"min": min(v), "median": statistics.median(v), "max": max(v)}
            for k, v in relevance.items()
        },
    }


def markdown(result: dict, corpus: str = "dev", data: ChatData | None = None) -> str:
    """`corpus`: the --set given; `data`: the set (else loaded from `corpus`), whose
    corpus label and note (what the figures are worth) the text uses."""
    s = result["summary"]
    command = "python -m eval.chat" + ("" if corpus == "dev" else f" --set {corpus}")
    data = data or chat_set(corpus)
    meetings, caveat = data.corpus_label, data.note
    lines = [
        "# Chat evaluation",
        "",
        f"`{command}` — {s['answerable']} answerable and {s['unanswerable']} "
        f"unanswerable questions over the {result['corpus']['meetings']} {meetings} "
        f"({result['corpus']['segments']} segments, reference text); LLM "
        f"`{result['llm']}`, embeddings `{result['embedding_model']}`, relevance floor "
        f"{result['relevance_floor']}.",
        "",
        "| metric | value | target |",
        "|---|---|---|",
        f"| citation accuracy (answered, a right segment cited) | {s['citation_accuracy']:.3f} "
        "| ≥ 0.80 |",
        f"| citation precision (cited segments of answers that are right) "
        f"| {s['citation_precision']} | |",
        f"| answer states the expected fact | {s['fact_rate']:.3f} | |",
        f"| right segment among the retrieved snippets | {s['retrieval_hit_rate']:.3f} | |",
        f'| "not found" on unanswerable questions | {s["not_found_rate"]:.3f} | ≥ 0.80 |',
        f'| answerable questions answered "not found" | {s["answerable_said_not_found"]} | |',
        f"| reliability AUROC, supported vs unsupported drafted answers | "
        f"{s['reliability_auroc']} ({s['supported_answers']} vs {s['unsupported_answers']}) | |",
        f"| reliability scored by | {s['reliability_basis']} | |",
        f"| withheld by the reliability guard: supported / unsupported drafts | "
        f"{s['guard_withheld']['supported']} / {s['guard_withheld']['unsupported']} | |",
        f"| mean reliability, supported / unsupported | {s['mean_reliability_supported']} / "
        f"{s['mean_reliability_unsupported']} | |",
        f"| seconds per question (p50, 2 CPU cores) | {s['seconds_per_question_p50']} | |",
        "",
        "Supported = the model's drafted answer cites a right segment and states the expected "
        "fact. The AUROC is over every drafted answer, given or withheld by the reliability "
        "guard, since the score is what decides the guard; citation accuracy counts only "
        f"answers given. {caveat}",
        "",
        "Best dense relevance per question (calibrates the floor): answerable "
        f"{s['relevance']['answerable']}, unanswerable {s['relevance']['unanswerable']}.",
        "",
        "| question | found | cited | right | reliability | answer |",
        "|---|---|---|---|---|---|",
    ]
    for r in result["rows"]:
        answer = r["answer"].replace("|", "/").replace("\n", " ")
        lines.append(
            f"| {r['question']} | {r['found']} | {', '.join(r['cited'])} "
            f"| {', '.join(r['right']) or '—'} | {r['reliability']:.2f} | {answer} |"
        )
    return "\n".join(lines) + "\n"


def evaluate(
    devset: Path, llm_url: str, log=print, corpus_set: str | Path | ChatData = "dev"
) -> dict:
    """`corpus_set`: a chat set (eval/data/chat/), by name or path, or loaded."""
    embedder = get_embedder()
    settings = get_settings()
    data = corpus_set if isinstance(corpus_set, ChatData) else chat_set(corpus_set)
    corpus, meta, answerable, unanswerable = (
        dev_set(devset, data) if data.scripts is not None else heldout_set(data)
    )
    llm = LlmClient(llm_url.rstrip("/") + "/v1", timeout_s=600, retries=2)
    tenant = str(uuid.uuid4())
    with tempfile.TemporaryDirectory(prefix="st-eval-chat-") as tmp:
        store = q.EdgeStore(Path(tmp))
        names = index(store, embedder, corpus, meta, tenant)
        engine = ChatEngine(
            store,
            embedder,
            llm,
            rrf_k=settings.search_rrf_k,
            dense_weight=settings.search_dense_weight,
        )
        flt = q.SearchFilter(tenant_id=tenant)
        relevance = relevance_dump(engine, flt, answerable, unanswerable)
        rows = run_questions(engine, flt, names, answerable, unanswerable, log)
        store.release()
    return {
        "generated_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "llm": _llm_name(llm_url),
        "embedding_model": embedder.fingerprint,
        "relevance_floor": engine.floor,
        "corpus": {"meetings": len(corpus), "segments": sum(len(v) for v in corpus.values())},
        "summary": summarise(rows, relevance),
        "relevance": relevance,
        "rows": rows,
    }


def _llm_name(url: str) -> str:
    import httpx

    try:
        return httpx.get(url.rstrip("/") + "/ready", timeout=5).json()["models"]["llm"]["id"]
    except (httpx.HTTPError, KeyError, TypeError, ValueError):
        return "unknown"


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--devset", type=Path, default=DEVSET_DIR)
    parser.add_argument("--gpu-url", help="a running gpu_service (else one is started here)")
    parser.add_argument("--out", type=Path, default=Path(__file__).parent / "results")
    parser.add_argument(
        "--set", default="dev", help="a set of eval/data/chat/ (dev, heldout...), or a path"
    )
    args = parser.parse_args(argv)
    try:
        data = chat_set(args.set)
    except DataError as exc:
        parser.error(str(exc))
    args.out.mkdir(parents=True, exist_ok=True)
    service = None
    if args.gpu_url is None:
        from eval.harness import GpuService

        service = GpuService(Path(tempfile.mkdtemp(prefix="st-eval-chat-")) / "gpu_service.log")
    try:
        result = evaluate(args.devset, args.gpu_url or service.url, corpus_set=data)
    finally:
        if service is not None:
            service.stop()
    prefix = "chat" if data.name == "dev" else f"chat-{data.name}"
    name = f"{prefix}-{datetime.now(UTC).strftime('%Y%m%d')}"
    text = markdown(result, args.set, data)
    (args.out / f"{name}.json").write_text(json.dumps(result, indent=2, ensure_ascii=False))
    (args.out / f"{name}.md").write_text(text)
    print(text)


if __name__ == "__main__":
    main()
