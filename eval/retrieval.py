"""Retrieval evaluation of the search index: recall@5 and MRR for dense, keyword and hybrid.

    python -m eval.retrieval [--set dev|heldout|...|heldout5|PATH] [--out eval/results]
                             [--rrf-k K] [--dense-weight W] [--no-ablation]

A set of eval/data/retrieval/ (`eval.datasets`) names its meetings (eval/data/meetings/)
and holds queries, each with its relevant segments. The development set, `dev`: eight
meetings (four French, four English; 111 segments, written for this evaluation in the
style of Whisper output, with small talk and topics that share words across meetings)
are indexed through the production path — `segment_points`, an embedded qdrant-edge
store in a temporary directory, the configured embedding model — and 70 queries are run
through `st_resources.search.search` in each mode: 26 French and 26 English queries
about their own language's meetings, and 18 cross-lingual ones (French questions about
English meetings and the reverse). Queries paraphrase the segments rather than copy
them; some hinge on names and figures, where the keyword side helps.

recall@5 = share of a query's relevant segments found in the top 5 (averaged over
queries); MRR = mean of 1 / rank of the first relevant segment in the top 10 (0 if none).
Writes `retrieval.json` and `retrieval.md` into --out.

The parameters were chosen on this corpus. `--set heldout` runs the same on the meetings
and queries of the `heldout` set, written after they were fixed and not to be tuned on,
and writes `retrieval-heldout.json` and `retrieval-heldout.md`; `--set heldout2` does the
same with `heldout2`, a second held-out set written after the first had been looked at
(`retrieval-heldout2.json` and `.md`), `--set heldout3` with `heldout3`, a third written
blind after the second had been looked at, and `--set heldout4` with `heldout4` (and
`heldout5`), written blind. `--set PATH` runs a retrieval file of the same shape and
writes `retrieval-<its stem>`. Each set's note (what its figures are worth) is printed
under the table.
"""

from __future__ import annotations

import argparse
import json
import statistics
import tempfile
import time
import uuid
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

from eval.datasets import DataError, RetrievalData, retrieval_set
from st_resources import search as q
from st_resources.clients.embeddings import get_embedder
from st_resources.settings import get_settings

GROUPS = ("all", "fr", "en", "cross")
K_RECALL, K_MRR = 5, 10


def build_index(
    store: q.VectorStore, embedder, tenant_id: str, meetings: dict, in_context: bool = True
) -> dict[str, str]:
    """Index every meeting; returns point id → "meeting:idx"."""
    keywords = q.KeywordEncoder()
    ids: dict[str, str] = {}
    for n, (name, (language, project, title, lines)) in enumerate(meetings.items()):
        tid = str(uuid.uuid5(uuid.NAMESPACE_URL, f"eval-retrieval/{name}"))
        info = q.TranscriptInfo(
            id=tid,
            tenant_id=tenant_id,
            title=title,
            project_id=project,
            language=language,
            created_at=datetime(2026, 10, 1 + n, 10, tzinfo=UTC),
        )
        segments = [
            q.SegmentText(idx=i, start=7.0 * i, end=7.0 * i + 6, text=text, speaker=speaker)
            for i, (speaker, text) in enumerate(lines)
        ]
        points = q.segment_points(embedder, keywords, info, segments, in_context=in_context)
        store.replace_transcript(q.SEGMENTS, tid, points)
        ids.update({p.id: f"{name}:{p.payload['segment_idx']}" for p in points})
    return ids


@contextmanager
def _variant(embedder, neutral: bool):
    """The same model without (or with) the language-neutral projection, for ablations."""
    before = embedder.neutral
    embedder.neutral = neutral
    try:
        yield embedder
    finally:
        embedder.neutral = before


def run(
    embedder,
    data: RetrievalData,
    modes,
    rrf_k: int,
    dense_weight: float,
    in_context: bool = True,
) -> tuple[dict, dict, float]:
    """Index the set's meetings in a temporary embedded store and run every query in
    `modes`."""
    meetings, queries = data.meetings, data.queries
    tenant = str(uuid.uuid4())
    rows: dict[str, list[dict]] = {mode: [] for mode in modes}
    latencies: dict[str, list[float]] = {mode: [] for mode in modes}
    with tempfile.TemporaryDirectory(prefix="st-eval-retrieval-") as tmp:
        store = q.EdgeStore(Path(tmp))
        started = time.monotonic()
        ids = build_index(store, embedder, tenant, meetings, in_context)
        index_s = time.monotonic() - started
        flt = q.SearchFilter(tenant_id=tenant)
        for mode in modes:
            for group, query, relevant in queries:
                t0 = time.perf_counter()
                hits = q.search(
                    store,
                    embedder,
                    query,
                    flt,
                    mode=mode,
                    limit=K_MRR,
                    rrf_k=rrf_k,
                    dense_weight=dense_weight,
                )
                latencies[mode].append(1000 * (time.perf_counter() - t0))
                ranked = [ids[h.id] for h in hits]
                found = [r for r in relevant if r in ranked[:K_RECALL]]
                first = next((i + 1 for i, r in enumerate(ranked) if r in relevant), None)
                rows[mode].append(
                    {
                        "group": group,
                        "query": query,
                        "relevant": relevant,
                        "top5": ranked[:K_RECALL],
                        "recall@5": len(found) / len(relevant),
                        "rr": 1.0 / first if first else 0.0,
                    }
                )
        store.release()
    return rows, latencies, index_s


def _table(rows: list[dict]) -> dict:
    return {g: _summary([r for r in rows if g == "all" or r["group"] == g]) for g in GROUPS}


