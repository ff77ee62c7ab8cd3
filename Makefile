# Install and release cfc (the convention of SwiftLint and swift-format).
#
#   make install PREFIX=/usr/local   release binary, shell completions and man page
#   make uninstall PREFIX=/usr/local
#   make release                     dist/cfc-VERSION-linux-ARCH.tar.gz and its .sha256
#
# The binary is self-contained: the Swift runtime is linked in (Package.swift) and libyaml
# statically, from Debian's libyaml-dev; it needs only the C and C++ runtimes. The release build
# lives in .build-release, apart from the debug build that `swift build` and `swift test` use,
# so the two never rebuild each other.
#
# Reproducible: the same commit gives the same tarball, byte for byte. Every date in it is the
# commit's (SOURCE_DATE_EPOCH), the tar entries are sorted with fixed owners and modes, gzip
# records no name or time, and the binary names the source directory `.`. Two sections are
# stripped because they follow the directory the clone is in: .swift_modhash (swiftc's hash of
# each module's LLVM IR, kept for incremental builds; nothing reads it at run time) and the GNU
# build id, a hash over the whole output. Without them, clones in /tmp/a and /tmp/b give the
# same binary.

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DELETE_ON_ERROR:

PREFIX ?= /usr/local
DESTDIR ?=
BINDIR = $(DESTDIR)$(PREFIX)/bin
MANDIR = $(DESTDIR)$(PREFIX)/share/man/man1
BASH_COMPLETIONS = $(DESTDIR)$(PREFIX)/share/bash-completion/completions
ZSH_COMPLETIONS = $(DESTDIR)$(PREFIX)/share/zsh/site-functions
FISH_COMPLETIONS = $(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d

# The one place the version is written is Sources/CFCCompiler/Support/Version.swift.
VERSION := $(shell sed -n 's/^ *public static let number = "\(.*\)"$$/\1/p' Sources/CFCCompiler/Support/Version.swift)
# The commit, marked -dirty when tracked files differ from it (the binary is then not that
# commit's).
COMMIT := $(shell git rev-parse --verify --quiet HEAD 2>/dev/null)$(if $(shell git status --porcelain --untracked-files=no 2>/dev/null),-dirty)
SOURCE_DATE_EPOCH ?= $(shell git log -1 --format=%ct 2>/dev/null || echo 0)
export SOURCE_DATE_EPOCH
ARCH := $(shell uname -m)
PLATFORM := linux-$(ARCH)

BUILD_PATH := .build-release
STAGE := $(BUILD_PATH)/stage
STATIC_LIBS := $(BUILD_PATH)/static-libs
LIBYAML_ARCHIVE := $(shell pkg-config --variable=libdir yaml-0.1 2>/dev/null)/libyaml.a
RELEASE_NAME := cfc-$(VERSION)-$(PLATFORM)
TARBALL := dist/$(RELEASE_NAME).tar.gz

# libyaml is linked statically through a pkg-config file of our own, found first on
# PKG_CONFIG_PATH: it names a directory that holds only libyaml.a, so the linker's -lyaml finds
# the archive. (Debian's yaml-0.1.pc puts the system library directory, where libyaml.so is,
# first on the link line; an -L of our own cannot come before it.) The prefix maps name the
# source directory `.` in the binary wherever it is cloned.
SWIFT_BUILD_FLAGS := -c release --build-path $(BUILD_PATH) --product cfc \
	-Xswiftc -file-prefix-map -Xswiftc $(CURDIR)=. \
	-Xcc -ffile-prefix-map=$(CURDIR)=. \
	$(if $(COMMIT),-Xcc '-DCFC_BUILD_COMMIT="$(COMMIT)"')

.PHONY: all build install install-files uninstall release clean-release check-version

all: build

check-version:
	@test -n "$(VERSION)" || { echo "make: no version in Sources/CFCCompiler/Support/Version.swift" >&2; exit 1; }

$(STATIC_LIBS)/libyaml.a:
	@test -f "$(LIBYAML_ARCHIVE)" || { echo "make: libyaml.a not found (install libyaml-dev and pkg-config)" >&2; exit 1; }
	mkdir -p $(STATIC_LIBS) $(STATIC_LIBS)/pkgconfig
	ln -sf "$(LIBYAML_ARCHIVE)" $@
	printf '%s\n' 'Name: LibYAML' 'Description: libyaml, linked statically by make' \
		"Version: $$(pkg-config --modversion yaml-0.1)" "Cflags: $$(pkg-config --cflags yaml-0.1)" \
		'Libs: -L$(abspath $(STATIC_LIBS)) -lyaml' > $(STATIC_LIBS)/pkgconfig/yaml-0.1.pc

# Always asks SwiftPM, which knows whether anything changed; then stages everything `install`
# and `release` copy: the stripped binary, completions and the man page.
build: check-version $(STATIC_LIBS)/libyaml.a
	PKG_CONFIG_PATH=$(abspath $(STATIC_LIBS))/pkgconfig$${PKG_CONFIG_PATH:+:$$PKG_CONFIG_PATH} swift build $(SWIFT_BUILD_FLAGS)
	rm -rf $(STAGE) && mkdir -p $(STAGE)/completions $(STAGE)/man
	strip --strip-all --remove-section=.swift_modhash --remove-section=.note.gnu.build-id \
		-o $(STAGE)/cfc $(BUILD_PATH)/release/cfc
	@if ldd $(STAGE)/cfc | grep -q libyaml; then echo "make: the binary still needs libyaml's shared library" >&2; exit 1; fi
	$(STAGE)/cfc --generate-completion-script bash > $(STAGE)/completions/cfc.bash
	$(STAGE)/cfc --generate-completion-script zsh > $(STAGE)/completions/_cfc
	$(STAGE)/cfc --generate-completion-script fish > $(STAGE)/completions/cfc.fish
	$(STAGE)/cfc --experimental-dump-help > $(STAGE)/cfc.help.json
	python3 scripts/manpage.py --date "$$(date -u -d @$(SOURCE_DATE_EPOCH) +%Y-%m-%d)" \
		$(STAGE)/cfc.help.json > $(STAGE)/man/cfc.1

install: build install-files

# Copies what `build` staged; `release` uses it to lay out the tarball.
install-files:
	install -d $(BINDIR) $(MANDIR) $(BASH_COMPLETIONS) $(ZSH_COMPLETIONS) $(FISH_COMPLETIONS)
	install -m 0755 $(STAGE)/cfc $(BINDIR)/cfc
	install -m 0644 $(STAGE)/man/cfc.1 $(MANDIR)/cfc.1
	install -m 0644 $(STAGE)/completions/cfc.bash $(BASH_COMPLETIONS)/cfc
	install -m 0644 $(STAGE)/completions/_cfc $(ZSH_COMPLETIONS)/_cfc
	install -m 0644 $(STAGE)/completions/cfc.fish $(FISH_COMPLETIONS)/cfc.fish

uninstall:
	rm -f $(BINDIR)/cfc $(MANDIR)/cfc.1 $(BASH_COMPLETIONS)/cfc $(ZSH_COMPLETIONS)/_cfc $(FISH_COMPLETIONS)/cfc.fish

# The tarball unpacks to cfc-VERSION-PLATFORM/ laid out like PREFIX, so
# `tar -xzf … --strip-components=1 -C /usr/local` installs it.
release: build
	rm -rf $(BUILD_PATH)/$(RELEASE_NAME) && mkdir -p dist
	$(MAKE) --no-print-directory install-files PREFIX= DESTDIR=$(CURDIR)/$(BUILD_PATH)/$(RELEASE_NAME)
	install -m 0644 LICENSE README.md CHANGELOG.md THIRD-PARTY-NOTICES $(BUILD_PATH)/$(RELEASE_NAME)/
	tar --create --sort=name --mtime=@$(SOURCE_DATE_EPOCH) --owner=0 --group=0 --numeric-owner \
		--mode='u+rwX,go+rX,go-w' --format=gnu -C $(BUILD_PATH) $(RELEASE_NAME) \
		| gzip -n -9 > $(TARBALL)
	cd dist && sha256sum $(RELEASE_NAME).tar.gz > $(RELEASE_NAME).tar.gz.sha256
	@cat dist/$(RELEASE_NAME).tar.gz.sha256

clean-release:
	rm -rf $(BUILD_PATH) dist
