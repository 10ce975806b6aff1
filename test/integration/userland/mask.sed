# mask.sed -- what differs between two runs of the same case: dates,
# queue ids, pids, message ids, delays (userland.t compares masked files)
s/[0-9A-Za-x]\{8\}[0-9]\{6\}/QID/g
s/\(Mon\|Tue\|Wed\|Thu\|Fri\|Sat\|Sun\), [ 0-9]\{1,2\} [A-Z][a-z][a-z] [0-9]\{4\} [0-9:]\{8\} \([-+][0-9]\{4\}\|GMT\|UTC\)\( ([A-Z]*)\)\?/DATE/g
s/\(Mon\|Tue\|Wed\|Thu\|Fri\|Sat\|Sun\) [A-Z][a-z][a-z] [ 0-9][0-9] [0-9:]\{8\} [0-9]\{4\}/DATE/g
s/^<\([0-9]*\)>[A-Z][a-z][a-z] [ 0-9][0-9] [0-9:]\{8\} \([^[]*\)\[[0-9]*\]:/<\1>DATE \2[PID]:/
s/\(delay\)=[0-9:+]*/\1=D/g
s/<[0-9]\{12\}\.QID@/<STAMP.QID@/g
s/^\(Message-I[Dd]: <\)[^@]*@/\1ID@/
s/msgid=<[^@]*@/msgid=<ID@/
s/ [A-Z][a-z][a-z] [ 0-9][0-9] [0-9][0-9]:[0-9][0-9] / TIME /
s/\(QID\)\.[0-9]\{10\}\//\1.TIME\//g
