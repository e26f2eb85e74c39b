#!/usr/bin/env bash
# Builds the notebook runner image with no registry: a Debian root filesystem from the mirror apt
# already uses, Debian's Python data-science packages, a non-root user, imported with `podman import`.
# About 2 minutes; an existing image is reused (pass --force to rebuild).
# Users with Docker and a registry can build workers/runner/Dockerfile instead.
set -euo pipefail
IMAGE=${VIZMINE_RUNNER_IMAGE:-localhost/vizmine-runner:latest}
export CONTAINERS_CONF=${CONTAINERS_CONF:-$(cd "$(dirname "$0")" && pwd)/containers.conf}
if [[ "${1:-}" != "--force" ]] && podman image exists "$IMAGE"; then
  echo "runner image $IMAGE already exists; reusing it"
  exit 0
fi
MIRROR=$(awk '/^URIs:/{print $2; exit}' /etc/apt/sources.list.d/debian.sources 2>/dev/null || true)
MIRROR=${MIRROR:-http://deb.debian.org/debian}
ROOTFS=$(mktemp -d /var/tmp/vizmine-rootfs.XXXXXX)
trap 'rm -rf "$ROOTFS"' EXIT
echo "debootstrap bookworm from $MIRROR"
debootstrap --variant=minbase bookworm "$ROOTFS" "$MIRROR" >/dev/null
echo "installing Python packages in the image"
chroot "$ROOTFS" apt-get install -y -qq --no-install-recommends \
  python3-nbclient python3-ipykernel python3-nbformat python3-matplotlib python3-matplotlib-inline \
  python3-pandas python3-seaborn python3-sklearn python3-scipy python3-plotly >/dev/null
chroot "$ROOTFS" apt-get clean
rm -rf "$ROOTFS"/var/lib/apt/lists/*
# The notebooks run as this user (uid 1000), never as root.
chroot "$ROOTFS" useradd --uid 1000 --create-home --shell /bin/bash runner
mkdir -p "$ROOTFS/kaggle/input" "$ROOTFS/kaggle/working"
chroot "$ROOTFS" chown runner:runner /kaggle/working
echo "importing $IMAGE"
tar -C "$ROOTFS" -c . | podman import --change 'CMD ["/bin/bash"]' --change 'USER 1000:1000' --change 'WORKDIR /kaggle/working' - "$IMAGE" >/dev/null
echo "built $IMAGE"
