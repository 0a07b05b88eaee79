"""Axis: a grounded marketing-strategy assistant for B2B marketing directors.

The package is the product; `ui/` and `assistant.cli.app` are thin shells over it.
"""

__version__ = "0.1.0"
