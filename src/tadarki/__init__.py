"""Tadarki (তদারকি): oversight of a division's departments, their portals, decisions and reports."""

__version__ = "0.1.0"
