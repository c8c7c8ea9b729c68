# rp_embed_files(TARGET name NAMESPACE ns [BASE dir] FILES a b ...) generates a C++ source that
# holds each file as bytes, so the binary runs from any folder. Each file becomes an entry
# {name, contents} in ns::embedded_files(), in the order given; the name is the path under BASE
# when BASE is given, else the file name. The build reruns when a file changes.
function(rp_embed_files)
  cmake_parse_arguments(E "" "TARGET;NAMESPACE;BASE" "FILES" ${ARGN})
  set(out "${CMAKE_CURRENT_BINARY_DIR}/${E_TARGET}_embedded.cpp")
  add_custom_command(
    OUTPUT "${out}"
    COMMAND ${CMAKE_COMMAND} -DOUT=${out} -DNS=${E_NAMESPACE} "-DBASE=${E_BASE}" "-DFILES=${E_FILES}"
            -P "${PROJECT_SOURCE_DIR}/cmake/embed_run.cmake"
    DEPENDS ${E_FILES} "${PROJECT_SOURCE_DIR}/cmake/embed_run.cmake"
    COMMENT "Embedding ${E_NAMESPACE} files"
    VERBATIM)
  target_sources(${E_TARGET} PRIVATE "${out}")
endfunction()
