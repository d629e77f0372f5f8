"""Transcripts: their rows, who said which word, and the LLM clean-up."""
