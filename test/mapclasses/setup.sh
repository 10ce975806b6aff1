#!/bin/bash
# Fill the work directory of run.sh: the programs the program-map cases
# run, the member files of the sequence and switch cases, and the
# service switch files.  setup.sh WORKDIR
set -e
W=$1
mk() { printf '%s\n' "#!/bin/sh" "$2" > "$W/$1"; chmod 755 "$W/$1"; }
mk echo.sh 'echo "value of $*"'
mk args.sh 'echo "n=$# 1=$1 2=$2 3=$3 uid=$(id -u) gid=$(id -g)"'
mk multi.sh 'echo first line; echo second line'
mk noeol.sh 'printf "no newline"'
mk empty.sh 'exit 0'
mk blankline.sh 'echo'
mk fail1.sh 'echo failing value; exit 1'
mk fail75.sh 'echo tempfailing; exit 75'
mk failsilent.sh 'exit 3'
mk slow.sh 'sleep 2; echo late'
mk signal.sh 'echo killed; kill -9 $$'
mk stderr.sh 'echo to stderr >&2; echo out'
mk spaces.sh 'echo "  a  b	c  "'
mk special.sh 'echo "<x@y> (c) \"q\" a,b"'
printf 'echo hi\n' > "$W/noexec.sh"; chmod 644 "$W/noexec.sh"
mkdir -p "$W/wdir"; chmod 777 "$W/wdir"; mk wdir/echo.sh 'echo from writable dir'
printf 'one\tONE\ntwo\tTWO\nboth\tBOTH1\n' > "$W/t1.txt"
printf 'three\tTHREE\nboth\tBOTH2\nfour\tFOUR\n' > "$W/t2.txt"
printf 'five\tFIVE\n' > "$W/t3.txt"
printf '# switch file\naliases\tfiles nis\nhosts\tdns files\nfoo files\nbar\tnis files nisplus\nbaz\n' > "$W/switch"
chmod 644 "$W"/*.txt "$W/switch"
mk firstsleep.sh 'echo quick; sleep 3; echo later'
mk len.sh 'printf "%0${1}d\n" 7'
