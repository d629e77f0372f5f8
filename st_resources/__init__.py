"""Shared domain code (settings, database, streams, storage, clients) that every process imports."""
