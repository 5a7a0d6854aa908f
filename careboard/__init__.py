"""careboard: software a council's Corporate Parenting Board runs to keep its promises."""
