"""Train the affiliation classifier on CoNLL04 and write `kg/extract/models/affiliations.json`.

    python -m kg.evaluation.train_affiliations /path/to/conll04_train.json

One logistic regression per predicate (works_for, based_in, lives_in, located_in) over the
candidate pairs of gold entities and of the extractor's own mentions, with the features of
`kg.extract.pair_context`. The extractor's mentions are found as extraction will find them, on
text its name recogniser has not read: each fifth of the training file is read by a recogniser
fine-tuned (as `kg.evaluation.train_names` does) on the other four fifths (jackknifing; a recogniser
that has read a sentence finds its names almost without fault, and a classifier trained on those
expects too much of them: on CoNLL04 dev end to end, precision 0.66 -> 0.68, micro-F1 0.590 ->
0.598). The regularisation and the decision threshold are chosen by 5-fold cross-validation on
the training file (folds by sentence); the weights are written as JSON (no pickle). Needs
scikit-learn (`pip install newskg[train]`); extraction itself only reads the JSON. About 10
minutes on 2 cores (the five fine-tunings); deterministic: same data, same file. The mentions
are resolved with CoNLL04's rules (`kg.evaluation.conventions`), as `kg eval --conll04` reads.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import fix_random_seed

from kg.evaluation import train_names
from kg.evaluation.conll04 import Sentence, read_conll04, to_stderr, training_parser
from kg.evaluation.conventions import conll04_pipeline, conll04_rules
from kg.evaluation.names import recogniser
from kg.extract.affiliations import MODEL_PATH, mentions
from kg.extract.captions import find_captions
from kg.extract.entities import resolve_entities
from kg.extract.pair_context import classifier_features
from kg.extract.pairs import SIGNATURES, Mention, candidates
from kg.extract.pipeline import load_pipeline
from kg.extract.rules import Rules, load_rules

CONLL04_RELATIONS = {
    "works_for": "Work_For",
    "based_in": "OrgBased_In",
    "lives_in": "Live_In",
    "located_in": "Located_In",
}
PREDICATES = {v: k for k, v in CONLL04_RELATIONS.items()}
C_GRID = (0.1, 0.3, 1.0, 3.0)
THRESHOLDS = tuple(round(0.2 + 0.05 * i, 2) for i in range(13))
MIN_COUNT = 2
FOLDS = 5

Example = tuple[dict[str, float], int, int]
"""Features, label (1 = the gold relation holds), sentence number (for folds)."""


def _span(doc: Doc, sentence: Sentence, start: int, end: int) -> Span | None:
    span = doc.char_span(
        sentence.offsets[start][0], sentence.offsets[end - 1][1], alignment_mode="expand"
    )
    if span is None:
        return None
    while len(span) > 1 and span[-1].is_punct:  # "Studies." is one CoNLL04 token
        span = span[:-1]
    return span


def _gold_mentions(doc: Doc, sentence: Sentence) -> list[tuple[Mention, tuple[int, int]]]:
    """Gold entities as mentions, each with its CoNLL04 token span."""
    found = []
    for i, (kind, (start, end)) in enumerate(sentence.entities):
        span = _span(doc, sentence, start, end)
        if span is not None and kind in ("person", "organization", "place"):
            found.append((Mention(span, kind, f"gold:{i}"), (start, end)))
    return found


def _our_mentions(
    doc: Doc, sentence: Sentence, rules: Rules
) -> list[tuple[Mention, tuple[int, int]]]:
    """The extractor's own resolved mentions, each with the CoNLL04 tokens it covers."""
    index = resolve_entities(doc, find_captions(doc.text, rules), rules)
    return [
        (m, sentence.tokens((m.span.start_char, m.span.end_char)))
        for m, _ in mentions(doc[:], index)
    ]


def examples(
    sentences: list[Sentence],
    nlp: Language,
    numbers: Sequence[int] | None = None,
    rules: Rules | None = None,
) -> dict[str, list[Example]]:
    """Candidate pairs per predicate, with features and gold labels.

    Pairs come from the gold entities and from the extractor's own mentions (the pairs it will
    see at extraction time, with its own entity types and boundaries); a pair is positive when
    both of its argument spans are those of a gold relation of the predicate. `numbers` number
    the sentences for the folds (default: 0, 1, 2, ...); `rules`, those mentions are resolved
    with (default: the shipped ones, as on news).
    """
    rules = rules or load_rules()
    found: dict[str, list[Example]] = {p: [] for p in SIGNATURES}
    docs = nlp.pipe((s.text for s in sentences), batch_size=64)
    numbered = zip(numbers or range(len(sentences)), sentences, docs, strict=True)
    for number, sentence, doc in numbered:
        gold = {
            (PREDICATES[kind], sentence.entities[h][1], sentence.entities[t][1])
            for kind, h, t in sentence.relations
            if kind in PREDICATES
        }
        seen: set[tuple[str, tuple[int, int], tuple[int, int]]] = set()
        # The extractor's own mentions first: where one has a gold entity's span, the pair is
        # described as extraction will see it (its type, its tokens), not as the gold one.
        for group in (_our_mentions(doc, sentence, rules), _gold_mentions(doc, sentence)):
            plain = [m for m, _ in group]
            tokens = {id(m): t for m, t in group}
            for predicate, a, b, others in candidates(plain, max_between=None):
                key = (predicate, tokens[id(a)], tokens[id(b)])
                if key in seen:
                    continue
                seen.add(key)
                label = int(key in gold)
                found[predicate].append((classifier_features(a, b, others), label, number))
    return found


