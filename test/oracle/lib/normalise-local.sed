# normalise-local.sed -- extra normalisation applied by run_scenario.py to
# BOTH the oracle's .norm files and our normalised output (after
# normalise.sed), for things the oracle's normaliser leaves run dependent.
# Apply with:  sed -E -f lib/normalise-local.sed FILE
#
# 1. ls -l time stamps: "-rw-r----- 1 root mail 12288 Nov 21 23:43 /etc/x.db"
s/^([-dlcbps][-rwxsStT]{9}[.+]? +[0-9]+ +[^ ]+ +[^ ]+ +[0-9]+ )(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) [ 0-9][0-9] ([0-9]{2}:[0-9]{2}| [0-9]{4}) /\1<LSDATE> /
# 2. queue file names: qf/df/xf/tf/Qf/hf + queue id ("qf6ALNh6Et000176"),
#    which normalise.sed leaves alone because a letter precedes the id
s/(^|[^0-9A-Za-z])([dqxtQh]f)[0-9A-Za-x]{8}[0-9]{6}([^0-9A-Za-z]|$)/\1\2<QID>\3/g
# 3. mailq -v dates without weekday: "<QID>        9      30023 Nov 21 23:43 root"
s/^(<QID>[* X-]? +[0-9]+ +[0-9]+ )(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) [ 0-9][0-9] [0-9]{2}:[0-9]{2} /\1<MQDATE> /
