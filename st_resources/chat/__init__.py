"""Chat over a tenant's transcripts: the answer engine, answer types, the conversation store."""
