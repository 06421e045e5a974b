"""GET /api/v1/working-days."""

URL = "/api/v1/working-days"


def test_working_days_gives_the_due_date_and_explains_it(client):
    response = client.get(URL, {"from": "2025-12-20", "add": "3", "nation": "wales"})
    assert response.status_code == 200
    output = response.json()
    assert output["due"] == "2025-12-29"
    assert output["from"] == "2025-12-20"
    assert output["counted_from"] == "2025-12-22"
    assert output["nation"] == "wales"
    assert output["rule"] == "3 working days"
    assert output["explanation"][0] == (
        "Received on Saturday 20 December 2025, a non-working day: counted from Monday 22 December 2025."
    )


def test_the_nation_defaults_to_england_and_wales(client):
    output = client.get(URL, {"from": "2026-04-02", "add": "1"}).json()
    assert output["nation"] == "england-wales"
    assert output["due"] == "2026-04-07"


def test_bad_working_days_input_is_a_422_naming_each_field(client):
    response = client.get(URL, {"from": "2026-02-30", "add": "many", "nation": "scotland"})
    assert response.status_code == 422
    assert [error["field"] for error in response.json()["errors"]] == ["from", "add", "nation"]


def test_missing_working_days_input_is_a_422(client):
    response = client.get(URL)
    assert response.status_code == 422
    assert response.json()["errors"][0] == {
        "field": "from",
        "complaint": None,
        "message": "is required",
    }
