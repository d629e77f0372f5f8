import pytest
from dagster import DagsterInstance


@pytest.fixture
def instance():
    with DagsterInstance.ephemeral() as inst:
        yield inst
