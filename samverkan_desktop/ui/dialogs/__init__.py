"""Dialogs that ask for more than a yes, a no or a file name."""
