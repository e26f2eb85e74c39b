#!/usr/bin/env bash
# Builds the notebook runner image with no registry: a Debian root filesystem from the mirror apt
# already uses, the Python packages of runner-packages.txt, a non-root user, imported with `podman import`.
# The image carries a label with the hash of what it was built from (the package list and this
# script): an image whose label matches is reused, any other (or none) is rebuilt, so a machine
# with an older image rebuilds once. --force rebuilds anyway.
# Users with Docker and a registry can build workers/runner/Dockerfile instead.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
IMAGE=${VIZMINE_RUNNER_IMAGE:-localhost/vizmine-runner:latest}
export CONTAINERS_CONF=${CONTAINERS_CONF:-$HERE/containers.conf}
LISTS=("$HERE/runner-packages.txt")
# The full image (torch, opencv, geopandas, cartopy, …) takes several GB more and much longer to build.
if [[ "${VIZMINE_RUNNER_FULL:-}" == 1 ]]; then LISTS+=("$HERE/runner-packages-full.txt"); fi
PACKAGES=$(sed 's/#.*//' "${LISTS[@]}" | xargs)
RECIPE=$(cat "${LISTS[@]}" "$0" | sha256sum | cut -c1-16)
if [[ "${1:-}" != "--force" ]] && podman image exists "$IMAGE"; then
  have=$(podman image inspect --format '{{ index .Labels "vizmine.recipe" }}' "$IMAGE" 2>/dev/null || true)
  if [[ "$have" == "$RECIPE" ]]; then
    echo "runner image $IMAGE is up to date (recipe $RECIPE); reusing it"
    exit 0
  fi
  echo "runner image $IMAGE was built from recipe '${have:-none}', not $RECIPE: rebuilding"
fi
t0=$SECONDS
MIRROR=$(awk '/^URIs:/{print $2; exit}' /etc/apt/sources.list.d/debian.sources 2>/dev/null || true)
MIRROR=${MIRROR:-http://deb.debian.org/debian}
ROOTFS=$(mktemp -d /var/tmp/vizmine-rootfs.XXXXXX)
trap 'rm -rf "$ROOTFS"' EXIT
echo "debootstrap bookworm from $MIRROR"
debootstrap --variant=minbase bookworm "$ROOTFS" "$MIRROR" >/dev/null
echo "installing $(wc -w <<<"$PACKAGES") Python packages in the image"
# dpkg syncs every file it unpacks; on a busy disk that made the install crawl (~10 packages a minute).
# The root filesystem is thrown away if anything fails, so unsafe I/O costs nothing here.
chroot "$ROOTFS" apt-get install -y -qq --no-install-recommends -o Dpkg::Options::=--force-unsafe-io $PACKAGES >/dev/null
chroot "$ROOTFS" apt-get clean
rm -rf "$ROOTFS"/var/lib/apt/lists/* "$ROOTFS"/usr/share/doc/* "$ROOTFS"/usr/share/man/*
# The notebooks run as this user (uid 1000), never as root.
chroot "$ROOTFS" useradd --uid 1000 --create-home --shell /bin/bash runner
mkdir -p "$ROOTFS/kaggle/input" "$ROOTFS/kaggle/working"
chroot "$ROOTFS" chown runner:runner /kaggle/working
echo "importing $IMAGE"
tar -C "$ROOTFS" -c . | podman import --change 'CMD ["/bin/bash"]' --change 'USER 1000:1000' --change 'WORKDIR /kaggle/working' \
  --change "LABEL vizmine.recipe=$RECIPE" - "$IMAGE" >/dev/null
echo "built $IMAGE (recipe $RECIPE) in $((SECONDS - t0)) s; $(podman image inspect --format '{{.Size}}' "$IMAGE") bytes"
