"""Dagster assets of a recording, one dynamic partition per transcript."""
