"""Link phase: work across documents, over the store.

Per-document preparation (fingerprints) runs in the pipeline; the linking
itself (`link_collection`) runs after each batch is stored, touching only the
groups the new documents fall into.
"""
