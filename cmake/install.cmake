# Installing RolePath like a desktop app (README, "Install"): `cmake --install build [--prefix P]`
# puts the program, its desktop entry, AppStream metadata, icons and man page under the prefix
# (GNUInstallDirs), and `cd build && cpack -G DEB` packs the same tree as a Debian package.
# Every file installed comes from packaging/ as written there; only the metainfo is configured.
include(GNUInstallDirs)

set(ROLEPATH_APP_ID io.github.rolepath.RolePath)  # reverse-DNS id: desktop entry, metainfo and icon names
set(ROLEPATH_HOMEPAGE "https://github.com/rolepath/rolepath" CACHE STRING "The project's home page, named in the AppStream metadata and the package")
# The AppStream screenshots are the repository's docs/*.png under this address: <base>/home.png, ...
set(ROLEPATH_SCREENSHOT_BASE "https://raw.githubusercontent.com/rolepath/rolepath/main/docs" CACHE STRING "Where docs/*.png are served, for the AppStream screenshots")
set(ROLEPATH_MAINTAINER "RolePath maintainers <maintainers@users.noreply.r-seed-f33f1946.example>" CACHE STRING "The Debian package's Maintainer field")
set(rp_packaging ${PROJECT_SOURCE_DIR}/packaging)
configure_file(${rp_packaging}/${ROLEPATH_APP_ID}.metainfo.xml.in ${PROJECT_BINARY_DIR}/packaging/${ROLEPATH_APP_ID}.metainfo.xml @ONLY)

install(TARGETS rolepath RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(FILES ${rp_packaging}/${ROLEPATH_APP_ID}.desktop DESTINATION ${CMAKE_INSTALL_DATADIR}/applications)
install(FILES ${PROJECT_BINARY_DIR}/packaging/${ROLEPATH_APP_ID}.metainfo.xml DESTINATION ${CMAKE_INSTALL_DATADIR}/metainfo)
install(FILES ${rp_packaging}/icons/${ROLEPATH_APP_ID}.svg DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/scalable/apps)
# The PNG sizes are rendered from the SVG by packaging/render_icons.sh and committed.
set(ROLEPATH_ICON_SIZES 48x48 128x128 256x256)
foreach(size IN LISTS ROLEPATH_ICON_SIZES)
  install(FILES ${rp_packaging}/icons/${size}/${ROLEPATH_APP_ID}.png DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/${size}/apps)
endforeach()
install(FILES ${rp_packaging}/rolepath.1 DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)

# The Debian package: its library dependencies computed by dpkg-shlibdeps (dpkg-dev), plus the
# fonts the window draws with. Scripts and tests find it as rolepath_<version>_<arch>.deb.
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME rolepath)
set(CPACK_PACKAGE_VENDOR "The RolePath maintainers")
set(CPACK_PACKAGE_CONTACT "${ROLEPATH_MAINTAINER}")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "choose between two careers in AI, then learn what it takes")
# Wrapped as Debian policy asks; an empty line becomes a paragraph break (" .").
string(JOIN "\n" CPACK_DEBIAN_PACKAGE_DESCRIPTION
  "RolePath helps with one decision: become an AI Architect or a Machine Learning"
  "Software Engineer? It asks which role suits you and explains why, quizzes you on"
  "what each role does, needs and uses, brings back what you keep forgetting with"
  "spaced review (FSRS), and tracks your study over weeks."
  ""
  "Everything you answer stays in one SQLite file on your computer, with daily"
  "checked backups. RolePath needs no network and no account.")
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION education)
set(CPACK_DEBIAN_PACKAGE_HOMEPAGE "${ROLEPATH_HOMEPAGE}")
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "fonts-dejavu-core")
# Italics (fonts-dejavu-extra); Greek, Cyrillic and CJK text in a bank (Noto).
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "fonts-dejavu-extra, fonts-noto-core, fonts-noto-cjk, fonts-symbola")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)
set(CPACK_SOURCE_IGNORE_FILES "/\\\\.git" "/build[^/]*/")  # escaped twice: CPack writes it into CPackConfig.cmake as is
include(CPack)
