"""Dialogs: crisis lines, confirmations, questionnaires."""
