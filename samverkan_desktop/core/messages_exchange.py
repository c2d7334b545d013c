"""Texts of core messages: reading the JSON exchange format (core/exchange.py). Code ->
(Swedish, English); see core/messages.py. `{path}` is a place in the file ("notes[3].text") or
the message "exchange.the_file"."""

TEXTS: dict[str, tuple[str, str]] = {
    "number": ("{value:num}", "{value:num}"),
    "exchange.the_file": ("filen", "the file"),
    "exchange.not_utf8": ("filen är inte UTF-8-kodad JSON.", "the file is not UTF-8 encoded JSON."),
    "exchange.bad_json": (
        "ogiltig JSON på rad {line}, kolumn {column}.",
        "invalid JSON at line {line}, column {column}.",
    ),
    "exchange.file_too_deep": (
        "filen är för djupt nästlad (listor och objekt i varandra i mer än {most} nivåer).",
        "the file is nested too deeply (lists and objects inside each other more than {most} "
        "levels).",
    ),
    "exchange.bad_number": (
        "filen innehåller ett tal som inte går att läsa.",
        "the file contains a number that cannot be read.",
    ),
    "exchange.bad_character": (
        "{path} innehåller ett ogiltigt tecken (ett ensamt surrogattecken, \\ud800–\\udfff).",
        "{path} contains an invalid character (a lone surrogate, \\ud800–\\udfff).",
    ),
    "exchange.bad_character_in_name": (
        "{path}: namnet {key} innehåller ett ogiltigt tecken (ett ensamt surrogattecken, "
        "\\ud800–\\udfff).",
        "{path}: the name {key} contains an invalid character (a lone surrogate, \\ud800–\\udfff).",
    ),
    "exchange.not_finite": (
        "{path} är inget ändligt tal (NaN, Infinity eller för stort).",
        "{path} is not a finite number (NaN, Infinity or too large).",
    ),
    "exchange.too_deep": (
        "{path} är för djupt nästlad (listor och objekt i varandra i mer än {most} nivåer).",
        "{path} is nested too deeply (lists and objects inside each other more than {most} "
        "levels).",
    ),
    "exchange.no_format": (
        'ingen Samverkan-workshop (fältet "format" saknas).',
        'not a Samverkan workshop (the field "format" is missing).',
    ),
    "exchange.other_format": (
        "ingen Samverkan-workshop (format {shown}).",
        "not a Samverkan workshop (format {shown}).",
    ),
    "exchange.format_not_text": ("som inte är text", "that is not text"),
    "exchange.newer_version": (
        "filen är gjord av en nyare version av Samverkan Desktop (formatversion {version}); "
        "uppdatera programmet.",
        "the file was made by a newer version of Samverkan Desktop (format version {version}); "
        "update the program.",
    ),
    "exchange.unknown_version": (
        "okänd formatversion {version}.",
        "unknown format version {version}.",
    ),
    "exchange.already_clustered": (
        "{path}: lapp {note} ligger redan i kluster {cluster}.",
        "{path}: note {note} is already in cluster {cluster}.",
    ),
    "exchange.unknown_link_kind": (
        "{path}.kind: okänd länktyp {kind}.",
        "{path}.kind: unknown link type {kind}.",
    ),
    "exchange.self_link": (
        "{path}: en lapp kan inte länkas till sig själv.",
        "{path}: a note cannot be linked to itself.",
    ),
    "exchange.too_many_facilitators": (
        "{path}.facilitators har {count:num} namn; högst {most:num} går att importera.",
        "{path}.facilitators has {count:num} names; at most {most:num} can be imported.",
    ),
    "exchange.facilitator_not_text": ("{path} ska vara text.", "{path} should be text."),
    "exchange.missing_field": ('{path} saknar fältet "{key}".', '{path} lacks the field "{key}".'),
    "exchange.wrong_type": (
        "{path} ska vara {expected}, inte {found}.",
        "{path} should be {expected}, not {found}.",
    ),
    "exchange.too_long": (
        "{path} är för lång ({length:num} tecken; högst {most:num}).",
        "{path} is too long ({length:num} characters; at most {most:num}).",
    ),
    "exchange.out_of_range": (
        "{path} ska vara mellan {low} och {high}, inte {value}.",
        "{path} should be between {low} and {high}, not {value}.",
    ),
    "exchange.huge_number": ("ett för stort tal", "a number too large"),
    "exchange.too_many_items": (
        "{key} har {count:num} poster; högst {most:num} {what} går att importera.",
        "{key} has {count:num} entries; at most {most:num} {what} can be imported.",
    ),
    "exchange.bad_date": (
        "workshop.date ska vara ett datum ÅÅÅÅ-MM-DD, inte {value}.",
        "workshop.date should be a date YYYY-MM-DD, not {value}.",
    ),
    "exchange.duplicate_id": (
        "{path}.id: två {what} har id {id}.",
        "{path}.id: two {what} have id {id}.",
    ),
    "exchange.dangling": (
        "{path} pekar på {what} {id} som inte finns.",
        "{path} points to {what} {id}, which does not exist.",
    ),
    "exchange.cluster_in_itself": (
        "{path}.parent_id: kluster {id} ligger (indirekt) i sig självt.",
        "{path}.parent_id: cluster {id} lies (indirectly) inside itself.",
    ),
    "exchange.cluster_too_deep": (
        "{path}: kluster {id} ligger {depth} nivåer djupt (kluster i kluster); högst {most} nivåer "
        "går att importera.",
        "{path}: cluster {id} lies {depth} levels deep (clusters in clusters); at most {most} "
        "levels can be imported.",
    ),
    # Types, as in "ska vara ett heltal, inte text".
    "json.text": ("text", "text"),
    "json.int": ("ett heltal", "an integer"),
    "json.float": ("ett tal", "a number"),
    "json.bool": ("true eller false", "true or false"),
    "json.list": ("en lista", "a list"),
    "json.object": ("ett objekt", "an object"),
    # What the file's lists hold, one and many.
    "item.group": ("grupp", "group"),
    "item.cluster": ("kluster", "cluster"),
    "item.note": ("lapp", "note"),
    "items.groups": ("grupper", "groups"),
    "items.clusters": ("kluster", "clusters"),
    "items.notes": ("lappar", "notes"),
    "items.links": ("länkar", "links"),
    "items.themes": ("temakopplingar", "theme links"),
}
