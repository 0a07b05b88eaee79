"""Widgets more than one page draws (a draft's badges, warnings and evidence; the diff)."""
