"""The English NER fine-tuned on CoNLL04 (`kg/extract/models/names/`): same network, other weights.

`python -m kg.evaluation.train_names` fine-tunes the pipeline's own `ner` on the CoNLL04 training
split, keeping the labels CoNLL04 does not annotate (DATE, NORP, ...) by training on the
pipeline's own predictions for them. It finds more of CoNLL04's people, organisations and places
(name F1 on CoNLL04 dev 0.67 -> 0.860 in CoNLL04 token spans, 0.857 before the label changes of
`train_names`; cross-validated 0.843) but fewer of the BBC politics articles' persons, so it is
used only where asked: `use_names(nlp)`, which `kg.evaluation.conventions.conll04_pipeline`
does for `kg eval --conll04` (dev F1 0.59, P 0.66, R 0.53; was 0.58). An ensemble of three seeds
voting was tried: +0.002 name F1 in cross-validation, no gain on dev end to end.

After the NER, `kg.evaluation.birthplaces` follows one CoNLL04 convention: a birthplace written
"City, State" is one place.

The weights ship as half-precision floats in gzipped msgpack (2.8 MB instead of 6 MB), written
with a fixed timestamp so the same weights give the same file.
"""

from __future__ import annotations

import gzip
from pathlib import Path

import numpy
import srsly
from spacy.language import Language
from spacy.pipeline import EntityRecognizer

from kg.errors import ModelNotFoundError
from kg.evaluation.birthplaces import COMPONENT as BIRTHPLACES

NAMES_PATH = Path(__file__).parent.parent / "extract" / "models" / "names"
"""With the other shipped models (`kg/extract/models/`), though only evaluation reads it."""
WEIGHTS = "weights.msgpack.gz"


def _params(ner: EntityRecognizer) -> dict[str, tuple]:
    """Every parameter of the recogniser's network, by a key stable across loads."""
    return {
        f"{i}:{node.name}:{name}": (node, name)
        for i, node in enumerate(ner.model.walk())
        for name in node.param_names
        if node.has_param(name)
    }


def save_weights(ner: EntityRecognizer, folder: Path) -> Path:
    """Write the recogniser's weights (float16, gzipped msgpack) into `folder`."""
    arrays = {
        key: numpy.asarray(node.get_param(name)).astype(numpy.float16)
        for key, (node, name) in _params(ner).items()
    }
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / WEIGHTS
    path.write_bytes(gzip.compress(srsly.msgpack_dumps(arrays), mtime=0))
    return path


def load_weights(ner: EntityRecognizer, folder: Path) -> None:
    """Set the recogniser's weights from `folder` (the network must be the one trained)."""
    path = folder / WEIGHTS
    if not path.is_file():
        raise ModelNotFoundError(
            f"No fine-tuned name recogniser at '{path}'. Rebuild it with "
            f"`python -m kg.evaluation.train_names CONLL04_TRAIN_JSON`, or run without it."
        )
    arrays = srsly.msgpack_loads(gzip.decompress(path.read_bytes()))
    params = _params(ner)
    shapes = {key: node.get_param(name).shape for key, (node, name) in params.items()}
    if {key: a.shape for key, a in arrays.items()} != shapes:
        raise ModelNotFoundError(
            f"The name recogniser at '{path}' was trained on another pipeline's NER (its "
            f"{len(arrays)} weight arrays do not fit this one's {len(params)}). Rebuild it with "
            f"`python -m kg.evaluation.train_names CONLL04_TRAIN_JSON --model <this pipeline>`."
        )
    for key, (node, name) in params.items():
        node.set_param(name, node.ops.asarray(arrays[key].astype(numpy.float32)))


def recogniser(nlp: Language) -> EntityRecognizer:
    """The pipeline's `ner` component (spaCy types `get_pipe` as any callable)."""
    ner = nlp.get_pipe("ner")
    assert isinstance(ner, EntityRecognizer)
    return ner


def use_names(nlp: Language, folder: Path = NAMES_PATH) -> Language:
    """Load the fine-tuned weights into the pipeline's `ner` and follow CoNLL04's birthplaces."""
    load_weights(recogniser(nlp), folder)
    nlp.add_pipe(BIRTHPLACES, last=True)  # after the NER and its repairs
    return nlp
