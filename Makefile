# Top-level GNU Makefile.  Normal sequence:
#
#     autoreconf -fi && ./configure && make && make check
#
# Layout it builds (all by wildcard, so new files and directories are
# picked up without editing this file):
#
#   src/<subsystem>/**.c   -> $(B)/libsm.a   (every subsystem except the two below)
#   src/sendmail/**.c      -> $(B)/sendmail  (main program; links libsm.a)
#   src/tools/<tool>/**.c  -> $(B)/<tool>    (one program per directory)
#   test/unit/test_*.c     -> $(B)/test-unit/test_*   (TAP programs, linked with libsm.a)
#   test/integration/*.t   executable TAP scripts, run by prove
#   test/fuzz/fuzz_*.c     -> build-fuzz/fuzz/fuzz_*  (libFuzzer, clang only)
#
# where $(B) is build/, or build-san/ with SANITIZE=1.
#
# Targets: all (default), check, fuzz, fuzz-check, install, uninstall,
# clean, distclean, deps, help.  Variables: SANITIZE=1, WERROR= (drop
# -Werror), FUZZ_SECONDS=20, NOFUZZ=1 (check without fuzz-check),
# PROVE_FLAGS=..., DESTDIR=..., V=1 (show full commands).

.DEFAULT_GOAL := all
SHELL := /bin/bash
.DELETE_ON_ERROR:
.SUFFIXES:

# Goals that work without ./configure having been run.
NOCONF_GOALS := clean distclean deps help
ifneq ($(filter-out $(NOCONF_GOALS),$(or $(MAKECMDGOALS),all)),)
  ifeq ($(wildcard config.mk),)
    $(error config.mk is missing: run ./configure first (autoreconf -fi && ./configure))
  endif
  include config.mk
endif

# ------------------------------------------------------------------ modes
# FUZZ=1 is internal: `make fuzz` re-invokes make with it to build the
# clang/libFuzzer object tree.
SANITIZE ?= 0
FUZZ     ?= 0
WERROR   ?= -Werror

WARN := -Wall -Wextra -Wformat=2 -Wno-format-nonliteral
BASE_CPPFLAGS := -D_GNU_SOURCE -Isrc
BASE_CFLAGS   := -std=c11 -g $(WARN)
# every symbol bound at start (full RELRO): the daemon's children inherit
# the bindings instead of each resolving them again through the PLT
BASE_LDFLAGS  := -Wl,-z,relro -Wl,-z,now

ifeq ($(FUZZ),1)
  B           := build-fuzz
  CC          := $(FUZZ_CC)
  MODE_CFLAGS := -O1 -fno-omit-frame-pointer -fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=all
  MODE_LDFLAGS:= -fsanitize=address,undefined
  # clang warns about things gcc does not; the gcc builds enforce -Werror.
  WERROR      :=
else ifeq ($(SANITIZE),1)
  B           := build-san
  MODE_CFLAGS := -O1 -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all
  MODE_LDFLAGS:= -fsanitize=address,undefined
else
  B           := build
  MODE_CFLAGS := -O2
  MODE_LDFLAGS:=
endif

ALL_CPPFLAGS = $(BASE_CPPFLAGS) $(CONF_CPPFLAGS) $(CPPFLAGS)
ALL_CFLAGS   = $(BASE_CFLAGS) $(MODE_CFLAGS) $(WERROR) $(CONF_CFLAGS) $(CFLAGS)
ALL_LDFLAGS  = $(BASE_LDFLAGS) $(MODE_LDFLAGS) $(CONF_LDFLAGS) $(LDFLAGS)
LIBS_ALL     = $(CONF_LIBS) $(LIBS)

ifeq ($(V),1)
  Q :=
else
  Q := @
endif

# ------------------------------------------------------------------ sources
# find(1) instead of $(wildcard) so nested directories are included too.
srcfind = $(if $(strip $(1)),$(sort $(shell find $(1) -name '*.c' -type f 2>/dev/null)))

