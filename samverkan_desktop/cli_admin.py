"""The commands for whoever runs the PostgreSQL server (a council's IT department):

    samverkan-desktop grant 'postgresql://host/db?workshop=KEY' ROLE reader|facilitator|none
    samverkan-desktop upgrade 'postgresql://host/db[?workshop=KEY]'

Without `workshop=` each acts on every workshop on the database. Both run as the role that owns
the workshops (core/store_admin.py says why); the password comes as for the other commands
(cli_server.asking). `upgrade` does each workshop in a transaction of its own and prints one
line for each; a workshop it could not upgrade is an error line of its own (exit code 1), left
as it was, and the others are done all the same.
"""

from __future__ import annotations

import argparse
import sys

from samverkan_desktop.cli_commands import PROG, CliError, said
from samverkan_desktop.cli_text import say
from samverkan_desktop.core.store_file import is_server_url

ACCESS = ("reader", "facilitator", "none")


# SQLAlchemy and the server's modules are imported in the commands: `info` on a file starts
# without them (core.store_summary).
def _server_address(location: str, lang: str) -> tuple[str, str | None]:
    from samverkan_desktop.core import store_server

    if not is_server_url(location):
        raise CliError(say("admin.not_server", lang, given=location))
    return store_server.split_workshop(location)


def _shown(address: str) -> str:
    from samverkan_desktop.core import store_server

    return store_server.shown(store_server.server_url(address))


def cmd_grant(ns: argparse.Namespace) -> int:
    from samverkan_desktop.cli_server import asking  # here: the other commands start without it
    from samverkan_desktop.core import store_admin
    from samverkan_desktop.core.store import Store

    lang = ns.ui_language
    address, key = _server_address(ns.address, lang)
    if key is not None:
        asking(address, lang, lambda a: Store.grant(a, key, ns.role, ns.access))
        target = say("grant.one", lang, name=key)
    else:
        keys = asking(address, lang, lambda a: store_admin.grant_every(a, ns.role, ns.access))
        target = say("grant.every", lang, n=len(keys), server=_shown(address))
    print(say(f"grant.{ns.access}", lang, role=ns.role, target=target))
    return 0


def cmd_upgrade(ns: argparse.Namespace) -> int:
    from samverkan_desktop.cli_server import asking
    from samverkan_desktop.core import store_admin

    lang = ns.ui_language
    address, key = _server_address(ns.address, lang)
    done = asking(address, lang, lambda a: store_admin.upgrade(a, key))
    if not done:
        print(say("upgrade.none", lang, server=_shown(address)))
    failed = 0
    for one in done:
        if one.failure is not None:
            failed += 1
            line = " ".join(said(one.failure, lang).split())
            print(say("error", lang, prog=PROG, text=line), file=sys.stderr, flush=True)
        elif one.before == one.after:
            print(say("upgrade.current", lang, name=one.key, rev=one.after), flush=True)
        else:
            before = one.before or "–"
            print(say("upgrade.done", lang, name=one.key, before=before, after=one.after))
    return 1 if failed else 0
