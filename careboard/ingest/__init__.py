"""903 imports in the app: upload a return, watch it being checked, read the report, confirm."""
