from django.test import RequestFactory
from ninja.errors import ValidationError

from casereview.api.api import api


def test_ninja_validation_errors_come_back_in_the_contract_error_shape():
    request = RequestFactory().get("/api/v1/anything")
    error = ValidationError([{"loc": ("query", "add"), "msg": "Input should be a valid integer"}])
    response = api.on_exception(request, error)
    assert response.status_code == 422
    assert response.content == (
        b'{"errors": [{"field": "add", "complaint": null, '
        b'"message": "Input should be a valid integer"}]}'
    )
