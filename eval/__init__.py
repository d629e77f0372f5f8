"""Evaluation: a reproducible synthetic development set (`eval.devset`), the metrics the
speech field uses (`eval.metrics`: WER, DER, JER), the harness that runs the real
pipeline over a folder of recordings and reports them (`eval.harness`, `st eval DIR`), and
the search, chat and naming evaluations (`eval.retrieval`, `eval.chat`,
`eval.naming_rules`), whose data live in eval/data/<kind>/<set>.yaml, read and checked by
`eval.datasets`."""
