"""Fine-tune the English NER on CoNLL04 and write `models/names/`.

    python -m kg.extract.train_names /path/to/conll04_train.json

Starts from the pipeline's own `ner` weights. Each training sentence is labelled with the CoNLL04
people (PERSON), organisations (ORG) and places (the pipeline's GPE / LOC / FAC for that span, else
GPE); CoNLL04's "Other" spans and the labels CoNLL04 does not annotate (DATE, NORP, CARDINAL, ...)
take the pipeline's own prediction, so the recogniser keeps them; a PERSON / ORG / place the
pipeline found where CoNLL04 has none is taught as no entity. The last tenth of the training file
is held out to choose the epoch; the development split is never read. Deterministic (fixed seed,
one thread: the same data give the same file). Loaded by `kg.extract.names.use_names`; training
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
EPOCHS = 20
PATIENCE = 3
BATCH = 16
DROPOUT = 0.2
LEARN_RATE = 0.0005
HELD_OUT = 0.1
SEED = 0


def _char_span(sentence: Sentence, start: int, end: int) -> tuple[int, int]:
    """The characters of tokens [start, end), without the final period CoNLL04 glues to the
    sentence's last word ("theater." is one token there)."""
    first, last = sentence.offsets[start][0], sentence.offsets[end - 1][1]
    if end == len(sentence.offsets) and sentence.text[last - 1] == "." and last - 1 > first:
        last -= 1
    return first, last


def _tags(doc: Doc, spans: Iterable[tuple[int, int, str]]) -> list[str]:
    """BILUO tags: 'O' outside the spans, '-' (unknown) where a span is not on token edges."""
    tags = ["O"] * len(doc)
    for start, end, label in spans:
        span = doc.char_span(start, end)
        if span is None:
            loose = doc.char_span(start, end, alignment_mode="expand")
            for token in loose or []:
                tags[token.i] = "-"
            continue
        if label == "-":
            for token in span:
                tags[token.i] = "-"
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
        else:  # "Other": the pipeline's label if it has one for the span, else unknown
            label = own.get((first, last))
            spans.append((first, last, label if label and label not in SCORED else "-"))
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


def score(examples: Iterable[Example], nlp: Language) -> float:
    """Micro F1 over people, organisations and places (any place label), strict spans."""
    ner = nlp.get_pipe("ner")
    tp = fp = fn = 0
    for eg in examples:
        predicted, gold = _names(ner(nlp.make_doc(eg.text))), _names(eg.reference)
        tp += len(predicted & gold)
        fp += len(predicted - gold)
        fn += len(gold - predicted)
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


def train(train_file: Path, model: str, output: Path, log: Callable[[str], None] = print) -> float:
    """Fine-tune on all but the last tenth of `train_file`; keep the best epoch on that tenth."""
    fix_random_seed(SEED)
    nlp = spacy.load(model)
    sentences = read_conll04(train_file)
    cut = int(len(sentences) * (1 - HELD_OUT))
    training = [example(s, nlp) for s in sentences[:cut]]
    held_out = [example(s, nlp) for s in sentences[cut:]]
    ner = nlp.get_pipe("ner")
    optimizer = Adam(LEARN_RATE)
    shuffle = random.Random(SEED)
    best = score(held_out, nlp)
    best_epoch, waited = 0, 0
    log(f"epoch  0  held-out name F1 {best:.3f} (the pipeline as shipped)")
    output.mkdir(parents=True, exist_ok=True)
    for epoch in range(1, EPOCHS + 1):
        order = training[:]
        shuffle.shuffle(order)
        losses: dict[str, float] = {}
        for batch in minibatch(order, size=BATCH):
            ner.update(batch, drop=DROPOUT, sgd=optimizer, losses=losses)  # type: ignore[attr-defined]
        f1 = score(held_out, nlp)
        log(f"epoch {epoch:>2}  loss {losses.get('ner', 0.0):8.1f}  held-out name F1 {f1:.3f}")
        if f1 > best:
            best, best_epoch, waited = f1, epoch, 0
            save_weights(ner, output)  # type: ignore[arg-type]
        else:
            waited += 1
            if waited >= PATIENCE:
                break
    meta = {
        "_comment": "The English NER fine-tuned on CoNLL04 (kg.extract.names); rebuild with "
        "`python -m kg.extract.train_names CONLL04_TRAIN_JSON`. Trained on the CoNLL04 training "
        "split (Roth & Yih 2004; research use).",
        "trained_on": Path(train_file).name,
        "base_model": model,
        "epoch": best_epoch,
        "held_out_f1": round(best, 4),
        "held_out_sentences": len(held_out),
    }
    (output / "meta.json").write_text(json.dumps(meta, indent=1) + "\n", encoding="utf-8")
    return best


def main(argv: Sequence[str] | None = None) -> int:
    """Fine-tune on a CoNLL04 file and write the recogniser's weights."""
    from kg.settings import default_model

    parser = argparse.ArgumentParser(
        prog="python -m kg.extract.train_names", description=__doc__.splitlines()[0]
    )
    parser.add_argument("train_file", metavar="TRAIN_FILE", help="conll04_train.json (SpERT)")
    parser.add_argument("-o", "--output", default=str(NAMES_PATH), help="folder to write")
    parser.add_argument("--model", default=None, help="spaCy pipeline (default: newskg's)")
    args = parser.parse_args(argv)
    output = Path(args.output)
    best = train(Path(args.train_file), args.model or default_model(), output, log=_stderr)
    print(f"wrote {output} (held-out name F1 {best:.3f})", file=sys.stderr)
    return 0


def _stderr(line: str) -> None:
    print(line, file=sys.stderr)


if __name__ == "__main__":
    sys.exit(main())
