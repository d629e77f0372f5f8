"""Naming diarized speakers: context documents, rules over the transcript, voiceprints, LLM."""
