from onestop_desk.db.repositories import SettingsRepository


def test_draft_round_trip_per_account(world):
    assert world.c1.drafts.load_intake() is None
    world.c1.drafts.save_intake({"name": "홍길동", "step": 1})
    draft = world.c1.drafts.load_intake()
    assert draft is not None
    assert draft.fields == {"name": "홍길동", "step": 1}
    assert world.c2.drafts.load_intake() is None  # one draft per account
    world.c1.drafts.discard_intake()
    assert world.c1.drafts.load_intake() is None


def test_draft_lives_in_the_encrypted_database(world, store, tmp_path):
    world.c1.drafts.save_intake({"name": "김영희"})
    with store.sessions.begin() as s:
        row = SettingsRepository(s).get(f"draft:intake:{world.c1.actor.user_id}")
    assert row["fields"]["name"] == "김영희"
    # nothing readable next to the database: the store file is encrypted, no side files
    for path in tmp_path.rglob("*"):
        if path.is_file():
            assert "김영희".encode() not in path.read_bytes()
