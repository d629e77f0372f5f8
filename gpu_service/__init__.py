"""Inference service (ASR now; diarization, embeddings and the LLM behind the same door).

An OpenAI-compatible HTTP face over engines loaded once per process: see `main.build_app`.
"""
