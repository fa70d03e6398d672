"""Fine-tune the English NER on CoNLL04 and write `models/names/`.

    python -m kg.extract.train_names /path/to/conll04_train.json

Starts from the pipeline's own `ner` weights. Each training sentence is labelled with the CoNLL04
people (PERSON), organisations (ORG) and places (the pipeline's GPE / LOC / FAC for that span, else
GPE); the labels CoNLL04 does not annotate (DATE, NORP, CARDINAL, ...) take the pipeline's own
prediction, so the recogniser keeps them; CoNLL04's "Other" names ("Nobel Prize") keep the
pipeline's label when it is one of those, else are taught as no entity, as is a PERSON / ORG /
place the pipeline found where CoNLL04 has none (chosen by 5-fold cross-validation on the training
split: name F1 0.812 -> 0.820 when "Other" names are no entity rather than unknown). It trains
on the whole training split for `EPOCHS` epochs, a number `--cross-validate` chose; the
development split is never read. Deterministic (fixed seed, one thread: the same data give the
same file), about 3 minutes on 2 cores. Loaded by `kg.extract.names.use_names`; training
needs nothing beyond spaCy.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokens import Doc
from spacy.training import Example
from spacy.util import fix_random_seed, minibatch
from thinc.api import Adam

from kg.conll04 import Sentence, read_conll04
from kg.extract.names import NAMES_PATH, save_weights

NAME_LABELS = {"person": "PERSON", "organization": "ORG"}
PLACE_LABELS = ("GPE", "LOC", "FAC")
SCORED = {"PERSON", "ORG", *PLACE_LABELS}
EPOCHS = 12
"""Chosen by `--cross-validate`: name F1 0.805 after 6 epochs, 0.813 after 8 and 10, 0.820 after
12, 0.817 after 14 to 16 (the development split is never read)."""
MAX_EPOCHS = 16
FOLDS = 5
BATCH = 16
DROPOUT = 0.2
LEARN_RATE = 0.0005
SEED = 0


def _char_span(sentence: Sentence, start: int, end: int) -> tuple[int, int]:
    """The characters of tokens [start, end), without the final period CoNLL04 glues to the
    sentence's last word ("theater." is one token there)."""
    first, last = sentence.offsets[start][0], sentence.offsets[end - 1][1]
    if end == len(sentence.offsets) and sentence.text[last - 1] == "." and last - 1 > first:
        last -= 1
    return first, last


def _tags(doc: Doc, spans: Iterable[tuple[int, int, str]]) -> list[str]:
    """BILUO tags: 'O' outside the spans and for spans labelled 'O', '-' (unknown) for spans
    labelled '-' and where a span is not on token edges."""
    tags = ["O"] * len(doc)
    for start, end, label in spans:
        span = doc.char_span(start, end)
        if span is None:
            loose = doc.char_span(start, end, alignment_mode="expand")
            for token in loose or []:
                tags[token.i] = "-"
            continue
        if label in ("-", "O"):
            for token in span:
                tags[token.i] = label
        elif len(span) == 1:
            tags[span.start] = f"U-{label}"
        else:
            tags[span.start] = f"B-{label}"
            tags[span.end - 1] = f"L-{label}"
            for i in range(span.start + 1, span.end - 1):
                tags[i] = f"I-{label}"
    return tags


def example(sentence: Sentence, nlp: Language) -> Example:
    """A training example: CoNLL04's names, and the pipeline's own other labels (silver)."""
    predicted = nlp(sentence.text)
    own = {(e.start_char, e.end_char): e.label_ for e in predicted.ents}
    spans: list[tuple[int, int, str]] = []
    for kind, (start, end) in sentence.entities:
        first, last = _char_span(sentence, start, end)
        if kind in NAME_LABELS:
            spans.append((first, last, NAME_LABELS[kind]))
        elif kind == "place":
            label = own.get((first, last))
            spans.append((first, last, label if label in PLACE_LABELS else "GPE"))
        else:  # "Other": the pipeline's label if it is not a name's ("Monday"), else no entity
            label = own.get((first, last))
            spans.append((first, last, label if label and label not in SCORED else "O"))
    taken = [(s, e) for s, e, _ in spans]
    for ent in predicted.ents:
        free = all(ent.end_char <= s or e <= ent.start_char for s, e in taken)
        if free and ent.label_ not in SCORED:
            spans.append((ent.start_char, ent.end_char, ent.label_))
    doc = nlp.make_doc(sentence.text)
    return Example.from_dict(doc, {"entities": _tags(doc, spans)})


def _names(doc: Doc) -> set[tuple[int, int, str]]:
    def kind(label: str) -> str:
        return "PLACE" if label in PLACE_LABELS else label

    return {(e.start_char, e.end_char, kind(e.label_)) for e in doc.ents if e.label_ in SCORED}


