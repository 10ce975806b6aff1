/* test_biff.c - mail.local's reading of /etc/services lines for biff/udp
 * (src/tools/mail.local/biff.c, compiled in here). */
#include "tap.h"
#include "../../src/tools/mail.local/biff.c"

int main(void)
{
	plan(10);
	is_int(biff_port_in("biff\t\t512/udp\t\tcomsat\n"), 512, "Debian's line, by name");
	is_int(biff_port_in("comsat 512/udp biff\n"), 512, "by alias");
	is_int(biff_port_in("biff 512/tcp\n"), 0, "tcp is not it");
	is_int(biff_port_in("# biff 512/udp\n"), 0, "a comment");
	is_int(biff_port_in("biff 600/udp # moved\n"), 600, "a comment after the entry");
	is_int(biff_port_in("biffx 512/udp\n"), 0, "another name");
	is_int(biff_port_in("biff abc/udp\n"), 0, "no number");
	is_int(biff_port_in("biff 70000/udp\n"), 0, "out of range");
	is_int(biff_port_in("  biff 512/udp\n"), 512, "leading blanks");
	is_int(biff_port_in("\n"), 0, "an empty line");
	return done_testing();
}
