"""The production compose file publishes only the API (the Dagster UI on the host's
loopback), keeps everything else on an internal network, and takes every credential from
the environment with no default."""

import re

import yaml

from tests.stack import ROOT

COMPOSE = ROOT / "docker-compose.yml"
SECRETS = (
    "POSTGRES_PASSWORD",
    "REDIS_PASSWORD",
    "QDRANT_API_KEY",
    "MINIO_ROOT_USER",
    "MINIO_ROOT_PASSWORD",
    "GPU_SERVICE_API_KEY",
    "VLLM_API_KEY",
)


def test_only_the_api_is_published_and_the_rest_is_internal():
    spec = yaml.safe_load(COMPOSE.read_text())
    published = {name: s["ports"] for name, s in spec["services"].items() if s.get("ports")}
    assert published == {"api": ["8001:8001"], "dagster-webserver": ["127.0.0.1:3000:3000"]}
    assert spec["networks"]["backend"] == {"internal": True}
    for name, service in spec["services"].items():
        networks = set(service.get("networks", []))
        assert "backend" in networks, name
        allowed = {"edge"} if name in published else {"egress"} if name == "vllm" else set()
        assert networks - {"backend"} <= allowed, name


def test_every_credential_is_required_and_has_no_default():
    text = COMPOSE.read_text()
    for name in SECRETS:
        uses = re.findall(rf"\$\{{{name}([^}}]*)\}}", text)
        assert uses, f"{name} is not used"
        assert all(use.startswith(":?") for use in uses), f"{name} has a default: {uses}"
    assert "minioadmin" not in text
