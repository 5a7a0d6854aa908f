"""Fixtures shared by the whole suite."""

pytest_plugins = ["tests.e2e.browser"]
