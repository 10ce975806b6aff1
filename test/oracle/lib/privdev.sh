# privdev.sh -- sourced inside a private mount namespace: replace /dev by a
# small tmpfs holding the usual device nodes (bound from the host's, which
# stays reachable under SAVE) and the fd links, so the sandbox can put its
# own /dev/log there without touching the host's /dev.
#   private_dev SAVE
private_dev() {
	mkdir -p "$1"
	mount --bind /dev "$1"
	mount -t tmpfs -o mode=755 sbxdev /dev
	for n in null zero full random urandom tty; do
		touch "/dev/$n"; mount --bind "$1/$n" "/dev/$n"
	done
	ln -s /proc/self/fd /dev/fd
	ln -s /proc/self/fd/0 /dev/stdin; ln -s /proc/self/fd/1 /dev/stdout; ln -s /proc/self/fd/2 /dev/stderr
	mkdir /dev/pts /dev/shm
}
