"""The DfE SSDA903 (children looked after) return: tables, codes, reading, checking, storing."""
