# newpid.sh -- sourced inside the sandbox by daemon tests; needs P (pid
# file), PORT and L.  newpid OLD: wait (10 s at most) until the pid file
# names a live daemon other than OLD that listens on PORT; print its pid.
newpid() {
	local i p
	for i in $(seq 100); do
		p=$(head -1 $P 2>/dev/null)
		if [ -n "$p" ] && [ "$p" != "$1" ] && kill -0 "$p" 2>/dev/null &&
			python3 "$L/waitport.py" 127.0.0.1 $PORT 2>/dev/null; then echo "$p"; return; fi
		sleep 0.1
	done
}
