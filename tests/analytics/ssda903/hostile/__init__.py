"""Hostile-file corpus (issue 4, "Bad input"): every file gives a clear finding, no crash."""
