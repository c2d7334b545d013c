"""Samverkan Desktop: sort workshop notes into themes and report them."""

__version__ = "0.1.0"
