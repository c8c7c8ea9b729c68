# Finds every third-party dependency among the Debian 12 packages listed in packages.txt and
# presents each as an imported target. The rest of the build links only these names:
#   rp::imgui (with its GLFW + OpenGL 3 backends), rp::glfw, rp::opengl, rp::stb,
#   rp::sqlitecpp, rp::fmt, rp::doctest, rp::toml, rp::cli11, rp::json, rp::fontconfig, rp::fribidi,
#   rp::threads
# Nothing is downloaded: a missing package is a configure error that names it.

find_package(PkgConfig REQUIRED)
find_package(Threads REQUIRED)  # the window builds its fonts while its OpenGL context is made

macro(rp_require_package found pkg)
  if(NOT ${found})
    message(FATAL_ERROR "RolePath needs the Debian package '${pkg}': run bash third_party_cfg/install.sh")
  endif()
endmacro()

find_package(glfw3 3.3 QUIET)
rp_require_package(glfw3_FOUND libglfw3-dev)
set(OpenGL_GL_PREFERENCE GLVND)
find_package(OpenGL QUIET)
rp_require_package(OpenGL_FOUND libgl-dev)
pkg_check_modules(RP_STB QUIET IMPORTED_TARGET stb)
rp_require_package(RP_STB_FOUND libstb-dev)
pkg_check_modules(RP_IMGUI QUIET IMPORTED_TARGET imgui>=1.86)
rp_require_package(RP_IMGUI_FOUND libimgui-dev)
# Fonts are found through fontconfig (fonts/finder.cpp); right-to-left text is reordered and
# Arabic shaped by GNU FriBidi (ui/bidi.cpp).
pkg_check_modules(RP_FONTCONFIG QUIET IMPORTED_TARGET fontconfig)
rp_require_package(RP_FONTCONFIG_FOUND libfontconfig-dev)
pkg_check_modules(RP_FRIBIDI QUIET IMPORTED_TARGET fribidi>=1.0)
rp_require_package(RP_FRIBIDI_FOUND libfribidi-dev)
find_package(SQLiteCpp 3 QUIET)
rp_require_package(SQLiteCpp_FOUND libsqlitecpp-dev)
find_package(fmt 9 QUIET)
rp_require_package(fmt_FOUND libfmt-dev)
find_package(doctest QUIET)
rp_require_package(doctest_FOUND doctest-dev)
find_package(tomlplusplus 3 QUIET)
rp_require_package(tomlplusplus_FOUND libtomlplusplus-dev)
find_package(CLI11 2 QUIET)
rp_require_package(CLI11_FOUND libcli11-dev)
find_package(nlohmann_json 3.10 QUIET)
rp_require_package(nlohmann_json_FOUND nlohmann-json3-dev)

add_library(rp::glfw ALIAS glfw)
add_library(rp::opengl ALIAS OpenGL::GL)
add_library(rp::stb ALIAS PkgConfig::RP_STB)
add_library(rp::threads ALIAS Threads::Threads)
add_library(rp::fontconfig ALIAS PkgConfig::RP_FONTCONFIG)
add_library(rp::fribidi ALIAS PkgConfig::RP_FRIBIDI)
add_library(rp::sqlitecpp ALIAS SQLiteCpp)
add_library(rp::fmt ALIAS fmt::fmt)
add_library(rp::doctest ALIAS doctest::doctest)
add_library(rp::toml ALIAS tomlplusplus::tomlplusplus)
add_library(rp::cli11 ALIAS CLI11::CLI11)
add_library(rp::json ALIAS nlohmann_json::nlohmann_json)

# Debian's libimgui.a carries the backends too; their headers live in imgui/backends and the
# OpenGL 3 backend loads GL itself, so only GLFW, libGL and dl are needed beside it.
pkg_get_variable(RP_IMGUI_HEADERS imgui includedir)
add_library(rp_imgui INTERFACE)
target_link_libraries(rp_imgui INTERFACE PkgConfig::RP_IMGUI rp::glfw rp::opengl ${CMAKE_DL_LIBS})
target_include_directories(rp_imgui SYSTEM INTERFACE ${RP_IMGUI_HEADERS} ${RP_IMGUI_HEADERS}/backends)
add_library(rp::imgui ALIAS rp_imgui)

# doctest's CTest integration (doctest_discover_tests): one CTest entry per test case.
include(${doctest_DIR}/doctest.cmake)
