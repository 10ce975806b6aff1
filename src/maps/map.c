/* map.c - the generic map layer: K line parsing, the registry of map
 * classes and maps, key folding and NUL conventions, result rewriting. */
#include "maps/map.h"
#include "lib/xalloc.h"
#include "lib/str.h"
#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#define MAX_CLASSES 64

static const map_class_t *classes[MAX_CLASSES];
static int nclasses;
static map_t *maps;

static void default_message(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vfprintf(stdout, fmt, ap);
	va_end(ap);
	fputc('\n', stdout);
}

void (*map_message)(const char *fmt, ...) = default_message;
int (*map_alias_opened)(map_t *m);
int (*map_alias_missing)(map_t *m);

void map_register_class(const map_class_t *cls)
{
	int i;
	for (i = 0; i < nclasses; i++)
		if (strcmp(classes[i]->name, cls->name) == 0)
			return;
	if (nclasses < MAX_CLASSES)
		classes[nclasses++] = cls;
}

const map_class_t *map_find_class(const char *name)
{
	int i;
	for (i = 0; i < nclasses; i++)
		if (strcasecmp(classes[i]->name, name) == 0)
			return classes[i];
	return NULL;
}

map_t *map_find(const char *name)
{
	map_t *m;
	for (m = maps; m; m = m->next)
		if (strcmp(m->name, name) == 0)
			return m;
	return NULL;
}

static void map_free(map_t *m)
{
	if (m->cls && m->cls->close && m->handle)
		m->cls->close(m);
	free(m->name); free(m->file); free(m->app); free(m->tapp);
	free(m->keycol); free(m->valcol); free(m->coldelim); free(m->args);
	free(m);
}

void map_reset_all(void)
{
	map_t *m, *n;
	for (m = maps; m; m = n) {
		n = m->next;
		map_free(m);
	}
	maps = NULL;
}

/* the error hook of the K line being declared (map_conf_error) */
static map_errfn decl_err;
static void *decl_errarg;

void map_conf_error(const char *fmt, ...)
{
	buf_t b = BUF_INIT(4096);
	va_list ap;

	va_start(ap, fmt);
	(void)buf_vprintf(&b, fmt, ap);
	va_end(ap);
	if (decl_err)
		decl_err(buf_str(&b), decl_errarg);
	else
		map_message("%s", buf_str(&b));
	buf_free(&b);
}

/* the text of a flag argument: -aVALUE (no blank) */
static char *flag_arg(const char **pp)
{
	const char *p = *pp, *s = p;
	while (*p && *p != ' ' && *p != '\t')
		p++;
	*pp = p;
	return xstrndup(s, (size_t)(p - s));
}

static int parse_flags(map_t *m, const char **pp)
{
	const char *p = *pp;

	for (;;) {
		int f;
		while (*p == ' ' || *p == '\t')
			p++;
		if (*p != '-')
			break;
		p++;
		f = (unsigned char)*p;
		if (f == '\0')
			break;
		p++;
		if ((m->cls->defflags & MF_CLASSFLAGS) && m->cls->parse_flag(m, f, &p) == 0)
			continue;
		switch (f) {
		case 'o': m->flags |= MF_OPTIONAL; break;
		case 'N': m->flags |= MF_INCLNULL; m->flags &= ~MF_TRY0NULL; break;
		case 'O': m->flags &= ~MF_TRY1NULL; break;
		case 'f': m->flags |= MF_NOFOLDCASE; break;
		case 'm': m->flags |= MF_MATCHONLY; break;
		case 'A': m->flags |= MF_APPEND; break;
		case 'q': m->flags |= MF_KEEPQUOTES; break;
		case 'D': m->flags |= MF_DEFER; break;
		case 't': m->flags |= MF_TEMPFAILNOMATCH; break;
		case 'a': free(m->app); m->app = flag_arg(&p); break;
		case 'T': free(m->tapp); m->tapp = flag_arg(&p); break;
		case 'k': free(m->keycol); m->keycol = flag_arg(&p); break;
		case 'v': free(m->valcol); m->valcol = flag_arg(&p); break;
		case 'z':
			free(m->coldelim);
			if (*p == ' ' || *p == '\t')   /* "-z " makes the blank the delimiter */
				m->coldelim = xstrndup(p++, 1);
			else
				m->coldelim = flag_arg(&p);
			break;
		case 'S': m->spacesub = (unsigned char)*p; if (*p) p++; break;
		default:
			if (m->cls->parse_flag == NULL || m->cls->parse_flag(m, f, &p) < 0) {
				/* unknown flags are ignored with their argument, as the
				 * reference does for flags of other classes */
				while (*p && *p != ' ' && *p != '\t')
					p++;
			}
		}
	}
	*pp = p;
	return 0;
}

