"""Fine-tune the English NER on CoNLL04 and write `models/names/`.

    python -m kg.evaluation.train_names /path/to/conll04_train.json

Starts from the pipeline's own `ner` weights. Each training sentence is labelled with the CoNLL04
people (PERSON), organisations (ORG) and places (the pipeline's GPE / LOC / FAC for that span, else
GPE); the labels CoNLL04 does not annotate (DATE, NORP, CARDINAL, ...) take the pipeline's own
prediction, so the recogniser keeps them; CoNLL04's "Other" names ("Nobel Prize") keep the
pipeline's label when it is one of those, else are taught as no entity, as is a PERSON / ORG /
place the pipeline found where CoNLL04 has none (name F1 0.812 -> 0.820 in 5-fold
cross-validation when "Other" names are no entity rather than unknown). A name is taught on the
tokenizer's words: without a full stop it splits off ("Desiree Ball." -> "Desiree Ball"), with
one it keeps ("N.Y.", which was an unknown span before), and a place written "City, State" is two
places, as CoNLL04 has them except for birthplaces, which `kg.evaluation.birthplaces` joins after
the recogniser (cross-validated name F1 at 12 epochs 0.839 -> 0.843, about +0.003 over epochs
11 to 13).

`--cross-validate` scores names as `kg eval --conll04` reads them: the recogniser's names in the
parsed sentence, after the birthplace join, as CoNLL04 token spans, micro-F1 over people,
organisations and places. It chose `EPOCHS`; the development split is never read. `train` writes
the weights and `meta.json`. Deterministic (fixed seed, one thread: the same data give the same
file), about 1.5 minutes on 2 cores. Loaded by `kg.evaluation.names.use_names`; training needs
nothing beyond spaCy.
"""

from __future__ import annotations

import json
import random
import sys
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.training import Example
from spacy.util import fix_random_seed, minibatch
from thinc.api import Adam

from kg.evaluation.birthplaces import join_birthplaces
from kg.evaluation.conll04 import Sentence, read_conll04, to_stderr, training_parser
from kg.evaluation.names import NAMES_PATH, recogniser, save_weights

NAME_LABELS = {"person": "PERSON", "organization": "ORG"}
PLACE_LABELS = ("GPE", "LOC", "FAC")
SCORED = {"PERSON", "ORG", *PLACE_LABELS}
Name = tuple[int, int, str]
"""A name: token start, token end (exclusive), label."""
EPOCHS = 12
"""Chosen by `--cross-validate`: name F1 0.835 after 6 epochs, 0.838 after 8, 0.840 after 10,
0.843 after 12, 0.841 after 13 (the development split is never read)."""
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


def _taught(doc: Doc, sentence: Sentence, kind: str, start: int, end: int) -> list[tuple[int, int]]:
    """The character spans to teach for CoNLL04's name at tokens [start, end): its words without
    a full stop the tokenizer splits off ("Ball." -> "Ball", but "N.Y." stays), and a place
    written "City, State" as two places, as elsewhere (`kg.evaluation.birthplaces` joins a
    birthplace again)."""
    span = doc.char_span(sentence.offsets[start][0], sentence.offsets[end - 1][1])
    if span is None:  # not on the tokenizer's edges: taught as unknown (`_tags`)
        return [_char_span(sentence, start, end)]
    if len(span) > 1 and span[-1].text == ".":
        span = span[:-1]
    commas = [t.i for t in span if t.text == ","] if kind == "place" else []
    parts = zip([span.start, *(i + 1 for i in commas)], [*commas, span.end], strict=True)
    return [(doc[a].idx, doc[b - 1].idx + len(doc[b - 1])) for a, b in parts if a < b]


def example(sentence: Sentence, nlp: Language) -> Example:
    """A training example: CoNLL04's names, and the pipeline's own other labels (silver)."""
    predicted = nlp(sentence.text)
    own = {(e.start_char, e.end_char): e.label_ for e in predicted.ents}
    spans: list[tuple[int, int, str]] = []
    for kind, (start, end) in sentence.entities:
        for first, last in _taught(predicted, sentence, kind, start, end):
            label = own.get((first, last))
            if kind in NAME_LABELS:
                spans.append((first, last, NAME_LABELS[kind]))
            elif kind == "place":
                spans.append((first, last, label if label in PLACE_LABELS else "GPE"))
            else:  # "Other": the pipeline's label if it is not a name's ("Monday"), else none
                spans.append((first, last, label if label and label not in SCORED else "O"))
    taken = [(s, e) for s, e, _ in spans]
    for ent in predicted.ents:
        free = all(ent.end_char <= s or e <= ent.start_char for s, e in taken)
        if free and ent.label_ not in SCORED:
            spans.append((ent.start_char, ent.end_char, ent.label_))
    doc = nlp.make_doc(sentence.text)
    return Example.from_dict(doc, {"entities": _tags(doc, spans)})


def gold_names(sentence: Sentence) -> list[Name]:
    """CoNLL04's people, organisations and places in `sentence`, as CoNLL04 token spans."""
    labels = {**NAME_LABELS, "place": "GPE"}
    return [(s, e, labels[kind]) for kind, (s, e) in sentence.entities if kind in labels]


