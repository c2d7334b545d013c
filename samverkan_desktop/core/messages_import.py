"""Texts of core messages: importing a source (core/importers), its errors and its warnings.
Code -> (Swedish, English); see core/messages.py."""

TEXTS: dict[str, tuple[str, str]] = {
    # Frames around another message.
    "import.in_file": ("{name}: {reason}", "{name}: {reason}"),
    "import.at_line": ("rad {line}: {text}", "line {line}: {text}"),
    "import.unknown_error": ("okänt fel", "unknown error"),
    # Reading the file (core/importers/__init__.py).
    "import.missing": ("Filen {path} finns inte.", "The file {path} does not exist."),
    "import.is_folder": ("{path} är en mapp, inte en fil.", "{path} is a folder, not a file."),
    "import.not_regular": ("{name} är ingen vanlig fil.", "{name} is not a regular file."),
    "import.too_large": (
        "{name} är för stor ({size} MB; högst {most} MB).",
        "{name} is too large ({size} MB; at most {most} MB).",
    ),
    "import.no_rights": ("Saknar behörighet att läsa {name}.", "No permission to read {name}."),
    "import.cannot_read": ("Kan inte läsa {name}: {why}.", "Cannot read {name}: {why}."),
    "import.empty": ("{name} är tom.", "{name} is empty."),
    "import.empty_workshop": (
        "{name} är en tom workshopfil; där finns inget att importera.",
        "{name} is an empty workshop file; there is nothing in it to import.",
    ),
    "import.no_notes": (
        "{name}: hittade inga lappar; är det rätt fil?",
        "{name}: found no notes; is it the right file?",
    ),
    "import.unknown_encoding_short": (
        "{name}: teckenkodningen känns inte igen.",
        "{name}: the character encoding is not recognised.",
    ),
    "import.is_database": (
        "{name} är en databas (kanske en workshopfil), ingen text att importera.",
        "{name} is a database (perhaps a workshop file), not text to import.",
    ),
    "import.is_zip": (
        "{name} är ett Word-dokument eller en zip-fil; spara den som oformaterad text (.txt).",
        "{name} is a Word document or a zip file; save it as plain text (.txt).",
    ),
    "import.is_pdf": (
        "{name} är en PDF; kopiera texten till en textfil (.txt) och importera den.",
        "{name} is a PDF; copy the text into a text file (.txt) and import that.",
    ),
    "import.is_rtf": (
        "{name} är en RTF-fil; spara den som oformaterad text (.txt).",
        "{name} is an RTF file; save it as plain text (.txt).",
    ),
    "import.is_old_word": (
        "{name} är ett gammalt Word-dokument; spara det som oformaterad text (.txt).",
        "{name} is an old Word document; save it as plain text (.txt).",
    ),
    # Decoding text (core/importers/textdecode.py).
    "import.bad_bom": (
        "Filen ser ut att vara {encoding} men innehåller ogiltiga tecken.",
        "The file looks like {encoding} but contains invalid characters.",
    ),
    "import.binary": (
        "Filen är ingen textfil (den innehåller binära data).",
        "The file is not a text file (it contains binary data).",
    ),
    "import.controls": (
        "Filen är ingen textfil (den innehåller mest styrtecken).",
        "The file is not a text file (it is mostly control characters).",
    ),
    "import.unknown_encoding": (
        "Filens teckenkodning känns inte igen (varken UTF-8, UTF-16 eller Windows-1252).",
        "The file's character encoding is not recognised (neither UTF-8, UTF-16 nor Windows-1252).",
    ),
    # Zip files (core/importers/zipcheck.py).
    "zip.not_word": ("inget Word-dokument", "a Word document"),
    "zip.not_workbook": ("ingen Excel-arbetsbok", "an Excel workbook"),
    "zip.too_many_parts": (
        "{name} innehåller {count:num} filer; det gör {kind}.",
        "{name} contains {count:num} files; {kind} does not.",
    ),
    "zip.too_large": (
        "{name} packas upp till {size} MB; högst {most} MB går att importera.",
        "{name} unpacks to {size} MB; at most {most} MB can be imported.",
    ),
    "zip.bomb": (
        "{name} är packad orimligt hårt ({part}: {size} MB i {packed} kB), som en zip-bomb; den "
        "läses inte.",
        "{name} is packed unreasonably hard ({part}: {size} MB in {packed} kB), like a zip bomb; "
        "it is not read.",
    ),
    # Transcripts and Markdown (core/importers/transcript.py, markdown_notes.py).
    "import.file_empty": ("Filen är tom.", "The file is empty."),
    "import.too_many_lines": (
        "Filen har {count:num} rader; högst {most:num} går att importera.",
        "The file has {count:num} lines; at most {most:num} can be imported.",
    ),
    "import.block_too_long": (
        "rad {line}: texten som börjar här är längre än {most:num} tecken; så lång kan en lapp "
        "eller rubrik inte vara. Dela upp den eller kontrollera filen.",
        "line {line}: the text starting here is longer than {most:num} characters; a note or "
        "heading cannot be that long. Split it or check the file.",
    ),
    "import.too_many_groups": (
        "rad {line}: fler än {most:num} grupper; så många går inte att importera.",
        "line {line}: more than {most:num} groups; that many cannot be imported.",
    ),
    "import.description_too_long": (
        "rad {line}: texten före första gruppen är längre än {most:num} tecken; är det rätt fil?",
        "line {line}: the text before the first group is longer than {most:num} characters; is "
        "it the right file?",
    ),
    "import.too_many_facilitators": (
        "rad {line}: fler än {most} samtalsledare i en grupp; är det rätt fil?",
        "line {line}: more than {most} facilitators in one group; is it the right file?",
    ),
    "import.too_many_notes": (
        "rad {line}: fler än {most:num} lappar; så många går inte att importera.",
        "line {line}: more than {most:num} notes; that many cannot be imported.",
    ),
    "import.comments_too_long": (
        "rad {line}: kommentarerna till lappen på rad {note_line} blir längre än {most:num} "
        "tecken.",
        "line {line}: the comments on the note on line {note_line} become longer than "
        "{most:num} characters.",
    ),
    "import.text_too_long": (
        "rad {line}: {what} är längre än {most:num} tecken.",
        "line {line}: {what} is longer than {most:num} characters.",
    ),
    "what.title": ("titeln", "the title"),
    "what.name": ("ett namn", "a name"),
    "what.text": ("texten", "the text"),
    "what.group_name": ("gruppens namn", "the group's name"),
    "what.cluster_name": ("klustrets namn", "the cluster's name"),
    "what.section": ("avsnittet", "the section"),
    "what.author": ("författaren", "the author"),
    "what.comment": ("kommentaren", "the comment"),
    # Pasted text (core/importers/paste.py).
    "import.nothing_pasted": (
        "{name}: det finns ingen text att klistra in.",
        "{name}: there is no text to paste.",
    ),
    "import.no_pasted_notes": (
        "{name}: texten innehåller inga lappar.",
        "{name}: the text contains no notes.",
    ),
    # Word documents (core/importers/docx_notes.py).
    "docx.damaged": (
        "{name} är ett skadat Word-dokument ({why}); öppna och spara det igen i Word, eller spara "
        "texten som .txt och importera den.",
        "{name} is a damaged Word document ({why}); open and save it again in Word, or save the "
        "text as .txt and import that.",
    ),
    "docx.damaged_zip": (
        "{name} är ett skadat Word-dokument (zip-filen går inte att läsa: {why}); öppna och spara "
        "det igen i Word, eller spara texten som .txt och importera den.",
        "{name} is a damaged Word document (the zip file cannot be read: {why}); open and save it "
        "again in Word, or save the text as .txt and import that.",
    ),
    "docx.no_notes": (
        "{name}: hittade inga lappar i Word-dokumentet; är det rätt fil?",
        "{name}: found no notes in the Word document; is it the right file?",
    ),
    "docx.old_or_protected": (
        "{name} är ett gammalt eller lösenordsskyddat Word-dokument; spara det som .docx utan "
        "lösenord och importera igen.",
        "{name} is an old or password-protected Word document; save it as .docx without a "
        "password and import again.",
    ),
    "docx.not_zip": (
        "{name} är inget Word-dokument (.docx är en zip-fil, och det är inte den).",
        "{name} is not a Word document (.docx is a zip file, and this is not one).",
    ),
    "docx.unreadable_packing": (
        "{name} är packad på ett sätt som inte går att läsa.",
        "{name} is packed in a way that cannot be read.",
    ),
    "docx.is_excel": (
        "{name} är en Excel-fil; välj ett Word-dokument (.docx).",
        "{name} is an Excel file; choose a Word document (.docx).",
    ),
    "docx.is_powerpoint": (
        "{name} är en PowerPoint-fil; välj ett Word-dokument (.docx).",
        "{name} is a PowerPoint file; choose a Word document (.docx).",
    ),
    "docx.is_other_zip": (
        "{name} är en zip-fil men inget Word-dokument; välj ett Word-dokument (.docx).",
        "{name} is a zip file but not a Word document; choose a Word document (.docx).",
    ),
    "docx.too_many_paragraphs": (
        "Dokumentet har fler än {most:num} stycken; så många går inte att importera.",
        "The document has more than {most:num} paragraphs; that many cannot be imported.",
    ),
    "docx.no_text": (
        "{name}: Word-dokumentet innehåller ingen text.",
        "{name}: the Word document contains no text.",
    ),
    # Tables (core/importers/table.py).
    "table.too_many_rows": (
        "{name}: fler än {most:num} rader; så många går inte att importera.",
        "{name}: more than {most:num} rows; that many cannot be imported.",
    ),
    "table.bad_csv": (
        "{name}: rad {line} går inte att läsa som CSV ({why}); saknas ett avslutande citattecken?",
        "{name}: line {line} cannot be read as CSV ({why}); is a closing quotation mark missing?",
    ),
    "table.old_xls": (
        "{name} är i Excels gamla format (.xls); spara den som .xlsx eller CSV och importera den "
        "igen.",
        "{name} is in Excel's old format (.xls); save it as .xlsx or CSV and import it again.",
    ),
    "table.not_zip": (
        "{name} är ingen Excel-fil (.xlsx är en zip-fil, det här är inte det).",
        "{name} is not an Excel file (.xlsx is a zip file, and this is not one).",
    ),
    "table.broken_zip": (
        "{name} är ingen hel Excel-fil (zip-filen är trasig).",
        "{name} is not a whole Excel file (the zip file is broken).",
    ),
    "table.not_workbook": (
        "{name} är en zip-fil men ingen Excel-arbetsbok.",
        "{name} is a zip file but not an Excel workbook.",
    ),
    "table.unreadable_xlsx": (
        "{name} går inte att läsa som Excel-fil ({why}).",
        "{name} cannot be read as an Excel file ({why}).",
    ),
    "table.no_sheet": (
        "{name} har inget blad som heter ”{sheet}” (bladen: {sheets}).",
        "{name} has no sheet called “{sheet}” (the sheets: {sheets}).",
    ),
    "table.no_cells": (
        "{name}: arbetsboken innehåller inga ifyllda celler.",
        "{name}: the workbook contains no filled-in cells.",
    ),
    "table.sheet_too_many_rows": (
        "{name}: bladet har fler än {most:num} rader; så många går inte att importera.",
        "{name}: the sheet has more than {most:num} rows; that many cannot be imported.",
    ),
    "table.no_names": ("inga namn", "no names"),
    "table.no_text_column": (
        "{name}: hittade ingen kolumn med lapparnas text (kolumnerna: {found}); döp den till "
        "”Text” eller välj den i förhandsgranskningen.",
        "{name}: found no column with the notes' text (the columns: {found}); name it “Text” "
        "or choose it in the preview.",
    ),
    "table.header_only": (
        "{name} har bara en rubrikrad och inga lappar.",
        "{name} has only a header row and no notes.",
    ),
    "table.empty_text_column": (
        "{name}: ingen rad har någon text i kolumnen ”{column}”.",
        "{name}: no row has any text in the column “{column}”.",
    ),
    "table.unknown_field": (
        "{name}: okänt fält ”{field}” i kolumnvalet.",
        "{name}: unknown field “{field}” in the column choice.",
    ),
    "table.no_such_column": (
        "{name}: kolumn {index} för {field} finns inte (tabellen har {count} kolumner).",
        "{name}: column {index} for {field} does not exist (the table has {count} columns).",
    ),
    "table.too_many_groups": (
        "{name}: rad {line}: fler än {most:num} grupper; så många går inte att importera.",
        "{name}: line {line}: more than {most:num} groups; that many cannot be imported.",
    ),
    "table.text_too_long": (
        "{name}: rad {line}: {what} är längre än {most:num} tecken.",
        "{name}: line {line}: {what} is longer than {most:num} characters.",
    ),
    "table.too_many_notes": (
        "{name}: rad {line}: fler än {most:num} lappar; så många går inte att importera.",
        "{name}: line {line}: more than {most:num} notes; that many cannot be imported.",
    ),
    "table.too_many_clusters": (
        "{name}: rad {line}: fler än {most:num} kluster; så många går inte att importera.",
        "{name}: line {line}: more than {most:num} clusters; that many cannot be imported.",
    ),
    "field.text": ("text", "text"),
    "field.group": ("grupp", "group"),
    "field.cluster": ("kluster", "cluster"),
    "field.tags": ("taggar", "tags"),
    "field.votes": ("röster", "votes"),
    "field.author": ("författare", "author"),
    "field.section": ("avsnitt", "section"),
    "field.comment": ("kommentar", "comment"),
    "field.uncertain": ("osäker", "uncertain"),
    # Merging an import into the open workshop (core/merge.py).
    "merge.group_exists": (
        "Gruppen »{group}« fanns redan; den importerade är en egen grupp med samma namn.",
        "The group “{group}” already existed; the imported one is a group of its own with the "
        "same name.",
    ),
    # Warnings: the line is added by ParseWarning ("rad 12: ...").
    "warn.mixed_encoding": (
        "Filen är UTF-8 men har några tecken i Windows-1252; de lästes som sådana.",
        "The file is UTF-8 but has a few Windows-1252 characters; they were read as such.",
    ),
    "warn.cp1252": (
        "Filen är inte UTF-8; den lästes som Windows-1252 (äldre ”ANSI”-text).",
        "The file is not UTF-8; it was read as Windows-1252 (older “ANSI” text).",
    ),
    "warn.no_groups": (
        "Hittade inga grupper; alla lappar lades i ”{group}”.",
        "Found no groups; all notes were put in “{group}”.",
    ),
    "warn.notes_before_groups": (
        "Lapparna före första gruppen lades i ”{group}”.",
        "The notes before the first group were put in “{group}”.",
    ),
    "warn.rule_without_group": (
        "Avgränsningslinjen följs inte av någon grupp.",
        "The separator line is not followed by any group.",
    ),
    "warn.unnamed_group": (
        "Gruppen saknar namn och kallas ”{group}”.",
        "The group has no name and is called “{group}”.",
    ),
    "warn.no_facilitators": (
        "Gruppen ”{group}” har inga samtalsledare angivna.",
        "The group “{group}” names no facilitators.",
    ),
    "warn.group_without_notes": (
        "Gruppen ”{group}” har inga lappar.",
        "The group “{group}” has no notes.",
    ),
    "warn.uncertain": ("Osäker läsning: ”{text}”.", "Uncertain reading: “{text}”."),
    "warn.stray_footnote": (
        "Fotnoten hör inte till någon lapp med *-markering; den lades som kommentar till lappen "
        "ovanför.",
        "The footnote belongs to no note marked with *; it was added as a comment to the note "
        "above.",
    ),
    "warn.open_quote": (
        'ett citattecken (") saknar sin avslutning; resten av filen blev en enda cell.',
        'a quotation mark (") is not closed; the rest of the file became a single cell.',
    ),
    "warn.other_sheets": (
        "arbetsboken har fler blad med innehåll ({sheets}); bara bladet ”{sheet}” importerades.",
        "the workbook has more sheets with content ({sheets}); only the sheet “{sheet}” was "
        "imported.",
    ),
    "warn.short_row": (
        "raden har {count} fält men tabellen {width}; de som saknas lämnas tomma.",
        "the row has {count} {count|field|fields} but the table has {width}; the missing ones "
        "are left empty.",
    ),
    "warn.long_row": (
        "raden har {count} fält men tabellen {width}; de sista {extra} hoppades över.",
        "the row has {count} {count|field|fields} but the table has {width}; the last {extra} "
        "were skipped.",
    ),
    "warn.votes_not_number": (
        "rösterna ”{value}” är inget tal; räknas som 0.",
        "the votes “{value}” are not a number; counted as 0.",
    ),
    "warn.votes_not_count": (
        "rösterna ”{value}” är inget heltal från 0; räknas som 0.",
        "the votes “{value}” are not a whole number from 0; counted as 0.",
    ),
    "warn.too_many_votes": (
        "fler än {most:num} röster; räknas som {most:num}.",
        "more than {most:num} votes; counted as {most:num}.",
    ),
    "warn.row_without_text": (
        "raden har ingen text och hoppades över.",
        "the row has no text and was skipped.",
    ),
    "warn.note_without_text": (
        "lappen har ingen text och hoppades över.",
        "the note has no text and was skipped.",
    ),
    "warn.skipped_shapes": (
        "hoppade över former med text som inte är lappar (rad {lines}).",
        "skipped shapes with text that are not notes (line {lines}).",
    ),
}