map_t *map_declare(const char *line, map_errfn err, void *errarg)
{
	const char *p = line, *s;
	char name[256], cls[64], msg[512];
	const map_class_t *c;
	map_t *m;

	while (*p == ' ' || *p == '\t')
		p++;
	s = p;
	while (*p && *p != ' ' && *p != '\t')
		p++;
	sm_strlcpy(name, s, (size_t)(p - s) + 1 < sizeof name ? (size_t)(p - s) + 1 : sizeof name);
	while (*p == ' ' || *p == '\t')
		p++;
	s = p;
	while (*p && *p != ' ' && *p != '\t')
		p++;
	sm_strlcpy(cls, s, (size_t)(p - s) + 1 < sizeof cls ? (size_t)(p - s) + 1 : sizeof cls);
	if (name[0] == '\0') {
		if (err)
			err("readcf: config K line: no map name", errarg);
		return NULL;
	}
	if (cls[0] == '\0') {
		snprintf(msg, sizeof msg, "readcf: config K line, map %s: no map class", name);
		if (err)
			err(msg, errarg);
		return NULL;
	}
	c = map_find_class(cls);
	if (c == NULL) {
		snprintf(msg, sizeof msg, "readcf: map %s: class %s not available", name, cls);
		if (err)
			err(msg, errarg);
		return NULL;
	}
	m = xcalloc(1, sizeof *m);
	m->name = xstrdup(name);
	m->cls = c;
	m->flags = MF_TRY0NULL | MF_TRY1NULL | c->defflags;
	m->args = xstrdup(p);
	decl_err = err;
	decl_errarg = errarg;
	parse_flags(m, &p);
	while (*p == ' ' || *p == '\t')
		p++;
	if (c->parse_rest && c->parse_rest(m, p) < 0) {
		decl_err = NULL;
		map_free(m);
		return NULL;
	}
	decl_err = NULL;
	if (m->file == NULL && *p)
		m->file = xstrdup(p);
	{
		map_t *old = map_find(name), **pp;
		if (old) {
			for (pp = &maps; *pp != old; pp = &(*pp)->next)
				;
			*pp = old->next;
			map_free(old);
		}
		for (pp = &maps; *pp; pp = &(*pp)->next)
			;
		*pp = m;
	}
	return m;
}

static int ensure_open(map_t *m)
{
	if (m->tried_open)
		return m->open_status;
	m->tried_open = true;
	m->open_status = m->cls->open ? m->cls->open(m) : MAP_OK;
	return m->open_status;
}

int map_usable(map_t *m)
{
	int st = ensure_open(m);
	if (st == MAP_OK)
		st = m->open_status;   /* a failed reopen closes the map */
	if (st == MAP_OK)
		return MAP_OK;
	if (st == MAP_UNAVAIL || (m->flags & MF_OPTIONAL))
		return MAP_UNAVAIL;
	return MAP_TEMPFAIL;
}

void map_open_all(void)
{
	map_t *m;
	for (m = maps; m; m = m->next)
		ensure_open(m);
}

