#!/usr/bin/env bash
# install-deps.sh -- install the Debian packages needed to build and test
# this project (Debian 12 "bookworm"; run as root).  Only packages that are
# not installed yet are fetched, and `apt-get update` runs only when
# something is missing.  Used by .ci/run, contrib/quickstart.sh and
# `make deps`.
#
#   contrib/install-deps.sh                 build + test dependencies (default)
#   contrib/install-deps.sh --build [PKG..] only what `./configure && make`
#                                           needs, plus any PKGs named
set -euo pipefail

# Building: compiler, autoconf, and the libraries configure checks for.
build_pkgs=(
    build-essential autoconf automake pkg-config m4
    libssl-dev libdb5.3-dev libsasl2-dev libmilter-dev libldap-dev
)
# Testing: prove (perl), script interpreters, libFuzzer (clang and its
# runtime libraries), and tools the integration tests drive or inspect.
test_pkgs=(
    perl python3 clang libclang-rt-dev
    procmail db5.3-util openssl sasl2-bin libsasl2-modules swaks libnet-ssleay-perl
    iproute2 util-linux procps bind9 slapd ldap-utils
    mutt php-cli git-email libmailtools-perl monitoring-plugins-standard liblockfile1
)
# Clients test/integration/userland*.t drives that cannot be installed on a
# host without an MTA: bsd-mailx and logwatch depend on default-mta |
# mail-transport-agent (apt would bring exim4), and fail2ban's maintainer
# scripts start a daemon.  Their packages are only unpacked (dpkg-deb -x)
# into $CLIENTS/<package>; liblockfile1 (bsd-mailx's library) is installed
# above.
CLIENTS=${USERLAND_CLIENTS:-/opt/debian-clients}
extract_pkgs=(bsd-mailx logwatch fail2ban)

extract_clients() {
    local p tmp todo=()
    for p in "${extract_pkgs[@]}"; do
        [ -e "$CLIENTS/$p/.unpacked" ] || todo+=("$p")
    done
    [ ${#todo[@]} -eq 0 ] && return 0
    echo "install-deps: unpacking ${todo[*]} into $CLIENTS"
    tmp=$(mktemp -d)
    chmod 755 "$tmp"   # apt-get download runs as _apt where it can
    ( cd "$tmp" && apt-get download -q "${todo[@]}" </dev/null ) ||
        { apt-get update -q </dev/null && ( cd "$tmp" && apt-get download -q "${todo[@]}" </dev/null ); }
    for p in "${todo[@]}"; do
        rm -rf "${CLIENTS:?}/$p"; mkdir -p "$CLIENTS/$p"
        dpkg-deb -x "$tmp/${p}"_*.deb "$CLIENTS/$p"
        touch "$CLIENTS/$p/.unpacked"
    done
    rm -rf "$tmp"
}

want=("${build_pkgs[@]}")
clients=yes
case "${1:-}" in
    --build) shift; want+=("$@"); clients=no ;;
    ""|--all) want+=("${test_pkgs[@]}") ;;
    *) echo "usage: $0 [--all | --build [PACKAGE...]]" >&2; exit 2 ;;
esac

if [ "$(id -u)" -ne 0 ]; then
    echo "install-deps: must run as root (apt-get install)" >&2
    exit 1
fi

missing=()
for p in "${want[@]}"; do
    status=$(dpkg-query -W -f='${db:Status-Status}' "$p" 2>/dev/null || true)
    [ "$status" = installed ] || missing+=("$p")
done

if [ ${#missing[@]} -eq 0 ]; then
    echo "install-deps: all ${#want[@]} packages already installed"
    [ $clients = yes ] && extract_clients
    exit 0
fi

echo "install-deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -q </dev/null
apt-get install -y -q --no-install-recommends "${missing[@]}" </dev/null
[ $clients = no ] || extract_clients
