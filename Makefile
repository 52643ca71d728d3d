# One command to run the app, one to run the tests; both set everything up first.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
QT_DEBS := libglib2.0-0 libgl1 libegl1 libx11-6 libxkbcommon0 libfontconfig1 libfreetype6 \
	libdbus-1-3 fonts-dejavu-core libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 \
	libxcb-render-util0 libxcb-render0 libxcb-shape0 libxcb-util1 libxcb-xkb1 libxkbcommon-x11-0
# Chinese, Japanese and Korean: too large to bundle (see the README's "Scripts and fonts").
FONT_DEBS := fonts-noto-cjk
TEST_DEBS := poppler-utils strace shared-mime-info desktop-file-utils
A11Y_DEBS := xvfb xauth openbox xdotool dbus-daemon at-spi2-core python3-pyatspi gir1.2-atspi-2.0 \
	python3-gi
A11Y_DISPLAY ?=
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: run test lint setup system-deps test-deps a11y a11y-deps clean fuzz bench \
	install-desktop uninstall-desktop desktop-files

run: setup
	$(BIN)/briefing-viewer

test: setup test-deps
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest

lint: setup
	$(BIN)/ruff check viewer tests
	$(BIN)/ruff format --check viewer tests
	$(BIN)/mypy

setup: system-deps $(VENV)/.installed

# Installs Debian packages, only those missing: $(1) what they are for, $(2) the packages.
define install_debs
	@missing=$$(for p in $(2); do dpkg-query -W -f='$${Status}\n' $$p 2>/dev/null \
		| grep -q 'install ok installed' || echo $$p; done); \
	if [ -n "$$missing" ]; then \
		echo "Installing Debian packages $(1): $$missing"; \
		$(SUDO) apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends $$missing; \
	fi
endef

system-deps:
	$(call install_debs,Qt needs,$(QT_DEBS))
	$(call install_debs,for Chinese and Japanese and Korean text,$(FONT_DEBS))

# The tests read PDFs back with poppler, trace the app's system calls with strace and check the
# desktop entry and MIME type with the freedesktop tools.
test-deps:
	$(call install_debs,the tests use,$(TEST_DEBS))

# What a screen reader gets, through the real Linux accessibility stack, headless: a virtual X
# server, a session bus, at-spi2-core and a window manager, walked tab by tab with Debian's
# pyatspi. Prints the interactive nodes, the unnamed ones, the Tab order and any keyboard trap;
# fails on an unnamed node or a trap. A11Y_DISPLAY=97 picks the X display (default: a free one).
a11y: setup a11y-deps
	/usr/bin/python3 -m tests.a11y --python $(BIN)/python $(if $(A11Y_DISPLAY),--display $(A11Y_DISPLAY))

a11y-deps:
	$(call install_debs,the accessibility walk needs,$(A11Y_DEBS))

$(VENV)/.installed: pyproject.toml constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -c constraints.txt -e '.[test]'
	touch $@

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache .ruff_cache

# A long property-based campaign over mutated briefings (minutes, not part of `make test`).
fuzz: setup
	HYPOTHESIS_PROFILE=fuzz QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q \
		tests/domain/test_fuzz.py tests/ui/test_fuzz_views.py

# Start-up against the bare-Qt floor, a 200 x 2,000 briefing, a 200 x 6,000 roll-call in the
# window (open, first show of every tab, longest stall, peak memory), PDF export and the library.
bench: setup
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m tests.benchmarks

# The app in the desktop's menus, with its icon, and .briefing files opening in it on a
# double-click: for this user only, by the freedesktop conventions (XDG_DATA_HOME).
DATA_HOME ?= $(or $(XDG_DATA_HOME),$(HOME)/.local/share)
DESKTOP_FILES := applications/briefing-viewer.desktop mime/packages/briefing-viewer.xml \
	icons/hicolor/scalable/apps/briefing-viewer.svg

install-desktop: setup desktop-files

desktop-files:
	install -d "$(DATA_HOME)/applications" "$(DATA_HOME)/mime/packages" \
		"$(DATA_HOME)/icons/hicolor/scalable/apps"
	sed 's|@EXEC@|$(abspath $(BIN))/briefing-viewer|' resources/desktop/briefing-viewer.desktop \
		> "$(DATA_HOME)/applications/briefing-viewer.desktop"
	install -m 644 resources/desktop/briefing-viewer-mime.xml \
		"$(DATA_HOME)/mime/packages/briefing-viewer.xml"
	install -m 644 resources/icons/briefing-viewer.svg "$(DATA_HOME)/icons/hicolor/scalable/apps/"
	-update-mime-database "$(DATA_HOME)/mime"
	-update-desktop-database "$(DATA_HOME)/applications"
	-touch "$(DATA_HOME)/icons/hicolor"
	@echo "Installed for you: Briefing Viewer in the menus; .briefing files open in it."

uninstall-desktop:
	cd "$(DATA_HOME)" && rm -f $(DESKTOP_FILES)
	-update-mime-database "$(DATA_HOME)/mime"
	-update-desktop-database "$(DATA_HOME)/applications"
