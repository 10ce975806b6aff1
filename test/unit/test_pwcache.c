/* test_pwcache.c - passwd answers from the cache are libc's answers. */
#include "tap.h"
#include "lib/pwcache.h"
#include <string.h>
#include <unistd.h>

int main(void)
{
	struct passwd *c, *again, *pw;
	char name[64], dir[256];
	uid_t uid;

	plan(7);
	pw = getpwuid(0);
	if (pw == NULL)
		bail_out("no passwd entry for uid 0");
	snprintf(name, sizeof name, "%s", pw->pw_name);
	snprintf(dir, sizeof dir, "%s", pw->pw_dir);
	uid = pw->pw_uid;
	c = pwc_getpwnam(name);
	ok(c != NULL && c->pw_uid == uid && strcmp(c->pw_name, name) == 0 &&
	   strcmp(c->pw_dir, dir) == 0, "by name: libc's entry");
	again = pwc_getpwnam(name);
	ok(again == c, "asked again: the cached entry");
	(void)getpwnam("nobody");      /* libc's static entry overwritten */
	ok(strcmp(again->pw_name, name) == 0, "a copy, not libc's static storage");
	c = pwc_getpwuid(0);
	ok(c != NULL && strcmp(c->pw_name, name) == 0, "by uid: libc's entry");
	ok(pwc_getpwnam("no-such-user-pwcache-test") == NULL, "unknown user: NULL");
	ok(pwc_getpwnam("no-such-user-pwcache-test") == NULL, "unknown user asked again: NULL");
	pwc_flush();
	c = pwc_getpwnam(name);
	ok(c != NULL && c->pw_uid == uid, "after a flush: looked up again");
	return done_testing();
}