def evaluate(
    rrf_k: int = q.RRF_K,
    dense_weight: float = q.DENSE_WEIGHT,
    ablation: bool = True,
    corpus: str | Path | RetrievalData = "dev",
) -> dict:
    """`corpus`: a retrieval set (eval/data/retrieval/), by name or path, or loaded."""
    embedder = get_embedder()
    data = corpus if isinstance(corpus, RetrievalData) else retrieval_set(corpus)
    meetings, queries = data.meetings, data.queries
    rows, latencies, index_s = run(embedder, data, q.MODES, rrf_k, dense_weight)
    result = {
        "embedding_model": embedder.fingerprint,
        "store": "qdrant-edge (embedded)",
        "rrf_k": rrf_k,
        "dense_weight": dense_weight,
        "corpus": {
            "meetings": len(meetings),
            "segments": sum(len(m[3]) for m in meetings.values()),
            "queries": {g: sum(1 for x in queries if g in ("all", x[0])) for g in GROUPS},
        },
        "index_s": round(index_s, 2),
        "query_ms_p50": {m: round(statistics.median(v), 1) for m, v in latencies.items()},
        "table": {mode: _table(rows[mode]) for mode in q.MODES},
        "ablation_dense": {},
        "misses": {mode: [r for r in rows[mode] if r["recall@5"] < 1.0] for mode in q.MODES},
    }
    if ablation:
        for neutral, in_context, label in (
            (False, False, "plain vectors"),
            (False, True, "+ neighbourhood mix"),
            (True, False, "+ language-neutral"),
        ):
            with _variant(embedder, neutral):
                dense_rows, _, _ = run(embedder, data, ("dense",), rrf_k, dense_weight, in_context)
            result["ablation_dense"][label] = _table(dense_rows["dense"])
        result["ablation_dense"]["both (default)"] = result["table"]["dense"]
    return result


def _summary(rows: list[dict]) -> dict:
    return {
        "queries": len(rows),
        "recall@5": round(statistics.fmean(r["recall@5"] for r in rows), 3),
        "mrr": round(statistics.fmean(r["rr"] for r in rows), 3),
    }


def markdown(result: dict, corpus: str = "dev", note: str | None = None) -> str:
    """`corpus`: the --set given; `note`: what the figures are worth (else the set's)."""
    t = result["table"]
    command = "python -m eval.retrieval" + ("" if corpus == "dev" else f" --set {corpus}")
    lines = [
        "# Retrieval evaluation",
        "",
        f"`{command}` — {result['corpus']['meetings']} meetings, "
        f"{result['corpus']['segments']} segments, {result['corpus']['queries']['all']} queries "
        f"({result['corpus']['queries']['fr']} French, {result['corpus']['queries']['en']} "
        f"English, {result['corpus']['queries']['cross']} cross-lingual); "
        f"model `{result['embedding_model']}`, {result['store']}, hybrid = weighted RRF "
        f"(k={result['rrf_k']}, dense weight {result['dense_weight']}).",
        "",
        "| mode | recall@5 | MRR@10 | recall@5 fr | recall@5 en | recall@5 cross | MRR cross "
        "| query p50 (ms) |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for mode in ("dense", "keyword", "hybrid"):
        row = t[mode]
        lines.append(
            f"| {mode} | {row['all']['recall@5']:.3f} | {row['all']['mrr']:.3f} "
            f"| {row['fr']['recall@5']:.3f} | {row['en']['recall@5']:.3f} "
            f"| {row['cross']['recall@5']:.3f} | {row['cross']['mrr']:.3f} "
            f"| {result['query_ms_p50'][mode]} |"
        )
    if result["ablation_dense"]:
        lines += [
            "",
            "Dense side, how the index vectors are made (same model, same queries):",
            "",
            "| dense vectors | recall@5 | MRR@10 | recall@5 cross |",
            "|---|---|---|---|",
        ]
        for label, row in result["ablation_dense"].items():
            lines.append(
                f"| {label} | {row['all']['recall@5']:.3f} | {row['all']['mrr']:.3f} "
                f"| {row['cross']['recall@5']:.3f} |"
            )
    lines += ["", retrieval_set(corpus).note if note is None else note]
    lines += ["", "Queries the hybrid mode does not fully answer in its top 5:", ""]
    for r in result["misses"]["hybrid"] or []:
        lines.append(f"- ({r['group']}) {r['query']} — wanted {r['relevant']}, got {r['top5']}")
    if not result["misses"]["hybrid"]:
        lines.append("- none")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", type=Path, default=Path(__file__).parent / "results")
    parser.add_argument("--rrf-k", type=int, default=get_settings().search_rrf_k)
    parser.add_argument("--dense-weight", type=float, default=get_settings().search_dense_weight)
    parser.add_argument("--no-ablation", action="store_true", help="skip the dense variants")
    parser.add_argument(
        "--set", default="dev", help="a set of eval/data/retrieval/ (dev, heldout...), or a path"
    )
    args = parser.parse_args(argv)
    try:
        data = retrieval_set(args.set)
    except DataError as exc:
        parser.error(str(exc))
    result = evaluate(args.rrf_k, args.dense_weight, not args.no_ablation, data)
    name = "retrieval" if data.name == "dev" else f"retrieval-{data.name}"
    args.out.mkdir(parents=True, exist_ok=True)
    text = markdown(result, args.set, data.note)
    (args.out / f"{name}.json").write_text(json.dumps(result, indent=2, ensure_ascii=False))
    (args.out / f"{name}.md").write_text(text)
    print(text)


if __name__ == "__main__":
    main()
