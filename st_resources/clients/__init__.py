"""One module per outside system: gpu_service, the LLM, object storage, Redis Streams,
the embedder."""