def counts(examples: Iterable[Example], nlp: Language) -> tuple[int, int, int]:
    """True positives, false positives, false negatives over people, organisations and places
    (any place label), strict spans."""
    ner = nlp.get_pipe("ner")
    tp = fp = fn = 0
    for eg in examples:
        predicted, gold = _names(ner(nlp.make_doc(eg.text))), _names(eg.reference)
        tp += len(predicted & gold)
        fp += len(predicted - gold)
        fn += len(gold - predicted)
    return tp, fp, fn


def _f1(tp: int, fp: int, fn: int) -> float:
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


def _fine_tune(
    nlp: Language, examples: list[Example], epochs: int, after_epoch: Callable[[int, float], None]
) -> None:
    """Update the pipeline's `ner` on `examples` for `epochs` epochs, from its current weights."""
    fix_random_seed(SEED)
    ner = nlp.get_pipe("ner")
    optimizer = Adam(LEARN_RATE)
    shuffle = random.Random(SEED)
    for epoch in range(1, epochs + 1):
        order = examples[:]
        shuffle.shuffle(order)
        losses: dict[str, float] = {}
        for batch in minibatch(order, size=BATCH):
            ner.update(batch, drop=DROPOUT, sgd=optimizer, losses=losses)  # type: ignore[attr-defined]
        after_epoch(epoch, losses.get("ner", 0.0))


def cross_validate(
    train_file: Path, model: str, epochs: int = MAX_EPOCHS, log: Callable[[str], None] = print
) -> dict[int, float]:
    """Name F1 after each epoch, micro-averaged over the held-out folds of a 5-fold split of
    `train_file` (sentence i in fold i % 5): how `EPOCHS` was chosen."""
    fix_random_seed(SEED)
    nlp = spacy.load(model)
    examples = [example(s, nlp) for s in read_conll04(train_file)]
    ner = nlp.get_pipe("ner")
    shipped = ner.model.to_bytes()
    totals = {epoch: [0, 0, 0] for epoch in range(1, epochs + 1)}
    for fold in range(FOLDS):
        ner.model.from_bytes(shipped)
        held_out = examples[fold::FOLDS]
        training = [eg for i, eg in enumerate(examples) if i % FOLDS != fold]

        def after_epoch(epoch: int, loss: float, held_out: list[Example] = held_out) -> None:
            for i, n in enumerate(counts(held_out, nlp)):
                totals[epoch][i] += n

        _fine_tune(nlp, training, epochs, after_epoch)
        log(f"fold {fold + 1}/{FOLDS} done")
    scores = {epoch: _f1(*c) for epoch, c in totals.items()}
    for epoch, f1 in scores.items():
        log(f"epoch {epoch:>2}  cross-validated name F1 {f1:.4f}")
    return scores


def train(train_file: Path, model: str, output: Path, log: Callable[[str], None] = print) -> None:
    """Fine-tune on all of `train_file` for `EPOCHS` epochs and write the weights to `output`."""
    fix_random_seed(SEED)
    nlp = spacy.load(model)
    examples = [example(s, nlp) for s in read_conll04(train_file)]

    def after_epoch(epoch: int, loss: float) -> None:
        log(f"epoch {epoch:>2}  loss {loss:8.1f}")

    _fine_tune(nlp, examples, EPOCHS, after_epoch)
    save_weights(nlp.get_pipe("ner"), output)  # type: ignore[arg-type]
    meta = {
        "_comment": "The English NER fine-tuned on CoNLL04 (kg.extract.names); rebuild with "
        "`python -m kg.extract.train_names CONLL04_TRAIN_JSON`. Trained on the CoNLL04 training "
        "split (Roth & Yih 2004; research use).",
        "trained_on": Path(train_file).name,
        "base_model": model,
        "epochs": EPOCHS,
        "sentences": len(examples),
    }
    (output / "meta.json").write_text(json.dumps(meta, indent=1) + "\n", encoding="utf-8")


def main(argv: Sequence[str] | None = None) -> int:
    """Fine-tune on a CoNLL04 file and write the recogniser's weights."""
    from kg.settings import default_model

    parser = argparse.ArgumentParser(
        prog="python -m kg.extract.train_names", description=__doc__.splitlines()[0]
    )
    parser.add_argument("train_file", metavar="TRAIN_FILE", help="conll04_train.json (SpERT)")
    parser.add_argument("-o", "--output", default=str(NAMES_PATH), help="folder to write")
    parser.add_argument("--model", default=None, help="spaCy pipeline (default: newskg's)")
    parser.add_argument(
        "--cross-validate",
        action="store_true",
        help=f"print the 5-fold cross-validated name F1 after each of {MAX_EPOCHS} epochs "
        "instead of training (how EPOCHS was chosen; about 8 minutes on 2 cores)",
    )
    args = parser.parse_args(argv)
    model = args.model or default_model()
    if args.cross_validate:
        cross_validate(Path(args.train_file), model, log=_stderr)
        return 0
    output = Path(args.output)
    train(Path(args.train_file), model, output, log=_stderr)
    print(f"wrote {output}", file=sys.stderr)
    return 0


def _stderr(line: str) -> None:
    print(line, file=sys.stderr)


if __name__ == "__main__":
    sys.exit(main())
