# version.sh, sourced by the build scripts (and read the same way by the
# Makefile): the version from FyneApp.toml, the one place it is written,
# and the -X flags that stamp it into the binary with the commit, whether
# the tree had uncommitted changes, and the build date.
VERSION=$(sed -n 's/^Version *= *"\(.*\)"$/\1/p' FyneApp.toml)
BUILD_NUMBER=$(sed -n 's/^Build *= *\([0-9]*\)$/\1/p' FyneApp.toml)
COMMIT=$(git rev-parse HEAD 2>/dev/null || echo unknown)
# dist/ and bin/ are ignored, so building does not make the tree dirty.
DIRTY=$( [ -z "$(git status --porcelain 2>/dev/null)" ] && echo false || echo true)
BUILD_DATE=$(date -u +%Y-%m-%dT%H:%M:%SZ)
STAMP_LDFLAGS="-X ocopkiosk/buildinfo.Commit=$COMMIT -X ocopkiosk/buildinfo.Dirty=$DIRTY -X ocopkiosk/buildinfo.Date=$BUILD_DATE"
export VERSION BUILD_NUMBER COMMIT DIRTY BUILD_DATE STAMP_LDFLAGS
