"""Excel, Word and CSV exports: pure functions over rows, no Qt."""
