"""Staff pages for the voice of the child, one module per job."""
