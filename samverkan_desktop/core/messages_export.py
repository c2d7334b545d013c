"""Texts of core messages: exporting (core/export). Code -> (Swedish, English); see
core/messages.py."""

TEXTS: dict[str, tuple[str, str]] = {
    "export.unknown_format": (
        "Okänt exportformat {name} (finns: {known}).",
        "Unknown export format {name} (available: {known}).",
    ),
    "export.no_format": (
        "Ange ett exportformat ({known}).",
        "Give an export format ({known}).",
    ),
    "export.cannot_redact": (
        "Formatet {name} kan inte dölja personuppgifter.",
        "The format {name} cannot hide personal data.",
    ),
    "export.is_folder": (
        "{path} är en mapp; ange ett filnamn.",
        "{path} is a folder; give a file name.",
    ),
    "export.no_folder": ("Mappen {folder} finns inte.", "The folder {folder} does not exist."),
    "export.cannot_write_in": (
        "Kan inte skriva i {folder}: {why}.",
        "Cannot write in {folder}: {why}.",
    ),
    "export.cannot_write": ("Kunde inte skriva {name}: {why}.", "Could not write {name}: {why}."),
    "export.out_of_memory": (
        "Kunde inte skriva {name}: minnet räckte inte till; stäng andra program eller välj ett "
        "enklare format (JSON, CSV).",
        "Could not write {name}: there was not enough memory; close other programs or choose a "
        "simpler format (JSON, CSV).",
    ),
    "export.unexpected": (
        "Kunde inte skriva {name}: ett oväntat fel i {format}-exporten ({error}); prova ett annat "
        "format och rapportera gärna felet.",
        "Could not write {name}: an unexpected error in the {format} export ({error}); try "
        "another format, and please report the error.",
    ),
    "export.unknown_option": (
        "Formatet {name} har inget val {option}.",
        "The format {name} has no option {option}.",
    ),
    "export.unknown_language": (
        "Okänt språk {language} (finns: sv, en).",
        "Unknown language {language} (available: sv, en).",
    ),
    "export.bad_separator": (
        "CSV-avgränsaren måste vara , eller ; (inte {separator}).",
        "The CSV separator must be , or ; (not {separator}).",
    ),
    "export.locked": (
        "Kunde inte ersätta {name}: filen är låst, kanske öppen i ett annat program. Stäng den "
        "och försök igen.",
        "Could not replace {name}: the file is locked, perhaps open in another program. Close "
        "it and try again.",
    ),
    # What the user can do, after oserrors' reason.
    "export.free_space": (
        "{why}; frigör utrymme eller välj en annan plats",
        "{why}; free some space or choose another place",
    ),
    "export.shorter_name": ("{why}; välj ett kortare", "{why}; choose a shorter one"),
    "export.other_place": ("{why}; välj en annan plats", "{why}; choose another place"),
}
