def test_the_api_docs_are_reachable(client):
    response = client.get("/api/docs")
    assert response.status_code == 200
    assert b"Case Review API" in response.content or b"swagger" in response.content.lower()


def test_the_openapi_document_describes_both_public_endpoints(client):
    document = client.get("/api/openapi.json").json()
    assert document["info"]["title"] == "Case Review API"
    assert "/api/v1/threshold-check" in document["paths"]
    assert "/api/v1/working-days" in document["paths"]
    threshold = document["paths"]["/api/v1/threshold-check"]["post"]
    assert (
        "application_date"
        in threshold["requestBody"]["content"]["application/json"]["schema"]["properties"]
    )
    assert "422" in threshold["responses"]
    assert document["paths"]["/api/v1/working-days"]["get"].get("security") is None
