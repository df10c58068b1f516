#!/usr/bin/env bash
# Builds the image salescoach-live:latest from the repository root with deploy/Dockerfile (which builds and publishes
# the server and its wallboard itself). Same as `docker compose build`.
set -euo pipefail
cd "$(dirname "$0")/.."
docker build -t salescoach-live:latest -f deploy/Dockerfile .
