"""Texts of core messages: exchange. Code -> (Swedish, English); see core/messages.py."""

TEXTS: dict[str, tuple[str, str]] = {
}