LIB_SRCS      := $(filter-out src/sendmail/% src/tools/%,$(call srcfind,$(wildcard src/*/)))
SENDMAIL_SRCS := $(call srcfind,src/sendmail)
TOOL_NAMES    := $(sort $(patsubst src/tools/%/,%,$(dir $(wildcard src/tools/*/*.c))))
UNIT_SRCS     := $(sort $(wildcard test/unit/test_*.c))
INTEG_TESTS   := $(sort $(wildcard test/integration/*.t))
FUZZ_SRCS     := $(sort $(wildcard test/fuzz/fuzz_*.c))

obj = $(patsubst %.c,$(B)/obj/%.o,$(1))

LIB_OBJS      := $(call obj,$(LIB_SRCS))
SENDMAIL_OBJS := $(call obj,$(SENDMAIL_SRCS))
UNIT_OBJS     := $(call obj,$(UNIT_SRCS))
FUZZ_OBJS     := $(call obj,$(FUZZ_SRCS))

LIBSM     := $(B)/libsm.a
SENDMAIL  := $(if $(SENDMAIL_SRCS),$(B)/sendmail)
TOOLS     := $(addprefix $(B)/,$(TOOL_NAMES))
UNIT_BINS := $(patsubst test/unit/%.c,$(B)/test-unit/%,$(UNIT_SRCS))
FUZZ_NAMES:= $(notdir $(FUZZ_SRCS:.c=))
FUZZ_BINS := $(addprefix $(B)/fuzz/,$(FUZZ_NAMES))

# ------------------------------------------------------------------ build
.PHONY: all
all: $(LIBSM) $(SENDMAIL) $(TOOLS)
ifeq ($(SENDMAIL_SRCS),)
	@echo "note: src/sendmail/ has no sources yet; $(B)/sendmail not built"
endif

# Objects are rebuilt when config.mk changes (new flags or libraries).
$(B)/obj/%.o: %.c config.mk
	@mkdir -p $(@D)
	@$(if $(Q),echo "  CC      $<")
	$(Q)$(CC) $(ALL_CPPFLAGS) $(ALL_CFLAGS) -MMD -MP -c $< -o $@

# Unit tests and fuzz targets may include their own helpers (tap.h).
$(UNIT_OBJS): BASE_CPPFLAGS += -Itest/unit
$(FUZZ_OBJS): BASE_CPPFLAGS += -Itest/fuzz

$(LIBSM): $(LIB_OBJS)
	@mkdir -p $(@D)
	@$(if $(Q),echo "  AR      $@")
	$(Q)rm -f $@ && ar rcs $@ $^

$(B)/sendmail: $(SENDMAIL_OBJS) $(LIBSM)
	@$(if $(Q),echo "  LINK    $@")
	$(Q)$(CC) $(ALL_LDFLAGS) -o $@ $(SENDMAIL_OBJS) $(LIBSM) $(LIBS_ALL)

# One link rule per tool directory.
define tool_rule
$(B)/$(1): $(call obj,$(call srcfind,src/tools/$(1))) $(LIBSM)
	@$$(if $$(Q),echo "  LINK    $$@")
	$$(Q)$$(CC) $$(ALL_LDFLAGS) -o $$@ $$(filter %.o,$$^) $$(LIBSM) $$(LIBS_ALL)
endef
$(foreach t,$(TOOL_NAMES),$(eval $(call tool_rule,$(t))))

$(B)/test-unit/%: $(B)/obj/test/unit/%.o $(LIBSM)
	@mkdir -p $(@D)
	@$(if $(Q),echo "  LINK    $@")
	$(Q)$(CC) $(ALL_LDFLAGS) -o $@ $< $(LIBSM) $(LIBS_ALL)

-include $(patsubst %.o,%.d,$(LIB_OBJS) $(SENDMAIL_OBJS) $(UNIT_OBJS) $(FUZZ_OBJS) \
           $(foreach t,$(TOOL_NAMES),$(call obj,$(call srcfind,src/tools/$(t)))))

# ------------------------------------------------------------------ tests
.PHONY: check check-build unit-tests fuzz fuzz-targets fuzz-check

unit-tests: $(UNIT_BINS)
check-build: all unit-tests

ABS_B := $(abspath $(B))
PROVE ?= prove
PROVE_FLAGS ?=
export ASAN_OPTIONS ?= detect_leaks=0:abort_on_error=0:print_summary=1
export UBSAN_OPTIONS ?= print_stacktrace=1:halt_on_error=1

# prove -e '' runs each file directly: compiled unit tests and executable
# scripts alike (integration tests need a #! line and the x bit).
check: check-build
	@bad=""; for t in $(INTEG_TESTS); do [ -x "$$t" ] || bad="$$bad $$t"; done; \
	 if [ -n "$$bad" ]; then echo "error: integration tests not executable (chmod +x):$$bad" >&2; exit 1; fi
	@echo "== $(B): unit and integration tests =="
	SENDMAIL_BIN=$(ABS_B)/sendmail TOP=$(CURDIR) BUILD=$(ABS_B) \
	  $(PROVE) -f -e '' $(PROVE_FLAGS) $(UNIT_BINS) $(INTEG_TESTS)
ifneq ($(NOFUZZ),1)
ifneq ($(SANITIZE),1)
	@$(MAKE) --no-print-directory fuzz-check
endif
endif

# libFuzzer targets are built by clang into their own object tree.
FUZZ_SECONDS ?= 20

ifeq ($(HAVE_LIBFUZZER),yes)
fuzz:
ifeq ($(FUZZ_SRCS),)
	@echo "fuzz: no test/fuzz/fuzz_*.c targets yet; nothing to build"
else
	@$(MAKE) --no-print-directory FUZZ=1 SANITIZE=0 fuzz-targets
endif

fuzz-check:
ifeq ($(FUZZ_SRCS),)
	@echo "SKIP: fuzz-check: no test/fuzz/fuzz_*.c targets yet"
else
	@$(MAKE) --no-print-directory FUZZ=1 SANITIZE=0 fuzz-targets
	@echo "== build-fuzz: fuzz targets, $(FUZZ_SECONDS)s each =="
	FUZZ_SECONDS=$(FUZZ_SECONDS) FUZZ_BUILD=$(abspath build-fuzz) TOP=$(CURDIR) \
	  $(PROVE) -f -v -e '' test/fuzz/run-fuzzers :: $(FUZZ_NAMES)
endif
else
fuzz fuzz-check:
	@echo "SKIP: $@: clang with libFuzzer not found by configure (apt-get install clang libclang-rt-14-dev, then re-run ./configure)"
endif

fuzz-targets: $(FUZZ_BINS)

$(B)/fuzz/%: $(B)/obj/test/fuzz/%.o $(LIBSM)
	@mkdir -p $(@D)
	@$(if $(Q),echo "  LINK    $@")
	$(Q)$(CC) -fsanitize=fuzzer,address,undefined $(CONF_LDFLAGS) $(LDFLAGS) -o $@ $< $(LIBSM) $(LIBS_ALL)

# ------------------------------------------------------------------ install
# Installs from build/ (or build-san/ with SANITIZE=1).  DESTDIR is honoured.
INSTALL  ?= install
cfdir    ?= $(datadir)/sendmail-cf
# Debian's path to the m4 library (a symbolic link to cfdir, unless a real
# directory is already there)
cfdebdir ?= $(datadir)/sendmail/cf
MAIL_LINKS_BIN  := mailq newaliases hoststat purgestat
MAN_PAGES := $(wildcard doc/man/*.[1-8])
# helpers sendmail runs (Debian's place for them), not in sbindir
LIBEXEC_TOOLS := mail.local smrsh
smlibexecdir  ?= $(libexecdir)/sendmail

.PHONY: install uninstall
install: all
	@test -n "$(SENDMAIL)" || { echo "install: no sendmail program to install (src/sendmail/ is empty)" >&2; exit 1; }
	$(INSTALL) -d -m 0755 $(DESTDIR)$(sbindir) $(DESTDIR)$(bindir)
	$(INSTALL) -m 0755 $(B)/sendmail $(DESTDIR)$(sbindir)/sendmail
	for l in $(MAIL_LINKS_BIN); do \
	  ln -sfr $(DESTDIR)$(sbindir)/sendmail $(DESTDIR)$(bindir)/$$l || exit 1; \
	done
	ln -sf sendmail $(DESTDIR)$(sbindir)/smtpd
	for t in $(filter-out $(LIBEXEC_TOOLS),$(TOOL_NAMES)); do \
	  $(INSTALL) -m 0755 $(B)/$$t $(DESTDIR)$(sbindir)/$$t || exit 1; \
	done
	$(INSTALL) -d -m 0755 $(DESTDIR)$(smlibexecdir)
	for t in $(filter $(LIBEXEC_TOOLS),$(TOOL_NAMES)); do \
	  $(INSTALL) -m 0755 $(B)/$$t $(DESTDIR)$(smlibexecdir)/$$t || exit 1; \
	done
	if [ -d cf ]; then \
	  $(INSTALL) -d -m 0755 $(DESTDIR)$(cfdir) && \
	  (cd cf && find . -type d) | while read -r d; do $(INSTALL) -d -m 0755 "$(DESTDIR)$(cfdir)/$$d" || exit 1; done && \
	  (cd cf && find . -type f) | while read -r f; do $(INSTALL) -m 0644 "cf/$$f" "$(DESTDIR)$(cfdir)/$$f" || exit 1; done && \
	  $(INSTALL) -d -m 0755 $(DESTDIR)$(dir $(cfdebdir)) && \
	  { [ -e $(DESTDIR)$(cfdebdir) ] && [ ! -L $(DESTDIR)$(cfdebdir) ] || ln -sfnr $(DESTDIR)$(cfdir) $(DESTDIR)$(cfdebdir); }; \
	fi
	for m in $(MAN_PAGES); do \
	  s=$${m##*.}; \
	  $(INSTALL) -d -m 0755 $(DESTDIR)$(mandir)/man$$s && \
	  $(INSTALL) -m 0644 $$m $(DESTDIR)$(mandir)/man$$s/ || exit 1; \
	done

uninstall:
	rm -f $(DESTDIR)$(sbindir)/sendmail $(DESTDIR)$(sbindir)/smtpd
	rm -f $(addprefix $(DESTDIR)$(bindir)/,$(MAIL_LINKS_BIN))
	rm -f $(addprefix $(DESTDIR)$(sbindir)/,$(filter-out $(LIBEXEC_TOOLS),$(TOOL_NAMES)))
	rm -f $(addprefix $(DESTDIR)$(smlibexecdir)/,$(LIBEXEC_TOOLS))
	rm -rf $(DESTDIR)$(cfdir)
	if [ -L $(DESTDIR)$(cfdebdir) ]; then rm -f $(DESTDIR)$(cfdebdir); fi
	for m in $(MAN_PAGES); do \
	  s=$${m##*.}; rm -f $(DESTDIR)$(mandir)/man$$s/$${m##*/}; \
	done

# ------------------------------------------------------------------ misc
.PHONY: clean distclean deps help
clean:
	rm -rf build build-san build-fuzz

distclean: clean
	rm -rf config.mk config.status config.log configure configure~ autom4te.cache

# Install the Debian packages needed to build and test (root).
deps:
	contrib/install-deps.sh

help:
	@sed -n '1,/^$$/p' Makefile | sed 's/^# \{0,1\}//'
