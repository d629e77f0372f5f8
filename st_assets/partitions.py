"""The recordings partitions and the decorator every recording asset is declared with."""

from dagster import Backoff, DynamicPartitionsDefinition, Jitter, RetryPolicy, asset

# One partition per recording; the key is the transcript id.
recordings = DynamicPartitionsDefinition(name="recordings")

# Assets that call remote services retry transient failures with backoff.
# 10, 20, 40 s: longer than the clients' circuit breaker stays open (30 s), so a stage
# outlasts a gpu_service restart; at 2, 4, 8 s every retry met the open circuit and a
# killed-and-restarted gpu_service (back in 8 s) failed the recording (bench.faults).
REMOTE_RETRY = RetryPolicy(
    max_retries=3, delay=10, backoff=Backoff.EXPONENTIAL, jitter=Jitter.PLUS_MINUS
)


def recording_asset(*, remote: bool = True, **kwargs):
    """`@asset` partitioned by recording in the "recording" group; `remote` assets (those
    calling gpu_service, the LLM, the store) retry with REMOTE_RETRY."""
    if remote:
        kwargs.setdefault("retry_policy", REMOTE_RETRY)
    return asset(partitions_def=recordings, group_name="recording", **kwargs)