def conll04_names(doc: Doc, names: Iterable[Name], sentence: Sentence) -> list[Name]:
    """The names a recogniser found (token spans of `doc`, parsed), after the birthplace join,
    as CoNLL04 token spans of `sentence`: what `kg eval --conll04` reads."""
    doc = doc.copy()
    doc.ents = [Span(doc, start, end, label) for start, end, label in names]
    return [
        (*sentence.tokens((e.start_char, e.end_char)), e.label_) for e in join_birthplaces(doc).ents
    ]


def _scored(names: Iterable[Name]) -> set[Name]:
    """The people, organisations and places (one kind) among `names`."""
    return {
        (s, e, "place" if label in PLACE_LABELS else label)
        for s, e, label in names
        if label in SCORED
    }


def _counts(predicted: Sequence[Iterable[Name]], gold: Sequence[Iterable[Name]]) -> list[int]:
    """True positives, false positives, false negatives of `predicted` against `gold`."""
    tp = fp = fn = 0
    for found, true in zip(predicted, gold, strict=True):
        p, g = _scored(found), _scored(true)
        tp, fp, fn = tp + len(p & g), fp + len(p - g), fn + len(g - p)
    return [tp, fp, fn]


def _f1(tp: int, fp: int, fn: int) -> float:
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


def fine_tune(
    nlp: Language,
    examples: list[Example],
    epochs: int = EPOCHS,
    after_epoch: Callable[[int, float], None] | None = None,
    seed: int = SEED,
) -> None:
    """Update the pipeline's `ner` on `examples` for `epochs` epochs, from its current weights;
    `seed` fixes the order of the examples and the dropout."""
    fix_random_seed(seed)
    ner = recogniser(nlp)
    optimizer = Adam(LEARN_RATE)
    shuffle = random.Random(seed)
    for epoch in range(1, epochs + 1):
        order = examples[:]
        shuffle.shuffle(order)
        losses: dict[str, float] = {}
        for batch in minibatch(order, size=BATCH):
            ner.update(batch, drop=DROPOUT, sgd=optimizer, losses=losses)
        if after_epoch is not None:
            after_epoch(epoch, losses.get("ner", 0.0))


def cross_validate(
    train_file: Path, model: str, epochs: int = MAX_EPOCHS, log: Callable[[str], None] = print
) -> dict[int, float]:
    """Name F1 after each epoch, micro-averaged over the held-out folds of a 5-fold split of
    `train_file` (sentence i in fold i % 5): how `EPOCHS` was chosen."""
    fix_random_seed(SEED)
    nlp = spacy.load(model)
    sentences = read_conll04(train_file)
    examples = [example(s, nlp) for s in sentences]
    with nlp.select_pipes(disable=["ner"]):
        parsed = list(nlp.pipe(s.text for s in sentences))
    gold = [gold_names(s) for s in sentences]
    ner = recogniser(nlp)
    shipped = ner.model.to_bytes()
    # found[epoch][i]: the names the recogniser found in sentence i after `epoch` epochs
    found: dict[int, list[list[Name]]] = {e: [[] for _ in examples] for e in range(1, epochs + 1)}
    for fold in range(FOLDS):
        ner.model.from_bytes(shipped)
        held_out = range(fold, len(examples), FOLDS)
        training = [eg for i, eg in enumerate(examples) if i % FOLDS != fold]

        def after_epoch(epoch: int, loss: float, held_out: range = held_out) -> None:
            for i in held_out:
                found[epoch][i] = [(e.start, e.end, e.label_) for e in ner(parsed[i].copy()).ents]

        fine_tune(nlp, training, epochs, after_epoch)
        log(f"fold {fold + 1}/{FOLDS} done")
    scores = {}
    for epoch, names in found.items():
        read = [conll04_names(*z) for z in zip(parsed, names, sentences, strict=True)]
        scores[epoch] = _f1(*_counts(read, gold))
        log(f"epoch {epoch:>2}  cross-validated name F1 {scores[epoch]:.4f}")
    return scores


def train(train_file: Path, model: str, output: Path, log: Callable[[str], None] = print) -> None:
    """Fine-tune on all of `train_file` for `EPOCHS` epochs and write the weights to `output`."""
    fix_random_seed(SEED)
    nlp = spacy.load(model)
    examples = [example(s, nlp) for s in read_conll04(train_file)]

    def after_epoch(epoch: int, loss: float) -> None:
        log(f"epoch {epoch:>2}  loss {loss:8.1f}")

    fine_tune(nlp, examples, EPOCHS, after_epoch)
    save_weights(recogniser(nlp), output)
    meta = {
        "_comment": "The English NER fine-tuned on CoNLL04 (kg.evaluation.names); rebuild with "
        "`python -m kg.evaluation.train_names CONLL04_TRAIN_JSON`. Trained on the CoNLL04 training "
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

    default_output = (NAMES_PATH, "folder to write")
    parser = training_parser("kg.evaluation.train_names", __doc__.splitlines()[0], default_output)
    parser.add_argument(
        "--cross-validate",
        action="store_true",
        help="print the 5-fold cross-validated name F1 after each epoch instead of training "
        "(how EPOCHS was chosen; about 8 minutes on 2 cores)",
    )
    parser.add_argument(
        "--epochs",
        type=int,
        default=MAX_EPOCHS,
        help="epochs to cross-validate (default: %(default)s)",
    )
    args = parser.parse_args(argv)
    model = args.model or default_model()
    if args.cross_validate:
        cross_validate(Path(args.train_file), model, args.epochs, log=to_stderr)
        return 0
    output = Path(args.output)
    train(Path(args.train_file), model, output, log=to_stderr)
    print(f"wrote {output}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
