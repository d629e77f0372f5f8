"""Sensors: Redis stream → recording partitions + run requests; nothing else."""
