# The Debian package: `cpack -G DEB` in the build folder (scripts/package).
# Dependencies come from dpkg-shlibdeps; the docs Debian requires of every
# package (copyright, a compressed changelog) are installed here.
set(PORTOLAN_DOC_DIR ${CMAKE_INSTALL_DATADIR}/doc/portolan)
set(PORTOLAN_MAINTAINER "Portolan maintainers <maintainers@users.noreply.r-seed-97f2daa5.example>")

install(FILES ${PROJECT_SOURCE_DIR}/packaging/debian/copyright DESTINATION ${PORTOLAN_DOC_DIR})
set(changelog_gz ${CMAKE_CURRENT_BINARY_DIR}/packaging/changelog.gz)
add_custom_command(OUTPUT ${changelog_gz}
    COMMAND ${CMAKE_COMMAND} -E make_directory ${CMAKE_CURRENT_BINARY_DIR}/packaging
    COMMAND ${CMAKE_COMMAND} -E copy ${PROJECT_SOURCE_DIR}/packaging/debian/changelog
            ${CMAKE_CURRENT_BINARY_DIR}/packaging/changelog
    COMMAND ${PORTOLAN_GZIP} -9 --no-name --force ${CMAKE_CURRENT_BINARY_DIR}/packaging/changelog
    DEPENDS ${PROJECT_SOURCE_DIR}/packaging/debian/changelog
    VERBATIM)
add_custom_target(portolan_changelog ALL DEPENDS ${changelog_gz})
install(FILES ${changelog_gz} DESTINATION ${PORTOLAN_DOC_DIR})

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME portolan)
set(CPACK_PACKAGE_VENDOR "The Portolan authors")
set(CPACK_PACKAGE_CONTACT "${PORTOLAN_MAINTAINER}")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "editor and CI checker for port schemas")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)
set(CPACK_PACKAGE_CHECKSUM SHA256)

set(CPACK_DEBIAN_PACKAGE_MAINTAINER "${PORTOLAN_MAINTAINER}")
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION devel)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_HOMEPAGE "${PROJECT_HOMEPAGE_URL}")
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# Qt's translations of its own dialogs; Wayland sessions without it use XWayland.
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "qt6-translations-l10n, qt6-wayland")
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
set(CPACK_DEBIAN_COMPRESSION_TYPE xz)
# The long description; CPack puts the summary first and indents it for Debian.
set(CPACK_PACKAGE_DESCRIPTION "Portolan keeps the plan of which port each self-hosted service uses on
which host, grouped into purpose ranges, and shows its problems as they
appear: two services on one port, drift between plan and reality,
reserved slots, references to ports where nothing listens.

The desktop editor shows the plan as a table and as a grid of ports,
reviews the moves between plan and reality, and imports and exports
Markdown, docker-compose, Prometheus, file_sd and env files.

The same binary checks plans and compose files without a display, for
CI and pre-commit hooks, with GitHub annotations and SARIF output.")

include(CPack)
