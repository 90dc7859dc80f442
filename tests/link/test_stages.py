"""What a link pass (`LinkPass`) reads of the stored documents it looks up."""

from __future__ import annotations

from newstrace.config import load_settings
from newstrace.link.index import open_link_index
from newstrace.link.stages import LinkPass
from newstrace.store import LinkUpdate, open_store

from ..store.test_sqlite import make_document


def test_a_looked_up_document_is_read_and_written_by_its_link_fields_alone(tmp_path) -> None:
    with open_store(str(tmp_path / "c.db")) as store:
        store.add_documents([make_document("d1", "first text", title="First"), make_document("d2", "copy")])
        store.update_links([LinkUpdate("d1", {"story_id": "s1"}), LinkUpdate("d2", {"duplicate_of": "d1"})])
        batch = LinkPass(store, open_link_index(store), load_settings(), [])
        assert batch.value("d1", "story_id") == "s1" and batch.value("d2", "duplicate_of") == "d1"
        assert "d1" not in batch.docs and "d2" not in batch.docs  # bodies never read
        assert (batch.counts.link_fields_read, batch.counts.documents_read) == (2, 0)

        batch.set("d1", story_id="s2")  # what the pass writes is what it reads back
        batch.set("d2", duplicate_of="d1")  # no change: nothing to write
        assert batch.value("d1", "story_id") == "s2" and batch.updates["d2"] == {}
        batch.flush()
        assert batch.value("d1", "story_id") == "s2" and store.document("d1").story_id == "s2"
        assert "d1" not in batch.docs and batch.counts.documents_read == 0  # written unread too
        assert batch.value("d2", "title") is None and "d2" in batch.docs  # other fields: the document
