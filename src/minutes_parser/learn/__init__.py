"""The learned layer: a small spaCy text classifier over sentences, trained from the real
corpus's dev-split gold and shipped as package data, scoring and completing what the rules
find. Off by default (``ParseOptions(model=True)``, ``parse(..., model=True)`` or ``--model``).

- :mod:`.units`: a document cut into units (sentences of paragraphs and list items; table rows
  and headings whole) with the block kind and heading context the classifier reads;
- :mod:`.align` / :mod:`.dataset`: gold items aligned to units (rapidfuzz), units labelled
  ACTION, DECISION, UPDATE, ATTENDANCE, AGENDA or OTHER; alignment on dev: actions 399/448,
  resolutions 296/312, updates 135/220, attendees 998/1028, agenda items 674/836;
- :mod:`.train` (``python -m minutes_parser.train``, config ``textcat.cfg``, seed 19): a
  bag-of-words ``textcat_multilabel`` from ``spacy.blank("en")``, saved in ``learn/model``
  (6.4 MB); from a clean checkout 1 min 50 s wall under ``nice`` (67 CPU-s), and a retrain
  gives a byte-identical model;
- :mod:`.score`: rules and model together (the pipeline's hook, behind the switch);
- :mod:`.cv`: grouped cross-validation by body on dev, which chose the thresholds.

Why it is off by default (measured 2026-12-07). Dev, 5 folds grouped by body, held out, P/R/F1:
resolutions 0.909/0.381/0.537 -> 0.893/0.425/0.576, actions.text 0.860/0.311/0.457 ->
0.852/0.318/0.463, actions.owner precision 0.573 -> 0.556, updates 0 either way, other fields
unchanged. On the test split (``minutes-parser eval corpus/real``, aggregate, scored once):
resolutions F1 0.456 -> 0.535 (+0.079) but precision 0.932 -> 0.908 (-0.024); actions.text F1
0.416 -> 0.442, precision 0.853 -> 0.833; actions.owner precision 0.480 -> 0.429 (the model's
actions often name no owner). On ../shared/realworld: mean F1 0.598 -> 0.601, resolutions
F1 0.496 -> 0.522 at precision 0.969 -> 0.854, actions.text F1 0.501 -> 0.509. The rule for
turning it on (F1 +0.03 on one of actions, resolutions, updates with no precision lost beyond
0.02) is not met, so it stays opt-in.
"""