def jackknifed_examples(
    sentences: list[Sentence], model: str, log: Callable[[str], None] = print
) -> dict[str, list[Example]]:
    """`examples` of every sentence, each fifth read by a name recogniser fine-tuned on the
    other four fifths as `train_names` fine-tunes the shipped one."""
    base = spacy.load(model)  # the recogniser each fine-tuning starts from, as train_names does
    fix_random_seed(train_names.SEED)
    silver = [train_names.example(s, base) for s in sentences]
    ner = recogniser(base)
    start = ner.model.to_bytes()
    nlp = conll04_pipeline(model)
    found: dict[str, list[Example]] = {p: [] for p in SIGNATURES}
    for fold in range(FOLDS):
        ner.model.from_bytes(start)
        train_names.fine_tune(base, [eg for i, eg in enumerate(silver) if i % FOLDS != fold])
        recogniser(nlp).model.from_bytes(ner.model.to_bytes())
        held_out = range(fold, len(sentences), FOLDS)
        read = examples([sentences[i] for i in held_out], nlp, held_out, conll04_rules())
        for predicate, data in read.items():
            found[predicate].extend(data)
        log(f"fold {fold + 1}/{FOLDS} read")
    return found


def _f1(labels: Sequence[int], scores: Sequence[float], threshold: float) -> float:
    tp = sum(1 for y, s in zip(labels, scores, strict=True) if y and s >= threshold)
    fp = sum(1 for y, s in zip(labels, scores, strict=True) if not y and s >= threshold)
    fn = sum(1 for y, s in zip(labels, scores, strict=True) if y and s < threshold)
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


def fit(data: list[Example]) -> dict:
    """Choose C and threshold by cross-validation, fit on everything, return the JSON model."""
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import GroupKFold

    counts = Counter(name for features, _, _ in data for name in features)
    rows = [{k: v for k, v in f.items() if counts[k] >= MIN_COUNT} for f, _, _ in data]
    labels = [y for _, y, _ in data]
    groups = [g for _, _, g in data]
    vectorizer = DictVectorizer()
    matrix = vectorizer.fit_transform(rows).tocsr()
    matrix.indices = matrix.indices.astype("int32")  # liblinear takes 32-bit indices only
    matrix.indptr = matrix.indptr.astype("int32")

    def model(c: float) -> LogisticRegression:
        return LogisticRegression(C=c, solver="liblinear", max_iter=1000, random_state=0)

    best = (-1.0, C_GRID[0], 0.5)
    for c in C_GRID:
        scores = [0.0] * len(labels)
        for train, test in GroupKFold(n_splits=FOLDS).split(matrix, labels, groups):
            clf = model(c).fit(matrix[train], [labels[i] for i in train])
            for i, p in zip(test, clf.predict_proba(matrix[test])[:, 1], strict=True):
                scores[i] = float(p)
        for threshold in THRESHOLDS:
            f1 = _f1(labels, scores, threshold)
            if f1 > best[0]:
                best = (f1, c, threshold)
    cv_f1, c, threshold = best
    clf = model(c).fit(matrix, labels)
    names = vectorizer.get_feature_names_out()
    weights = {
        str(name): round(float(w), 4)
        for name, w in zip(names, clf.coef_[0], strict=True)
        if abs(w) >= 1e-3
    }
    return {
        "bias": round(float(clf.intercept_[0]), 4),
        "threshold": threshold,
        "c": c,
        "cv_f1": round(cv_f1, 4),
        "examples": len(labels),
        "positives": sum(labels),
        "weights": dict(sorted(weights.items())),
    }


def train(data: dict[str, list[Example]], trained_on: str) -> dict:
    """The whole model file: one logistic regression per predicate, fitted on `data`."""
    return {
        "_comment": "Affiliation classifier (kg.extract.affiliations); rebuild with "
        "`python -m kg.evaluation.train_affiliations CONLL04_TRAIN_JSON`. Trained on the CoNLL04 "
        "training split (Roth & Yih 2004; research use). Logistic regression weights per "
        "predicate over the features of kg.extract.pair_context.",
        "trained_on": trained_on,
        "predicates": {p: fit(data[p]) for p in SIGNATURES},
    }


def main(argv: Sequence[str] | None = None) -> int:
    """Train on a CoNLL04 file and write the model JSON."""
    from kg.settings import default_model

    default_output = (MODEL_PATH, "model file to write")
    parser = training_parser(
        "kg.evaluation.train_affiliations", __doc__.splitlines()[0], default_output
    )
    parser.add_argument(
        "--news-ner",
        action="store_true",
        help="find the extractor's own mentions with the pipeline's NER as shipped, not with the "
        "CoNLL04 name recogniser (models/names)",
    )
    args = parser.parse_args(argv)
    sentences = read_conll04(Path(args.train_file))
    spacy_model = args.model or default_model()
    if args.news_ner:  # a recogniser that never read CoNLL04: nothing to hold out
        data = examples(sentences, load_pipeline(spacy_model))
    else:
        data = jackknifed_examples(sentences, spacy_model, log=to_stderr)
    model = train(data, Path(args.train_file).name)
    output = Path(args.output)
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(json.dumps(model, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    for predicate, m in model["predicates"].items():
        print(
            f"{predicate:<11} C={m['c']:<4} threshold={m['threshold']:<5} "
            f"cv F1={m['cv_f1']:.3f}  {m['positives']}/{m['examples']} positive pairs, "
            f"{len(m['weights'])} weights",
            file=sys.stderr,
        )
    print(f"wrote {output}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
