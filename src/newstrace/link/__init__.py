"""Link phase: work across documents, over the store.

Per-document preparation (the body fingerprint and the link profile) runs in
the per-document pipeline; the collection stages (`stages.py`: entities,
duplicates, stories, quote families, origins) run after each batch is
stored, touching only what the new documents reach.
"""
