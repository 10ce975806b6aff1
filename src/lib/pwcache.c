/* pwcache.c - passwd entries looked up once, not once per question (see pwcache.h). */
#include "lib/pwcache.h"
#include "lib/xalloc.h"
#include <string.h>
#include <time.h>

#define PWC_SLOTS 16

typedef struct pwc_ent {
	bool used, found, byuid;
	uid_t uid;           /* the key for byuid */
	char *name;          /* the key otherwise */
	time_t when;
	struct passwd pw;
	char *strs;          /* pw's strings, one allocation */
} pwc_ent_t;

static pwc_ent_t ents[PWC_SLOTS];
static unsigned next_slot;

static void ent_clear(pwc_ent_t *e)
{
	free(e->name);
	free(e->strs);
	memset(e, 0, sizeof *e);
}

static size_t slen(const char *s)
{
	return s != NULL ? strlen(s) + 1 : 1;
}

/* s copied at *pp (NULL as ""), advancing *pp */
static char *put(char **pp, const char *s)
{
	char *d = *pp;
	size_t n = slen(s);

	if (s != NULL)
		memcpy(d, s, n);
	else
		d[0] = '\0';
	*pp += n;
	return d;
}

static void ent_fill(pwc_ent_t *e, const struct passwd *pw)
{
	char *p;

	e->found = pw != NULL;
	if (pw == NULL)
		return;
	e->pw = *pw;
	e->strs = p = xmalloc(slen(pw->pw_name) + slen(pw->pw_passwd) + slen(pw->pw_gecos) +
			      slen(pw->pw_dir) + slen(pw->pw_shell));
	e->pw.pw_name = put(&p, pw->pw_name);
	e->pw.pw_passwd = put(&p, pw->pw_passwd);
	e->pw.pw_gecos = put(&p, pw->pw_gecos);
	e->pw.pw_dir = put(&p, pw->pw_dir);
	e->pw.pw_shell = put(&p, pw->pw_shell);
}

/* the entry answering (byuid, uid, name), NULL when none is fresh */
static pwc_ent_t *find(bool byuid, uid_t uid, const char *name, time_t now)
{
	size_t i;

	for (i = 0; i < PWC_SLOTS; i++) {
		pwc_ent_t *e = &ents[i];
		if (!e->used || e->byuid != byuid)
			continue;
		if (byuid ? e->uid != uid : strcmp(e->name, name) != 0)
			continue;
		if (now - e->when > PWC_TTL || now < e->when) {
			ent_clear(e);
			return NULL;
		}
		return e;
	}
	return NULL;
}

static pwc_ent_t *new_slot(void)
{
	pwc_ent_t *e = &ents[next_slot++ % PWC_SLOTS];

	ent_clear(e);
	e->used = true;
	return e;
}

/* the passwd name service's modules loaded now (a lookup of a name no
 * system has): a daemon does this once, its children inherit them
 * instead of loading them per connection */
void pwc_preload(void)
{
	(void)getpwnam("-sendmail-nss-preload-");
	endpwent();
}

struct passwd *pwc_getpwnam(const char *name)
{
	time_t now = time(NULL);
	pwc_ent_t *e = find(false, 0, name, now);

	if (e == NULL) {
		struct passwd *pw = getpwnam(name);
		e = new_slot();
		e->name = xstrdup(name);
		e->when = now;
		ent_fill(e, pw);
	}
	return e->found ? &e->pw : NULL;
}

struct passwd *pwc_getpwuid(uid_t uid)
{
	time_t now = time(NULL);
	pwc_ent_t *e = find(true, uid, NULL, now);

	if (e == NULL) {
		struct passwd *pw = getpwuid(uid);
		e = new_slot();
		e->byuid = true;
		e->uid = uid;
		e->when = now;
		ent_fill(e, pw);
	}
	return e->found ? &e->pw : NULL;
}

void pwc_flush(void)
{
	size_t i;

	for (i = 0; i < PWC_SLOTS; i++)
		ent_clear(&ents[i]);
}
