"""Texts of core messages: the operating system's reasons, the workshop file, its write lock and
its backups. Code -> (Swedish, English); see core/messages.py."""

TEXTS: dict[str, tuple[str, str]] = {
    # What the operating system said (core/oserrors.py), inside a sentence.
    "os.full": ("disken är full", "the disk is full"),
    "os.no_rights": ("behörighet saknas", "permission denied"),
    "os.read_only": ("disken eller mappen är skrivskyddad", "the disk or folder is read-only"),
    "os.io": (
        "läs- eller skrivfel på disken (är USB-minnet eller nätverksenheten borta?)",
        "a read or write error on the disk (has the USB stick or network drive gone?)",
    ),
    "os.name_too_long": ("namnet är för långt", "the name is too long"),
    "os.missing": ("filen eller mappen finns inte", "the file or folder does not exist"),
    "os.exists": ("filen finns redan", "the file already exists"),
    "os.is_folder": ("det är en mapp", "it is a folder"),
    "os.not_folder": ("en del av sökvägen är ingen mapp", "part of the path is not a folder"),
    "os.busy": ("filen används av ett annat program", "another program is using the file"),
    "os.too_many_open": ("för många öppna filer", "too many open files"),
    "os.other": ("fel i filsystemet ({name})", "file system error ({name})"),
    "os.unknown": ("fel i filsystemet (okänt)", "file system error (unknown)"),
    # What SQLite said (core/store.py), inside a sentence.
    "db.read_only": ("filen är skrivskyddad", "the file is read-only"),
    "db.busy": (
        "ett annat program använder filen just nu; försök igen om en stund",
        "another program is using the file right now; try again in a moment",
    ),
    "db.full": (
        "disken är full; frigör utrymme och försök igen",
        "the disk is full; free some space and try again",
    ),
    "db.io": (
        "filen gick inte att läsa eller skriva (är nätverksenheten eller USB-minnet borta?)",
        "the file could not be read or written (has the network drive or USB stick gone?)",
    ),
    "db.cant_open": (
        "filen går inte att öppna (flyttad, borttagen eller utan behörighet)",
        "the file cannot be opened (moved, deleted or no permission)",
    ),
    "db.no_rights": ("behörighet saknas", "permission denied"),
    "db.constraint": (
        "ändringen stämmer inte med det som finns i filen (har något tagits bort under tiden?)",
        "the change does not match what the file holds (was something removed meanwhile?)",
    ),
    "db.too_big": ("en text eller ett värde är för stort", "a text or value is too large"),
    "db.no_memory": ("minnet tog slut", "out of memory"),
    "db.not_found": ("filen hittades inte", "the file was not found"),
    "db.number_too_big": ("ett tal är för stort", "a number is too large"),
    "db.unexpected": ("ett oväntat fel i databasen", "an unexpected error in the database"),
    # What a PostgreSQL server said (core/store_server.py), inside a sentence.
    "db.server_read_only": (
        "workshoppen är öppnad bara för läsning",
        "the workshop is open for reading only",
    ),
    "db.server_conflict": (
        "någon annan ändrade samma sak samtidigt; försök igen",
        "someone else changed the same thing at the same time; try again",
    ),
    "db.bad_character": (
        "en text innehåller ett tecken som servern inte tar emot (NUL)",
        "a text holds a character the server does not accept (NUL)",
    ),
    "db.server_login": (
        "servern tog inte emot inloggningen (användarnamn eller lösenord)",
        "the server did not accept the login (user name or password)",
    ),
    "db.server_no_database": (
        "databasen finns inte på servern",
        "the database does not exist on the server",
    ),
    "db.server_full": (
        "servern har slut på utrymme eller anslutningar",
        "the server is out of space or connections",
    ),
    "db.server_refused": (
        "servern tog inte emot anslutningen",
        "the server refused the connection",
    ),
    "db.server_unreachable": (
        "servern svarar inte (är nätverket nere eller servern avstängd?)",
        "the server does not answer (is the network down or the server stopped?)",
    ),
    # The workshop file (core/store_file.py, core/store.py).
    "store.missing": ("Filen {path} finns inte.", "The file {path} does not exist."),
    "store.is_folder": (
        "{path} är en mapp, inte en workshopfil.",
        "{path} is a folder, not a workshop file.",
    ),
    "store.not_workshop": (
        "{name} är ingen Samverkan-workshopfil.",
        "{name} is not a Samverkan workshop file.",
    ),
    "store.cannot_read": ("Kan inte läsa {name}: {why}.", "Cannot read {name}: {why}."),
    "store.name_too_long": (
        "Filnamnet {name} är för långt för att workshoppen ska kunna sparas; ge filen ett "
        "kortare namn.",
        "The file name {name} is too long for the workshop to be saved; give the file a "
        "shorter name.",
    ),
    "store.foreign_journal": (
        "{name} har en gammal journalfil bredvid sig som inte hör till filen och som inte går "
        "att flytta undan ({why}).",
        "{name} has an old journal file beside it that does not belong to it and cannot be "
        "moved aside ({why}).",
    ),
    "store.hot_journal_read_only_folder": (
        "{name} har en avbruten ändring som inte kan tas tillbaka, eftersom mappen inte går att "
        "skriva i; kopiera filen och filen som slutar på -journal till en mapp där du får "
        "skriva och öppna den där.",
        "{name} has an interrupted change that cannot be rolled back because the folder cannot "
        "be written to; copy the file and the file ending in -journal to a folder you may "
        "write to and open it there.",
    ),
    "store.busy": (
        "{name} används av ett annat program just nu.",
        "Another program is using {name} right now.",
    ),
    "store.hot_journal_needs_write": (
        "{name} har en avbruten ändring som bara kan tas tillbaka när filen öppnas för redigering.",
        "{name} has an interrupted change that can only be rolled back when the file is opened "
        "for editing.",
    ),
    "store.cannot_open": (
        "{name} kan inte öppnas (saknas behörighet?).",
        "{name} cannot be opened (no permission?).",
    ),
    "store.damaged_database": (
        "{name} är en skadad databas och kan inte öppnas.",
        "{name} is a damaged database and cannot be opened.",
    ),
    "store.other_database": (
        "{name} är en SQLite-databas men ingen Samverkan-workshopfil.",
        "{name} is an SQLite database but not a Samverkan workshop file.",
    ),
    "store.newer_version": (
        "{name} är gjord av en nyare version av Samverkan Desktop; uppdatera programmet.",
        "{name} was made by a newer version of Samverkan Desktop; update the program.",
    ),
    "store.exists": ("{name} finns redan.", "{name} already exists."),
    "store.no_folder": ("Mappen {folder} finns inte.", "The folder {folder} does not exist."),
    "store.read_only": ("{name} är skrivskyddad.", "{name} is read-only."),
    "store.cannot_upgrade": (
        "Kan inte uppdatera {name} till den här versionen: {why}.",
        "Cannot update {name} to this version: {why}.",
    ),
    "store.cannot_upgrade_db": (
        "Kan inte uppdatera {name} till den här versionen: {why}",
        "Cannot update {name} to this version: {why}",
    ),
    "store.damaged_content": (
        "{name} är skadad: en del av innehållet går inte att läsa. Öppna en säkerhetskopia.",
        "{name} is damaged: part of its content cannot be read. Open a backup.",
    ),
    "store.cannot_save": ("Kunde inte spara i {name}: {why}", "Could not save in {name}: {why}"),
    "store.cannot_read_db": ("Kan inte läsa {name}: {why}", "Cannot read {name}: {why}"),
    "store.no_note": ("Lappen {id} finns inte.", "Note {id} does not exist."),
    "store.no_cluster": ("Klustret {id} finns inte.", "Cluster {id} does not exist."),
    "store.cluster_in_itself": (
        "Ett kluster kan inte ligga i sig självt.",
        "A cluster cannot lie inside itself.",
    ),
    "store.cluster_too_deep": (
        "Kluster kan ligga i högst {most} nivåer inuti varandra.",
        "Clusters can lie at most {most} levels inside each other.",
    ),
    "store.unknown_link_kind": ("Okänd länktyp: {kind}", "Unknown link type: {kind}"),
    "store.self_link": (
        "En lapp kan inte länkas till sig själv.",
        "A note cannot be linked to itself.",
    ),
    "store.missing_parent": (
        "Klustret {id} har en förälder som saknas.",
        "Cluster {id} has a parent that is missing.",
    ),
    "store.link_to_missing": (
        "En länk pekar på en lapp som saknas.",
        "A link points to a note that is missing.",
    ),
    "store.theme_to_missing": (
        "En temakoppling pekar på något som saknas.",
        "A theme link points to something that is missing.",
    ),
    "store.cannot_save_copy": (
        "Kunde inte spara en kopia som {name}: {why}.",
        "Could not save a copy as {name}: {why}.",
    ),
    "store.row_missing": ("{table}: {key} finns inte.", "{table}: {key} does not exist."),
    "store.text_too_long": (
        "En text får vara högst {most:num} tecken lång (den här är {length:num}).",
        "A text may be at most {most:num} characters long (this one is {length:num}).",
    ),
    "store.votes_range": (
        "Röster ska vara mellan 0 och {most:num}.",
        "Votes must be between 0 and {most:num}.",
    ),
    "store.off_board": ("Platsen ligger utanför tavlan.", "The place lies outside the board."),
    # The write lock (core/store_lock.py).
    "lock.held_by": ("av {user} på {host}", "by {user} on {host}"),
    "lock.held_by_unknown": ("av någon okänd", "by someone unknown"),
    "lock.locked": (
        "{name} är öppen för redigering {who} sedan {since}.",
        "{name} has been open for editing {who} since {since}.",
    ),
    "lock.since_today": ("kl. {hour}.{minute}", "{hour}:{minute}"),
    "lock.since_day": ("{day} kl. {hour}.{minute}", "{day} {hour}:{minute}"),
    "lock.unavailable": (
        "{name} kan inte öppnas för redigering: {why}.",
        "{name} cannot be opened for editing: {why}.",
    ),
    # Backups (core/store_backup.py). `{because}` is "" or "backup.because".
    "backup.because": (": {why}", ": {why}"),
    "backup.cannot_take": (
        "Kunde inte ta en säkerhetskopia av {name}{because}.",
        "Could not take a backup of {name}{because}.",
    ),
    "backup.damaged": (
        "Säkerhetskopian {name} är skadad och kan inte återställas; välj en annan.",
        "The backup {name} is damaged and cannot be restored; choose another.",
    ),
    "backup.target_exists": (
        "{name} finns redan; välj ett annat namn.",
        "{name} already exists; choose another name.",
    ),
    "backup.cannot_restore_to": (
        "Kunde inte återställa till {name}{because}.",
        "Could not restore to {name}{because}.",
    ),
    "backup.cannot_restore": (
        "Kunde inte återställa {name}{because}.",
        "Could not restore {name}{because}.",
    ),
    # Row versions (core/store.py): a write based on what someone else has changed since.
    "store.note_moved_on": (
        "Någon annan har ändrat lappen ”{label}” under tiden; din ändring sparades inte.",
        "Someone else has changed the note “{label}” meanwhile; your change was not saved.",
    ),
    "store.notes_moved_on": (
        "Någon annan har ändrat {count} av lapparna under tiden; din ändring sparades inte.",
        "Someone else has changed {count} of the notes meanwhile; your change was not saved.",
    ),
    "store.cluster_moved_on": (
        "Någon annan har ändrat klustret ”{label}” under tiden; din ändring sparades inte.",
        "Someone else has changed the cluster “{label}” meanwhile; your change was not saved.",
    ),
    "store.clusters_moved_on": (
        "Någon annan har ändrat {count} av klustren under tiden; din ändring sparades inte.",
        "Someone else has changed {count} of the clusters meanwhile; your change was not saved.",
    ),
    # Workshops on a PostgreSQL server (core/store_server.py). `{server}` never holds a password.
    "server.bad_url": (
        "{url} är ingen serveradress; skriv den som postgresql://server/databas.",
        "{url} is not a server address; write it as postgresql://server/database.",
    ),
    "server.bad_key": (
        "”{key}” kan inte vara namnet på en workshop på servern: använd små bokstäver a–z, "
        "siffror och _ (högst 40 tecken, först en bokstav).",
        "“{key}” cannot be the name of a workshop on the server: use lower-case letters a–z, "
        "digits and _ (at most 40 characters, a letter first).",
    ),
    "server.cannot_connect": (
        "Kan inte ansluta till {server}: {why}.",
        "Cannot connect to {server}: {why}.",
    ),
    "server.exists": (
        "Det finns redan en workshop som heter {key} på servern.",
        "There is already a workshop called {key} on the server.",
    ),
    "server.no_workshop": (
        "Det finns ingen workshop som heter {key} på {server}.",
        "There is no workshop called {key} on {server}.",
    ),
    "server.no_access": (
        "Du har inte behörighet till workshoppen {key} på {server}; be den som sköter servern "
        "om läs- eller skrivrätt.",
        "You have no access to the workshop {key} on {server}; ask whoever runs the server for "
        "read or write access.",
    ),
    "server.needs_upgrade": (
        "Workshoppen {key} på {server} behöver uppdateras till den här versionen av programmet; "
        "be den som sköter servern köra: samverkan-desktop upgrade '{address}'",
        "The workshop {key} on {server} needs updating to this version of the program; ask "
        "whoever runs the server to run: samverkan-desktop upgrade '{address}'",
    ),
    # Looking after the workshops (core/store_admin.py, samverkan-desktop grant and upgrade).
    "server.cannot_grant": (
        "Du får inte ge behörighet till workshoppen {key} på {server}; logga in som rollen som "
        "äger den (den som skapade den).",
        "You may not give access to the workshop {key} on {server}; log in as the role that "
        "owns it (the one that made it).",
    ),
    "server.no_role": (
        "Det finns ingen roll som heter {role} på {server}; skapa den först (CREATE ROLE).",
        "There is no role called {role} on {server}; create it first (CREATE ROLE).",
    ),
    "server.not_owner": (
        "{user} får inte ändra tabellerna i workshoppen {key}; kör upgrade som rollen som äger "
        "den.",
        "{user} may not change the tables of the workshop {key}; run upgrade as the role that "
        "owns it.",
    ),
    # Passwords (core/server_login.py): none was found, or the one given was refused.
    "server.password_needed": (
        "{server} vill ha ett lösenord för {user}.",
        "{server} asks for a password for {user}.",
    ),
    "server.password_refused": (
        "{server} tog inte emot lösenordet för {user}.",
        "{server} did not accept the password for {user}.",
    ),
}
