"""Register declarations, records and office rules. No Qt, no SQL."""
