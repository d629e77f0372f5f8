"""Inference engines, free of HTTP: loaded once by the app's lifespan, shared by routes.

No re-exports here: the LLM worker imports `engines.llm` alone, without Whisper or torch.
"""
