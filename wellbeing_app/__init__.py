"""Wellbeing Check-in: the Qt-free core (vault, storage, domain rules, command line)."""

__version__ = "0.1.0"
