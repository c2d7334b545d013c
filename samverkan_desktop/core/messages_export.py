"""Texts of core messages: export. Code -> (Swedish, English); see core/messages.py."""

TEXTS: dict[str, tuple[str, str]] = {
}
