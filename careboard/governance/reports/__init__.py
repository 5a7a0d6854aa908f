"""Reports: one model (model.py), three renderers (html, docx, pdf), builders per kind."""
