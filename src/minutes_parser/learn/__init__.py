"""The learned layer: a small spaCy text classifier over sentences, trained from the real
corpus's dev-split gold and shipped as package data, scoring and completing what the rules
find (see :mod:`.score`)."""
