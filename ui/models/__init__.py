"""Qt item models over the core's records (model/view, never hand-filled widgets)."""