void map_rewrite(map_t *m, const char *val, size_t vlen, const char *key,
		 const char **args, int nargs, buf_t *out)
{
	size_t i;
	for (i = 0; i < vlen; i++) {
		char c = val[i];
		if (c == '%' && i + 1 < vlen) {
			char d = val[++i];
			if (d == '0')
				buf_adds(out, key);
			else if (d >= '1' && d <= '9') {
				if (d - '1' < nargs && args[d - '1'])
					buf_adds(out, args[d - '1']);
			} else {
				if (d != '%')   /* "%%" is one '%'; "%x" stays */
					buf_addc(out, '%');
				buf_addc(out, d);
			}
			continue;
		}
		buf_addc(out, c);
	}
	if (m->app)
		buf_adds(out, m->app);
}

/* generic db-style lookup with folding and NUL conventions */
static int raw_lookup(map_t *m, const char *key, buf_t *val)
{
	size_t kl = strlen(key);
	int st = MAP_NOTFOUND;

	if (m->flags & MF_TRY0NULL) {
		st = m->cls->lookup(m, key, kl, val);
		if (st == MAP_OK && !(m->flags & MF_INCLNULL))
			m->flags &= ~MF_TRY1NULL;
	}
	if (st == MAP_NOTFOUND && (m->flags & MF_TRY1NULL)) {
		buf_reset(val);
		st = m->cls->lookup(m, key, kl + 1, val);
		if (st == MAP_OK)
			m->flags &= ~MF_TRY0NULL;
	}
	/* values stored with a trailing NUL lose it */
	if (st == MAP_OK && val->len > 0 && val->p[val->len - 1] == '\0')
		buf_truncate(val, val->len - 1);
	return st;
}

/* keys lose their quotes (and backslash escapes) unless -q */
static void stripquotes(const char *s, buf_t *out)
{
	for (; *s; s++) {
		if (*s == '"')
			continue;
		if (*s == '\\' && s[1])
			s++;
		buf_addc(out, *s);
	}
}

int map_lookup(map_t *m, const char *key, const char **args, int nargs, buf_t *out, int *stat)
{
	/* reused from call to call (lookups do not nest) */
	static buf_t k = BUF_INIT(0), val = BUF_INIT(0);
	int st;

	*stat = MAP_OK;
	st = map_usable(m);
	if (st != MAP_OK) {
		if (st == MAP_TEMPFAIL)
			*stat = st;
		return 0;
	}
	/* after the open: opening an alias map may look other maps up */
	buf_reset(&k);
	buf_reset(&val);
	if (!(m->flags & MF_KEEPQUOTES))
		stripquotes(key, &k);
	else
		buf_adds(&k, key);
	if (m->cls->lookup_full) {
		return m->cls->lookup_full(m, buf_str(&k), args, nargs, out, stat);
	}
	if (m->cls->lookup == NULL)
		return 0;
	if (!(m->flags & MF_NOFOLDCASE) && k.p)
		sm_lower(k.p);
	st = raw_lookup(m, buf_str(&k), &val);
	if (st == MAP_OK) {
		if (m->flags & MF_MATCHONLY)
			map_rewrite(m, key, strlen(key), key, args, nargs, out);
		else
			map_rewrite(m, buf_str(&val), val.len, key, args, nargs, out);
	} else if (st != MAP_NOTFOUND)
		*stat = st;
	return st == MAP_OK;
}

int map_coldelim_char(const map_t *m)
{
	const char *z = m->coldelim;

	if (z == NULL || z[0] == '\0')
		return '\0';
	if (z[0] == '\\' && z[1] == 't')
		return '\t';
	if (z[0] == '\\' && z[1] == 'n')
		return '\n';
	return (unsigned char)z[0];
}

/* the common K-line tail of file-based classes: the first word is the
 * file; none is reported as the reference reports it (the map is then
 * declared but never opens) */
int map_parse_filename(map_t *m, const char *rest)
{
	const char *e;

	while (*rest == ' ' || *rest == '\t')
		rest++;
	for (e = rest; *e && *e != ' ' && *e != '\t'; e++)
		;
	if (e == rest) {
		map_conf_error("No file name for %s map %s", m->cls->name, m->name);
		return 0;
	}
	free(m->file);
	m->file = xstrndup(rest, (size_t)(e - rest));
	return 0;
}
