"""Evaluation: a reproducible synthetic development set (`eval.devset`), the metrics the
speech field uses (`eval.metrics`: WER, DER, JER), and the harness that runs the real
pipeline over a folder of recordings and reports them (`eval.harness`, `st eval DIR`)."""
