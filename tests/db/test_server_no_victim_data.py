"""The center server holds no readable victim data: a ``pg_dump`` of a demo center, and the
database's own files on disk, contain none of its people's names, phones, addresses, notes or
summaries, while search and the duplicate check still find them."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest
from sqlalchemy import select, text

from helpers.world import NOW, World
from onestop_desk.db import models
from onestop_desk.db.server import parse_server_url
from onestop_desk.db.store import open_server_store
from onestop_desk.demo import generate_demo
from onestop_desk.domain.clock import fixed_clock
from onestop_desk.domain.text import digits

DEMO_CASES = 200


def _plain_url(url: str) -> str:
    return url.split("?", 1)[0].replace("postgresql+psycopg://", "postgresql://", 1)


@pytest.fixture
def demo_center(pg_cluster, pg_template, tmp_path):  # type: ignore[no-untyped-def]
    url = pg_cluster.create_database(template=pg_template)
    location, password = parse_server_url(_plain_url(url), pg_cluster.ca_file)
    store = open_server_store(
        location, password or "", folder=tmp_path, key=os.urandom(32), seed=False
    )
    world = World(store)
    generate_demo(store.sessions, DEMO_CASES, seed=13, clock=fixed_clock(NOW))
    # One case through the services too: related person, notes, a reply, an intake draft.
    from onestop_desk.domain.records import PersonInput, RelatedPersonInput
    from onestop_desk.domain.vocab import Relationship

    guardian = RelatedPersonInput(
        PersonInput(name="탁보호", phone="010-4242-1717"), Relationship.GUARDIAN, "밤에만 연락"
    )
    world.new_case(
        name="탁서비스",
        phone="010-8686-2323",
        related=(guardian,),
        summary="귀갓길 골목에서 폭행당함",
        incident_place="망원동 놀이터 앞",
    )
    world.c1.drafts.save_intake({"name": "탁초안", "phone": "010-5151-6262"})
    yield pg_cluster, url, pg_template, store, world
    store.close()
    pg_cluster.drop_database(url)


def _victim_texts(store) -> dict[str, set[str]]:  # type: ignore[no-untyped-def]
    """Every value the server must not show, read back (decrypted) through the store."""
    out: dict[str, set[str]] = {"names": set(), "phones": set(), "addresses": set(), "text": set()}
    with store.sessions() as s:
        for p in s.scalars(select(models.Person)):
            out["names"].add(p.name)
            for phone in (p.phone, p.phone2):
                if phone:
                    out["phones"] |= {phone, digits(phone)}
            if p.address:
                out["addresses"].add(p.address)
            out["text"] |= {p.safe_contact_note, p.safe_hours, p.email}
        for c in s.scalars(select(models.Case)):
            out["text"] |= {c.summary, c.support_received, c.outcome, c.incident_place}
            out["text"] |= {c.police_office, c.prosecution_office, c.offender_relation}
            out["text"].add(c.police_case_number)
        for row in s.scalars(select(models.CasePerson)):
            out["text"].add(row.note)
        for r in s.scalars(select(models.Referral)):
            out["text"] |= {r.reason, r.reply_result, r.reply_note}
        for n in s.scalars(select(models.Need)):
            out["text"].add(n.note)
        out["text"] |= {"탁초안", "010-5151-6262"}
        # Staff names are not victim data and stay readable: an agency's handler of a reply,
        # the center's accounts. A generated victim may share one; such a name proves nothing.
        staff = set(s.scalars(select(models.Referral.reply_handler)))
        staff |= set(s.scalars(select(models.User.display_name)))
    return {
        kind: {v for v in values if v and v.strip() and v not in staff}
        for kind, values in out.items()
    }


def _pg_dump(cluster, url: str) -> str:  # type: ignore[no-untyped-def]
    exe = cluster.bindir / "pg_dump"
    done = subprocess.run(
        [
            str(exe if exe.exists() else "pg_dump"),
            "--no-owner",
            "-d",
            cluster.conninfo(cluster.database_name(url)),
        ],
        check=True,
        capture_output=True,
    )
    return done.stdout.decode("utf-8")


def _database_files(cluster, store) -> bytes:  # type: ignore[no-untyped-def]
    """The database's table, index and TOAST files after a checkpoint, and the WAL."""
    with store.engine.connect() as connection:
        oid = connection.execute(
            text("SELECT oid FROM pg_database WHERE datname = current_database()")
        ).scalar_one()
    with cluster.connect_admin() as admin:
        admin.execute("CHECKPOINT")
    chunks = []
    for folder in (cluster.data_dir / "base" / str(oid), cluster.data_dir / "pg_wal"):
        for path in sorted(Path(folder).rglob("*")):
            if path.is_file():
                chunks.append(path.read_bytes())
    return b"\n".join(chunks)


def test_a_dump_and_the_files_of_a_demo_center_show_no_victim_data(demo_center):
    cluster, url, template, store, world = demo_center
    # A word that the directory and vocabulary shipped with the program hold already
    # ("가족" as an offender relation) says nothing about anyone: only look for the rest.
    shipped = _pg_dump(cluster, cluster.url(template))
    texts = {
        kind: {v for v in values if v not in shipped}
        for kind, values in _victim_texts(store).items()
    }
    assert len(texts["names"]) > DEMO_CASES // 2  # demo names repeat, as real ones do
    assert len(texts["addresses"]) >= DEMO_CASES // 2
    assert len(texts["text"]) > 10

    dump = _pg_dump(cluster, url)
    # The dump is of the right database, and what is not victim data is there to read.
    with store.sessions() as s:
        case_numbers = list(s.scalars(select(models.Case.case_number)))
    assert all(number in dump for number in case_numbers)

    files = _database_files(cluster, store)
    for kind, values in texts.items():
        in_dump = sorted(v for v in values if v in dump)
        assert not in_dump, f"{kind} readable in pg_dump: {in_dump[:5]}"
        in_files = sorted(v for v in values if v.encode("utf-8") in files)
        assert not in_files, f"{kind} readable in the database files: {in_files[:5]}"

    # And the server still finds them: by name, 초성, phone, and as a duplicate.
    service_case = world.lead.cases.search_ids("탁서비스")
    assert len(service_case) == 1
    assert world.lead.cases.search_ids("ㅌㅅㅂㅅ") == service_case
    assert service_case[0] in world.lead.cases.search_ids("2323")
    assert service_case[0] in world.lead.cases.search_ids("탁보")  # the guardian: 2 characters
    some_demo_name = sorted(texts["names"])[0]
    assert world.lead.cases.search_ids(some_demo_name)
    found = world.lead.cases.find_duplicates("전혀다른", None, ["010-8686-2323"])
    assert [d.case_id for d in found] == service_case
