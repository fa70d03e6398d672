"""Evaluation and training, kept out of the runtime package `kg.extract`.

Scoring against hand-made gold files (`gold`, `splits`, `scores`), the benchmark adapters
(`conll04`, `wikievents`) and CoNLL04's conventions (`conventions`, `names`, `birthplaces`,
with their data in `data/conll04.json`), and the scripts that build what extraction ships in
`kg/extract/models/` (`train_names`, `train_affiliations`, `crossval_affiliations`,
`build_gazetteer`; each runs as `python -m kg.evaluation.<name>`), and the `kg eval` command
(`command`). `kg.extract` never imports from here.
"""
