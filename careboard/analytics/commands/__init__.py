"""Sub-commands of the `careboard` CLI, one module each (see careboard.analytics.cli)."""
