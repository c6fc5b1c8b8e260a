from onrecord.extraction.names import NameResolver, refers_to


def test_surname_refers_to_full_name() -> None:
    assert refers_to(("Müller",), ("Anna", "Müller"))
    assert not refers_to(("Anna",), ("Peter", "Müller"))


def test_surname_first_names() -> None:
    assert refers_to(("Moon",), ("Moon", "Jae-in"))
    assert refers_to(("Xi",), ("Xi", "Jinping"))


def test_german_genitive() -> None:
    assert refers_to(("Merkels",), ("Angela", "Merkel"))


def test_resolver_keeps_fullest_name_and_separates_namesakes() -> None:
    r = NameResolver()
    a = r.add((0, 11), "Anna Müller")
    p = r.add((20, 32), "Peter Müller")
    later = r.add((40, 46), "Müller")
    assert a is not p
    assert later is p  # a bare surname goes to the most recent namesake
    assert a.name == "Anna Müller" and p.mentions == [(20, 32), (40, 46)]


def test_resolver_upgrades_name_when_fuller_form_follows() -> None:
    r = NameResolver()
    first = r.add((0, 4), "Moon")
    full = r.add((10, 22), "Moon Jae-in")
    assert first is full and full.name == "Moon Jae-in"


def test_organisation_does_not_absorb_the_place_in_its_name() -> None:
    r = NameResolver()
    uni = r.add((0, 19), "Universität Leipzig", "organization")
    city = r.add((40, 47), "Leipzig", "location")
    assert uni is not city


def test_person_keeps_surname_even_when_kind_differs() -> None:
    r = NameResolver()
    full = r.add((0, 11), "Anna Berger", "person")
    assert r.add((30, 36), "Berger", "organization") is full
