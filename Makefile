# RegViz: build and install.
#   make                       release build
#   make install PREFIX=DIR    binary, lessons, assets, man page, shell completions (default /usr/local)
#   make uninstall PREFIX=DIR
#   SCRATCH=DIR                build directory (default .build), as swift build --scratch-path
PREFIX ?= /usr/local
SCRATCH ?= .build
BINDIR = $(DESTDIR)$(PREFIX)/bin
SHAREDIR = $(DESTDIR)$(PREFIX)/share/regviz
MANDIR = $(DESTDIR)$(PREFIX)/share/man/man1
BASHDIR = $(DESTDIR)$(PREFIX)/share/bash-completion/completions
ZSHDIR = $(DESTDIR)$(PREFIX)/share/zsh/site-functions
FISHDIR = $(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d
BUILT = $(SCRATCH)/release/regviz
MANPAGE = $(SCRATCH)/man/regviz.1

.PHONY: all build man install uninstall check-prefix

all: build

build:
	swift build -c release --scratch-path $(SCRATCH) --product regviz

# The man page comes from the command definitions themselves, through swift-argument-parser's
# generate-manual (the tool behind its plugin). The script keeps λ, × and the other non-ASCII
# characters, which the tool alone drops, and lays out the help's key lists and tables.
man: build
	swift build -c release --scratch-path $(SCRATCH) --product generate-manual
	scripts/man-page.sh $(BUILT) $(SCRATCH)/release/generate-manual $(MANPAGE)

check-prefix:
	@mkdir -p "$(DESTDIR)$(PREFIX)" 2>/dev/null; \
	if [ ! -d "$(DESTDIR)$(PREFIX)" ] || [ ! -w "$(DESTDIR)$(PREFIX)" ]; then \
	  echo "make install: cannot write to $(DESTDIR)$(PREFIX) (run with sudo, or choose PREFIX=\$$HOME/.local)" >&2; exit 1; \
	fi

install: check-prefix build man
	install -d "$(BINDIR)" "$(SHAREDIR)/lessons" "$(SHAREDIR)/assets" "$(MANDIR)" "$(BASHDIR)" "$(ZSHDIR)" "$(FISHDIR)"
	install -m 755 $(BUILT) "$(BINDIR)/regviz"
	install -m 644 lessons/*.md "$(SHAREDIR)/lessons/"
	install -d "$(SHAREDIR)/lessons/presets"
	install -m 644 lessons/presets/*.md "$(SHAREDIR)/lessons/presets/"
	install -m 644 assets/iris.csv assets/iris.md assets/digits.csv assets/digits.md "$(SHAREDIR)/assets/"
	install -m 644 $(MANPAGE) "$(MANDIR)/regviz.1"
	$(BUILT) --generate-completion-script bash > "$(BASHDIR)/regviz"
	$(BUILT) --generate-completion-script zsh > "$(ZSHDIR)/_regviz"
	$(BUILT) --generate-completion-script fish > "$(FISHDIR)/regviz.fish"
	@echo "installed regviz in $(BINDIR); lessons and data in $(SHAREDIR)"

uninstall:
	rm -f "$(BINDIR)/regviz" "$(MANDIR)/regviz.1" "$(BASHDIR)/regviz" "$(ZSHDIR)/_regviz" "$(FISHDIR)/regviz.fish"
	rm -rf "$(SHAREDIR)"
