"""The Spark engine (`ingest --engine spark`) and the processed datasets it writes (`load`).

`records` needs only pyarrow; `engine` imports PySpark when a job starts.
"""

from __future__ import annotations

from .records import AlreadyStored, read_processed

__all__ = ["AlreadyStored", "read_processed"]
