"""The analytics engine: SSDA903 reading, validation, minimisation, storage and indicators.

Pure Python. Nothing in this package may import Django: it is a library and a CLI of its own,
and the web app calls it through `engine` and `cli` functions only.
"""
