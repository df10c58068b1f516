#!/usr/bin/env bash
# Publishes the server self-contained into deploy/publish and builds the image salescoach-live:latest.
set -euo pipefail
cd "$(dirname "$0")/.."
rm -rf deploy/publish
dotnet publish src/SalesCoach.Live.Server -c Release -r linux-x64 --self-contained -o deploy/publish
docker build -t salescoach-live:latest -f deploy/Dockerfile deploy
