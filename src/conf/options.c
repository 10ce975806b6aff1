/* options.c - O lines and -O options: lookup, parsing, typed values. */
#include "conf/options.h"
#include "lib/xalloc.h"
#include "lib/str.h"
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

static const optdef_t table[] = {
	{ OPT_NONE, "", 0, OT_STR, "" },
#define X(id, name, c, type, dflt) { OPT_##id, name, c, type, dflt },
#include "conf/options_list.h"
#undef X
};

#define NTABLE (sizeof table / sizeof table[0])

const optdef_t *opt_find(const char *name)
{
	size_t i;
	for (i = 1; i < NTABLE; i++)
		if (strcasecmp(table[i].name, name) == 0)
			return &table[i];
	return NULL;
}

const optdef_t *opt_find_short(int c)
{
	size_t i;
	if (c == 0)
		return NULL;
	for (i = 1; i < NTABLE; i++)
		if (table[i].shortname == c)
			return &table[i];
	return NULL;
}

long opt_convtime(const char *p, int unit)
{
	long total = 0;
	bool any = false;

	while (*p) {
		long v = 0;
		int u;
		if (!isdigit((unsigned char)*p))
			return -1;
		while (isdigit((unsigned char)*p)) {
			if (v > 100000000L)
				return -1;
			v = v * 10 + (*p++ - '0');
		}
		u = *p ? (unsigned char)*p++ : unit;
		switch (u) {
		case 'w': v *= 7L * 24 * 3600; break;
		case 'd': v *= 24L * 3600; break;
		case 'h': v *= 3600; break;
		case 'm': v *= 60; break;
		case 's': break;
		default: return -1;
		}
		total += v;
		any = true;
	}
	return any ? total : -1;
}

static long parse_num(const optdef_t *d, const char *v)
{
	switch (d->type) {
	case OT_BOOL:
		/* the reference: anything but f/F/n/N (and "false") is true */
		return !(v[0] == 'f' || v[0] == 'F' || v[0] == 'n' || v[0] == 'N');
	case OT_INT:
	case OT_SIZE:
		return strtol(v, NULL, 10);
	case OT_MODE:
		return strtol(v, NULL, 8);
	case OT_TIME:
		return opt_convtime(v, d->id >= OPT_Timeout_queuereturn ? 'd' : 'm');
	default:
		return 0;
	}
}

void opt_init(optvals_t *ov)
{
	size_t i;
	memset(ov, 0, sizeof *ov);
	for (i = 1; i < NTABLE; i++)
		if (table[i].dflt[0])
			ov->num[i] = parse_num(&table[i], table[i].dflt);
}

void opt_free(optvals_t *ov)
{
	size_t i;
	for (i = 0; i < OPT__COUNT; i++)
		free(ov->raw[i]);
	memset(ov, 0, sizeof *ov);
}

int opt_set(optvals_t *ov, const optdef_t *d, const char *value, opt_errfn err, void *arg)
{
	char msg[512];

	if (d->type == OT_TIME && *value && parse_num(d, value) < 0) {
		snprintf(msg, sizeof msg, "Invalid time value \"%s\" for option %s", value, d->name);
		if (err)
			err(msg, arg);
		return -1;
	}
	free(ov->raw[d->id]);
	ov->raw[d->id] = xstrdup(value);
	ov->set[d->id] = 1;
	ov->num[d->id] = parse_num(d, value);
	return 0;
}

/* "Timeout=queuereturn=1d,queuewarn=4h": the old combined form */
static int set_timeouts(optvals_t *ov, const char *v, opt_errfn err, void *arg)
{
	char *copy = xstrdup(v), *item, *save = NULL;
	int rc = 0;
	for (item = strtok_r(copy, ", \t", &save); item; item = strtok_r(NULL, ", \t", &save)) {
		char name[128], *eq = strchr(item, '=');
		const optdef_t *d;
		if (eq == NULL)
			continue;
		*eq = '\0';
		snprintf(name, sizeof name, "Timeout.%s", item);
		d = opt_find(name);
		if (d == NULL) {
			char msg[256];
			snprintf(msg, sizeof msg, "settimeout: invalid timeout %s", item);
			if (err)
				err(msg, arg);
			rc = -1;
			continue;
		}
		if (opt_set(ov, d, eq + 1, err, arg) < 0)
			rc = -1;
	}
	free(copy);
	return rc;
}

int opt_set_line(optvals_t *ov, const char *body, opt_errfn err, void *arg)
{
	const optdef_t *d;
	char name[128], msg[256];
	const char *v;
	size_t n;

	if (*body == ' ' || *body == '\t') {
		while (*body == ' ' || *body == '\t')
			body++;
		for (n = 0; body[n] && body[n] != '=' && body[n] != ' ' && body[n] != '\t'; n++)
			;
		if (n >= sizeof name)
			n = sizeof name - 1;
		memcpy(name, body, n);
		name[n] = '\0';
		v = body + n;
		while (*v == ' ' || *v == '\t')
			v++;
		if (*v == '=')
			v++;
		while (*v == ' ' || *v == '\t')
			v++;
		d = opt_find(name);
		if (d == NULL) {
			snprintf(msg, sizeof msg, "readcf: unknown option name %s", name);
			if (err)
				err(msg, arg);
			return -1;
		}
	} else {
		if (*body == '\0')
			return 0;
		if (*body == 'M')
			return 1;
		d = opt_find_short((unsigned char)*body);
		if (d == NULL)
			return 0;   /* the reference ignores unknown one-letter options */
		v = body + 1;
	}
	if (d->type == OT_SPECIAL)
		return set_timeouts(ov, v, err, arg);
	return opt_set(ov, d, v, err, arg);
}

bool opt_is_set(const optvals_t *ov, opt_id id)
{
	return id > OPT_NONE && id < OPT__COUNT && ov->set[id];
}

const char *opt_str(const optvals_t *ov, opt_id id)
{
	if (id <= OPT_NONE || id >= OPT__COUNT)
		return NULL;
	if (ov->set[id])
		return ov->raw[id];
	return table[id].dflt[0] ? table[id].dflt : NULL;
}

long opt_num(const optvals_t *ov, opt_id id)
{
	return (id > OPT_NONE && id < OPT__COUNT) ? ov->num[id] : 0;
}

bool opt_bool(const optvals_t *ov, opt_id id)
{
	return opt_num(ov, id) != 0;
}
