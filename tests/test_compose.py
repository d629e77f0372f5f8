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
    assert published == {
        "api": ["8001:8001"],
        "dagster-webserver": ["127.0.0.1:3000:3000"],
        "prometheus": ["127.0.0.1:9090:9090"],
    }
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


def test_alert_rules_are_well_formed_and_use_exported_metrics():
    """promtool is not installable here: the rules' shape, and that every metric they
    name is one the services export (or Prometheus's own `up`)."""
    exported = {"up"}
    for source in ("st_resources/metrics.py", "api/metrics.py", "gpu_service/metrics.py"):
        exported |= set(re.findall(r'gauge\(\s*"(\w+)"', (ROOT / source).read_text()))
    exported |= {"http_request_duration_seconds_bucket"}  # prometheus-fastapi-instrumentator
    rules = yaml.safe_load((ROOT / "deploy/prometheus/alerts.yml").read_text())
    config = yaml.safe_load((ROOT / "deploy/prometheus/prometheus.yml").read_text())
    assert config["rule_files"] == ["/etc/prometheus/alerts.yml"]
    assert {job["job_name"] for job in config["scrape_configs"]} == {"api", "gpu_service"}
    (group,) = rules["groups"]
    names = set()
    for rule in group["rules"]:
        assert set(rule) == {"alert", "expr", "for", "labels", "annotations"}, rule
        assert rule["labels"]["severity"] in {"page", "ticket"}
        assert rule["annotations"]["summary"]
        used = set(re.findall(r"\b(st_\w+|up|http_\w+)\b", rule["expr"]))
        assert used and used <= exported, (rule["alert"], used - exported)
        names.add(rule["alert"])
    assert {"RecordingsFailing", "EngineUnavailable", "CircuitOpen", "ServiceDown"} <= names
