"""`python -m gpu_service [--host H] [--port P]`: one uvicorn worker, one loaded model.

One worker on purpose: each would load its own model and fight the others for the cores.
"""

from __future__ import annotations

import argparse
import ipaddress
import socket

import uvicorn

from st_resources.settings import get_settings


def main() -> None:
    settings = get_settings()
    parser = argparse.ArgumentParser(prog="python -m gpu_service", description=__doc__)
    parser.add_argument("--host", default=settings.gpu_service_host)
    parser.add_argument("--port", type=int, default=settings.gpu_service_port)
    parser.add_argument("--log-level", default="info")
    args = parser.parse_args()
    if not settings.gpu_service_api_key and not _loopback(args.host):
        parser.error(
            f"listening on {args.host} needs GPU_SERVICE_API_KEY set: its /v1 routes would "
            "otherwise serve anyone who can reach the port"
        )
    uvicorn.run("gpu_service.main:app", host=args.host, port=args.port, log_level=args.log_level)


def _loopback(host: str) -> bool:
    try:
        return all(
            ipaddress.ip_address(info[4][0]).is_loopback for info in socket.getaddrinfo(host, None)
        )
    except (OSError, ValueError):
        return False


if __name__ == "__main__":
    main()
