#!/usr/bin/env bash
# quickstart.sh -- from a fresh Debian 12 checkout to a running sandbox, as root:
#
#     contrib/quickstart.sh
#
# 1. installs the build dependencies with apt-get (only what is missing);
# 2. configures and builds (build/sendmail);
# 3. makes a self-contained sandbox under $QUICKSTART_DIR
#    (default /var/lib/sendmail-quickstart): etc/mail/sendmail.cf, aliases,
#    spool/mqueue, run/;
#    the cf comes from cf/cf/sandbox.mc (GNU m4 and our cf/ tree) when the
#    tree exists, else from the hand-written contrib/quickstart.cf;
# 4. shows the rewriting engine with `sendmail -bt` on a few addresses;
# 5. starts the daemon on 127.0.0.1:2525 when this build supports -bd,
#    else says so.  Nothing outside the sandbox is touched, and port 25 is
#    left alone.
set -euo pipefail

top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"
sandbox=${QUICKSTART_DIR:-/var/lib/sendmail-quickstart}
port=2525

say() { printf '\n== %s\n' "$*"; }

if [ "$(id -u)" -ne 0 ]; then
    echo "quickstart: run as root (it installs packages and binds a port)" >&2
    exit 1
fi

say "installing build dependencies"
# procmail is the local delivery agent of the quickstart configuration.
contrib/install-deps.sh --build procmail

say "building"
if [ ! -f config.mk ] || [ configure.ac -nt config.mk ] || [ config.mk.in -nt config.mk ]; then
    autoreconf -fi
    ./configure
fi
make -j"$(nproc)"
sm=$top/build/sendmail
if [ ! -x "$sm" ]; then
    echo "quickstart: $sm was not built (is src/sendmail/ empty?)" >&2
    exit 1
fi

say "creating the sandbox in $sandbox"
# sendmail refuses unsafe paths: every directory on the way to the cf, the
# queue and the alias file must be owned by root and not group/world-writable.
install -d -m 0755 "$sandbox" "$sandbox/etc" "$sandbox/etc/mail" "$sandbox/run"
install -d -m 0755 "$sandbox/spool"
install -d -m 0700 "$sandbox/spool/mqueue"
cf=$sandbox/etc/mail/sendmail.cf

# A qualified name for $j (an unqualified host name makes an MTA complain).
host=$(timeout 5 hostname -f 2>/dev/null || hostname)
case $host in
    *.*) ;;
    *) host=$host.localdomain ;;
esac

made_cf=no
if [ -f cf/cf/sandbox.mc ] && [ -f cf/m4/cf.m4 ]; then
    m4=$(sed -n 's/^M4 *= *//p' config.mk)
    if "${m4:-m4}" -D_CF_DIR_="$top/cf/" -DQUICKSTART_DIR="$sandbox" \
        cf/m4/cf.m4 cf/cf/sandbox.mc >"$cf.new" 2>"$sandbox/m4.log"; then
        mv "$cf.new" "$cf"
        made_cf=yes
        echo "sendmail.cf generated from cf/cf/sandbox.mc"
    else
        echo "m4 failed on cf/cf/sandbox.mc (see $sandbox/m4.log); using contrib/quickstart.cf"
        rm -f "$cf.new"
    fi
fi
if [ $made_cf = no ]; then
    sed -e "s|@SANDBOX@|$sandbox|g" -e "s|@HOSTNAME@|$host|g" contrib/quickstart.cf >"$cf"
    echo "sendmail.cf made from contrib/quickstart.cf (host name $host)"
fi
chmod 0644 "$cf"

aliases=$sandbox/etc/mail/aliases
if [ ! -f "$aliases" ]; then
    cat >"$aliases" <<'EOF'
# aliases for the quickstart sandbox; rebuild with: sendmail -C sendmail.cf -bi
MAILER-DAEMON: postmaster
postmaster: root
EOF
fi
: >>"$sandbox/etc/mail/statistics"
# Build the alias database; not fatal if this build cannot do it yet.
timeout 30 "$sm" -C "$cf" -bi </dev/null || echo "(newaliases -bi not supported by this build yet)"

say "address test mode: sendmail -C $cf -bt"
demo=(
    "3,0 root@localhost"
    "3,0 Jane Doe <jane@$host>"
    "3,0 postmaster"
    "3,0 someone@example.com"
)
printf '%s\n' "${demo[@]}"
echo "--"
printf '%s\n' "${demo[@]}" | timeout 30 "$sm" -C "$cf" -bt || echo "(sendmail -bt exited with status $?)"

say "daemon"
pidfile=$sandbox/run/sendmail.pid
if [ -s "$pidfile" ]; then
    old=$(head -n 1 "$pidfile")
    if [ -n "$old" ] && kill -0 "$old" 2>/dev/null; then
        echo "stopping the previous quickstart daemon (pid $old)"
        kill "$old" || true
        for _ in 1 2 3 4 5 6 7 8 9 10; do
            kill -0 "$old" 2>/dev/null || break
            sleep 0.5
        done
    fi
fi
listening() { ss -ltn "sport = :$port" 2>/dev/null | grep -q LISTEN; }
started=no
if timeout 30 "$sm" -C "$cf" -bd -q30m </dev/null >"$sandbox/daemon.log" 2>&1; then
    for _ in 1 2 3 4 5 6 7 8 9 10; do
        if listening; then started=yes; break; fi
        sleep 0.5
    done
fi
if [ $started = yes ]; then
    cat <<EOF
The daemon listens on 127.0.0.1:$port (pid file $pidfile).
Try it:   swaks --server 127.0.0.1:$port --to root@localhost
          (apt-get install swaks), or talk SMTP with: telnet 127.0.0.1 $port
Queue:    $sm -C $cf -bp
Stop it:  kill \$(head -n 1 $pidfile)
EOF
else
    cat <<EOF
This build does not run the SMTP daemon (-bd) yet: the engine comes first
(sendmail -bt, -bv, -C, -O, -d0.1), and the address test above is what it
can show today.  Output of the attempt, if any: $sandbox/daemon.log
To explore by hand:
    $sm -C $cf -bt
    $sm -C $cf -bv root@localhost
EOF
fi
