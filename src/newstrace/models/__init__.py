"""Training newstrace's spaCy pipelines from the openly licensed corpora in ``../shared/train``.

``python -m newstrace.models.train`` (``make models``) builds the corpora, trains and
packages the weights into ``newstrace/models/<lang>/``; CI does not retrain.
"""
