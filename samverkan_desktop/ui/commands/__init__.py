"""Every user action on a workshop as a QUndoCommand.

A command changes the document through the store only; the board follows the store's change
signals. `base` holds the thin commands (old and new values) and the transaction rule; the
others compose them as child commands. Where things go is decided by the caller through
core.board.gestures, never here.

- base: StoreCommand, EditCommand, create/remove notes and clusters, the undo texts' helpers
- moves: MoveCommand (drags, drops, nudges), memberships, nesting
- edits: rename, resize, tidy, colour, votes, a note's text
- board: group as cluster, merge clusters, delete, add / split / merge notes
- importing: ImportCommand
- suggestions: links, Placera resten's place and reject
- conflicts: a first run based on rows someone else has changed since: re-based or refused
"""

from .base import (
    CreateClusterCommand,
    CreateNoteCommand,
    EditCommand,
    RemoveClustersCommand,
    RemoveNotesCommand,
    StoreCommand,
    Undo,
    clusters_n,
    notes_n,
    quoted,
)
from .board import (
    AddNoteCommand,
    DeleteClusterCommand,
    DeleteCommand,
    DeleteNotesCommand,
    GroupAsClusterCommand,
    MergeClustersCommand,
    MergeNotesCommand,
    SplitNoteCommand,
)
from .edits import (
    VOTES_ID,
    EditNoteTextCommand,
    RenameClusterCommand,
    ResizeClusterCommand,
    SetColourCommand,
    SetVotesCommand,
    TidyClusterCommand,
)
from .importing import ImportCommand
from .moves import MOVE_ID, MoveCommand, SetMembershipCommand, SetParentCommand
from .suggestions import AddLinksCommand, PlaceCommand, RejectCommand

__all__ = [
    "MOVE_ID",
    "VOTES_ID",
    "AddLinksCommand",
    "AddNoteCommand",
    "CreateClusterCommand",
    "CreateNoteCommand",
    "DeleteClusterCommand",
    "DeleteCommand",
    "DeleteNotesCommand",
    "EditCommand",
    "EditNoteTextCommand",
    "GroupAsClusterCommand",
    "ImportCommand",
    "MergeClustersCommand",
    "MergeNotesCommand",
    "MoveCommand",
    "PlaceCommand",
    "RejectCommand",
    "RemoveClustersCommand",
    "RemoveNotesCommand",
    "RenameClusterCommand",
    "ResizeClusterCommand",
    "SetColourCommand",
    "SetMembershipCommand",
    "SetParentCommand",
    "SetVotesCommand",
    "SplitNoteCommand",
    "StoreCommand",
    "TidyClusterCommand",
    "Undo",
    "clusters_n",
    "notes_n",
    "quoted",
]
