# RegViz: build and install.
#   make                       release build
#   make install PREFIX=DIR    binary, lessons, assets, man page, shell completions (default /usr/local)
#   make uninstall PREFIX=DIR
PREFIX ?= /usr/local
BINDIR = $(DESTDIR)$(PREFIX)/bin
SHAREDIR = $(DESTDIR)$(PREFIX)/share/regviz
MANDIR = $(DESTDIR)$(PREFIX)/share/man/man1
BASHDIR = $(DESTDIR)$(PREFIX)/share/bash-completion/completions
ZSHDIR = $(DESTDIR)$(PREFIX)/share/zsh/site-functions
FISHDIR = $(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d
BUILT = .build/release/regviz
MANPAGE = .build/plugins/GenerateManual/outputs/regviz/regviz.1

.PHONY: all build man install uninstall check-prefix

all: build

build:
	swift build -c release --product regviz

# The man page comes from the command definitions themselves (swift-argument-parser's plugin).
man: build
	swift package plugin generate-manual --authors "The RegViz authors" >/dev/null
	@test -f $(MANPAGE) || { echo "make: the man page was not generated ($(MANPAGE))" >&2; exit 1; }

check-prefix:
	@mkdir -p "$(DESTDIR)$(PREFIX)" 2>/dev/null; \
	if [ ! -d "$(DESTDIR)$(PREFIX)" ] || [ ! -w "$(DESTDIR)$(PREFIX)" ]; then \
	  echo "make install: cannot write to $(DESTDIR)$(PREFIX) (run with sudo, or choose PREFIX=\$$HOME/.local)" >&2; exit 1; \
	fi

install: check-prefix build man
	install -d "$(BINDIR)" "$(SHAREDIR)/lessons" "$(SHAREDIR)/assets" "$(MANDIR)" "$(BASHDIR)" "$(ZSHDIR)" "$(FISHDIR)"
	install -m 755 $(BUILT) "$(BINDIR)/regviz"
	install -m 644 lessons/*.md "$(SHAREDIR)/lessons/"
	install -m 644 assets/iris.csv assets/iris.md "$(SHAREDIR)/assets/"
	install -m 644 $(MANPAGE) "$(MANDIR)/regviz.1"
	$(BUILT) --generate-completion-script bash > "$(BASHDIR)/regviz"
	$(BUILT) --generate-completion-script zsh > "$(ZSHDIR)/_regviz"
	$(BUILT) --generate-completion-script fish > "$(FISHDIR)/regviz.fish"
	@echo "installed regviz in $(BINDIR); lessons and data in $(SHAREDIR)"

uninstall:
	rm -f "$(BINDIR)/regviz" "$(MANDIR)/regviz.1" "$(BASHDIR)/regviz" "$(ZSHDIR)/_regviz" "$(FISHDIR)/regviz.fish"
	rm -rf "$(SHAREDIR)"
