"""HTTP routers: liveness/readiness, and the OpenAI-compatible `/v1` surface."""
